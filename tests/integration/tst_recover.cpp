#include "cluster_key_client.h"
#include "job_helpers.h"
#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/recover_job.h"
#include "redis/redis_pool.h"
#include "redis_cli_check.h"
#include "support/redis_test_nodes.h"

#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace rcs;
using rcs::test::ClusterKeyClient;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;

namespace {

QList<PlannedNodeInput> inputsFor(const RedisTestNodes &nodes)
{
    QList<PlannedNodeInput> inputs;
    for (const NodeAddress &address : nodes.addresses())
        inputs.append({address, {}});
    return inputs;
}

// In every stopped node's nodes.conf, flags the master at `victim` as failed, as a node that watched
// it die would have saved it.
Result<void> markMasterFailedInNodesConf(const RedisTestNodes &nodes, const QString &victimId)
{
    for (int i = 0; i < nodes.count(); ++i) {
        QFile file(nodes.dataDir(i) + QStringLiteral("/nodes.conf"));
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io, QStringLiteral("Cannot read %1.").arg(file.fileName()));
        QList<QByteArray> lines = file.readAll().split('\n');
        file.close();
        for (QByteArray &line : lines) {
            QList<QByteArray> fields = line.split(' ');
            if (fields.size() > 2 && fields.at(0) == victimId.toUtf8() && !fields.at(2).contains("myself"))
                fields[2] = "master,fail";
            line = fields.join(' ');
        }
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Error(ErrorCode::Io, QStringLiteral("Cannot write %1.").arg(file.fileName()));
        file.write(lines.join('\n'));
    }
    return {};
}

} // namespace

