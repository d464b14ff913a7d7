// Slot migrations under faults, on real redis-server processes (tests/support RedisTestNodes): the new
// master dies in the middle of add-node's rebalance, a source refuses MIGRATE or hangs (SIGSTOP) during
// a rebalance, the node being removed refuses MIGRATE while it is drained, keys left on both sides by a
// MIGRATE that crashed half-way. Each time the job must fail within
// a bounded time with a message naming the slot and the node, lose no key, and check --fix (FixOpenSlotsJob)
// followed by the same workflow again must leave every slot covered, none open, every key readable.
#include "../integration/cluster_key_client.h"
#include "../integration/job_helpers.h"
#include "common/logger.h"
#include "redis/add_node_job.h"
#include "redis/cluster_check.h"
#include "redis/create_cluster_job.h"
#include "redis/fix_open_slots_job.h"
#include "redis/rebalance_job.h"
#include "redis/redis_pool.h"
#include "redis/remove_node_job.h"
#include "support/redis_test_nodes.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTest>

#include <memory>

#include <signal.h>

using namespace rcs;
using rcs::test::ask;
using rcs::test::ClusterKeyClient;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;
using rcs::test::scan;

namespace {

constexpr int kKeys = 20000;

QString describe(const Error &error)
{
    return error.message() + QLatin1Char('\n') + error.detail();
}

} // namespace

class TestMigrationFaults final : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<RedisTestNodes> m_nodes;
    std::unique_ptr<RedisPool> m_pool;
    QString m_unsettled;

    NodeAddress first() const { return m_nodes->address(0); }

    QString idOf(const NodeAddress &address)
    {
        const Result<RedisReply> id = ask(*m_pool, address, {"CLUSTER", "MYID"});
        return id ? QString::fromUtf8(id->bytes()) : QString();
    }

    // Every master reachable and without a failure flag (a restarted node needs a moment of gossip), and
    // with agreeOnSlots every node agreeing on the slot owners. m_unsettled says why not, for the failure
    // message.
    bool settled(int masters, bool agreeOnSlots = true)
    {
        const ClusterTopology topology = scan(*m_pool, first());
        if (topology.masters().size() != masters) {
            m_unsettled = QStringLiteral("%1 masters, not %2").arg(topology.masters().size()).arg(masters);
            return false;
        }
        for (const TopologyNode &master : topology.masters()) {
            if (!master.reachable || master.isFailing()) {
                m_unsettled = master.address.toString() + QStringLiteral(" is unreachable or failing");
                return false;
            }
        }
        m_unsettled = topology.disagreements().join(QLatin1Char(' '));
        return !agreeOnSlots || topology.slotsAgree();
    }

    void fixThenVerify(const std::function<Job *()> &again, int masters)
    {
        auto *fix = new FixOpenSlotsJob({first()}, m_pool.get());
        const Error fixed = runJob(fix, 120000);
        QVERIFY2(!fixed.isError(), qPrintable(describe(fixed)));
        qInfo("check --fix: %d slots closed: %s", fix->slotsFixed(),
              qPrintable(fix->actions().mid(0, 4).join(QLatin1Char(' '))));
        delete fix;

        Job *job = again();
        const Error done = runJob(job, 180000);
        QVERIFY2(!done.isError(), qPrintable(describe(done)));
        delete job;

        QTRY_VERIFY2_WITH_TIMEOUT(settled(masters), qPrintable(m_unsettled), 60000);
        const ClusterTopology after = scan(*m_pool, first());
        QVERIFY(after.openSlots().isEmpty());
        QVERIFY2(after.uncoveredSlots().isEmpty(), qPrintable(after.uncoveredSlots().toString()));
        for (const TopologyNode &master : after.masters())
            QVERIFY2(qAbs(master.slotSet.count() - 16384 / masters) <= 2,
                     qPrintable(master.address.toString() + QLatin1Char(' ') + master.slotSet.toString()));
        ClusterKeyClient reader(m_pool.get(), {first()});
        QVERIFY(reader.refreshBlocking().ok());
        const Result<int> readable = reader.verifyBlocking("pre", kKeys, 120000);
        QVERIFY2(readable.ok(), qPrintable(readable.error().message()));
        QCOMPARE(*readable, kKeys);
    }

    // Makes a master refuse every write, MIGRATE included ("NOREPLICAS Not enough good replicas to
    // write": it has no replica and asks for one), or accept them again. Unlike an ACL rule this works on
    // every server the studio supports: ACLs arrived in Redis 6.0, min-replicas-to-write is older than 5.0.
    bool refuseWrites(const NodeAddress &master, bool refuse)
    {
        return ask(*m_pool, master, {"CONFIG", "SET", "min-replicas-to-write", refuse ? "1" : "0"}).ok();
    }

    // The job's failure must name a slot and the node at fault, and leave the keys readable.
    void expectClearFailure(const Error &error, const NodeAddress &culprit)
    {
        QVERIFY(error.isError());
        QVERIFY2(error.code() != ErrorCode::Timeout, qPrintable(describe(error)));
        const QString message = error.message();
        QVERIFY2(message.contains(QRegularExpression(QStringLiteral("slot \\d+"))), qPrintable(message));
        QVERIFY2(message.contains(culprit.toString()), qPrintable(message));
    }

