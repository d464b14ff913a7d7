#include "backup/backup_archive.h"
#include "command_registry.h"
#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "operation_paths_support.h"
#include "studio_fixtures.h"
#include "support/kube_sandbox_fixture.h"
#include "ui/confirmation_dialog.h"
#include "ui/core_backend.h"
#include "ui/deploy_wizard.h"
#include "ui/deploy_wizard_pages.h"
#include "ui/job_progress_panel.h"
#include "ui/main_window.h"
#include "ui/topology_model.h"
#include "ui/upgrade_dialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <string_view>

using namespace rcs::ui;

namespace {
// What the newest run of the job panel says of its failure: the message, then the details.
QString failureOf(const MainWindow &window)
{
    const JobRunWidget *run = window.jobPanel()->runs().first();
    return run->resultText() + QLatin1Char('\n') + run->detailText();
}
} // namespace

// The whole story through the window on kube-sandbox: the deploy wizard, create, every pod deleted,
// Recover, Add node, Remove node, Failover, Upgrade / restart (its plan against the command line's, a
// stop between pods, a re-run), and the cleanup confirmation with the PVCs.
class TestStudioSandbox final : public QObject {
    Q_OBJECT
private:
    // Pod name → uid of the StatefulSet's pods (a restarted pod is a new object of the same name).
    static QMap<QString, QString> podUids(rcs::KubeClient *client)
    {
        QMap<QString, QString> uids;
        rcs::KubeListOptions options;
        options.labelSelector = QStringLiteral("app=redis");
        std::unique_ptr<rcs::KubeRequest> list(client->list(QStringLiteral("v1"), QStringLiteral("Pod"),
                                                            QStringLiteral("redis-cluster"), options));
        list->setAutoDelete(false);
        QSignalSpy done(list.get(), &rcs::Job::finished);
        list->start();
        if (!done.wait(30000) || list->hasError())
            return uids;
        for (const QJsonObject &pod : list->items()) {
            const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
            uids.insert(metadata.value(QLatin1String("name")).toString(),
                        metadata.value(QLatin1String("uid")).toString());
        }
        return uids;
    }

    // The plan `VERB ARGS --dry-run --json` prints, as the confirmation lists it: each step, then its
    // command as "$ COMMAND".
    static QStringList cliPlan(const QString &verb, const QStringList &args)
    {
        const QByteArray printed = rcs::test::stdoutOf([&] {
            QCOMPARE(rcs::test::runCommandInProcess(
                         verb, args + QStringList{QStringLiteral("--dry-run"), QStringLiteral("--json")}),
                     int(rcs::cli::ExitSuccess));
        });
        QStringList items;
        const QJsonArray plan =
            QJsonDocument::fromJson(printed).object().value(QLatin1String("plan")).toArray();
        for (const QJsonValue &step : plan) {
            items.append(step[QLatin1String("step")].toString());
            if (const QString command = step[QLatin1String("command")].toString(); !command.isEmpty())
                items.append(QStringLiteral("$ ") + command);
        }
        return items;
    }

    // Opens Upgrade / restart, lets fill() set the dialog's widgets, clicks "Show the plan…" and waits
    // for the confirmation with core's plan; the commands the plan logged go to *logged.
    static ConfirmationDialog *
    askUpgrade(MainWindow &window, const std::function<void(UpgradeDialog *)> &fill, QStringList *logged)
    {
        ConfirmationDialog *confirm = nullptr;
        *logged = rcs::test::commandsLoggedBy([&] {
            // The dialogs of the last round are gone (deleted on close) before this one is looked for.
            QTRY_VERIFY(!window.findChild<UpgradeDialog *>() &&
                        !window.findChild<ConfirmationDialog *>(QStringLiteral("upgradeConfirmation")));
            QTRY_VERIFY(window.action(Action::Upgrade)->isEnabled());
            window.action(Action::Upgrade)->trigger();
            UpgradeDialog *dialog = nullptr;
            QTRY_VERIFY(dialog = window.findChild<UpgradeDialog *>(QStringLiteral("upgradeDialog")));
            QTRY_VERIFY(dialog->isVisible());
            fill(dialog);
            rcs::ui::test::saveShot(dialog, QStringLiteral("upgrade-dialog"));
            QAbstractButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
            QVERIFY(ok->isEnabled());
            QTest::mouseClick(ok, Qt::LeftButton);
            QTRY_VERIFY(confirm =
                            window.findChild<ConfirmationDialog *>(QStringLiteral("upgradeConfirmation")));
            QTRY_VERIFY_WITH_TIMEOUT(confirm->acceptButton()->isEnabled(), 120000);
        });
        return confirm;
    }

