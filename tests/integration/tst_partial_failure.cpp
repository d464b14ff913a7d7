// The seed's partial failure (非全体节点故障): five of six nodes restart on new addresses with their
// nodes.conf, one keeps its address. The restarted nodes still know the survivor's address, so their
// PINGs reach it and it learns their new addresses; it gossips them to the others once those flag their
// old addresses as failing. No MEET is needed, and none is sent here: the test only reads until the
// recovery at its very end.
//
// Then our check is compared with the real `redis-cli --cluster check`: on everything redis-cli looks at
// (reachability, slot agreement, coverage, open slots) the verdicts must be the same, and whatever ours
// reports beyond that must be true of the live nodes.

#include "cluster_key_client.h"
#include "job_helpers.h"
#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "redis_cli_check.h"
#include "support/program_run.h"
#include "support/redis_test_nodes.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>

using namespace rcs;
using rcs::test::ClusterKeyClient;
using rcs::test::RedisTestNodes;

namespace {

constexpr int KeyCount = 2000;

// The findings redis-cli --cluster check also makes; the others are ours alone.
bool isInRedisCliScope(const CheckFinding &finding)
{
    static const QSet<QString> codes = {QStringLiteral("unreachable"), QStringLiteral("agreement"),
                                        QStringLiteral("coverage"), QStringLiteral("open-slot"),
                                        QStringLiteral("contested-slot")};
    return codes.contains(finding.code);
}

QStringList errorTexts(const ClusterCheckReport &report, bool redisCliScope)
{
    QStringList texts;
    for (const CheckFinding &finding : report.findings) {
        if (finding.severity == CheckSeverity::Error && isInRedisCliScope(finding) == redisCliScope)
            texts.append(finding.code + QStringLiteral(": ") + finding.text);
    }
    return texts;
}

ClusterTopology scanMembers(RedisPool &pool, const QList<NodeAddress> &members)
{
    auto *job = new ClusterScanJob(members, &pool);
    job->setDiscover(false);
    test::runJob(job, 30000);
    const ClusterTopology topology = job->topology();
    delete job;
    return topology;
}

// Healed as far as the cluster bus goes: every member answers and reports cluster_state:ok, every
// member lists every other at its current address over a connected link, nobody is flagged failing and
// no handshake is pending. A member's belief about its own address is not part of it (see below).
bool healedByGossip(const ClusterTopology &topology, int members, QString *why)
{
    QStringList problems;
    if (topology.nodes().size() != members)
        problems.append(
            QStringLiteral("%1 nodes known instead of %2").arg(topology.nodes().size()).arg(members));
    if (!topology.pendingHandshakes().isEmpty())
        problems.append(QStringLiteral("handshakes pending"));
    for (const TopologyNode &node : topology.nodes()) {
        const QString name = node.address.toString();
        if (!node.reachable)
            problems.append(name + QStringLiteral(" unreachable"));
        if (node.clusterState != QStringLiteral("ok"))
            problems.append(name + QStringLiteral(" cluster_state:") +
                            node.clusterState.value_or(QStringLiteral("?")));
        if (node.staleAtPeers)
            problems.append(
                name +
                QStringLiteral(" listed at an old address by %1 peers").arg(node.staleAtPeerIds.size()));
        if (!node.linkConnected)
            problems.append(name +
                            QStringLiteral(" disconnected from %1 peers").arg(node.disconnectedFrom.size()));
        if (node.isFailing() || !node.failReportedBy.isEmpty())
            problems.append(name +
                            QStringLiteral(" flagged failing by %1 peers").arg(node.failReportedBy.size()));
    }
    *why = problems.mid(0, 6).join(QStringLiteral("; "));
    return problems.isEmpty();
}

// The host:port a node prints on its own myself line.
Result<NodeAddress> ownAddress(RedisPool &pool, const NodeAddress &node)
{
    const Result<RedisReply> reply = test::ask(pool, node, {"CLUSTER", "NODES"});
    if (!reply)
        return reply.error();
    for (const QByteArray &line : reply->bytes().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 2 && fields.at(2).contains("myself")) {
            const QByteArray hostPort = fields.at(1).split('@').first();
            return NodeAddress::parse(QString::fromUtf8(hostPort));
        }
    }
    return Error(ErrorCode::Protocol, QStringLiteral("%1 printed no myself line.").arg(node.toString()));
}

} // namespace

