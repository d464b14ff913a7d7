#include "observe/cluster_metrics.h"
#include "observe/node_history.h"
#include "observe/node_sample.h"
#include "observe_info_samples.h"

#include <QTest>

using namespace rcs;
using namespace rcs::observe;

namespace {
// A minimal INFO reply with the counters the rates use.
QByteArray info(const char *runId, qint64 commands, qint64 netIn, double cpu, qint64 hits = 0,
                const char *extra = "")
{
    return QStringLiteral("# Server\r\nrun_id:%1\r\n# Stats\r\ntotal_commands_processed:%2\r\n"
                          "total_net_input_bytes:%3\r\ntotal_net_output_bytes:%3\r\nkeyspace_hits:%4\r\n"
                          "# CPU\r\nused_cpu_sys:%5\r\nused_cpu_user:0.000000\r\n%6")
        .arg(QLatin1String(runId))
        .arg(commands)
        .arg(netIn)
        .arg(hits)
        .arg(cpu, 0, 'f', 6)
        .arg(QLatin1String(extra))
        .toUtf8();
}

InfoReading reading(const QByteArray &reply, qint64 atMs)
{
    Result<InfoReading> r = parseInfoReading(reply, atMs);
    if (!r.ok())
        qFatal("parse failed: %s", qPrintable(r.error().message()));
    return std::move(r).value();
}
} // namespace

