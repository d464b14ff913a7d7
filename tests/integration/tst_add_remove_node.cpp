#include "cluster_key_client.h"
#include "job_helpers.h"
#include "redis/add_node_job.h"
#include "redis/cluster_check.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"
#include "redis/remove_node_job.h"
#include "redis_cli_check.h"
#include "support/redis_test_nodes.h"

#include <QSignalSpy>
#include <QTest>

using namespace rcs;
using rcs::test::ClusterKeyClient;
using rcs::test::RedisTestNodes;

using rcs::test::ask;
using rcs::test::runJob;
using rcs::test::scan;

namespace {

QString problems(const ClusterCheckReport &report)
{
    QStringList texts;
    for (const CheckFinding &finding : report.findings)
        texts.append(finding.text);
    return texts.join(QLatin1Char('\n'));
}

} // namespace

// One cluster through a whole life: 3 masters + 3 replicas, a master added (slots rebalanced onto it),
// a replica added (it follows the master without one), the added master removed again.
class TestAddRemoveNode final : public QObject {
    Q_OBJECT
private:
    RedisTestNodes m_nodes;
    RedisPool m_pool;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_nodes.start(8).ok());
        QList<PlannedNodeInput> inputs;
        for (int i = 0; i < 6; ++i)
            inputs.append({m_nodes.address(i), {}});
        auto *create = new CreateClusterJob(inputs, 1);
        const Error error = runJob(create, 120000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        delete create;
        const QString differs = test::redisCliDisagreement(m_nodes.address(0));
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        ClusterKeyClient client(&m_pool, {m_nodes.address(0)});
        QVERIFY(client.refreshBlocking().ok());
        QVERIFY(client.writeBlocking("life", 10000, 120000).ok());
    }

    void refusesNodesThatAreNotBlank()
    {
        auto *member =
            new AddNodeJob({m_nodes.address(0)}, m_nodes.address(3), AddNodeJob::Role::Master, &m_pool);
        QCOMPARE(runJob(member, 30000).code(), ErrorCode::Refused);
        delete member;

        QVERIFY(ask(m_pool, m_nodes.address(7), {"CLUSTER", "ADDSLOTS", "0"}).ok());
        auto *withSlots =
            new AddNodeJob({m_nodes.address(0)}, m_nodes.address(7), AddNodeJob::Role::Replica, &m_pool);
        const Error error = runJob(withSlots, 30000);
        QCOMPARE(error.code(), ErrorCode::NotEmpty);
        QVERIFY2(error.message().contains(m_nodes.address(7).toString()), qPrintable(error.message()));
        QVERIFY(error.message().contains(QStringLiteral("slots 0")));
        delete withSlots;
        QVERIFY(ask(m_pool, m_nodes.address(7), {"CLUSTER", "DELSLOTS", "0"}).ok());
    }

    void addMasterThenReplicaThenRemoveMaster()
    {
        const NodeAddress seed = m_nodes.address(0);
        auto *addMaster = new AddNodeJob({seed}, m_nodes.address(6), AddNodeJob::Role::Master, &m_pool);
        Error error = runJob(addMaster, 180000);
        QVERIFY2(!error.isError(), qPrintable(error.message() + QLatin1Char('\n') + error.detail()));
        const QString newMaster = addMaster->newNodeId();
        QCOMPARE(addMaster->slotsMoved(), 4096);
        delete addMaster;

        auto *addReplica = new AddNodeJob({seed}, m_nodes.address(7), AddNodeJob::Role::Replica, &m_pool);
        error = runJob(addReplica, 120000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(addReplica->masterId(), newMaster); // the only master without a replica
        const QString newReplica = addReplica->newNodeId();
        delete addReplica;

        ClusterTopology topology = scan(m_pool, seed);
        QCOMPARE(topology.masters().size(), 4);
        QCOMPARE(topology.nodes().size(), 8);
        QVERIFY2(checkCluster(topology).isHealthy(), qPrintable(problems(checkCluster(topology))));

        auto *remove = new RemoveNodeJob({seed}, newMaster.left(10), &m_pool);
        remove->setConfirmed(true);
        error = runJob(remove, 180000);
        QVERIFY2(!error.isError(), qPrintable(error.message() + QLatin1Char('\n') + error.detail()));
        QCOMPARE(remove->removedId(), newMaster);
        QCOMPARE(remove->slotsMoved(), 4096);
        delete remove;

        topology = scan(m_pool, seed);
        QCOMPARE(topology.nodes().size(), 7);
        QVERIFY(!topology.node(newMaster));
        QCOMPARE(topology.masters().size(), 3);
        QVERIFY(topology.node(newReplica)->isReplica());
        QVERIFY(topology.node(newReplica)->masterId != newMaster);
        const ClusterCheckReport report = checkCluster(topology);
        QVERIFY2(report.isHealthy(), qPrintable(problems(report)));
        // The removed node is blank: it knows only itself.
        const Result<RedisReply> info = ask(m_pool, m_nodes.address(6), {"CLUSTER", "INFO"});
        QVERIFY(info.ok());
        QVERIFY(info->bytes().contains("cluster_known_nodes:1"));

        ClusterKeyClient reader(&m_pool, {seed});
        QVERIFY(reader.refreshBlocking().ok());
        const Result<int> readable = reader.verifyBlocking("life", 10000, 120000);
        QVERIFY2(readable.ok(), qPrintable(readable.error().message()));
        QCOMPARE(*readable, 10000);
    }

    // A removed node restarted on its data (a StatefulSet scaled up again onto the kept volume) comes
    // back blank: no keys and no slots. CLUSTER RESET empties a replica's memory only; its AOF would
    // bring its old master's keys back, and the node would take over the slots they hash to.
    void removedReplicaRestartsBlank()
    {
        const NodeAddress seed = m_nodes.address(0);
        const NodeAddress address = m_nodes.address(7);
        const ClusterTopology topology = scan(m_pool, seed);
        const TopologyNode *replica = nullptr;
        for (const TopologyNode &node : topology.nodes())
            replica = node.address == address ? &node : replica;
        QVERIFY(replica && replica->isReplica());
        // It holds its master's keys (10000 "life" keys are spread over every master).
        QTRY_VERIFY_WITH_TIMEOUT(ask(m_pool, address, {"DBSIZE"}).ok() &&
                                     ask(m_pool, address, {"DBSIZE"})->integerValue() > 0,
                                 30000);

        auto *remove = new RemoveNodeJob({seed}, replica->id, &m_pool);
        remove->setConfirmed(true);
        const Error error = runJob(remove, 120000);
        QVERIFY2(!error.isError(), qPrintable(error.message() + QLatin1Char('\n') + error.detail()));
        delete remove;

        const Result<void> stopped = m_nodes.stop(7);
        QVERIFY2(stopped.ok(), qPrintable(stopped.ok() ? QString() : stopped.error().message()));
        const Result<void> restarted = m_nodes.restart(7);
        QVERIFY2(restarted.ok(), qPrintable(restarted.ok() ? QString() : restarted.error().message()));
        RedisPool fresh; // no connection left over from before the restart
        const Result<RedisReply> keys = ask(fresh, address, {"DBSIZE"});
        QVERIFY2(keys.ok(), qPrintable(keys.ok() ? QString() : keys.error().message()));
        QCOMPARE(keys->integerValue(), 0);
        const Result<RedisReply> info = ask(fresh, address, {"CLUSTER", "INFO"});
        QVERIFY(info.ok());
        QVERIFY2(info->bytes().contains("cluster_slots_assigned:0"), info->bytes().constData());
        QVERIFY(info->bytes().contains("cluster_known_nodes:1"));
    }
};

QTEST_GUILESS_MAIN(TestAddRemoveNode)
#include "tst_add_remove_node.moc"