class TestPartialFailure final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void healsThroughTheSurvivor_data()
    {
        QTest::addColumn<bool>("survivorIsMaster");
        QTest::newRow("survivor is a master") << true;
        QTest::newRow("survivor is a replica") << false;
    }

    void healsThroughTheSurvivor()
    {
        QFETCH(bool, survivorIsMaster);
        const test::ProgramRun version = test::runRedisCli({QStringLiteral("--version")});
        if (version.failure.code() == ErrorCode::NotFound)
            QSKIP("redis-cli (Debian package redis-tools) is not installed; this test compares with it.");

        // Two harness sets, so that exactly the five can move to new addresses.
        test::RedisTestNodeOptions options;
        options.extraConfig = {QStringLiteral("repl-diskless-sync-delay 0")};
        RedisTestNodes five;
        RedisTestNodes survivor;
        const Result<void> startedFive = five.start(5, options);
        QVERIFY2(startedFive.ok(), qPrintable(startedFive.error().message()));
        const Result<void> startedSurvivor = survivor.start(1, options);
        QVERIFY2(startedSurvivor.ok(), qPrintable(startedSurvivor.error().message()));
        const NodeAddress kept = survivor.address(0);

        // Masters are taken from the first host groups in input order, so the survivor's place in the
        // list makes it a master or a replica.
        QList<PlannedNodeInput> inputs;
        for (const NodeAddress &address : five.addresses())
            inputs.append({address, {}});
        if (survivorIsMaster)
            inputs.prepend({kept, {}});
        else
            inputs.append({kept, {}});
        auto *create = new CreateClusterJob(inputs, 1);
        const Error created = test::runJob(create, 120000);
        QVERIFY2(!created.isError(), qPrintable(created.message()));
        const TopologyNode *keptNode = create->topology().nodeAt(kept);
        QVERIFY(keptNode);
        QCOMPARE(keptNode->isMaster(), survivorIsMaster);
        QList<NodeAddress> masters;
        for (const TopologyNode &master : create->topology().masters())
            masters.append(master.address);
        delete create;
        const QString differsCreated = test::redisCliDisagreement(kept);
        QVERIFY2(differsCreated.isEmpty(), qPrintable(differsCreated));

        RedisPool pool;
        {
            ClusterKeyClient client(&pool, {kept});
            QVERIFY(client.refreshBlocking().ok());
            const Result<void> written = client.writeBlocking("partial", KeyCount);
            QVERIFY2(written.ok(), qPrintable(written.error().message()));
        }
        // Every write reached a replica before the restart, so no key depends on who ends up master.
        for (const NodeAddress &master : std::as_const(masters)) {
            QTRY_VERIFY_WITH_TIMEOUT(
                test::ask(pool, master, {"WAIT", "1", "2000"}).valueOr(RedisReply()).integerValue() >= 1,
                60000);
        }

        QSet<QString> oldHosts;
        for (const NodeAddress &address : five.addresses())
            oldHosts.insert(address.host);
        const Result<void> restarted = five.restartAllOnNewAddresses();
        QVERIFY2(restarted.ok(), qPrintable(restarted.error().message()));
        QList<NodeAddress> members = five.addresses();
        members.prepend(kept);
        for (const NodeAddress &address : std::as_const(members))
            QVERIFY(address == kept || !oldHosts.contains(address.host));

        // Nothing is sent but reads: the cluster has to heal by itself, through the survivor.
        QElapsedTimer clock;
        clock.start();
        QString why;
        ClusterTopology topology;
        QTRY_VERIFY2_WITH_TIMEOUT(
            healedByGossip(topology = scanMembers(pool, members), int(members.size()), &why),
            qPrintable(QStringLiteral("not healed after %1 ms: %2").arg(clock.elapsed()).arg(why)), 120000);
        qInfo("healed by gossip %lld ms after the five restarted", clock.elapsed());
        {
            ClusterKeyClient client(&pool, {kept});
            QVERIFY(client.refreshBlocking().ok());
            const Result<int> read = client.verifyBlocking("partial", KeyCount);
            QVERIFY2(read.ok(), qPrintable(read.error().message()));
            QCOMPARE(read.value(), KeyCount);
        }

        // Ours and redis-cli's, on the healed cluster.
        const ClusterCheckReport report = checkCluster(topology);
        const Result<test::RedisCliCheck> cli = test::runRedisCliCheck(kept);
        QVERIFY2(cli.ok(), qPrintable(cli.error().message()));
        const QStringList oursInScope = errorTexts(report, true);
        QVERIFY2(cli->healthy(), qPrintable(cli->output));
        QVERIFY2(oursInScope.isEmpty(), qPrintable(oursInScope.join(QLatin1Char('\n'))));
        // redis-cli lists every node as we do, at its current address (it reads them from the survivor).
        const QString differs = test::nodeListDifference(*cli, topology);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        for (const QString &host : std::as_const(oldHosts))
            QVERIFY2(!cli->output.contains(host + QLatin1Char(':')), qPrintable(cli->output));

        // Beyond redis-cli's scope ours may only say that a restarted node still believes in its old
        // address (it learns its own address only from an incoming MEET) — and that must be true.
        int ownStale = 0;
        for (const CheckFinding &finding : report.findings) {
            if (finding.severity != CheckSeverity::Error || isInRedisCliScope(finding))
                continue;
            QVERIFY2(finding.code == QLatin1String("stale-address"), qPrintable(finding.text));
            const TopologyNode *node = topology.node(finding.nodeId);
            QVERIFY2(node && node->ownAddressStale, qPrintable(finding.text));
            const Result<NodeAddress> own = ownAddress(pool, node->address);
            QVERIFY2(own.ok(), qPrintable(own.error().message()));
            QVERIFY2(oldHosts.contains(own->host),
                     qPrintable(finding.text + QStringLiteral(" / myself at ") + own->toString()));
            ++ownStale;
        }
        for (const TopologyNode &node : topology.nodes()) {
            const Result<NodeAddress> own = ownAddress(pool, node.address);
            QVERIFY2(own.ok(), qPrintable(own.error().message()));
            // The converse: a node that prints an old address for itself is reported.
            QCOMPARE(node.ownAddressStale, own->host != node.address.host);
        }
        qInfo("redis-cli: healthy; ours: healthy on redis-cli's checks, and %d node(s) still print their old "
              "address for themselves",
              ownStale);

        // A recovery (MEETs) clears what only ours saw; then both verdicts are the same in full.
        auto *recover = new RecoverJob(members, &pool);
        const Error recovered = test::runJob(recover, 120000);
        delete recover;
        QVERIFY2(!recovered.isError(), qPrintable(recovered.message()));
        const ClusterCheckReport after = checkCluster(scanMembers(pool, members));
        QVERIFY2(after.isHealthy(), qPrintable(errorTexts(after, false).join(QLatin1Char('\n'))));
        const QString differsAfter = test::redisCliDisagreement(members.last());
        QVERIFY2(differsAfter.isEmpty(), qPrintable(differsAfter));
    }
};

QTEST_GUILESS_MAIN(TestPartialFailure)
#include "tst_partial_failure.moc"
