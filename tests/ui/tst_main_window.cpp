#include "../unit/cluster_views.h"
#include "common/logger.h"
#include "studio_fixtures.h"
#include "ui/confirmation_dialog.h"
#include "ui/job_progress_panel.h"
#include "ui/main_window.h"
#include "ui/target_bar.h"
#include "ui/theme.h"
#include "ui/topology_adapter.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using namespace rcs::ui;

namespace {
// What a refresh hands the window after every pod of a six-pod StatefulSet restarted with a new IP:
// each node still prints the old IPs (its own too), hears nobody and reports cluster_state:fail.
TopologySnapshot totalFailureSnapshot()
{
    QList<rcs::test::Spec> specs = rcs::test::sixNodes();
    QStringList newIps;
    QMap<QString, rcs::PodInfo> pods;
    for (int i = 0; i < specs.size(); ++i) {
        newIps << QStringLiteral("10.244.%1.%2").arg(i % 3 + 1).arg(20 + i);
        pods.insert(newIps.last(), rcs::PodInfo{QStringLiteral("redis-app-%1").arg(i), newIps.last(),
                                                QStringLiteral("worker-%1").arg(i % 3 + 1),
                                                QStringLiteral("Running"), true, 1});
    }
    const QList<rcs::NodeView> views = rcs::test::restartedWithNewIps(specs, newIps);
    return snapshotFromTopology(rcs::ClusterTopology::fromViews(views, pods));
}

StudioTarget sandboxTarget()
{
    StudioTarget target;
    target.kind = StudioTarget::Kind::Sandbox;
    return target;
}
} // namespace

