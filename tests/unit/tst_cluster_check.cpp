#include "cluster_views.h"
#include "redis/cluster_check.h"

#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {

// The six nodes' views, each shaped by its own options.
ClusterTopology sixViews(const QMap<int, ViewOptions> &options = {}, const QMap<int, QByteArray> &states = {},
                         const QMap<QString, PodInfo> &pods = {})
{
    const QList<Spec> specs = sixNodes();
    QList<NodeView> views;
    for (int i = 0; i < specs.size(); ++i)
        views.append(view(specs, i, options.value(i), states.value(i, "ok").constData()));
    return ClusterTopology::fromViews(views, pods);
}

// The same options in every node's view (what the whole cluster agrees on).
QMap<int, ViewOptions> everywhere(const ViewOptions &options)
{
    QMap<int, ViewOptions> all;
    for (int i = 0; i < 6; ++i)
        all.insert(i, options);
    return all;
}

ClusterTopology scenario(const QString &name)
{
    const QList<Spec> specs = sixNodes();
    if (name == QLatin1String("healthy"))
        return sixViews();
    if (name == QLatin1String("unreachable")) {
        QList<NodeView> views;
        for (int i = 0; i < specs.size(); ++i)
            views.append(i == 2 ? unreachable(specs.at(i).ip) : view(specs, i));
        return ClusterTopology::fromViews(views);
    }
    if (name == QLatin1String("disagreement")) {
        ViewOptions older;
        older.slotsOverride = {{0, QStringLiteral("0-5459")}, {1, QStringLiteral("5460-10922")}};
        return sixViews({{4, older}});
    }
    if (name == QLatin1String("open slot")) {
        ViewOptions migrating;
        migrating.tail.insert(0, QStringLiteral("[5460->-") + nodeId(1) + QLatin1Char(']'));
        return sixViews({{0, migrating}});
    }
    if (name == QLatin1String("open slot on master and replica")) {
        // Valkey 8 replicates SETSLOT: the replica 3 shows its master's migration too. One open slot.
        ViewOptions migrating;
        migrating.tail.insert(0, QStringLiteral("[5460->-") + nodeId(1) + QLatin1Char(']'));
        ViewOptions replica;
        replica.tail.insert(3, QStringLiteral("[5460->-") + nodeId(1) + QLatin1Char(']'));
        return sixViews({{0, migrating}, {3, replica}});
    }
    if (name == QLatin1String("open slot on replica only")) {
        ViewOptions replica;
        replica.tail.insert(3, QStringLiteral("[5460->-") + nodeId(1) + QLatin1Char(']'));
        return sixViews({{3, replica}});
    }
    if (name == QLatin1String("uncovered")) {
        ViewOptions gap;
        gap.slotsOverride.insert(2, QStringLiteral("10923-16000"));
        return sixViews(everywhere(gap));
    }
    if (name == QLatin1String("contested")) {
        ViewOptions greedy;
        greedy.slotsOverride.insert(1, QStringLiteral("5000-10922"));
        return sixViews({{1, greedy}});
    }
    if (name == QLatin1String("cluster_state fail"))
        return sixViews({}, {{3, "fail"}});
    if (name == QLatin1String("flagged failing")) {
        ViewOptions suspect;
        suspect.extraFlags.insert(5, QStringLiteral("fail?"));
        return sixViews({{0, suspect}, {1, suspect}});
    }
    if (name == QLatin1String("link down")) {
        ViewOptions down;
        down.disconnected.append(4);
        return sixViews({{0, down}});
    }
    if (name == QLatin1String("stale address")) {
        // Node 5 restarted on a new IP: the others still list its old one.
        ViewOptions old;
        old.seenIp.insert(5, QStringLiteral("10.0.0.99"));
        QMap<int, ViewOptions> views = everywhere(old);
        views.remove(5);
        return sixViews(views);
    }
    if (name == QLatin1String("handshake")) {
        ViewOptions meeting;
        meeting.extraLines.append(
            QString(40, QLatin1Char('f')) +
            QStringLiteral(" 10.0.9.9:6379@16379 handshake - 1700000000000 0 0 disconnected"));
        return sixViews({{0, meeting}});
    }
    if (name == QLatin1String("no replica")) {
        const QList<Spec> three = specs.mid(0, 3);
        QList<NodeView> views;
        for (int i = 0; i < three.size(); ++i)
            views.append(view(three, i));
        return ClusterTopology::fromViews(views);
    }
    if (name == QLatin1String("colocated")) {
        // Master 0 and its replica 3 on the same Kubernetes node.
        QMap<QString, PodInfo> pods;
        for (int i = 0; i < specs.size(); ++i) {
            const QString kubeNode = QStringLiteral("worker-%1").arg(i == 3 ? 0 : i % 3 + (i >= 3 ? 1 : 0));
            pods.insert(specs.at(i).ip, PodInfo{QStringLiteral("redis-%1").arg(i), specs.at(i).ip, kubeNode,
                                                QStringLiteral("Running"), true, 0});
        }
        return sixViews({}, {}, pods);
    }
    if (name == QLatin1String("mixed servers")) {
        // A rolling upgrade half done: one replica already on Valkey 8, another still on Redis 6.2.
        ViewOptions valkey;
        valkey.serverInfo = "server_name:valkey\r\nredis_version:7.2.4\r\nvalkey_version:8.0.1\r\n";
        ViewOptions older;
        older.serverInfo = "redis_version:6.2.16\r\n";
        return sixViews({{4, valkey}, {5, older}});
    }
    qFatal("unknown scenario");
}

