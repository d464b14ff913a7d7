#include "command_registry.h"
#include "common/logger.h"
#include "integration/job_helpers.h"
#include "operation_paths_support.h"
#include "operations/operation_job.h"
#include "redis/redis_pool.h"
#include "support/redis_test_nodes.h"
#include "ui/core_backend.h"
#include "workflows/cluster_situation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace rcs;
using rcs::test::RedisTestNodes;

// One operation, two front ends: the same request made from command-line arguments (the command
// library, in-process) and from the studio's backend (CoreBackend, what the window's actions call)
// on plain endpoints with a password must take the same road through core's catalogue: the same
// defaults, the same plan, the same logged redis-cli lines.
class TestOperationPaths final : public QObject {
    Q_OBJECT
private:
    static constexpr const char *Password = "ops-catalogue-secret";
    RedisTestNodes m_nodes;
    RedisPool m_pool;
    ui::CoreBackend m_backend;

    QStringList cliArgs(const QStringList &more) const
    {
        return QStringList{QStringLiteral("--nodes"), m_nodes.addressList(), QStringLiteral("--password"),
                           QString::fromLatin1(Password)} +
               more;
    }
    ui::StudioTarget guiTarget() const
    {
        ui::StudioTarget target;
        target.kind = ui::StudioTarget::Kind::Endpoints;
        target.endpoints = m_nodes.addressList();
        target.password = QString::fromLatin1(Password);
        return target;
    }
    static int cli(const QString &name, const QStringList &args)
    {
        return test::runCommandInProcess(name, args);
    }
    static QStringList commandsLoggedBy(const std::function<void()> &run)
    {
        return test::commandsLoggedBy(run);
    }
    // Starts the studio's job for the action and waits for it; returns it (finished, not deleted).
    std::unique_ptr<Job> runGui(ui::Action action, const ui::ActionRequest &request)
    {
        QString why;
        std::unique_ptr<Job> job(m_backend.createActionJob(action, guiTarget(), request, &why));
        if (!job) {
            qWarning("%s", qPrintable(why));
            return job;
        }
        job->setAutoDelete(false);
        QSignalSpy finished(job.get(), &Job::finished);
        job->start();
        if (!finished.wait(180000))
            qWarning("the studio's job did not finish within 180 s");
        return job;
    }
    // Every node blank again (no slots, knowing only itself), ready for another create.
    bool resetNodes()
    {
        // Reset until every node reports itself alone (a reset node may still hear a peer's last ping).
        return QTest::qWaitFor(
            [this] {
                for (const NodeAddress &address : m_nodes.addresses()) {
                    test::ask(m_pool, address, {"FLUSHALL"});
                    test::ask(m_pool, address, {"CLUSTER", "RESET", "HARD"});
                }
                for (const NodeAddress &address : m_nodes.addresses()) {
                    const Result<RedisReply> nodes = test::ask(m_pool, address, {"CLUSTER", "NODES"});
                    if (!nodes || nodes->text().trimmed().count(QLatin1Char('\n')) != 0)
                        return false;
                }
                return true;
            },
            4000);
    }
    QMap<QString, QString> shape()
    {
        QMap<QString, QString> result;
        const ClusterTopology topology = test::scan(m_pool, m_nodes.address(0));
        for (const TopologyNode &node : topology.nodes())
            result.insert(node.id, nodeRoleName(node.role) + QLatin1Char(' ') + node.slotSet.toString());
        return result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        RedisTestNodes::Options options;
        options.password = QString::fromLatin1(Password);
        const Result<void> started = m_nodes.start(6, options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        RedisConnectionOptions connection;
        connection.password = options.password;
        m_pool.setOptions(connection);
    }

    void createHasOneDefaultAndOneRoad()
    {
        // Neither front end names a replica count: both take the catalogue's default.
        const QStringList fromCli = commandsLoggedBy(
            [this] { QCOMPARE(cli(QStringLiteral("create"), cliArgs({})), int(cli::ExitSuccess)); });
        const ClusterTopology byCli = test::scan(m_pool, m_nodes.address(0));
        QCOMPARE(byCli.masters().size(), 3);
        QCOMPARE(byCli.nodes().size(), 6);
        QVERIFY(resetNodes());

        std::unique_ptr<Job> job;
        const QStringList fromGui =
            commandsLoggedBy([this, &job] { job = runGui(ui::Action::CreateCluster, {}); });
        QVERIFY(job);
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
        const ClusterTopology byGui = test::scan(m_pool, m_nodes.address(0));
        QCOMPARE(byGui.masters().size(), 3);
        QCOMPARE(byGui.nodes().size(), 6);

        QVERIFY(fromCli.size() > 10); // slots, epochs, meets, replicates, node timeouts
        QVERIFY(fromCli.filter(QStringLiteral("CLUSTER REPLICATE")).size() == 3);
        QCOMPARE(fromGui, fromCli);
        // The password reached the nodes from both and never the log.
        for (const QString &line : fromCli)
            QVERIFY2(!line.contains(QString::fromLatin1(Password)), qPrintable(line));
    }

    void rebalanceDryRunPlansTheSame()
    {
        // Unbalance the cluster first: 1000 slots onto one master.
        const QString target = test::scan(m_pool, m_nodes.address(0)).masters().first().id;
        QCOMPARE(cli(QStringLiteral("reshard"), cliArgs({QStringLiteral("--to"), target,
                                                         QStringLiteral("--slots"), QStringLiteral("1000")})),
                 int(cli::ExitSuccess));
        const QMap<QString, QString> before = shape();

        const QStringList fromCli = commandsLoggedBy([this] {
            QCOMPARE(cli(QStringLiteral("rebalance"), cliArgs({QStringLiteral("--dry-run")})),
                     int(cli::ExitSuccess));
        });
        std::unique_ptr<Job> job;
        ui::ActionRequest request;
        request.planOnly = true;
        const QStringList fromGui =
            commandsLoggedBy([this, &job, &request] { job = runGui(ui::Action::Rebalance, request); });
        QVERIFY(job);
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));

