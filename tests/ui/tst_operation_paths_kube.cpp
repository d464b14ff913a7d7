#include "command_registry.h"
#include "common/logger.h"
#include "integration/job_helpers.h"
#include "operation_paths_support.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "redis/redis_pool.h"
#include "support/kube_sandbox_fixture.h"
#include "ui/core_backend.h"
#include "ui/deploy_parameters.h"
#include "workflows/cluster_situation.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

#include <functional>
#include <memory>

using namespace rcs;

// tst_operation_paths for the other two target kinds: on a StatefulSet reached through a kubeconfig
// context, and on the local sandbox (the target bar's "Local sandbox", the command line's
// --sandbox-dir), the same operation made from command-line arguments (the command library,
// in-process) and from the studio's backend (CoreBackend with the target as the target bar sets it)
// must take the same road through core's catalogue: the same plan, the same logged commands, the same
// refusal of an unconfirmed removal. Each kind has its own namespace on one kube-sandbox.
class TestOperationPathsKube final : public QObject {
    Q_OBJECT
private:
    test::KubeSandboxFixture m_sandbox;
    ui::CoreBackend m_backend;
    RedisPool m_pool;
    QStringList m_cleanup; // the target options of the kind under test

    static int cli(const QString &name, const QStringList &args)
    {
        return test::runCommandInProcess(name, args);
    }
    static QStringList commandsLoggedBy(const std::function<void()> &run)
    {
        return test::commandsLoggedBy(run);
    }
    std::unique_ptr<Job> runGui(ui::Action action, const ui::StudioTarget &target,
                                const ui::ActionRequest &request)
    {
        QString why;
        std::unique_ptr<Job> job(m_backend.createActionJob(action, target, request, &why));
        if (!job) {
            qWarning("%s", qPrintable(why));
            return job;
        }
        return started(std::move(job));
    }
    static std::unique_ptr<Job> started(std::unique_ptr<Job> job)
    {
        job->setAutoDelete(false);
        QSignalSpy finished(job.get(), &Job::finished);
        job->start();
        if (!finished.wait(300000))
            qWarning("the studio's job did not finish within 300 s");
        return job;
    }
    // The StatefulSet as the catalogue's status reads it (pods, topology), for setup and checks.
    std::unique_ptr<ops::OperationJob> status(const ui::StudioTarget &target)
    {
        QString why;
        const std::optional<ops::Target> core = ui::operationTarget(target, m_sandbox.dataDir(), &why);
        if (!core)
            return {};
        ops::OperationRequest request;
        request.kind = ops::OperationKind::Status;
        Result<ops::OperationJob *> made = ops::createOperation(*core, request);
        if (!made)
            return {};
        std::unique_ptr<Job> job = started(std::unique_ptr<Job>(made.value()));
        return std::unique_ptr<ops::OperationJob>(static_cast<ops::OperationJob *>(job.release()));
    }
    // Pod → "role slots", the cluster's shape (a plan must leave it alone).
    QMap<QString, QString> shape(const ui::StudioTarget &target)
    {
        QMap<QString, QString> result;
        const std::unique_ptr<ops::OperationJob> read = status(target);
        if (!read || read->hasError() || !read->statusReport())
            return result;
        for (const TopologyNode &node : read->statusReport()->topology.nodes())
            result.insert(node.pod ? node.pod->name : node.id,
                          nodeRoleName(node.role) + QLatin1Char(' ') + node.slotSet.toString());
        return result;
    }
    // Every pod's Redis blank again (no slots, knowing only itself), ready for another create.
    bool resetPods(const ui::StudioTarget &target)
    {
        const std::unique_ptr<ops::OperationJob> read = status(target);
        if (!read || read->hasError() || !read->statusReport())
            return false;
        QList<NodeAddress> addresses;
        for (const PodState &pod : read->statusReport()->deployment.pods)
            addresses.append(NodeAddress{pod.info.ip, 6379});
        for (int round = 0; round < 20; ++round) {
            for (const NodeAddress &address : addresses) {
                test::ask(m_pool, address, {"FLUSHALL"});
                test::ask(m_pool, address, {"CLUSTER", "RESET", "HARD"});
            }
            bool blank = true;
            for (const NodeAddress &address : addresses) {
                const Result<RedisReply> nodes = test::ask(m_pool, address, {"CLUSTER", "NODES"});
                blank = blank && nodes && nodes->text().trimmed().count(QLatin1Char('\n')) == 0;
            }
            if (blank)
                return true;
            QTest::qWait(200);
        }
        return false;
    }
    // The sandbox kind finds a running sandbox by the pid file its controller writes; this one was
    // started by the fixture, so its pid is written the same way.
    bool adoptFixtureAsSandbox()
    {
        const QString dataDir = QDir(m_sandbox.dataDir()).absolutePath();
        for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            bool numeric = false;
            entry.toLongLong(&numeric);
            if (!numeric)
                continue;
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
            if (!cmdline.open(QIODevice::ReadOnly))
                continue;
            const QList<QByteArray> argv = cmdline.readAll().split('\0');
            const qsizetype at = argv.indexOf("--data-dir");
            if (at < 0 || at + 1 >= argv.size() || !argv.first().endsWith("kube-sandbox"))
                continue;
            if (QDir(QString::fromLocal8Bit(argv.at(at + 1))).absolutePath() != dataDir)
                continue;
            QFile pid(dataDir + QStringLiteral("/kube-sandbox.pid"));
            return pid.open(QIODevice::WriteOnly) && pid.write(entry.toLatin1() + '\n') > 0;
        }
        return false;
    }

    // status --json and --text from the command line against the studio's refresh of the same target:
    // the same document (nodes keyed by id), the same text, cards of the same shape and situation.
    bool sameStatus(const ui::StudioTarget &gui, const QStringList &target)
    {
        const QByteArray printed = test::stdoutOf([&] {
            QCOMPARE(cli(QStringLiteral("status"), target + QStringList{QStringLiteral("--json")}),
                     int(cli::ExitSuccess));
        });
        QJsonParseError parseError;
        const QJsonObject byCli = QJsonDocument::fromJson(printed, &parseError).object();
        if (parseError.error != QJsonParseError::NoError) {
            qWarning("status --json printed no document: %s", printed.constData());
            return false;
        }
        const QByteArray text =
            test::stdoutOf([&] { QCOMPARE(cli(QStringLiteral("status"), target), int(cli::ExitSuccess)); });
        QString why;
        std::optional<ui::TopologySnapshot> snapshot;
        std::unique_ptr<Job> job(m_backend.createRefreshJob(
            gui, [&snapshot](const ui::TopologySnapshot &taken) { snapshot = taken; }, &why));
        if (!job) {
            qWarning("%s", qPrintable(why));
            return false;
        }
        job = started(std::move(job));
        const auto *operation = qobject_cast<ops::OperationJob *>(job.get());
        [&] {
            QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
            QVERIFY(operation && snapshot);
            QCOMPARE(byCli.value(QStringLiteral("situation")).toString(), QStringLiteral("healthy"));
            QCOMPARE(byCli.value(QStringLiteral("pods")).toArray().size(), 6);
            QCOMPARE(test::comparableStatus(operation->resultJson()), test::comparableStatus(byCli));
            QCOMPARE(QString::fromUtf8(text), operation->resultText());
            QVERIFY(operation->plan().isEmpty()); // a read plans no change
            QCOMPARE(test::snapshotShape(*snapshot), test::statusShape(byCli));
            QCOMPARE(situationName(snapshot->situation), byCli.value(QStringLiteral("situation")).toString());
        }();
        return !QTest::currentTestFailed();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("kube-sandbox is not built in this tree: build the kube-sandbox target.");
        const Result<void> up = m_sandbox.start(3);
        QVERIFY2(up.ok(), qPrintable(up.error().message()));
        QVERIFY(adoptFixtureAsSandbox());
        m_backend.setSandboxDataDir(m_sandbox.dataDir());
    }

    // Each kind's deployment goes again, also after a failure, so the next kind gets the NodePort.
    void cleanup()
    {
        if (m_cleanup.isEmpty())
            return;
        QCOMPARE(cli(QStringLiteral("cleanup"),
                     m_cleanup + QStringList{QStringLiteral("--yes"), QStringLiteral("--delete-pvcs"),
                                             QStringLiteral("--delete-namespace")}),
                 int(cli::ExitSuccess));
        m_cleanup.clear();
    }

    void sameRoadOnEveryKind_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("ns");
        QTest::newRow("kubernetes") << int(ui::StudioTarget::Kind::Kubernetes) << QStringLiteral("kube-kind");
        QTest::newRow("sandbox") << int(ui::StudioTarget::Kind::Sandbox) << QStringLiteral("sandbox-kind");
    }

    void sameRoadOnEveryKind()
    {
        QFETCH(int, kind);
        QFETCH(QString, ns);
        // As the target bar sets them: the kind, the kubeconfig file for Kubernetes, the namespace.
        ui::StudioTarget gui;
        gui.kind = ui::StudioTarget::Kind(kind);
        gui.ns = ns;
        QStringList target{QStringLiteral("-n"), ns};
        if (gui.kind == ui::StudioTarget::Kind::Kubernetes) {
            gui.kubeconfig = m_sandbox.kubeconfigPath();
            target << QStringLiteral("--kubeconfig") << m_sandbox.kubeconfigPath();
        } else {
            target << QStringLiteral("--sandbox-dir") << m_sandbox.dataDir();
        }
        m_cleanup = target;

        // deploy --dry-run: the plan the review page shows is the one the command line logs.
        const QStringList deployPlan = commandsLoggedBy([&] {
            QCOMPARE(cli(QStringLiteral("deploy"), target + QStringList{QStringLiteral("--dry-run")}),
                     int(cli::ExitSuccess));
        });
        ui::DeployParameters parameters;
        parameters.ns = ns;
        QVERIFY(deployPlan.size() >= 4);
        QVERIFY(!deployPlan.filter(QStringLiteral("statefulset-redis-app.yaml")).isEmpty());
        QCOMPARE(test::normalisedCommands(m_backend.deployCommands(gui, parameters)), deployPlan);

        // The deployment itself through the wizard's road.
        QString why;
        std::unique_ptr<Job> deploy(m_backend.createDeployJob(gui, parameters, &why));
        QVERIFY2(deploy, qPrintable(why));
        deploy = started(std::move(deploy));
        QVERIFY2(!deploy->hasError(), qPrintable(deploy->errorString()));

        // create, with no replica count named by either: the same default, the same commands.
        const QStringList fromCli =
            commandsLoggedBy([&] { QCOMPARE(cli(QStringLiteral("create"), target), int(cli::ExitSuccess)); });
        QMap<QString, QString> byCli = shape(gui);
        QCOMPARE(byCli.size(), 6);
        QVERIFY(resetPods(gui));
        std::unique_ptr<Job> job;
        const QStringList fromGui =
            commandsLoggedBy([&] { job = runGui(ui::Action::CreateCluster, gui, {}); });
        QVERIFY(job);
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
        QVERIFY(fromCli.filter(QStringLiteral("CLUSTER REPLICATE")).size() == 3);
        QCOMPARE(fromGui, fromCli);
        QCOMPARE(shape(gui), byCli);

        // status from the arguments and the studio's refresh: one document, and the cards drawn from it.
        QVERIFY(sameStatus(gui, target));

        // rebalance --dry-run on an unbalanced cluster: the same moves, planned and logged, none made.
        QString master;
        for (auto it = byCli.cbegin(); it != byCli.cend() && master.isEmpty(); ++it) {
            if (it.value().startsWith(QLatin1String("master")))
                master = it.key();
        }
        QCOMPARE(cli(QStringLiteral("reshard"),
                     target + QStringList{QStringLiteral("--to"), master, QStringLiteral("--slots"),
                                          QStringLiteral("1000")}),
                 int(cli::ExitSuccess));
        const QMap<QString, QString> before = shape(gui);
        const QStringList rebalanceByCli = commandsLoggedBy([&] {
            QCOMPARE(cli(QStringLiteral("rebalance"), target + QStringList{QStringLiteral("--dry-run")}),
                     int(cli::ExitSuccess));
        });
        ui::ActionRequest planOnly;
        planOnly.planOnly = true;
        const QStringList rebalanceByGui =
            commandsLoggedBy([&] { job = runGui(ui::Action::Rebalance, gui, planOnly); });
        QVERIFY(job);
        QVERIFY2(!job->hasError(), qPrintable(job->errorString()));
        QVERIFY(!rebalanceByCli.isEmpty());
        QCOMPARE(rebalanceByGui, rebalanceByCli);
        auto *operation = qobject_cast<ops::OperationJob *>(job.get());
        QVERIFY(operation);
        QCOMPARE(operation->plan().size(), rebalanceByGui.size());
        QCOMPARE(shape(gui), before);

        // remove-node without a confirmation: listed, refused, nothing changed, in both forms.
        const QStringList removeByCli = commandsLoggedBy(
            [&] { QCOMPARE(cli(QStringLiteral("remove-node"), target), int(cli::ExitFailure)); });
        ui::ActionRequest remove;
        remove.podName = QStringLiteral("redis-app-5");
        remove.planOnly = true;
        const QStringList removeByGui =
            commandsLoggedBy([&] { job = runGui(ui::Action::RemoveNode, gui, remove); });
        QVERIFY(job);
        QCOMPARE(job->error().code(), ErrorCode::Refused);
        QVERIFY(!removeByCli.filter(QStringLiteral("scale statefulset redis-app --replicas=5")).isEmpty());
        QVERIFY(!removeByCli.filter(QStringLiteral("--cluster del-node")).isEmpty());
        QCOMPARE(removeByGui, removeByCli);
        operation = qobject_cast<ops::OperationJob *>(job.get());
        QVERIFY(operation);
        QCOMPARE(operation->plan().size(), removeByGui.size());
        QCOMPARE(shape(gui), before);
    }
};

QTEST_MAIN(TestOperationPathsKube)
#include "tst_operation_paths_kube.moc"