private Q_SLOTS:
    void init()
    {
        m_nodes = std::make_unique<RedisTestNodes>();
        const Result<void> started = m_nodes->start(4);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        m_pool = std::make_unique<RedisPool>();
        QList<PlannedNodeInput> inputs;
        for (int i = 0; i < 3; ++i)
            inputs.append({m_nodes->address(i), {}});
        auto *create = new CreateClusterJob(inputs, 0);
        const Error created = runJob(create, 120000);
        QVERIFY2(!created.isError(), qPrintable(describe(created)));
        delete create;
        ClusterKeyClient client(m_pool.get(), {first()});
        QVERIFY(client.refreshBlocking().ok());
        const Result<void> written = client.writeBlocking("pre", kKeys, 120000);
        QVERIFY2(written.ok(), qPrintable(written.error().message()));
    }

    void cleanup()
    {
        m_pool.reset();
        m_nodes.reset();
    }

    // add-node as a master: the new node is SIGKILLed after 300 slots reached it. The job fails naming
    // a slot and the dead node; the node comes back with its data (as a restarted pod), check --fix
    // closes the slots that were in flight, a rebalance finishes the job.
    void newMasterDiesDuringAddNode()
    {
        const NodeAddress newcomer = m_nodes->address(3);
        auto *add = new AddNodeJob({first()}, newcomer, AddNodeJob::Role::Master, m_pool.get());
        bool killed = false;
        int movedAtKill = 0;
        connect(add, &Job::progress, add, [&](qint64 done, qint64) {
            if (!killed && done >= 300) {
                killed = true;
                movedAtKill = int(done);
                QVERIFY(m_nodes->kill(3).ok());
            }
        });
        QElapsedTimer clock;
        clock.start();
        const Error error = runJob(add, 180000);
        QVERIFY(killed);
        qInfo("add-node stopped %lld ms after start (killed at %d slots): %s", clock.elapsed(), movedAtKill,
              qPrintable(error.message()));
        expectClearFailure(error, newcomer);
        delete add;

        QVERIFY(m_nodes->restart(3).ok());
        // The nodes need not agree yet: a kill right after the new master gossiped a slot's SETSLOT NODE
        // but before it saved nodes.conf restarts it without that slot while the others name it as the
        // owner (seen in CI), which gossip never mends; check --fix gives it back (fixThenVerify then
        // asks for agreement).
        QTRY_VERIFY2_WITH_TIMEOUT(settled(4, false), qPrintable(m_unsettled), 60000);
        if (!m_unsettled.isEmpty())
            qInfo("after the restart the nodes disagree: %s", qPrintable(m_unsettled));
        const int open = int(scan(*m_pool, first()).openSlots().size());
        qInfo("after the restart: %d open slot entries", open);
        fixThenVerify([this] { return new RebalanceJob({first()}, m_pool.get()); }, 4);
    }

    // A source that refuses MIGRATE (as a misconfigured or locked-down node would): the other sources
    // finish their moves, the refused one stops at its first slot with keys, and the job says which
    // slot, which node and why.
    void sourceRefusesMigrateDuringRebalance()
    {
        const NodeAddress newcomer = m_nodes->address(3);
        QVERIFY(ask(*m_pool, newcomer,
                    {"CLUSTER", "MEET", first().host.toUtf8(), QByteArray::number(first().port)})
                    .ok());
        QTRY_VERIFY2_WITH_TIMEOUT(settled(4), qPrintable(m_unsettled), 30000);
        const NodeAddress refusing = m_nodes->address(1);
        QVERIFY(refuseWrites(refusing, true));

        auto *rebalance = new RebalanceJob({first()}, m_pool.get());
        const Error error = runJob(rebalance, 180000);
        qInfo("rebalance stopped after %d slots: %s", rebalance->slotsMoved(), qPrintable(error.message()));
        expectClearFailure(error, refusing);
        QVERIFY2(describe(error).contains(QLatin1String("NOREPLICAS"), Qt::CaseInsensitive),
                 qPrintable(describe(error)));
        QVERIFY(rebalance->slotsMoved() > 0); // the other two sources went on
        delete rebalance;
        QVERIFY(!scan(*m_pool, first()).openSlots().isEmpty());

        // The fix refuses nothing but cannot move keys while MIGRATE is forbidden.
        auto *blocked = new FixOpenSlotsJob({first()}, m_pool.get());
        const Error stillBlocked = runJob(blocked, 120000);
        QVERIFY(stillBlocked.isError());
        delete blocked;

        QVERIFY(refuseWrites(refusing, false));
        fixThenVerify([this] { return new RebalanceJob({first()}, m_pool.get()); }, 4);
    }

    // A source that hangs (SIGSTOP, as a node stalled by swapping or a frozen VM) after 300 slots of a
    // rebalance: every wait is bounded, so the job fails within a minute, and its detail names the hung
    // node's slot. After SIGCONT, fix + rebalance complete.
    void sourceHangsDuringRebalance()
    {
        const NodeAddress newcomer = m_nodes->address(3);
        QVERIFY(ask(*m_pool, newcomer,
                    {"CLUSTER", "MEET", first().host.toUtf8(), QByteArray::number(first().port)})
                    .ok());
        QTRY_VERIFY2_WITH_TIMEOUT(settled(4), qPrintable(m_unsettled), 30000);
        const NodeAddress hung = m_nodes->address(1);
        const qint64 pid = m_nodes->processId(1);
        QVERIFY(pid > 0);
        auto *rebalance = new RebalanceJob({first()}, m_pool.get());
        bool stopped = false;
        connect(rebalance, &Job::progress, rebalance, [&](qint64 done, qint64) {
            if (!stopped && done >= 300) {
                stopped = ::kill(pid_t(pid), SIGSTOP) == 0;
                QVERIFY(stopped);
            }
        });
        QElapsedTimer clock;
        clock.start();
        const Error error = runJob(rebalance, 120000);
        const qint64 elapsed = clock.elapsed();
        ::kill(pid_t(pid), SIGCONT);
        QVERIFY(stopped);
        qInfo("rebalance with a hung source stopped after %lld ms: %s", elapsed, qPrintable(error.message()));
        QVERIFY(error.isError());
        QVERIFY2(elapsed < 60000, qPrintable(QString::number(elapsed)));
        QVERIFY2(QRegularExpression(
                     QStringLiteral("slot \\d+ \\(%1 ").arg(QRegularExpression::escape(hung.toString())))
                     .match(error.detail())
                     .hasMatch(),
                 qPrintable(describe(error)));
        delete rebalance;

        QTRY_VERIFY2_WITH_TIMEOUT(settled(4), qPrintable(m_unsettled), 90000);
        fixThenVerify([this] { return new RebalanceJob({first()}, m_pool.get()); }, 4);
    }

    // What a MIGRATE killed after the target applied its RESTOREs leaves: the slot open on both sides
    // and keys on both, byte-identical. A copy that differs stops check --fix, naming the key and
    // overwriting nothing; once it is gone, check --fix finishes the move (the identical copies are sent
    // again with REPLACE) and every key of the slot reads back with its value.
    void keysLeftOnBothSidesByACrashedMigrate()
    {
        const ClusterTopology before = scan(*m_pool, first());
        const QByteArray tag = "{06S}"; // slot 0
        QCOMPARE(keyHashSlot(tag), 0);
        const QList<TopologyNode> masters = before.masters();
        const auto owner = std::find_if(masters.cbegin(), masters.cend(),
                                        [](const TopologyNode &m) { return m.slotSet.contains(0); });
        QVERIFY(owner != masters.cend());
        const TopologyNode source = *owner;
        const TopologyNode target = masters.at((owner - masters.cbegin() + 1) % masters.size());
        const auto key = [&](int i) -> QByteArray { return tag + ':' + QByteArray::number(i); };
        for (int i = 0; i < 40; ++i)
            QVERIFY(ask(*m_pool, source.address, {"SET", key(i), "value:" + QByteArray::number(i)}).ok());
        QVERIFY(
            ask(*m_pool, target.address, {"CLUSTER", "SETSLOT", "0", "IMPORTING", source.id.toUtf8()}).ok());
        QVERIFY(
            ask(*m_pool, source.address, {"CLUSTER", "SETSLOT", "0", "MIGRATING", target.id.toUtf8()}).ok());
        for (int i = 0; i < 10; ++i) {
            const Result<RedisReply> dump = ask(*m_pool, source.address, {"DUMP", key(i)});
            QVERIFY(dump.ok() && dump->isString());
            QVERIFY(ask(*m_pool, target.address, {"ASKING"}).ok());
            QVERIFY(ask(*m_pool, target.address, {"RESTORE", key(i), "0", dump->bytes()}).ok());
        }
        QVERIFY(ask(*m_pool, target.address, {"ASKING"}).ok());
        QVERIFY(ask(*m_pool, target.address, {"SET", key(20), "another value"}).ok());

        auto *refused = new FixOpenSlotsJob({first()}, m_pool.get());
        const Error error = runJob(refused, 120000);
        delete refused;
        qInfo("fix with a different copy: %s", qPrintable(error.message()));
        QCOMPARE(error.code(), ErrorCode::Refused);
        QVERIFY2(error.message().contains(QLatin1String(key(20))) &&
                     error.message().contains(QLatin1String("not overwritten")),
                 qPrintable(describe(error)));
        const Result<RedisReply> kept = ask(*m_pool, source.address, {"GET", key(20)});
        QVERIFY(kept.ok());
        QCOMPARE(kept->bytes(), QByteArray("value:20"));

        QVERIFY(ask(*m_pool, target.address, {"ASKING"}).ok());
        QVERIFY(ask(*m_pool, target.address, {"DEL", key(20)}).ok());
        auto *fix = new FixOpenSlotsJob({first()}, m_pool.get());
        const Error fixed = runJob(fix, 120000);
        QVERIFY2(!fixed.isError(), qPrintable(describe(fixed)));
        delete fix;
        // The ten planted copies were recognised as identical and replaced, and the log says so.
        const QList<LogEntry> entries = Logger::instance().entries();
        QVERIFY(std::any_of(entries.cbegin(), entries.cend(), [](const LogEntry &entry) {
            return entry.message.contains(QLatin1String("Slot 0: 10 keys were already on")) &&
                   entry.message.contains(QLatin1String("identical content"));
        }));

        const ClusterTopology after = scan(*m_pool, first());
        QVERIFY(after.openSlots().isEmpty());
        QVERIFY(after.node(target.id)->slotSet.contains(0));
        ClusterKeyClient reader(m_pool.get(), {first()});
        QVERIFY(reader.refreshBlocking().ok());
        for (int i = 0; i < 40; ++i) {
            std::optional<Result<QByteArray>> value;
            reader.get(key(i), [&](Result<QByteArray> r) { value = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(value.has_value(), 10000);
            QVERIFY(value->ok());
            QCOMPARE(value->value(), "value:" + QByteArray::number(i));
        }
        const Result<int> readable = reader.verifyBlocking("pre", kKeys, 120000);
        QVERIFY2(readable.ok(), qPrintable(readable.error().message()));
        QCOMPARE(*readable, kKeys);
    }

    // remove-node on a master that refuses MIGRATE: the drain stops naming the slot and the node, and
    // the node is NOT forgotten (it still holds keys). Once allowed again, fix + remove-node complete.
    void removedNodeRefusesMigrate()
    {
        const NodeAddress leaving = m_nodes->address(2);
        const QString leavingId = idOf(leaving);
        QVERIFY(!leavingId.isEmpty());
        QVERIFY(refuseWrites(leaving, true));

        auto *remove = new RemoveNodeJob({first()}, leavingId, m_pool.get());
        remove->setConfirmed(true);
        const Error error = runJob(remove, 180000);
        qInfo("remove-node stopped: %s", qPrintable(error.message()));
        expectClearFailure(error, leaving);
        delete remove;
        const ClusterTopology during = scan(*m_pool, first());
        QVERIFY(during.node(leavingId));
        QVERIFY(!during.node(leavingId)->slotSet.isEmpty());
        const Result<RedisReply> keys = ask(*m_pool, leaving, {"DBSIZE"});
        QVERIFY(keys.ok() && keys->integerValue() > 0);

        QVERIFY(refuseWrites(leaving, false));
        fixThenVerify(
            [this, leavingId] {
                auto *again = new RemoveNodeJob({first()}, leavingId, m_pool.get());
                again->setConfirmed(true);
                return again;
            },
            2);
        QVERIFY(!scan(*m_pool, first()).node(leavingId));
    }
};

QTEST_GUILESS_MAIN(TestMigrationFaults)
#include "tst_migration_faults.moc"