        QVERIFY(!fromCli.isEmpty());
        QVERIFY(fromCli.filter(QStringLiteral("--cluster reshard")).size() == fromCli.size());
        QCOMPARE(fromGui, fromCli);
        // The plan the job hands to a confirmation is what it logged.
        const auto *operation = qobject_cast<ops::OperationJob *>(job.get());
        QVERIFY(operation);
        QCOMPARE(operation->plan().size(), fromGui.size());
        QCOMPARE(shape(), before); // a plan moves nothing
    }

    void removeNodeUnconfirmedListsAndChangesNothing()
    {
        const QMap<QString, QString> before = shape();
        const QString master = test::scan(m_pool, m_nodes.address(0)).masters().first().id;
        const QStringList fromCli = commandsLoggedBy([this, &master] {
            QCOMPARE(cli(QStringLiteral("remove-node"), cliArgs({QStringLiteral("--node"), master})),
                     int(cli::ExitFailure));
        });
        std::unique_ptr<Job> job;
        ui::ActionRequest request;
        request.nodeKey = master;
        request.planOnly = true;
        const QStringList fromGui =
            commandsLoggedBy([this, &job, &request] { job = runGui(ui::Action::RemoveNode, request); });
        QVERIFY(job);
        QCOMPARE(job->error().code(), ErrorCode::Refused);
        QVERIFY2(job->errorString().contains(QLatin1String("--yes")), qPrintable(job->errorString()));

        QVERIFY(!fromCli.filter(QStringLiteral("--cluster del-node")).isEmpty());
        QVERIFY(!fromCli.filter(QStringLiteral("--cluster reshard")).isEmpty());
        QCOMPARE(fromGui, fromCli);
        const auto *operation = qobject_cast<ops::OperationJob *>(job.get());
        QVERIFY(operation);
        QCOMPARE(operation->plan().size(), fromGui.size());
        QCOMPARE(shape(), before);
    }

    void recoverFindsEveryLiveNodeFromOne()
    {
        // One current address is enough for both: core discovers the other live nodes from it.
        const QString one = m_nodes.address(3).toString();
        const QStringList args{QStringLiteral("--nodes"), one, QStringLiteral("--password"),
                               QString::fromLatin1(Password)};
        QCOMPARE(cli(QStringLiteral("recover"), args), int(cli::ExitSuccess));
        ui::StudioTarget target = guiTarget();
        target.endpoints = one;
        QString why;
        std::unique_ptr<Job> job(m_backend.createActionJob(ui::Action::Recover, target, {}, &why));
        QVERIFY2(job, qPrintable(why));
        job->setAutoDelete(false);
        QSignalSpy finished(job.get(), &Job::finished);
        job->start();
        QVERIFY(finished.wait(120000));
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
        const auto *operation = qobject_cast<ops::OperationJob *>(job.get());
        QVERIFY(operation);
        const QJsonArray members = operation->resultJson().value(QStringLiteral("members")).toArray();
        QCOMPARE(members.size(), 6);
        QVERIFY(members.contains(one));
    }

    void statusIsOneReadForBothFrontEnds()
    {
        // status --json from the arguments and the studio's refresh: the same operation, the same
        // document, and the cards drawn from what it read.
        QByteArray printed;
        const QStringList fromCli = commandsLoggedBy([this, &printed] {
            printed = test::stdoutOf([this] {
                QCOMPARE(cli(QStringLiteral("status"), cliArgs({QStringLiteral("--json")})),
                         int(cli::ExitSuccess));
            });
        });
        QJsonParseError parseError;
        const QJsonObject byCli = QJsonDocument::fromJson(printed, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, printed.constData());
        QCOMPARE(byCli.value(QStringLiteral("situation")).toString(), QStringLiteral("healthy"));
        QCOMPARE(byCli.value(QStringLiteral("nodes")).toArray().size(), 6);

        QString why;
        std::optional<ui::TopologySnapshot> snapshot;
        std::unique_ptr<Job> job;
        const QStringList fromGui = commandsLoggedBy([&] {
            job.reset(m_backend.createRefreshJob(
                guiTarget(), [&snapshot](const ui::TopologySnapshot &taken) { snapshot = taken; }, &why));
            if (!job)
                return;
            job->setAutoDelete(false);
            QSignalSpy finished(job.get(), &Job::finished);
            job->start();
            QVERIFY(finished.wait(60000));
        });
        QVERIFY2(job, qPrintable(why));
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
        const auto *operation = qobject_cast<ops::OperationJob *>(job.get());
        QVERIFY(operation);
        QCOMPARE(test::comparableStatus(operation->resultJson()), test::comparableStatus(byCli));
        QCOMPARE(fromGui, fromCli);
        QVERIFY(operation->plan().isEmpty()); // a read plans no change
        QVERIFY(snapshot);
        QCOMPARE(test::snapshotShape(*snapshot), test::statusShape(byCli));
        QCOMPARE(situationName(snapshot->situation), byCli.value(QStringLiteral("situation")).toString());

        // The text form is the operation's too.
        const QByteArray text = test::stdoutOf(
            [this] { QCOMPARE(cli(QStringLiteral("status"), cliArgs({})), int(cli::ExitSuccess)); });
        QCOMPARE(QString::fromUtf8(text), operation->resultText());
        QVERIFY2(text.startsWith("cluster_state: ok"), text.constData());
        const QByteArray last =
            "Situation: healthy. " + byCli.value(QStringLiteral("advice")).toString().toUtf8();
        QVERIFY2(text.endsWith(QByteArray(last + '\n')), text.constData());
    }
};

QTEST_MAIN(TestOperationPaths)
#include "tst_operation_paths.moc"