class TestMainWindow final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { test::isolateStudioSettings(); }

    void actionsFollowTheSituation()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::NotCreated);
        for (NodeCard &card : backend.snapshot.nodes) {
            card.role = NodeCard::Role::Unknown;
            card.slotRanges.clear();
            card.slotsText.clear();
            card.masterId.clear();
        }
        MainWindow window(&backend);
        window.resize(1400, 900);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.topologyModel()->situation(), Situation::NotCreated);
        QVERIFY(window.action(Action::CreateCluster)->isEnabled());
        QVERIFY(!window.action(Action::Recover)->isEnabled());
        QVERIFY(window.action(Action::Recover)->toolTip().contains(QLatin1String("no cluster to recover")));
        QVERIFY(!window.action(Action::Deploy)->isEnabled());
        QVERIFY(window.action(Action::Deploy)->toolTip().contains(QLatin1String("already deployed")));

        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::TotalFailure);
        for (NodeCard &card : backend.snapshot.nodes)
            card.state = NodeCard::State::Fail;
        window.refresh();
        QTRY_COMPARE(window.topologyModel()->situation(), Situation::TotalFailure);
        QAction *recover = window.action(Action::Recover);
        QVERIFY(recover->isEnabled());
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("ActionsToolBar"));
        QVERIFY(toolBar);
        auto *recoverButton = qobject_cast<QToolButton *>(toolBar->widgetForAction(recover));
        QVERIFY(recoverButton);
        QVERIFY(recoverButton->property("prominent").toBool()); // Recover stands out
        QVERIFY(!window.action(Action::AddNode)->isEnabled());
        QVERIFY(!window.action(Action::CreateCluster)->isEnabled());
        test::saveShot(&window, QStringLiteral("main-total-failure"));
    }

    // Core's advice, phrased for the studio ("Click Recover."), above the picture and in the details.
    void adviceBannerSaysWhatToClick()
    {
        test::FixtureBackend backend;
        backend.snapshot = totalFailureSnapshot();
        QCOMPARE(backend.snapshot.situation, Situation::TotalFailure);
        QCOMPARE(backend.snapshot.next, SuggestedOperation::Recover);
        MainWindow window(&backend);
        window.setRefreshInterval(0);
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        auto *banner = window.findChild<QLabel *>(QStringLiteral("advice"));
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY2(banner->text().startsWith(backend.snapshot.advice), qPrintable(banner->text()));
        QVERIFY2(banner->text().endsWith(QLatin1String(" Click Recover.")), qPrintable(banner->text()));
        QVERIFY(!banner->text().contains(QLatin1String("redis-cluster-studio")));
        QVERIFY(window.action(Action::Recover)->isEnabled());
        QVERIFY(test::settled(window.topologyView())); // the details' rows and the button sizes first
        test::saveShot(&window, QStringLiteral("advice-total-failure"));

        // A healthy cluster needs no advice.
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        window.refresh();
        QTRY_COMPARE(window.topologyModel()->situation(), Situation::Healthy);
        QVERIFY(!banner->isVisible());
    }

    void runningAnActionShowsProgressAndBlocksOthers()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        backend.actionStepMs = 300;
        MainWindow window(&backend);
        window.setRefreshInterval(0); // only the refresh after the operation counts here
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        QVERIFY(window.action(Action::Rebalance)->isEnabled());
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        window.action(Action::Rebalance)->trigger();
        QCOMPARE(backend.actionsRun, QList<Action>{Action::Rebalance});
        QCOMPARE(window.busyWith(), QStringLiteral("Rebalance"));
        QVERIFY(!window.action(Action::AddNode)->isEnabled());
        QVERIFY(window.action(Action::AddNode)->toolTip().contains(QLatin1String("Wait until")));
        QVERIFY(window.action(Action::Check)->isEnabled()); // reading stays possible
        QCOMPARE(window.jobPanel()->runningCount(), 1);
        const int refreshesBefore = backend.refreshCount;
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.at(0).at(0).toString(), QStringLiteral("Rebalance"));
        QVERIFY(finished.at(0).at(1).toBool());
        QVERIFY(window.busyWith().isEmpty());
        QVERIFY(window.action(Action::AddNode)->isEnabled());
        QTRY_VERIFY(backend.refreshCount > refreshesBefore); // a refresh follows every operation
    }

    // The target bar's "…" opens a file dialog; the chosen kubeconfig becomes the window's target.
    void browsingForAKubeconfigRetargetsTheWindow()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        MainWindow window(&backend);
        window.show();
        StudioTarget kube;
        kube.kind = StudioTarget::Kind::Kubernetes;
        window.setTarget(kube);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const QString chosen = home.filePath(QStringLiteral("prod.kubeconfig"));
        QFile file(chosen);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("apiVersion: v1\nkind: Config\n");
        file.close();

        auto *browse = window.findChild<QToolButton *>(QStringLiteral("browseKubeconfig"));
        QVERIFY(browse);
        QTRY_VERIFY(browse->isVisible() && browse->isEnabled());
        QSignalSpy retargeted(&window, &MainWindow::targetChanged);
        browse->click();
        QFileDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<QFileDialog *>()) && dialog->isVisible());
        QVERIFY(dialog->windowTitle().contains(QLatin1String("kubeconfig")));
        dialog->selectFile(chosen);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's override is protected
        QTRY_COMPARE(window.target().kubeconfig, chosen);
        QCOMPARE(window.target().kind, StudioTarget::Kind::Kubernetes);
        QVERIFY(!retargeted.isEmpty());
        QTRY_VERIFY(!window.findChild<QFileDialog *>()); // it deleted itself
    }

    void cleanupConfirmationListsThePvcs()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        MainWindow window(&backend);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        window.action(Action::Cleanup)->trigger();
        auto *dialog = window.findChild<ConfirmationDialog *>(QStringLiteral("cleanupConfirmation"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // The backend's plan, once its job answered; accepting waits for it.
        QTRY_VERIFY(dialog->items().contains(QStringLiteral("statefulset/redis-app")));
        QVERIFY(dialog->acceptButton()->isEnabled());
        QVERIFY(!dialog->items().join(QLatin1Char('\n')).contains(QLatin1String("pvc/")));
        auto *pvcs = dialog->findChild<QWidget *>(QStringLiteral("deletePvcs"));
        QVERIFY(pvcs);
        QTest::mouseClick(pvcs, Qt::LeftButton, {}, QPoint(5, pvcs->height() / 2));
        QVERIFY(!dialog->acceptButton()->isEnabled());
        QTRY_VERIFY(dialog->acceptButton()->isEnabled());
        const QStringList items = dialog->items();
        for (int i = 0; i < 6; ++i)
            QVERIFY2(items.contains(QStringLiteral("pvc/redis-data-redis-app-%1 (its data is lost)").arg(i)),
                     qPrintable(items.join(QLatin1Char(','))));
        QVERIFY(dialog->acceptButton()->text().contains(QLatin1String("8")));
        test::saveShot(dialog, QStringLiteral("cleanup-confirmation"));
        dialog->accept();
        QTRY_COMPARE(backend.actionsRun.size(), 1);
        QCOMPARE(backend.actionsRun.first(), Action::Cleanup);
        QVERIFY(backend.requests.first().deletePvcs);
        QVERIFY(!backend.requests.first().deleteNamespace);
    }

    void removeNodeNamesThePodAndWhereItsSlotsGo()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(4, 0, 2, Situation::Healthy);
        MainWindow window(&backend);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        window.action(Action::RemoveNode)->trigger();
        auto *dialog = window.findChild<ConfirmationDialog *>(QStringLiteral("removeNodeConfirmation"));
        QVERIFY(dialog);
        const QString text = dialog->findChildren<QLabel *>().last()->text() + dialog->windowTitle();
        QVERIFY2(dialog->windowTitle().contains(QLatin1String("redis-app-3")),
                 qPrintable(dialog->windowTitle()));
        bool named = false;
        for (QLabel *label : dialog->findChildren<QLabel *>())
            named = named || (label->text().contains(QLatin1String("4096 slots move to the other masters")) &&
                              label->text().contains(QLatin1String("redis-app-0")));
        QVERIFY2(named, qPrintable(text));
        dialog->reject();
        QVERIFY(backend.actionsRun.isEmpty());
    }

    void statusLineAndFailures()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        MainWindow window(&backend);
        window.resize(1400, 900);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        const QString line = window.statusLine();
        QVERIFY2(line.contains(QLatin1String("cluster_state: ok")), qPrintable(line));
        QVERIFY(line.contains(QLatin1String("slots ok: 16384")));
        QVERIFY(line.contains(QLatin1String("known nodes: 6")));
        QVERIFY(line.contains(QLatin1String("current epoch: 6")));
        test::saveShot(&window, QStringLiteral("main-healthy"));

        backend.refreshError =
            QStringLiteral("Could not reach the API server at https://127.0.0.1:1: refused.");
        refreshed.clear();
        window.refresh();
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(refreshed.last().at(0).toBool(), false);
        // The last picture stays while the target does not answer.
        QCOMPARE(window.topologyView()->cardCount(), 6);
    }

    void targetAndRefreshIntervalArePersisted()
    {
        test::FixtureBackend backend;
        {
            MainWindow window(&backend);
            StudioTarget target;
            target.kind = StudioTarget::Kind::Kubernetes;
            target.kubeconfig = QStringLiteral("/tmp/some-kubeconfig");
            target.context = QString();
            target.ns = QStringLiteral("redis-prod");
            window.setTarget(target);
            window.setRefreshInterval(5000);
            window.close();
        }
        MainWindow again(&backend);
        QCOMPARE(again.target().kind, StudioTarget::Kind::Kubernetes);
        QCOMPARE(again.target().kubeconfig, QStringLiteral("/tmp/some-kubeconfig"));
        QCOMPARE(again.target().ns, QStringLiteral("redis-prod"));
        QCOMPARE(again.refreshInterval(), 5000);
    }

    // Every target option of the command line is a field of the target bar: --access for pods,
    // --user / --password for plain nodes. The password is for the session: the next studio has none.
    void targetBarTakesTheCommandLineOptions()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 0, 3);
        {
            MainWindow window(&backend);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            StudioTarget kube;
            kube.kind = StudioTarget::Kind::Kubernetes;
            kube.kubeconfig = QStringLiteral("/tmp/some-kubeconfig");
            window.setTarget(kube);
            auto *access = window.targetBar()->findChild<QComboBox *>(QStringLiteral("access"));
            QVERIFY(access);
            QTRY_VERIFY(access->isVisible());
            QCOMPARE(access->currentData().toString(), QStringLiteral("auto"));
            QSignalSpy retargeted(&window, &MainWindow::targetChanged);
            access->setCurrentIndex(access->findData(QStringLiteral("tunnel")));
            QCOMPARE(window.target().access, rcs::AccessMode::Tunnel);
            QCOMPARE(retargeted.size(), 1);

            StudioTarget nodes;
            nodes.kind = StudioTarget::Kind::Endpoints;
            nodes.endpoints = QStringLiteral("127.0.0.1:7000");
            window.setTarget(nodes);
            auto *user = window.targetBar()->findChild<QLineEdit *>(QStringLiteral("user"));
            auto *password = window.targetBar()->findChild<QLineEdit *>(QStringLiteral("password"));
            QVERIFY(user && password);
            QTRY_VERIFY(password->isVisible() && user->isVisible());
            QVERIFY(!access->isVisible());
            QCOMPARE(password->echoMode(), QLineEdit::Password);
            user->setText(QStringLiteral("operator"));
            Q_EMIT user->editingFinished();
            password->setText(QStringLiteral("bar-password-of-the-test"));
            Q_EMIT password->editingFinished();
            QCOMPARE(window.target().user, QStringLiteral("operator"));
            QCOMPARE(window.target().password, QStringLiteral("bar-password-of-the-test"));
            QVERIFY(!rcs::Logger::instance()
                         .redact(QStringLiteral("AUTH bar-password-of-the-test"))
                         .contains(QLatin1String("bar-password")));

            // --tls, --cacert, --cert, --key, --sni: the files show once TLS is on, and reach core's
            // options through the same check as the command line's (a file that cannot be read).
            auto *tls = window.targetBar()->findChild<QCheckBox *>(QStringLiteral("tls"));
            auto *cacert = window.targetBar()->findChild<QLineEdit *>(QStringLiteral("cacert"));
            auto *sni = window.targetBar()->findChild<QLineEdit *>(QStringLiteral("sni"));
            QVERIFY(tls && cacert && sni);
            QTRY_VERIFY(tls->isVisible());
            QVERIFY(!cacert->isVisible() && !sni->isVisible());
            tls->setChecked(true);
            QTRY_VERIFY(cacert->isVisible() && sni->isVisible());
            const QString missingCa = QStringLiteral("/nonexistent/folder/ca.crt");
            cacert->setText(missingCa);
            Q_EMIT cacert->editingFinished();
            sni->setText(QStringLiteral("redis.example.com"));
            Q_EMIT sni->editingFinished();
            QVERIFY(window.target().tls);
            QCOMPARE(window.target().caFile, missingCa);
            QCOMPARE(window.target().sni, QStringLiteral("redis.example.com"));
            QString why;
            QVERIFY(!operationTarget(window.target(), {}, &why));
            QVERIFY2(why.contains(missingCa), qPrintable(why));
            window.close();
        }
        MainWindow again(&backend);
        QCOMPARE(again.target().kind, StudioTarget::Kind::Endpoints);
        QCOMPARE(again.target().user, QStringLiteral("operator"));
        QVERIFY(again.target().password.isEmpty());
        QVERIFY(again.target().tls); // file names and a server name, nothing secret: kept
        QCOMPARE(again.target().sni, QStringLiteral("redis.example.com"));
    }

    void darkThemeRenders()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Degraded);
        backend.snapshot.nodes[1].state = NodeCard::State::PFail;
        backend.snapshot.nodes[4].state = NodeCard::State::StaleAddress;
        Theme::apply(*qApp, Theme::Mode::Dark);
        QVERIFY(Theme::isDark());
        MainWindow window(&backend);
        window.resize(1400, 900);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        test::saveShot(&window, QStringLiteral("main-dark-degraded"));
        Theme::apply(*qApp, Theme::Mode::Light);
        QVERIFY(!Theme::isDark());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
