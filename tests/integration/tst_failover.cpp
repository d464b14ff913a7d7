#include "cluster_key_client.h"
#include "common/logger.h"
#include "job_helpers.h"
#include "redis/cluster_scan_job.h"
#include "redis/create_cluster_job.h"
#include "redis/failover_job.h"
#include "redis/redis_pool.h"
#include "redis_cli_check.h"
#include "support/redis_test_nodes.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <signal.h>

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

    // Right after create no byte was replicated: every master is at replication offset 0, which Redis
    // before 6.2 reads as "no offset received", so a plain CLUSTER FAILOVER there never starts. The job
    // moves the offset without writing a key, and the failover completes well inside the servers' own
    // 5 s manual-failover bound.
    void replicaTakesOverRightAfterCreate()
    {
        const NodeAddress seed = m_nodes.address(0);
        const ClusterTopology before = scan(m_pool, seed);
        const TopologyNode master = before.masters().at(0);
        const TopologyNode replica = before.replicasOf(master.id).first();
        Logger::instance().clear();
        QElapsedTimer clock;
        clock.start();
        auto *failover = new FailoverJob({seed}, replica.id, &m_pool);
        const Error error = runJob(failover, 60000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        delete failover;
        qInfo("failover on a fresh cluster took %lld ms", elapsed);
        // Once demoted, the old master ran with a 1 s node timeout (it then tells every peer its new role
        // at once) and has its own value back; no other node was touched.
        QStringList timeoutCommands;
        for (const LogEntry &entry : Logger::instance().entries()) {
            if (entry.command.contains(QLatin1String("cluster-node-timeout")))
                timeoutCommands.append(entry.command);
        }
        QCOMPARE(timeoutCommands.size(), 2);
        QVERIFY2(timeoutCommands.at(0).contains(master.address.host + QLatin1Char(' ')) &&
                     timeoutCommands.at(0).endsWith(QLatin1String("cluster-node-timeout 1000")),
                 qPrintable(timeoutCommands.join(QLatin1Char('\n'))));
        QVERIFY2(timeoutCommands.at(1).endsWith(QLatin1String("cluster-node-timeout 5000")),
                 qPrintable(timeoutCommands.join(QLatin1Char('\n'))));
        const QString notRestored = test::nodeTimeoutsOtherThan(m_pool, m_nodes.addresses(), 5000);
        QVERIFY2(notRestored.isEmpty(), qPrintable(notRestored));
        QVERIFY2(elapsed < FailoverJob::ServerManualFailoverTimeoutMs, qPrintable(QString::number(elapsed)));
        const ClusterTopology after = scan(m_pool, seed);
        QVERIFY(after.node(replica.id)->isMaster());
        QCOMPARE(after.node(master.id)->masterId, replica.id);
        for (const NodeAddress &address : m_nodes.addresses()) {
            const Result<RedisReply> keys = test::ask(m_pool, address, {"DBSIZE"});
            QVERIFY(keys.ok());
            QCOMPARE(keys->integerValue(), 0); // nothing was written to move the offset
        }
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

    // A failover that cannot win its election (two of the three masters hang, so no majority votes)
    // is reported as soon as the servers' own 5 s bound has passed, not after the job's 30 s: the
    // message says the replica is still a replica and gives the offsets.
    void failoverThatDoesNotHappenIsReportedWithinSeconds()
    {
        const NodeAddress seed = m_nodes.address(0);
        const ClusterTopology before = scan(m_pool, seed);
        const TopologyNode master = before.masters().at(0);
        const TopologyNode replica = before.replicasOf(master.id).first();
        QList<qint64> hung;
        for (const TopologyNode &other : before.masters()) {
            if (other.id == master.id)
                continue;
            for (int i = 0; i < m_nodes.count(); ++i) {
                if (m_nodes.address(i) == other.address)
                    hung.append(m_nodes.processId(i));
            }
        }
        QCOMPARE(hung.size(), 2);
        for (const qint64 pid : std::as_const(hung))
            QVERIFY(::kill(pid_t(pid), SIGSTOP) == 0);
        QElapsedTimer clock;
        clock.start();
        RedisPool pool; // its connections to the hung masters time out; m_pool's stay usable
        auto *failover = new FailoverJob({replica.address}, replica.id, &pool);
        const Error error = runJob(failover, 60000);
        const qint64 elapsed = clock.elapsed();
        delete failover;
        for (const qint64 pid : std::as_const(hung))
            ::kill(pid_t(pid), SIGCONT);
        qInfo("failover without a majority stopped after %lld ms: %s", elapsed, qPrintable(error.message()));
        QCOMPARE(error.code(), ErrorCode::Timeout);
        QVERIFY2(error.message().contains(QStringLiteral("%1 (%2) is still a replica")
                                              .arg(replica.address.toString(), replica.id.left(8))),
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(QLatin1String("replication offset is ")),
                 qPrintable(error.message()));
        // Scanning the cluster waits out one command timeout for the hung masters (5 s), then the
        // failover is told 5 s + a margin after it was asked for: well before the 30 s bound.
        QVERIFY2(elapsed < 20000, qPrintable(QString::number(elapsed)));
        QTRY_VERIFY_WITH_TIMEOUT(scan(m_pool, seed).allStatesOk(), 60000);
    }
};

QTEST_GUILESS_MAIN(TestFailover)
#include "tst_failover.moc"
