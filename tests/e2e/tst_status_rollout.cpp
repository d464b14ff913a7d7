// status on Kubernetes shows a rollout in progress: the pods not at the StatefulSet's update revision,
// and mixed server versions, in its JSON ("rollout", each pod's "revision") and in its text.
#include "operations/status_result.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"

#include <QJsonArray>
#include <QTest>

using namespace rcs;
using namespace rcs::ops;

namespace {

// Two masters (pods 0 and 1) splitting the slots; pod i runs revision revisions[i] and the server
// versions[i].
StatusReport report(const QStringList &revisions, const QStringList &versions)
{
    StatusReport status;
    status.onKubernetes = true;
    status.ns = QStringLiteral("redis-cluster");
    status.statefulSet = QStringLiteral("redis-app");
    status.deployment.namespaceExists = true;
    status.deployment.statefulSetExists = true;
    status.deployment.replicas = 2;
    status.deployment.statefulSet =
        QJsonObject{{QStringLiteral("status"),
                     QJsonObject{{QStringLiteral("currentRevision"), QStringLiteral("redis-app-old")},
                                 {QStringLiteral("updateRevision"), QStringLiteral("redis-app-new")}}}};
    QList<NodeView> views;
    QList<PodState> pods;
    for (int i = 0; i < 2; ++i) {
        PodState pod;
        pod.ordinal = i;
        pod.info = PodInfo{QStringLiteral("redis-app-%1").arg(i),
                           QStringLiteral("10.0.0.%1").arg(i),
                           QStringLiteral("node-%1").arg(i),
                           QStringLiteral("Running"),
                           true,
                           0};
        pod.revision = revisions.at(i);
        pods.append(pod);
        NodeView view;
        view.address = NodeAddress{pod.info.ip, 6379};
        view.reachable = true;
        QByteArray own;
        for (int j = 0; j < 2; ++j) {
            own += QByteArray(39, 'a') + QByteArray::number(j) + " 10.0.0." + QByteArray::number(j) +
                   ":6379@16379 " + QByteArray(j == i ? "myself,master" : "master") + " - 0 0 " +
                   QByteArray::number(j + 1) + " connected " + QByteArray(j == 0 ? "0-8191" : "8192-16383") +
                   '\n';
        }
        view.nodes = parseClusterNodes(own).value();
        const Result<ServerIdentity> server =
            parseServerIdentity("redis_version:" + versions.at(i).toLatin1() + "\r\n");
        if (!server)
            qFatal("test data does not parse: %s", qPrintable(server.error().message()));
        view.server = *server;
        views.append(view);
    }
    status.deployment.pods = pods;
    status.topology = ClusterTopology::fromViews(views, podsByIp(pods));
    return status;
}

} // namespace

class TestStatusRollout final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aRolloutHalfDoneIsShown()
    {
        const StatusReport status = report({QStringLiteral("redis-app-new"), QStringLiteral("redis-app-old")},
                                           {QStringLiteral("7.0.15"), QStringLiteral("5.0.5")});
        const QJsonObject json = statusToJson(status);
        const QJsonObject rollout = json.value(QLatin1String("rollout")).toObject();
        QCOMPARE(rollout.value(QLatin1String("in_progress")).toBool(), true);
        QCOMPARE(rollout.value(QLatin1String("update_revision")).toString(), QStringLiteral("redis-app-new"));
        QCOMPARE(rollout.value(QLatin1String("pods_behind")).toArray(),
                 QJsonArray{QStringLiteral("redis-app-1")});
        QCOMPARE(rollout.value(QLatin1String("servers")).toArray(),
                 (QJsonArray{QStringLiteral("redis 5.0.5"), QStringLiteral("redis 7.0.15")}));
        QCOMPARE(rollout.value(QLatin1String("mixed_servers")).toBool(), true);
        QCOMPARE(json.value(QLatin1String("pods"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("revision"))
                     .toString(),
                 QStringLiteral("redis-app-old"));
        const QString text = statusToText(status);
        QVERIFY2(text.contains(QLatin1String("Rollout in progress: 1 of 2 pods run the update revision "
                                             "redis-app-new; not yet: redis-app-1.")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Mixed server versions: redis 5.0.5, redis 7.0.15")),
                 qPrintable(text));
    }

    void aFinishedRolloutIsNotShown()
    {
        const StatusReport status = report({QStringLiteral("redis-app-new"), QStringLiteral("redis-app-new")},
                                           {QStringLiteral("7.0.15"), QStringLiteral("7.0.15")});
        const QJsonObject rollout = statusToJson(status).value(QLatin1String("rollout")).toObject();
        QCOMPARE(rollout.value(QLatin1String("in_progress")).toBool(), false);
        QVERIFY(rollout.value(QLatin1String("pods_behind")).toArray().isEmpty());
        QCOMPARE(rollout.value(QLatin1String("mixed_servers")).toBool(), false);
        const QString text = statusToText(status);
        QVERIFY2(!text.contains(QLatin1String("Rollout in progress")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("Mixed server versions")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestStatusRollout)
#include "tst_status_rollout.moc"