class TestNodeSample final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void redis505Master()
    {
        const Result<InfoReading> r = parseInfoReading(kInfo505Master, 1000);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->runId, QStringLiteral("58f97c63b2c4b5da563800944ff66b2a970298ab"));
        QCOMPARE(r->role, QStringLiteral("master"));
        QCOMPARE(r->commandsProcessed, 8);
        QCOMPARE(r->maxMemory, 0);
        QCOMPARE(r->keys, 2);
        QCOMPARE(r->replOffset, 77);
        QVERIFY(r->usedMemory > 0);
        QVERIFY(r->connectedClients >= 1);
        QVERIFY(qAbs(r->cpuSeconds - (0.021009 + 0.001403)) < 1e-9);
        QCOMPARE(r->replicas.size(), 1);
        QCOMPARE(r->replicas.first().ip, QStringLiteral("127.0.0.1"));
        QCOMPARE(r->replicas.first().port, 27402);
        QCOMPARE(r->replicas.first().offset, 77);
        QCOMPARE(r->replicas.first().lagSeconds, 1);
        QCOMPARE(r->masterLastIoSeconds, -1);
    }
    void redis505Replica()
    {
        const Result<InfoReading> r = parseInfoReading(kInfo505Replica, 1000);
        QVERIFY2(r.ok(), qPrintable(r.error().message()));
        QCOMPARE(r->role, QStringLiteral("slave"));
        QCOMPARE(r->masterHost, QStringLiteral("127.0.0.1"));
        QCOMPARE(r->masterPort, 27401);
        QCOMPARE(r->masterLastIoSeconds, 1);
        QVERIFY(r->masterLinkUp);
        QCOMPARE(r->replOffset, 77);
        QVERIFY(r->replicas.isEmpty());
        const NodeSample s = sampleOf(std::nullopt, *r);
        QVERIFY(s.isReplica);
        QVERIFY(!s.hasRates);
        QCOMPARE(s.lagSeconds, 1);
    }
    void replicaLagFromMaster()
    {
        InfoReading master = reading(kInfo505Master, 1000);
        const InfoReading replica = reading(kInfo505Replica, 1000);
        master.replOffset = 1077; // the master has written 1000 bytes the replica has not received
        NodeSample s = sampleOf(std::nullopt, replica);
        fillReplicaLag(s, replica, QStringLiteral("127.0.0.1"), 27402, master);
        QCOMPARE(s.lagBytes, 1000);
        QCOMPARE(s.lagSeconds, 1);
        // A replica its master does not list (yet): the bytes from the offsets, seconds from its own view.
        NodeSample other = sampleOf(std::nullopt, replica);
        fillReplicaLag(other, replica, QStringLiteral("127.0.0.9"), 1, master);
        QCOMPARE(other.lagBytes, 1000);
        QCOMPARE(other.lagSeconds, 1);
    }
    void malformed_data()
    {
        QTest::addColumn<QByteArray>("reply");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << "run_id";
        QTest::newRow("no stats") << QByteArray("run_id:abc\r\n") << "total_commands_processed";
        QTest::newRow("text counter")
            << QByteArray("run_id:abc\r\ntotal_commands_processed:many\r\n") << "total_commands_processed";
        QTest::newRow("error text") << QByteArray("ERR unknown command") << "run_id";
    }
    void malformed()
    {
        QFETCH(QByteArray, reply);
        QFETCH(QString, reason);
        const Result<InfoReading> r = parseInfoReading(reply, 0);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code(), ErrorCode::Protocol);
        QVERIFY2(r.error().message().contains(reason), qPrintable(r.error().message()));
    }
    void rates()
    {
        const InfoReading a = reading(info("run1", 1000, 5000, 1.0, 10), 10'000);
        const InfoReading b = reading(info("run1", 3000, 9000, 1.5, 30), 12'000);
        const NodeSample s = sampleOf(a, b);
        QVERIFY(s.hasRates);
        QCOMPARE(s.opsPerSec, 1000.0f);
        QCOMPARE(s.netInPerSec, 2000.0f);
        QCOMPARE(s.netOutPerSec, 2000.0f);
        QCOMPARE(s.hitsPerSec, 10.0f);
        QCOMPARE(s.cpuPercent, 25.0f);
        QCOMPARE(s.atMs, 12'000);
    }
    void resetGivesNoNegativeRate_data()
    {
        QTest::addColumn<QByteArray>("after");
        // A pod restarted: a new run id and counters from zero.
        QTest::newRow("restart") << info("run2", 5, 100, 0.01);
        // The same run id with counters that went down (CONFIG RESETSTAT).
        QTest::newRow("resetstat") << info("run1", 7, 90, 1.2);
        // Only one counter smaller: the baseline is suspect, no rate at all.
        QTest::newRow("one counter") << info("run1", 5000, 100, 1.2);
        // A new run whose counters happen to be higher already: still a new baseline.
        QTest::newRow("new run, higher") << info("run2", 90000, 90000, 9.0);
    }
    void resetGivesNoNegativeRate()
    {
        QFETCH(QByteArray, after);
        NodeHistory history(1000);
        history.add(reading(info("run1", 1000, 5000, 1.0), 10'000));
        const NodeSample &reset = history.add(reading(after, 11'000));
        QVERIFY(!reset.hasRates);
        QCOMPARE(reset.opsPerSec, 0.0f);
        // The reading after the reset is the new baseline: the next rate is measured from it.
        const InfoReading base = reading(after, 11'000);
        const QByteArray next = info(qPrintable(base.runId), base.commandsProcessed + 500,
                                     base.netInputBytes + 1000, base.cpuSeconds + 0.1);
        const NodeSample &s = history.add(reading(next, 12'000));
        QVERIFY(s.hasRates);
        QCOMPARE(s.opsPerSec, 500.0f);
        QCOMPARE(s.netInPerSec, 1000.0f);
    }
    void sameInstantGivesNoRate()
    {
        const InfoReading a = reading(info("run1", 1000, 5000, 1.0), 10'000);
        const InfoReading b = reading(info("run1", 1100, 5000, 1.0), 10'000);
        QVERIFY(!sampleOf(a, b).hasRates);
    }
    void historyIsBoundedToAnHour_data()
    {
        QTest::addColumn<int>("periodMs");
        QTest::addColumn<int>("capacity");
        QTest::newRow("2 s") << 2000 << 1800;
        QTest::newRow("5 s") << 5000 << 720;
        QTest::newRow("7 s rounds up") << 7000 << 515;
        QTest::newRow("below 1 s is 1 s") << 100 << 3600;
        QTest::newRow("longer than an hour") << 7'200'000 << 1;
    }
    void historyIsBoundedToAnHour()
    {
        QFETCH(int, periodMs);
        QFETCH(int, capacity);
        QCOMPARE(NodeHistory::capacityFor(periodMs), capacity);
    }
    void ringKeepsTheNewest()
    {
        NodeHistory history(1'200'000); // 20 min: 3 samples in the hour
        QCOMPARE(history.capacity(), 3);
        for (int i = 0; i < 5; ++i)
            history.add(reading(info("run1", 100 * (i + 1), 0, 0), 1000 * (i + 1)));
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.at(0).atMs, 3000);
        QCOMPARE(history.last().atMs, 5000);
        QCOMPARE(history.last().opsPerSec, 100.0f);
        const QList<NodeSample> all = history.samples();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(1).atMs, 4000);
        NodeSample changed = history.last();
        changed.lagBytes = 42;
        history.replaceLast(changed);
        QCOMPARE(history.last().lagBytes, 42);
        QCOMPARE(history.at(1).lagBytes, -1);
    }
    // A round of the whole cluster: sums over the nodes read, keys of masters only, a replica's lag from
    // its master's reading of the same round, a node that could not be read counted apart.
    void clusterRound()
    {
        observe::ClusterMetrics metrics(1000);
        const NodeAddress master{QStringLiteral("127.0.0.1"), 27401};
        const NodeAddress replica{QStringLiteral("127.0.0.1"), 27402};
        const NodeAddress down{QStringLiteral("127.0.0.3"), 6379};
        const QList<observe::SampledNode> nodes{{master, {}, {}}, {replica, {}, {}}, {down, {}, {}}};
        InfoReading m = reading(kInfo505Master, 1000);
        InfoReading r = reading(kInfo505Replica, 1000);
        const Error refused(ErrorCode::ConnectionFailed, QStringLiteral("refused"));
        observe::ClusterSample first = metrics.add(nodes, {m, r, refused}, 1000);
        QVERIFY(!first.hasRates);
        QCOMPARE(first.readNodes, 2);
        QCOMPARE(first.unreadNodes, 1);
        QCOMPARE(first.nodes.at(2).error, QStringLiteral("refused"));
        QCOMPARE(first.keys, 2); // the replica's copies are not counted again
        QCOMPARE(first.usedMemory, m.usedMemory + r.usedMemory);
        QCOMPARE(first.nodes.at(1).sample.lagBytes, 0);
        m.atMs = r.atMs = 2000;
        m.commandsProcessed += 100;
        r.commandsProcessed += 50;
        m.replOffset += 4096;
        const observe::ClusterSample second = metrics.add(nodes, {m, r, refused}, 2000);
        QVERIFY(second.hasRates);
        QCOMPARE(second.opsPerSec, 150.0);
        QCOMPARE(second.nodes.at(1).sample.lagBytes, 4096);
        QCOMPARE(second.maxLagBytes, 4096);
        QCOMPARE(metrics.history(replica)->last().lagBytes, 4096); // kept in the ring buffer too
        QVERIFY(!metrics.history(down));
        metrics.forget({master});
        QVERIFY(metrics.history(master));
        QVERIFY(!metrics.history(replica));
    }
};

QTEST_GUILESS_MAIN(TestNodeSample)
#include "tst_node_sample.moc"
