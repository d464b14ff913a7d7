#include "cluster_key_client.h"
#include "job_helpers.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/failover_job.h"
#include "redis/redis_pool.h"
#include "redis_cli_check.h"
#include "support/redis_test_nodes.h"

#include <QSignalSpy>
#include <QTest>

using namespace rcs;
using rcs::test::ClusterKeyClient;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;
using rcs::test::scan;

class TestFailover final : public QObject {
    Q_OBJECT
private:
    RedisTestNodes m_nodes;
    RedisPool m_pool;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_nodes.start(6).ok());
        QList<PlannedNodeInput> inputs;
        for (const NodeAddress &address : m_nodes.addresses())
            inputs.append({address, {}});
        auto *create = new CreateClusterJob(inputs, 1);
        const Error error = runJob(create, 120000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        delete create;
        const QString differs = test::redisCliDisagreement(m_nodes.address(0));
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void replicaTakesOver()
    {
        const NodeAddress seed = m_nodes.address(0);
        ClusterKeyClient client(&m_pool, {seed});
        QVERIFY(client.refreshBlocking().ok());
        QVERIFY(client.writeBlocking("f", 3000).ok());
        const ClusterTopology before = scan(m_pool, seed);
        const TopologyNode master = before.masters().at(1);
        const TopologyNode replica = before.replicasOf(master.id).first();
        // A master acknowledges writes before its replica has them; failover waits for the offsets.
        auto *failover = new FailoverJob({seed}, replica.id.left(12), &m_pool);
        const Error error = runJob(failover, 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(failover->replicaId(), replica.id);
        QCOMPARE(failover->oldMasterId(), master.id);
        delete failover;

        const ClusterTopology after = scan(m_pool, seed);
        QVERIFY(after.node(replica.id)->isMaster());
        QCOMPARE(after.node(replica.id)->slotSet, master.slotSet);
        QVERIFY(after.node(master.id)->isReplica());
        QCOMPARE(after.node(master.id)->masterId, replica.id);

        ClusterKeyClient reader(&m_pool, {seed});
        QVERIFY(reader.refreshBlocking().ok());
        const Result<int> readable = reader.verifyBlocking("f", 3000);
        QVERIFY(readable.ok());
        QCOMPARE(*readable, 3000);
    }

    void refusesMastersAndUnknownIds()
    {
        const NodeAddress seed = m_nodes.address(0);
        const ClusterTopology topology = scan(m_pool, seed);
        auto *onMaster = new FailoverJob({seed}, topology.masters().first().id, &m_pool);
        const Error masterError = runJob(onMaster, 30000);
        QCOMPARE(masterError.code(), ErrorCode::InvalidInput);
        QVERIFY(masterError.message().contains(QStringLiteral("not a replica")));
        delete onMaster;
        auto *unknown = new FailoverJob({seed}, QStringLiteral("ffffffffffff"), &m_pool);
        QCOMPARE(runJob(unknown, 30000).code(), ErrorCode::InvalidInput);
        delete unknown;
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
