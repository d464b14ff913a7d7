// Issue 4's "Done when": `status` prints a cluster running in kube-sandbox in direct, tunnel and auto
// access. The cluster is made for the test the way the issue says: pods deployed, then the
// plain-endpoint `create --nodes <pod IPs>`. Also: auto access tunnels a pod it cannot reach directly
// (NodeAccess), and the traffic sent to that pod's address really arrives at that pod.
#include "../e2e/e2e_support.h"

#include "redis/cluster_topology.h"
#include "redis/redis_pool.h"
#include "workflows/node_access.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString kNamespace = QStringLiteral("redis-cluster");
const QString kSelector = QStringLiteral("app=redis,appCluster=redis-cluster");

struct Pod {
    QString name;
    QString ip;
    QString node;
};

QSet<QString> keysOf(const QJsonObject &object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}
} // namespace

class TestKubeStatusCommand final : public QObject {
    Q_OBJECT
private:
    E2eSandbox m_sandbox;
    QList<Pod> m_pods;

    QString nodeList() const
    {
        QStringList addresses;
        for (const Pod &pod : m_pods)
            addresses.append(pod.ip + QStringLiteral(":6379"));
        return addresses.join(QLatin1Char(','));
    }

    // A redis-server (core/redis) reply of one command, bounded; empty on any error.
    static QByteArray ask(RedisPool &pool, const NodeAddress &address, const QList<QByteArray> &argv)
    {
        QByteArray answer;
        bool done = false;
        QObject context;
        pool.command(address, argv, &context, [&](Result<RedisReply> reply) {
            done = true;
            if (reply && !reply->isError())
                answer = reply->bytes();
        });
        if (!QTest::qWaitFor([&] { return done; }, 30000))
            return {};
        return answer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(studioExecutable()), "redis-cluster-studio was not built");
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
        const StudioRun deploy =
            runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--replicas"), QStringLiteral("6"),
                                  QStringLiteral("--timeout"), QStringLiteral("150")} +
                      m_sandbox.target(QStringLiteral("direct")));
        QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.all()));

        const Result<QList<QJsonObject>> pods =
            m_sandbox.list(QStringLiteral("v1"), QStringLiteral("Pod"), kNamespace, kSelector);
        QVERIFY2(pods.ok(), qPrintable(pods.ok() ? QString() : pods.error().message()));
        for (const QJsonObject &pod : *pods) {
            m_pods.append({pod[QLatin1String("metadata")][QLatin1String("name")].toString(),
                           pod[QLatin1String("status")][QLatin1String("podIP")].toString(),
                           pod[QLatin1String("spec")][QLatin1String("nodeName")].toString()});
            QVERIFY(!m_pods.last().ip.isEmpty());
            QVERIFY(m_pods.last().node.startsWith(QLatin1String("sandbox-node-")));
        }
        QCOMPARE(m_pods.size(), 6);

        // The plain-endpoint form: no kubeconfig, only the pod IPs.
        const StudioRun create = runStudio({QStringLiteral("create"), QStringLiteral("--nodes"), nodeList(),
                                            QStringLiteral("--cluster-replicas"), QStringLiteral("1")});
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
    }

    void statusJson_data()
    {
        QTest::addColumn<QString>("access");
        QTest::newRow("direct") << QStringLiteral("direct");
        QTest::newRow("tunnel") << QStringLiteral("tunnel");
        QTest::newRow("auto") << QStringLiteral("auto");
    }
    void statusJson()
    {
        QFETCH(QString, access);
        StudioRun run;
        // The whole form: --kubeconfig F --context C -n NS --statefulset NAME --access MODE.
        const QJsonObject json = rcs::test::statusJson(
            m_sandbox.target(access) +
                QStringList{QStringLiteral("--context"), QStringLiteral("sandbox"), QStringLiteral("-n"),
                            kNamespace, QStringLiteral("--statefulset"), QStringLiteral("redis-app")},
            &run);
        QVERIFY2(!json.isEmpty(), qPrintable(run.all()));
        QCOMPARE(json[QLatin1String("situation")].toString(), QStringLiteral("healthy"));
        QCOMPARE(json[QLatin1String("cluster_state")].toString(), QStringLiteral("ok"));

        // Every node joined with its pod: the address is the pod IP, k8s_node the pod's node.
        const QJsonArray nodes = json[QLatin1String("nodes")].toArray();
        QCOMPARE(nodes.size(), m_pods.size());
        QSet<QString> seen;
        int masters = 0;
        int slotCount = 0;
        for (const QJsonValue &node : nodes) {
            const QString name = node[QLatin1String("pod")].toString();
            const auto pod =
                std::find_if(m_pods.begin(), m_pods.end(), [&](const Pod &p) { return p.name == name; });
            QVERIFY2(pod != m_pods.end(), qPrintable(name));
            QCOMPARE(node[QLatin1String("address")].toString(), pod->ip + QStringLiteral(":6379"));
            QCOMPARE(node[QLatin1String("k8s_node")].toString(), pod->node);
            QVERIFY(node[QLatin1String("reachable")].toBool());
            seen.insert(name);
            if (node[QLatin1String("role")].toString() == QLatin1String("master")) {
                ++masters;
                slotCount += node[QLatin1String("slot_count")].toInt();
            }
        }
        QCOMPARE(seen.size(), m_pods.size());
        QCOMPARE(masters, 3);
        QCOMPARE(slotCount, 16384);

        // How the pods were reached (--verbose logs every tunnel with its kubectl equivalent).
        for (const Pod &pod : m_pods) {
            const QString forward = QStringLiteral("port-forward pod/%1 ").arg(pod.name);
            QVERIFY2(run.err.contains(forward) == (access == QLatin1String("tunnel")), qPrintable(run.err));
        }
    }

    void jsonKeepsThePlainEndpointFields()
    {
        StudioRun run;
        const QJsonObject kube = rcs::test::statusJson(m_sandbox.target(QStringLiteral("direct")), &run);
        QVERIFY2(!kube.isEmpty(), qPrintable(run.all()));
        const StudioRun plainRun =
            runStudio({QStringLiteral("status"), QStringLiteral("--nodes"),
                       m_pods.first().ip + QStringLiteral(":6379"), QStringLiteral("--json")});
        QVERIFY2(plainRun.exitCode == 0, qPrintable(plainRun.all()));
        const QJsonObject plain = QJsonDocument::fromJson(plainRun.out.toUtf8()).object();
        QVERIFY(!plain.isEmpty());
        QVERIFY(keysOf(kube).contains(keysOf(plain)));
        const QJsonObject plainNode = plain[QLatin1String("nodes")].toArray().first().toObject();
        const QJsonObject kubeNode = kube[QLatin1String("nodes")].toArray().first().toObject();
        const QSet<QString> added{QStringLiteral("pod"), QStringLiteral("k8s_node")};
        QCOMPARE(keysOf(kubeNode), keysOf(plainNode) + added);
    }

    void statusText_data() { statusJson_data(); }
    void statusText()
    {
        QFETCH(QString, access);
        const StudioRun run = runStudio(
            QStringList{QStringLiteral("status"), QStringLiteral("--timeout"), QStringLiteral("30")} +
                m_sandbox.target(access),
            120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        QVERIFY2(run.out.contains(QLatin1String("Situation: healthy")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("cluster_state: ok")), qPrintable(run.out));
        for (const Pod &pod : m_pods) {
            // The pod table: name, IP, Kubernetes node, phase, ready, restarts, role.
            const QRegularExpression row(QStringLiteral("^%1 +%2 +%3 +Running +yes +\\d+ +(master|replica)$")
                                             .arg(QRegularExpression::escape(pod.name),
                                                  QRegularExpression::escape(pod.ip),
                                                  QRegularExpression::escape(pod.node)),
                                         QRegularExpression::MultilineOption);
            QVERIFY2(row.match(run.out).hasMatch(), qPrintable(run.out));
        }
    }

    void targetErrors_data()
    {
        QTest::addColumn<QStringList>("flags");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("mention");
        QTest::newRow("unknown context") << QStringList{QStringLiteral("--context"), QStringLiteral("nope")}
                                         << 1 << "no context named \"nope\"";
        QTest::newRow("unknown access mode")
            << QStringList{QStringLiteral("--access"), QStringLiteral("sideways")} << 2
            << "--access expects auto, direct or tunnel";
        QTest::newRow("missing namespace") << QStringList{QStringLiteral("-n"), QStringLiteral("no-such-ns")}
                                           << 0 << "Nothing is deployed in namespace no-such-ns";
    }
    void targetErrors()
    {
        QFETCH(QStringList, flags);
        QFETCH(int, exitCode);
        QFETCH(QString, mention);
        const StudioRun run = runStudio(QStringList{QStringLiteral("status"), QStringLiteral("--kubeconfig"),
                                                    m_sandbox.kubeconfig(), QStringLiteral("--json")} +
                                            flags,
                                        120000);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.all()));
        QVERIFY2(run.all().contains(mention), qPrintable(run.all()));
    }

    void autoTunnelsAPodItCannotReachDirectly()
    {
        // Pod 0 at its real IP; pod 1 announced at a loopback address of the pod network where nothing
        // listens, as when the desktop cannot route to pod IPs.
        const Pod &real = m_pods.at(0);
        const Pod &hidden = m_pods.at(1);
        const QString network = m_sandbox.fixture().podNetwork();
        const QString unreachable =
            network.left(network.lastIndexOf(QLatin1Char('.'))) + QStringLiteral(".253");
        for (const Pod &pod : m_pods)
            QVERIFY(pod.ip != unreachable);

        RedisPool pool;
        NodeAccess access(m_sandbox.client(), &pool, kNamespace, AccessMode::Auto);
        QList<PodInfo> pods;
        pods.append(PodInfo{real.name, real.ip, real.node, QStringLiteral("Running"), true, 0});
        pods.append(PodInfo{hidden.name, unreachable, hidden.node, QStringLiteral("Running"), true, 0});
        std::optional<Result<QList<NodeAddress>>> prepared;
        QObject context;
        access.prepare(pods, &context, [&](Result<QList<NodeAddress>> result) { prepared = result; });
        QTRY_VERIFY_WITH_TIMEOUT(prepared.has_value(), 30000);
        QVERIFY2(prepared->ok(), qPrintable(prepared->ok() ? QString() : prepared->error().message()));
        QCOMPARE(prepared->value().at(1), (NodeAddress{unreachable, 6379}));
        QCOMPARE(access.routeOf(real.name), QStringLiteral("direct"));
        QVERIFY2(access.routeOf(hidden.name).startsWith(QLatin1String("tunnel via 127.0.0.1:")),
                 qPrintable(access.routeOf(hidden.name)));

        // The address stands for pod 1: the tunnel answers with pod 1's node id, not anybody else's.
        const QByteArray direct = ask(pool, NodeAddress{hidden.ip, 6379}, {"CLUSTER", "MYID"});
        QVERIFY(!direct.isEmpty());
        QCOMPARE(ask(pool, NodeAddress{unreachable, 6379}, {"CLUSTER", "MYID"}), direct);
        QVERIFY(ask(pool, NodeAddress{real.ip, 6379}, {"CLUSTER", "MYID"}) != direct);
        access.close();
    }
};

QTEST_GUILESS_MAIN(TestKubeStatusCommand)
#include "tst_kube_status_command.moc"