    // The confirmation's items end with the plan (info sentences of the plan's run come first).
    static QStringList planOf(const ConfirmationDialog *confirm, qsizetype steps)
    {
        const QStringList items = confirm->items();
        return items.mid(std::max<qsizetype>(0, items.size() - steps));
    }

private Q_SLOTS:
    void initTestCase()
    {
        rcs::ui::test::isolateSettings();
        if (rcs::test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("kube-sandbox is not built in this tree: build the kube-sandbox target.");
    }

    void deployCreateLoseEveryPodRecoverCleanUp()
    {
        rcs::test::KubeSandboxFixture sandbox;
        const rcs::Result<void> started = sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));

        CoreBackend backend;
        MainWindow window(&backend);
        window.resize(1400, 900);
        window.setRefreshInterval(1000);
        window.show();
        StudioTarget target;
        target.kind = StudioTarget::Kind::Kubernetes;
        target.kubeconfig = sandbox.kubeconfigPath();
        window.setTarget(target);
        TopologyModel *model = window.topologyModel();
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::NotDeployed, 60000);
        QVERIFY(window.action(Action::Deploy)->isEnabled());

        // The wizard: target → parameters → review → apply (live) → finish with "Create cluster now".
        window.action(Action::Deploy)->trigger();
        auto *wizard = window.findChild<DeployWizard *>();
        QVERIFY(wizard);
        QTRY_VERIFY(wizard->isVisible());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(DeployWizard::ParametersPageId));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(DeployWizard::ReviewPageId));
        auto *review = qobject_cast<ReviewPage *>(wizard->currentPage());
        QVERIFY(review->yaml().contains(QLatin1String("kind: StatefulSet")));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(DeployWizard::ApplyPageId));
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::CommitButton)->isEnabled() ||
                                     wizard->button(QWizard::NextButton)->isEnabled(),
                                 240000);
        wizard->next();
        QCOMPARE(wizard->currentId(), int(DeployWizard::FinishPageId));
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        wizard->accept(); // "Create the cluster now" is checked by default
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);
        QCOMPARE(model->masterCount(), 3);
        QCOMPARE(model->replicaCount(), 3);

        // Every pod deleted: they come back with new IPs and the cluster does not find itself.
        auto kubeTarget = sandbox.target();
        QVERIFY(kubeTarget.ok());
        auto client = rcs::KubeClient::create(kubeTarget.value());
        QVERIFY(client.ok());
        std::unique_ptr<rcs::KubeClient> owner(client.value());
        rcs::Job *remove = rcs::test::killPodsAtOnce(owner.get(), QStringLiteral("redis-cluster"),
                                                     QStringLiteral("app=redis"));
        remove->setAutoDelete(false);
        QSignalSpy removed(remove, &rcs::Job::finished);
        remove->start();
        QVERIFY(removed.wait(60000));
        QVERIFY2(!remove->hasError(), qPrintable(remove->errorString()));
        delete remove;
        QTRY_VERIFY_WITH_TIMEOUT(window.action(Action::Recover)->isEnabled() &&
                                     model->situation() == Situation::TotalFailure,
                                 180000);
        finished.clear();
        QElapsedTimer recoverClock; // issue 16 asks for ≤ 4 s from the click to "Healthy" on 6 pods
        recoverClock.start();
        window.action(Action::Recover)->trigger();
        QVERIFY(finished.wait(240000));
        const qint64 recoverJobMs = recoverClock.elapsed();
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);
        // A measurement, not an assertion (timing belongs to bench/): the log of every run shows it.
        qInfo("Recover: the job ended %lld ms after the click, Healthy was shown after %lld ms", recoverJobMs,
              recoverClock.elapsed());
        QCOMPARE(model->masterCount(), 3);

        // Pods are watched: with polling off, a pod event alone (a label added) refreshes the picture.
        window.setRefreshInterval(0);
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        while (refreshed.wait(2500)) // a poll still in flight ends first
            ;
        refreshed.clear();
        rcs::KubeRequest::Spec label;
        label.method = "PATCH";
        label.ref = rcs::KubeObjectRef{QStringLiteral("v1"), QStringLiteral("Pod"),
                                       QStringLiteral("redis-cluster"), QStringLiteral("redis-app-0")};
        label.body = R"({"metadata":{"labels":{"touched":"yes"}}})";
        label.contentType = "application/merge-patch+json";
        label.verb = QStringLiteral("patch");
        rcs::Job *patch = owner->raw(label);
        patch->setAutoDelete(false);
        QSignalSpy patched(patch, &rcs::Job::finished);
        patch->start();
        QVERIFY(patched.wait(30000));
        QVERIFY2(!patch->hasError(), qPrintable(patch->errorString()));
        delete patch;
        QVERIFY(refreshed.wait(30000));
        window.setRefreshInterval(1000);

        // Add node on Kubernetes: the StatefulSet grows to 7 and redis-app-6 joins as a master.
        QTRY_VERIFY(window.action(Action::AddNode)->isEnabled());
        finished.clear();
        window.action(Action::AddNode)->trigger();
        ConfirmationDialog *confirm = nullptr;
        QTRY_VERIFY(confirm = window.findChild<ConfirmationDialog *>(QStringLiteral("addNodeConfirmation")));
        confirm->accept();
        QVERIFY(finished.wait(240000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(failureOf(window)));
        const auto servingMaster = [model](const QString &pod) {
            for (const NodeCard &card : model->nodes()) {
                if (card.podName == pod)
                    return card.isMaster() && card.slotCount() > 0;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(model->masterCount() == 4 && servingMaster(QStringLiteral("redis-app-6")),
                                 60000);

        // Remove node: the confirmation names the highest pod and where its slots go.
        QTRY_VERIFY(window.action(Action::RemoveNode)->isEnabled());
        finished.clear();
        window.action(Action::RemoveNode)->trigger();
        QTRY_VERIFY(confirm =
                        window.findChild<ConfirmationDialog *>(QStringLiteral("removeNodeConfirmation")));
        QVERIFY(confirm->windowTitle().contains(QLatin1String("redis-app-6")));
        bool saysWhere = false;
        for (const QLabel *label : confirm->findChildren<QLabel *>())
            saysWhere = saysWhere || label->text().contains(QLatin1String("move to the other masters"));
        QVERIFY(saysWhere);
        confirm->accept();
        QVERIFY(finished.wait(240000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(failureOf(window)));
        QTRY_VERIFY_WITH_TIMEOUT(model->masterCount() == 3 && model->nodes().size() == 6 &&
                                     model->situation() == Situation::Healthy,
                                 60000);

        // Failover with a master selected: its replica's pod is promoted.
        QString masterKey;
        for (const NodeCard &card : model->nodes()) {
            if (card.isMaster())
                masterKey = card.key();
        }
        model->setSelectedKey(masterKey);
        QTRY_VERIFY(window.action(Action::Failover)->isEnabled());
        finished.clear();
        window.action(Action::Failover)->trigger();
        QTRY_VERIFY(confirm = window.findChild<ConfirmationDialog *>(QStringLiteral("failoverConfirmation")));
        confirm->accept();
        QVERIFY(finished.wait(120000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(failureOf(window)));
        QTRY_VERIFY_WITH_TIMEOUT(model->node(masterKey) && !model->node(masterKey)->isMaster(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);

        // Upgrade / restart. The plan the confirmation shows for a new image is the one
        // `upgrade --image X --dry-run` prints, and it logs the same commands; cancelled, nothing runs.
        const QStringList cliTarget{QStringLiteral("-n"), QStringLiteral("redis-cluster"),
                                    QStringLiteral("--kubeconfig"), sandbox.kubeconfigPath()};
        const QString image = QStringLiteral("redis:7.0-studio-test");
        QStringList byGui;
        QStringList byCli = rcs::test::commandsLoggedBy([&] {
            QVERIFY(
                !cliPlan(QStringLiteral("upgrade"), cliTarget + QStringList{QStringLiteral("--image"), image})
                     .isEmpty());
        });
        confirm = askUpgrade(
            window,
            [&image](UpgradeDialog *dialog) {
                dialog->findChild<QLineEdit *>(QStringLiteral("image"))->setText(image);
            },
            &byGui);
        QVERIFY(confirm);
        // An upgrade restarts every pod: it offers a backup first.
        QVERIFY(confirm->findChild<QWidget *>(QStringLiteral("backupFirst")));
        const QStringList upgradePlan =
            cliPlan(QStringLiteral("upgrade"), cliTarget + QStringList{QStringLiteral("--image"), image});
        QVERIFY(!upgradePlan.filter(QStringLiteral("CLUSTER FAILOVER")).isEmpty());
        QCOMPARE(planOf(confirm, upgradePlan.size()), upgradePlan);
        QCOMPARE(byGui, byCli);
        const QMap<QString, QString> before = podUids(owner.get());
        QCOMPARE(before.size(), 6);
        confirm->reject();
        QTRY_VERIFY(!window.findChild<ConfirmationDialog *>(QStringLiteral("upgradeConfirmation")));

        // Restart only: the same comparison with `rolling-restart --dry-run`, then confirmed. Cancel
        // in the progress panel stops between two pods (the cluster healthy, some pods restarted).
        byCli = rcs::test::commandsLoggedBy(
            [&] { QVERIFY(!cliPlan(QStringLiteral("rolling-restart"), cliTarget).isEmpty()); });
        const auto restartOnly = [](UpgradeDialog *dialog) {
            QTest::mouseClick(dialog->findChild<QRadioButton *>(QStringLiteral("restartOnly")),
                              Qt::LeftButton);
            QVERIFY(!dialog->findChild<QLineEdit *>(QStringLiteral("image"))->isEnabled());
        };
        confirm = askUpgrade(window, restartOnly, &byGui);
        QVERIFY(confirm);
        const QStringList restartPlan = cliPlan(QStringLiteral("rolling-restart"), cliTarget);
        QCOMPARE(planOf(confirm, restartPlan.size()), restartPlan);
        QCOMPARE(byGui, byCli);
        QVERIFY(restartPlan.filter(QStringLiteral("$ ")).size() >= 6);
        finished.clear();
        confirm->accept();
        QTRY_VERIFY(!window.jobPanel()->runs().isEmpty() &&
                    window.jobPanel()->runs().first()->title().contains(QLatin1String("Rolling restart")));
        JobRunWidget *run = window.jobPanel()->runs().first();
        // Once the first pod is on its way, Cancel: the run ends after it, not in the middle of it.
        QTRY_VERIFY_WITH_TIMEOUT(podUids(owner.get()) != before, 120000);
        QTest::mouseClick(run->cancelButton(), Qt::LeftButton);
        QVERIFY(!run->cancelButton()->isEnabled());
        QVERIFY(finished.wait(240000));
        QVERIFY(!finished.last().at(1).toBool());
        QVERIFY2(run->resultText().contains(QLatin1String("Stopped after")), qPrintable(run->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);
        const QMap<QString, QString> stopped = podUids(owner.get());
        qsizetype restarted = 0;
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            restarted += stopped.value(it.key()) != it.value() ? 1 : 0;
        QVERIFY2(restarted >= 1 && restarted < 6, qPrintable(QString::number(restarted)));

        // The re-run goes to the end: every pod restarted since the first run began, the cluster healthy.
        confirm = askUpgrade(window, restartOnly, &byGui);
        QVERIFY(confirm);
        finished.clear();
        confirm->accept();
        QVERIFY(finished.wait(480000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(failureOf(window)));
        const QMap<QString, QString> after = podUids(owner.get());
        QCOMPARE(after.size(), 6);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) != it.value(),
                     qPrintable(it.key() + QLatin1String(" kept its uid")));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);
        QCOMPARE(model->masterCount(), 3);
        QCOMPARE(model->replicaCount(), 3);

        // Cleanup names the PVCs when they are to go, and offers a backup first. With no backup file
        // chosen, nothing runs.
        // (No QTRY here: its failure returns void; a null answer fails at the caller's QVERIFY.)
        const auto askCleanup = [&window](bool deletePvcs) -> ConfirmationDialog * {
            const QString name = QStringLiteral("cleanupConfirmation");
            if (!QTest::qWaitFor([&] { return !window.findChild<ConfirmationDialog *>(name); }, 5000))
                return nullptr;
            window.action(Action::Cleanup)->trigger();
            auto *dialog = window.findChild<ConfirmationDialog *>(name);
            if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }, 5000))
                return nullptr;
            for (const char *option : {"deletePvcs", "backupFirst"}) {
                if (!deletePvcs && option == std::string_view("deletePvcs"))
                    continue;
                auto *box = dialog->findChild<QWidget *>(QLatin1String(option));
                if (!box)
                    return nullptr;
                QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
            }
            const bool ready =
                QTest::qWaitFor([dialog] { return dialog->acceptButton()->isEnabled(); }, 30000);
            rcs::ui::test::settled(); // the accept button's new text laid out before the picture
            rcs::ui::test::saveShot(dialog, QStringLiteral("cleanup-backup-first"));
            return ready ? dialog : nullptr;
        };
        auto *dialog = askCleanup(false);
        QVERIFY(dialog);
        const qsizetype runsBefore = window.jobPanel()->runs().size();
        dialog->accept();
        QVERIFY(rcs::ui::test::answerFileDialog(&window, QStringLiteral("backupFileDialog"), QString()));
        QCOMPARE(window.jobPanel()->runs().size(), runsBefore);
        QCOMPARE(model->situation(), Situation::Healthy);

        // With a file: the backup is complete before the cleanup starts.
        dialog = askCleanup(true);
        QVERIFY(dialog);
        QVERIFY2(dialog->items().contains(QStringLiteral("pvc/redis-data-redis-app-0 (its data is lost)")),
                 qPrintable(dialog->items().join(QLatin1Char(','))));
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString archive = folder.filePath(QStringLiteral("before-cleanup.rcsbackup"));
        finished.clear();
        dialog->accept();
        QVERIFY(rcs::ui::test::answerFileDialog(&window, QStringLiteral("backupFileDialog"), archive));
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::NotDeployed, 60000);
        const rcs::Result<rcs::backup::VerifiedArchive> verified = rcs::backup::verifyArchive(archive);
        QVERIFY2(verified.ok(), qPrintable(verified.error().message()));
        QCOMPARE(verified.value().manifest.shards.size(), qsizetype(3));
    }
};

QTEST_MAIN(TestStudioSandbox)
#include "tst_studio_sandbox.moc"