class TestRecover final : public QObject {
    Q_OBJECT
private:
    // Creates count/replicas, writes keys, restarts every node on new addresses (optionally with a master
    // stored as failed), recovers and verifies the cluster and every key.
    void totalFailure(int count, int replicas, bool failedMaster, int keys)
    {
        RedisTestNodes nodes;
        const Result<void> started = nodes.start(count);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        auto *create = new CreateClusterJob(inputsFor(nodes), replicas);
        const Error created = runJob(create, 120000);
        QVERIFY2(!created.isError(), qPrintable(created.message()));
        const QString victim = create->topology().masters().first().id;
        QHash<QString, QString> masterOf; // node id → its master's id, empty for a master
        for (const TopologyNode &node : create->topology().nodes())
            masterOf.insert(node.id, node.isReplica() ? node.masterId : QString());
        delete create;
        const QString differs = test::redisCliDisagreement(nodes.address(0));
        QVERIFY2(differs.isEmpty(), qPrintable(differs));

        {
            RedisPool pool;
            ClusterKeyClient client(&pool, nodes.addresses());
            QVERIFY(client.refreshBlocking().ok());
            const Result<void> written = client.writeBlocking("before", keys);
            QVERIFY2(written.ok(), qPrintable(written.error().message()));
        }

        QVERIFY(nodes.stopAll().ok());
        if (failedMaster) {
            const Result<void> marked = markMasterFailedInNodesConf(nodes, victim);
            QVERIFY2(marked.ok(), qPrintable(marked.error().message()));
        }
        const Result<void> restarted = nodes.restartAllOnNewAddresses();
        QVERIFY2(restarted.ok(), qPrintable(restarted.error().message()));

        auto *recover = new RecoverJob(nodes.addresses());
        QElapsedTimer clock;
        clock.start();
        const Error recovered = runJob(recover, 90000);
        QVERIFY2(!recovered.isError(),
                 qPrintable(recovered.message() + QLatin1Char('\n') + recovered.detail()));
        qInfo("recovered %d nodes in %lld ms with %d MEETs (%s)", count, clock.elapsed(),
              recover->meetsSent(), qPrintable(recover->plan().schemeDescription));
        QCOMPARE(recover->plan().members.size(), count);
        QVERIFY(recover->plan().lostNodes.isEmpty());
        if (failedMaster)
            QVERIFY(recover->plan().staleFailFlags); // the FAIL flag loaded from nodes.conf
        QVERIFY(recover->remainingGaps().isEmpty());
        delete recover;

        // The engine's scan + check agree that the cluster is healthy, and the node timeout is restored.
        RedisPool pool;
        auto *scan = new ClusterScanJob({nodes.address(count - 1)}, &pool);
        QVERIFY(!runJob(scan, 30000).isError());
        const ClusterTopology topology = scan->topology();
        delete scan;
        QCOMPARE(topology.nodes().size(), count);
        const ClusterCheckReport report = checkCluster(topology);
        QStringList problems;
        for (const CheckFinding &finding : report.findings)
            problems.append(finding.text);
        QVERIFY2(report.isHealthy(), qPrintable(problems.join(QLatin1Char('\n'))));
        for (const TopologyNode &node : topology.nodes()) {
            QVERIFY(node.reachable);
            QVERIFY(!node.staleAtPeers);
            QVERIFY(!node.ownAddressStale);
            QVERIFY(node.linkConnected);
            // Recovery swaps no roles: every node alive, no replica had a reason to take over.
            QVERIFY2(masterOf.contains(node.id), qPrintable(node.id));
            QCOMPARE(node.isReplica() ? node.masterId : QString(), masterOf.value(node.id));
        }
        std::optional<Result<RedisReply>> timeout;
        pool.command(nodes.address(0), {"CONFIG", "GET", "cluster-node-timeout"}, nullptr,
                     [&](Result<RedisReply> r) { timeout = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(timeout.has_value(), 10000);
        QVERIFY(timeout->ok());
        QCOMPARE(timeout->value().elements().at(1).bytes(), QByteArray("5000"));
        // The failovers held while the nodes met again are allowed again, on every node.
        for (const NodeAddress &address : nodes.addresses()) {
            std::optional<Result<RedisReply>> noFailover;
            pool.command(address, {"CONFIG", "GET", "cluster-replica-no-failover"}, nullptr,
                         [&](Result<RedisReply> r) { noFailover = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(noFailover.has_value(), 10000);
            QVERIFY(noFailover->ok());
            QCOMPARE(noFailover->value().elements().at(1).bytes(), QByteArray("no"));
        }

        ClusterKeyClient client(&pool, nodes.addresses());
        QVERIFY(client.refreshBlocking().ok());
        const Result<int> readable = client.verifyBlocking("before", keys);
        QVERIFY2(readable.ok(), qPrintable(readable.error().message()));
        QCOMPARE(*readable, keys);
    }

private Q_SLOTS:
    void totalFailureSixNodes() { totalFailure(6, 1, false, 5000); }
    void totalFailureWithMasterStoredAsFailed() { totalFailure(6, 1, true, 2000); }
    void totalFailureThirtyNodes() { totalFailure(30, 1, false, 5000); }

    void healthyClusterNeedsNothing()
    {
        RedisTestNodes nodes;
        QVERIFY(nodes.start(6).ok());
        auto *create = new CreateClusterJob(inputsFor(nodes), 1);
        QVERIFY(!runJob(create, 120000).isError());
        delete create;
        const QString differs = test::redisCliDisagreement(nodes.address(0));
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        auto *recover = new RecoverJob(nodes.addresses());
        const Error error = runJob(recover, 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(recover->meetsSent(), 0);
        QVERIFY(recover->plan().isNoop());
        delete recover;
    }

    void unreachableAddressIsRefused()
    {
        RedisTestNodes nodes;
        QVERIFY(nodes.start(3).ok());
        QList<NodeAddress> addresses = nodes.addresses();
        QVERIFY(nodes.stop(2).ok());
        auto *recover = new RecoverJob(addresses);
        const Error error = runJob(recover, 60000);
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        QVERIFY2(error.message().contains(addresses.at(2).toString()), qPrintable(error.message()));
        delete recover;
    }
};

QTEST_GUILESS_MAIN(TestRecover)
#include "tst_recover.moc"
