#include "command_registry.h"
#include "job_helpers.h"
#include "redis/redis_pool.h"
#include "support/redis_test_nodes.h"

#include <QTest>

using namespace rcs;
using rcs::test::RedisTestNodes;

// The command bodies are a library (rcs_commands): a test runs them in-process with the arguments a
// person types, and sees the same exit codes and the same effects as the executable gives.
class TestCommandsInProcess final : public QObject {
    Q_OBJECT
private:
    RedisTestNodes m_nodes;

    int run(const QString &name, const QStringList &args)
    {
        const cli::Command *command = cli::findCommand(name);
        return command ? command->run(args) : -1;
    }
    QString nodeList() const
    {
        QStringList list;
        for (const NodeAddress &address : m_nodes.addresses())
            list << address.toString();
        return list.join(QLatin1Char(','));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_nodes.start(6).ok()); }

    void everyListedCommandIsFound()
    {
        QVERIFY(!cli::commands().isEmpty());
        for (const cli::Command &command : cli::commands())
            QVERIFY2(cli::findCommand(command.name) == &command, qPrintable(command.name));
        QVERIFY(cli::findCommand(QStringLiteral("no-such-command")) == nullptr);
    }

    void usageErrorsGiveTwo()
    {
        QCOMPARE(
            run(QStringLiteral("create"), {QStringLiteral("--nodes"), QStringLiteral("not an address:x")}),
            int(cli::ExitUsage));
    }

    void createThenRemoveNeedsYes()
    {
        QCOMPARE(run(QStringLiteral("create"), {QStringLiteral("--nodes"), nodeList(),
                                                QStringLiteral("--cluster-replicas"), QStringLiteral("1")}),
                 int(cli::ExitSuccess));
        RedisPool pool;
        const ClusterTopology formed = test::scan(pool, m_nodes.address(0));
        QCOMPARE(formed.masters().size(), 3);
        QCOMPARE(formed.nodes().size(), 6);
        QCOMPARE(run(QStringLiteral("status"), {QStringLiteral("--nodes"), nodeList()}),
                 int(cli::ExitSuccess));

        // A destructive verb without --yes changes nothing, in-process as from the shell.
        const TopologyNode master = formed.masters().first();
        QCOMPARE(run(QStringLiteral("remove-node"),
                     {QStringLiteral("--nodes"), nodeList(), QStringLiteral("--node"), master.id}),
                 int(cli::ExitFailure));
        const ClusterTopology after = test::scan(pool, m_nodes.address(0));
        QCOMPARE(after.nodes().size(), 6);
        QCOMPARE(after.node(master.id)->slotSet, master.slotSet);

        // exec: a reply exits 0, an error reply 1, FLUSHALL without --yes 1 (nothing deleted), no
        // command after -- is a usage error.
        const QStringList nodes{QStringLiteral("--nodes"), nodeList()};
        QCOMPARE(run(QStringLiteral("exec"), nodes + QStringList{QStringLiteral("--"), QStringLiteral("SET"),
                                                                 QStringLiteral("k"), QStringLiteral("v")}),
                 int(cli::ExitSuccess));
        QCOMPARE(run(QStringLiteral("exec"),
                     nodes + QStringList{QStringLiteral("--"), QStringLiteral("INCR"), QStringLiteral("k")}),
                 int(cli::ExitFailure));
        QCOMPARE(run(QStringLiteral("exec"),
                     nodes + QStringList{QStringLiteral("--"), QStringLiteral("FLUSHALL")}),
                 int(cli::ExitFailure));
        qint64 keys = 0;
        for (const TopologyNode &node : after.masters())
            keys += test::ask(pool, node.address, {"DBSIZE"})->integerValue();
        QCOMPARE(keys, qint64(1));
        QCOMPARE(run(QStringLiteral("exec"), nodes), int(cli::ExitUsage));
    }
};

QTEST_GUILESS_MAIN(TestCommandsInProcess)
#include "tst_commands_in_process.moc"