QStringList codes(const ClusterCheckReport &report, CheckSeverity severity)
{
    QStringList result;
    for (const CheckFinding &finding : report.findings) {
        if (finding.severity == severity && !result.contains(finding.code))
            result.append(finding.code);
    }
    result.sort();
    return result;
}

} // namespace

// checkCluster on made-up views: one row per thing redis-cli --cluster check looks at (agreement, open
// slots, coverage, reachability) and per thing only ours does, each alone in an otherwise healthy cluster.
class TestClusterCheck final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void findings_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<QStringList>("warnings");
        QTest::addColumn<QString>("nodeId"); // the node the first error or warning names, if any
        const QStringList none;
        QTest::newRow("healthy") << "healthy" << none << none << QString();
        QTest::newRow("unreachable") << "unreachable" << QStringList{QStringLiteral("unreachable")} << none
                                     << nodeId(2);
        QTest::newRow("disagreement")
            << "disagreement" << QStringList{QStringLiteral("agreement")} << none << QString();
        QTest::newRow("open slot") << "open slot" << QStringList{QStringLiteral("open-slot")} << none
                                   << nodeId(0);
        QTest::newRow("open slot on master and replica")
            << "open slot on master and replica" << QStringList{QStringLiteral("open-slot")} << none
            << nodeId(0);
        QTest::newRow("open slot on replica only")
            << "open slot on replica only" << none << QStringList{QStringLiteral("replica-open-slot")}
            << nodeId(3);
        QTest::newRow("uncovered") << "uncovered" << QStringList{QStringLiteral("coverage")} << none
                                   << QString();
        QTest::newRow("contested") << "contested"
                                   << QStringList{QStringLiteral("agreement"),
                                                  QStringLiteral("contested-slot")}
                                   << none << QString();
        QTest::newRow("cluster_state fail")
            << "cluster_state fail" << QStringList{QStringLiteral("cluster-state")} << none << nodeId(3);
        QTest::newRow("flagged failing")
            << "flagged failing" << QStringList{QStringLiteral("failing")} << none << nodeId(5);
        QTest::newRow("link down") << "link down" << QStringList{QStringLiteral("link")} << none << nodeId(4);
        QTest::newRow("stale address")
            << "stale address" << QStringList{QStringLiteral("stale-address")} << none << nodeId(5);
        QTest::newRow("handshake") << "handshake" << none << QStringList{QStringLiteral("handshake")}
                                   << QString();
        QTest::newRow("no replica") << "no replica" << none << QStringList{QStringLiteral("no-replica")}
                                    << nodeId(0);
        QTest::newRow("colocated") << "colocated" << none << QStringList{QStringLiteral("colocated")}
                                   << nodeId(3);
        QTest::newRow("mixed servers")
            << "mixed servers" << none << QStringList{QStringLiteral("mixed-servers")} << QString();
    }
    void findings()
    {
        QFETCH(QString, scenario);
        QFETCH(QStringList, errors);
        QFETCH(QStringList, warnings);
        QFETCH(QString, nodeId);
        const ClusterCheckReport report = checkCluster(::scenario(scenario));
        QStringList all;
        for (const CheckFinding &finding : report.findings)
            all.append(checkSeverityName(finding.severity) + QLatin1Char(' ') + finding.code +
                       QStringLiteral(": ") + finding.text);
        const QString context = all.join(QLatin1Char('\n'));
        QVERIFY2(codes(report, CheckSeverity::Error) == errors, qPrintable(context));
        QVERIFY2(codes(report, CheckSeverity::Warning) == warnings, qPrintable(context));
        QCOMPARE(report.isHealthy(), errors.isEmpty());
        for (const CheckFinding &finding : report.findings) {
            // Every finding is one sentence a person can act on.
            QVERIFY2(!finding.text.isEmpty() && finding.text.endsWith(QLatin1Char('.')), qPrintable(context));
        }
        if (!nodeId.isEmpty()) {
            const auto first =
                std::find_if(report.findings.cbegin(), report.findings.cend(), [](const CheckFinding &f) {
                    return f.severity == CheckSeverity::Error || f.severity == CheckSeverity::Warning;
                });
            QVERIFY(first != report.findings.cend());
            QCOMPARE(first->nodeId, nodeId);
        }
        // What redis-cli also reports as OK lines is reported as OK here when it holds.
        const bool agreementOk = !errors.contains(QStringLiteral("agreement"));
        const bool coverageOk = !errors.contains(QStringLiteral("coverage"));
        QCOMPARE(codes(report, CheckSeverity::Ok).contains(QStringLiteral("agreement")), agreementOk);
        QCOMPARE(codes(report, CheckSeverity::Ok).contains(QStringLiteral("coverage")), coverageOk);
    }

    void serversNamed()
    {
        // One server everywhere: said as an OK line.
        const ClusterCheckReport same = checkCluster(::scenario(QStringLiteral("healthy")));
        const auto servers =
            std::find_if(same.findings.cbegin(), same.findings.cend(),
                         [](const CheckFinding &f) { return f.code == QLatin1String("servers"); });
        QVERIFY(servers != same.findings.cend());
        QCOMPARE(servers->severity, CheckSeverity::Ok);
        QCOMPARE(servers->text, QStringLiteral("All 6 nodes that answered run redis 7.0.15."));

        // Mixed: every server named with its nodes, older versions first, Redis before Valkey.
        const ClusterCheckReport mixed = checkCluster(::scenario(QStringLiteral("mixed servers")));
        const auto warning =
            std::find_if(mixed.findings.cbegin(), mixed.findings.cend(),
                         [](const CheckFinding &f) { return f.code == QLatin1String("mixed-servers"); });
        QVERIFY(warning != mixed.findings.cend());
        QCOMPARE(warning->text,
                 QStringLiteral(
                     "The nodes run different servers: redis 6.2.16 on 10.0.0.6:6379; redis 7.0.15 "
                     "on 10.0.0.1:6379, 10.0.0.4:6379, 10.0.0.2:6379, 10.0.0.3:6379; valkey 8.0.1 on "
                     "10.0.0.5:6379. Finish the upgrade (or roll it back) so that every node runs the same "
                     "server."));
    }

    void certificateExpiryNamed()
    {
        const QDateTime now(QDate(2026, 12, 7), QTime(12, 0), Qt::UTC);
        const QList<Spec> specs = sixNodes();
        const auto withExpiry = [&](int soonest, int days) {
            QList<NodeView> views;
            for (int i = 0; i < specs.size(); ++i) {
                views.append(view(specs, i));
                views.last().certificateExpiry = now.addDays(i == soonest ? days : 365);
            }
            return checkCluster(ClusterTopology::fromViews(views), now);
        };
        const auto finding = [](const ClusterCheckReport &report) -> CheckFinding {
            for (const CheckFinding &f : report.findings) {
                if (f.code.startsWith(QLatin1String("certificate")))
                    return f;
            }
            return {};
        };
        // Plain TCP: nothing said.
        QCOMPARE(finding(checkCluster(::scenario(QStringLiteral("healthy")), now)).code, QString());

        const CheckFinding valid = finding(withExpiry(2, 200));
        QCOMPARE(valid.severity, CheckSeverity::Ok);
        QCOMPARE(valid.text,
                 QStringLiteral("The TLS certificates of the 6 nodes that answered are valid until "
                                "2027-06-25T12:00:00Z or later (200 days)."));

        const ClusterCheckReport soonReport = withExpiry(2, 12);
        const CheckFinding soon = finding(soonReport);
        QCOMPARE(soon.severity, CheckSeverity::Warning);
        QCOMPARE(soon.code, QStringLiteral("certificate-expiring"));
        QCOMPARE(soon.text,
                 QStringLiteral("The certificate 10.0.0.3:6379 serves expires on 2026-12-19T12:00:00Z, "
                                "in 12 days: renew it (rotate-certificates) before clients are "
                                "refused."));
        QCOMPARE(soon.nodeId, nodeId(2));
        QVERIFY(soonReport.isHealthy());

        const ClusterCheckReport expiredReport = withExpiry(4, -1);
        QCOMPARE(finding(expiredReport).code, QStringLiteral("certificate-expired"));
        QVERIFY(!expiredReport.isHealthy());
    }

    void emptyTopologyIsNotHealthyWhenNothingAnswered()
    {
        const ClusterCheckReport report =
            checkCluster(ClusterTopology::fromViews({unreachable(QStringLiteral("10.0.0.1"))}));
        QVERIFY(!report.isHealthy());
        QCOMPARE(report.count(CheckSeverity::Error), 1);
        QCOMPARE(report.findings.first().code, QStringLiteral("unreachable"));
    }
};

QTEST_GUILESS_MAIN(TestClusterCheck)
#include "tst_cluster_check.moc"
