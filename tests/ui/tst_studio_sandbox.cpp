#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "support/kube_sandbox_fixture.h"
#include "ui/confirmation_dialog.h"
#include "ui/core_backend.h"
#include "ui/deploy_wizard.h"
#include "ui/deploy_wizard_pages.h"
#include "ui/job_progress_panel.h"
#include "ui/main_window.h"
#include "ui/topology_model.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace rcs::ui;

// The whole story through the window on kube-sandbox: the deploy wizard, create, every pod deleted,
// Recover, Add node, Remove node, Failover, and the cleanup confirmation with the PVCs.
class TestStudioSandbox final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("RedisClusterStudioTest"));
        QSettings().clear();
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
        window.action(Action::Recover)->trigger();
        QVERIFY(finished.wait(240000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);
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
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->detailText()));
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
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->detailText()));
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
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->detailText()));
        QTRY_VERIFY_WITH_TIMEOUT(model->node(masterKey) && !model->node(masterKey)->isMaster(), 60000);
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::Healthy, 60000);

        // Cleanup names the PVCs when they are to go.
        window.action(Action::Cleanup)->trigger();
        auto *dialog = window.findChild<ConfirmationDialog *>(QStringLiteral("cleanupConfirmation"));
        QVERIFY(dialog);
        auto *pvcs = dialog->findChild<QWidget *>(QStringLiteral("deletePvcs"));
        QTRY_VERIFY(dialog->isVisible());
        QTest::mouseClick(pvcs, Qt::LeftButton, {}, QPoint(5, pvcs->height() / 2));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->acceptButton()->isEnabled(), 30000);
        QVERIFY2(dialog->items().contains(QStringLiteral("pvc/redis-data-redis-app-0 (its data is lost)")),
                 qPrintable(dialog->items().join(QLatin1Char(','))));
        finished.clear();
        dialog->accept();
        QVERIFY(finished.wait(180000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->resultText()));
        QTRY_COMPARE_WITH_TIMEOUT(model->situation(), Situation::NotDeployed, 60000);
    }
};

QTEST_MAIN(TestStudioSandbox)
#include "tst_studio_sandbox.moc"
