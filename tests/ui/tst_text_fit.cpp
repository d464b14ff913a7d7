// Every main view, rendered offscreen in English and in Chinese, shows its texts whole: no label,
// button, tool bar, card, legend or wizard page cuts one off. In Chinese, no English is left over.
// Long on purpose: one function per view or dialog, each a short list of texts to measure in both
// languages; split, every file would repeat the rendering fixture.
#include "studio_fixtures.h"
#include "text_fit.h"
#include "ui/certificate_rotation_dialog.h"
#include "ui/confirmation_dialog.h"
#include "ui/core_backend.h"
#include "ui/deploy_wizard.h"
#include "ui/deploy_wizard_pages.h"
#include "ui/host_group_item.h"
#include "ui/job_progress_panel.h"
#include "ui/language.h"
#include "ui/legend_item.h"
#include "ui/main_window.h"
#include "ui/node_card_item.h"
#include "ui/password_rotation_dialog.h"
#include "ui/slot_bar_item.h"
#include "ui/theme.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"
#include "ui/upgrade_dialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QGraphicsScene>
#include <QHBoxLayout>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

#include <memory>

using namespace rcs::ui;

namespace {
// The names GLOSSARY.md keeps as they are: English inside a Chinese window on purpose.
QStringList keptNames()
{
    QFile file(qEnvironmentVariable("RCS_SOURCE_DIR") + QStringLiteral("/translations/GLOSSARY.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    QStringList names;
    static const QRegularExpression row(QStringLiteral("^\\| `([^`]+)` \\|"),
                                        QRegularExpression::MultilineOption);
    const qsizetype kept = text.indexOf(QLatin1String("## Kept as is"));
    for (auto it = row.globalMatch(text, kept); it.hasNext();)
        names << it.next().captured(1);
    // Each language is named in its own script in View → Language, so "English" stays English; the
    // rest is data of the fixtures and of Redis itself that the windows show as they are.
    names << QStringLiteral("English") << QStringLiteral("Running") << QStringLiteral("myself")
          << QStringLiteral("master") << QStringLiteral("slave") << QStringLiteral("ok")
          << QStringLiteral("fail") << QStringLiteral("pfail");
    std::sort(names.begin(), names.end(),
              [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return names;
}

StudioTarget targetOf(const QString &kind)
{
    StudioTarget target;
    if (kind == QLatin1String("kubernetes")) {
        target.kind = StudioTarget::Kind::Kubernetes;
        target.kubeconfig = QStringLiteral("/tmp/prod.kubeconfig");
    } else if (kind == QLatin1String("endpoints")) {
        target.kind = StudioTarget::Kind::Endpoints;
        target.endpoints = QStringLiteral("10.244.0.1:6379");
    } else {
        target.kind = StudioTarget::Kind::Sandbox;
    }
    return target;
}

TopologySnapshot snapshotOf(const QString &situation)
{
    if (situation == QLatin1String("not-deployed")) {
        TopologySnapshot empty;
        empty.situation = Situation::NotDeployed;
        return empty;
    }
    if (situation == QLatin1String("total-failure")) {
        TopologySnapshot s = test::makeSnapshot(3, 1, 3, Situation::TotalFailure);
        for (NodeCard &card : s.nodes) {
            card.state = NodeCard::State::Fail;
            card.restarts = 1;
            card.detail = QCoreApplication::translate(
                "QObject",
                "The node still believes in its old IP: it learns the new one only from an incoming "
                "CLUSTER MEET (Recover sends it).");
        }
        s.nodes[1].state = NodeCard::State::StaleAddress;
        s.nodes[2].state = NodeCard::State::PFail;
        s.nodes[3].podReady = false;
        s.nodes[3].state = NodeCard::State::PodDown;
        s.nodes[3].podPhase = QStringLiteral("Pending");
        s.nodes[4].state = NodeCard::State::Disconnected;
        s.nodes[5].state = NodeCard::State::Handshake;
        return s;
    }
    TopologySnapshot s = test::makeSnapshot(3, 1, 3, Situation::Healthy);
    s.nodes[0].migratingSlots = 2;
    s.nodes[1].importingSlots = 2;
    // A master and its replica on one Kubernetes node: the warning badge and the orange counts.
    s.nodes[3].hostGroup = s.nodes[0].hostGroup;
    return s;
}

void failOn(const QStringList &problems, const QString &what)
{
    if (!problems.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 (%2):\n  ").arg(what).arg(problems.size()) +
                         problems.join(QStringLiteral("\n  "))));
}

// A deployment that reports its pods the way DeployWorkflow does, then succeeds.
class ScriptedDeploy final : public rcs::Job {
public:
    explicit ScriptedDeploy(int pods)
        : m_pods(pods)
    {}

protected:
    void doStart() override
    {
        setStep(QCoreApplication::translate("rcs::DeployWorkflow", "Waiting for the pods to become Ready"));
        for (int i = 0; i < m_pods; ++i)
            info(QStringLiteral("redis-app-%1 (127.77.0.%2, ").arg(i).arg(i + 2) +
                 QCoreApplication::translate("rcs::PodState", "running, readiness probe not passed yet") +
                 QStringLiteral(")"));
        QTimer::singleShot(20, this, [this] { succeed(); });
    }

private:
    int m_pods;
};

// The fixture backend plus what the wizard needs: the real manifests and a scripted deployment.
class WizardBackend final : public StudioBackend {
public:
    test::FixtureBackend fixture;
    CoreBackend core;

    rcs::Job *createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                               QString *why) override
    {
        return fixture.createRefreshJob(target, onSnapshot, why);
    }
    rcs::Job *createActionJob(Action action, const StudioTarget &target, const ActionRequest &request,
                              QString *why) override
    {
        return fixture.createActionJob(action, target, request, why);
    }
    rcs::Result<QString> renderManifests(const StudioTarget &target,
                                         const DeployParameters &parameters) const override
    {
        return core.renderManifests(target, parameters);
    }
    rcs::Job *createDeployJob(const StudioTarget &, const DeployParameters &parameters, QString *) override
    {
        return new ScriptedDeploy(parameters.pods);
    }
};
} // namespace

class TestTextFit final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateStudioSettings();
        m_kept = keptNames();
        QVERIFY(m_kept.contains(QStringLiteral("StatefulSet")));
    }

    void cleanup() { QVERIFY(Language::install(Language::English)); }

    void mainWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("situation");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QSize>("size");
        for (const QString &language : Language::codes()) {
            const QByteArray l = language.toLatin1();
            QTest::newRow(QByteArray(l + " healthy").constData()) << language << "healthy"
                                                                  << "sandbox" << QSize(1440, 900);
            QTest::newRow(QByteArray(l + " healthy narrow").constData()) << language << "healthy"
                                                                         << "sandbox" << QSize(1280, 800);
            QTest::newRow(QByteArray(l + " total failure").constData()) << language << "total-failure"
                                                                        << "sandbox" << QSize(1440, 900);
            QTest::newRow(QByteArray(l + " not deployed").constData()) << language << "not-deployed"
                                                                       << "sandbox" << QSize(1440, 900);
            QTest::newRow(QByteArray(l + " kubernetes").constData()) << language << "healthy"
                                                                     << "kubernetes" << QSize(1440, 900);
            QTest::newRow(QByteArray(l + " endpoints").constData()) << language << "healthy"
                                                                    << "endpoints" << QSize(1280, 800);
        }
    }

    void mainWindow()
    {
        QFETCH(QString, language);
        QFETCH(QString, situation);
        QFETCH(QString, target);
        QFETCH(QSize, size);
        QVERIFY(Language::install(language));
        test::FixtureBackend backend;
        backend.snapshot = snapshotOf(situation);
        backend.actionError =
            rcs::Error(rcs::ErrorCode::Unhealthy,
                       QCoreApplication::translate("rcs::ClusterSituation",
                                                   "Some nodes still list peers at old addresses; gossip "
                                                   "usually corrects that within seconds.") +
                           QLatin1Char(' ') + suggestionText(SuggestedOperation::Recover));
        backend.actionStepMs = 5;
        MainWindow window(&backend);
        window.setRefreshInterval(0);
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(targetOf(target));
        QVERIFY(refreshed.wait(10000));
        if (!window.topologyModel()->isEmpty()) {
            // The details of a replica, and a failed operation with its message in the panel.
            window.topologyModel()->setSelectedKey(window.topologyModel()->nodes().at(4).key());
            QSignalSpy finished(&window, &MainWindow::jobFinished);
            window.triggerAction(Action::Check);
            QVERIFY(finished.wait(10000));
            window.jobPanel()->runs().first()->detailsButton()->click();
        }
        QVERIFY(test::settled(window.topologyView())); // the relayout timer and the last layouts
        test::saveShot(&window,
                       QStringLiteral("main-%1-%2-%3-%4").arg(language, situation, target).arg(size.width()));
        failOn(test::clippedTexts(&window), QStringLiteral("clipped texts in the window"));
        failOn(test::clippedSceneTexts(window.topologyView()),
               QStringLiteral("clipped texts in the picture"));
        // The menus and the disabled actions' reasons are part of the window too.
        if (language == Language::Chinese)
            failOn(test::englishTexts(&window, m_kept), QStringLiteral("English left in the Chinese window"));
    }

    void deployWizard_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : Language::codes())
            QTest::newRow(language.toLatin1()) << language;
    }

    void deployWizard()
    {
        QFETCH(QString, language);
        QVERIFY(Language::install(language));
        WizardBackend backend;
        DeployWizard wizard(&backend, targetOf(QStringLiteral("sandbox")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        const auto checkPage = [&](const QString &page) {
            QVERIFY(test::settled());
            test::saveShot(&wizard, QStringLiteral("wizard-%1-%2").arg(language, page));
            failOn(test::clippedTexts(&wizard), QStringLiteral("clipped texts on the %1 page").arg(page));
            if (language == Language::Chinese)
                failOn(test::englishTexts(&wizard, m_kept),
                       QStringLiteral("English left on the %1 page").arg(page));
        };
        checkPage(QStringLiteral("target"));
        wizard.next();
        checkPage(QStringLiteral("parameters"));
        // Too few pods: the problems list shows under the form.
        auto *pods = wizard.currentPage()->findChild<QSpinBox *>();
        QVERIFY(pods);
        pods->setValue(4);
        checkPage(QStringLiteral("parameters-problems"));
        pods->setValue(7);
        checkPage(QStringLiteral("parameters-extra-replica"));
        wizard.next();
        checkPage(QStringLiteral("review"));
        wizard.next();
        auto *apply = qobject_cast<ApplyPage *>(wizard.currentPage());
        QVERIFY(apply);
        QTRY_VERIFY2(apply->isComplete(), qPrintable(apply->findChild<QLabel *>()->text()));
        checkPage(QStringLiteral("apply"));
        wizard.next();
        checkPage(QStringLiteral("finish"));
    }

    void confirmations_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("action");
        QTest::addColumn<QString>("dialogName");
        for (const QString &language : Language::codes()) {
            const QByteArray l = language.toLatin1();
            QTest::newRow(QByteArray(l + " cleanup").constData())
                << language << int(Action::Cleanup) << "cleanupConfirmation";
            QTest::newRow(QByteArray(l + " remove").constData())
                << language << int(Action::RemoveNode) << "removeNodeConfirmation";
            QTest::newRow(QByteArray(l + " add").constData())
                << language << int(Action::AddNode) << "addNodeConfirmation";
            QTest::newRow(QByteArray(l + " failover").constData())
                << language << int(Action::Failover) << "failoverConfirmation";
        }
    }

    void confirmations()
    {
        QFETCH(QString, language);
        QFETCH(int, action);
        QFETCH(QString, dialogName);
        QVERIFY(Language::install(language));
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        MainWindow window(&backend);
        window.setRefreshInterval(0);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(targetOf(QStringLiteral("sandbox")));
        QVERIFY(refreshed.wait(10000));
        window.topologyModel()->setSelectedKey(window.topologyModel()->nodes().first().key());
        window.triggerAction(Action(action));
        ConfirmationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ConfirmationDialog *>(dialogName)) && dialog->isVisible());
        // Every option ticked: the longest lists and labels.
        for (QAbstractButton *option : dialog->findChildren<QAbstractButton *>()) {
            if (option->isCheckable() && !option->isChecked())
                option->click();
        }
        // The cleanup's list comes from the backend's plan job: measure the final list and button.
        QTRY_VERIFY(dialog->acceptButton()->isEnabled());
        QVERIFY(test::settled());
        test::saveShot(dialog, QStringLiteral("confirm-%1-%2").arg(language, dialogName));
        failOn(test::clippedTexts(dialog), QStringLiteral("clipped texts in %1").arg(dialogName));
        if (language == Language::Chinese)
            failOn(test::englishTexts(dialog, m_kept), QStringLiteral("English left in %1").arg(dialogName));
        dialog->reject();
    }

    // The dialogs that gather an action's choices before its confirmation.
    void actionDialogs_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("dialogName");
        for (const QString &language : Language::codes()) {
            for (const char *name : {"upgrade", "rotate-password", "rotate-certificates"})
                QTest::newRow(QByteArray(language.toLatin1() + ' ' + name).constData())
                    << language << QString::fromLatin1(name);
        }
    }

    void actionDialogs()
    {
        QFETCH(QString, language);
        QFETCH(QString, dialogName);
        QVERIFY(Language::install(language));
        std::unique_ptr<QDialog> dialog;
        if (dialogName == QLatin1String("upgrade"))
            dialog = std::make_unique<UpgradeDialog>();
        else if (dialogName == QLatin1String("rotate-password"))
            dialog = std::make_unique<PasswordRotationDialog>();
        else
            dialog = std::make_unique<CertificateRotationDialog>();
        dialog->show();
        QVERIFY(test::settled());
        test::saveShot(dialog.get(), QStringLiteral("%1-dialog-%2").arg(dialogName, language));
        failOn(test::clippedTexts(dialog.get()),
               QStringLiteral("clipped texts in the %1 dialog").arg(dialogName));
        if (language == Language::Chinese)
            failOn(test::englishTexts(dialog.get(), m_kept),
                   QStringLiteral("English left in the %1 dialog").arg(dialogName));
    }

    // View → Language applies at once: the open window speaks the new language, and still fits, in
    // both directions (a window built in Chinese has sized itself for the Chinese words).
    void languageSwitchesLive()
    {
        QVERIFY(Language::install(Language::Chinese));
        test::FixtureBackend backend;
        backend.snapshot = snapshotOf(QStringLiteral("healthy"));
        MainWindow window(&backend);
        window.setRefreshInterval(0);
        window.resize(1440, 900);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(targetOf(QStringLiteral("sandbox")));
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));

        auto *languageMenu = window.findChild<QMenu *>(QStringLiteral("languageMenu"));
        QVERIFY(languageMenu);
        const auto choose = [&](const QString &code) {
            for (QAction *a : languageMenu->actions()) {
                if (a->data().toString() == code)
                    a->trigger();
            }
        };
        const auto checkWindow = [&](const QString &when) {
            QVERIFY(test::settled(window.topologyView())); // the picture's relayout
            failOn(test::clippedTexts(&window), QStringLiteral("clipped texts %1").arg(when));
            failOn(test::clippedSceneTexts(window.topologyView()),
                   QStringLiteral("clipped picture %1").arg(when));
        };

        choose(Language::English);
        QCOMPARE(Language::current(), Language::English);
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), Language::English);
        // QApplication posts LanguageChange to every window.
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&File"));
        QCOMPARE(window.action(Action::Recover)->text(), QStringLiteral("Recover"));
        QVERIFY(window.action(Action::CreateCluster)->toolTip().contains(QLatin1String("already created")));
        checkWindow(QStringLiteral("after switching to English"));

        choose(Language::Chinese);
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), Language::Chinese);
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
        QCOMPARE(window.action(Action::Recover)->text(), QStringLiteral("恢复"));
        QVERIFY(window.action(Action::CreateCluster)->toolTip().contains(QStringLiteral("集群已经创建")));
        checkWindow(QStringLiteral("after switching back to Chinese"));
        failOn(test::englishTexts(&window, m_kept), QStringLiteral("English left after switching"));

        choose(QString()); // follow the system: the test's locale is not Chinese
        QVERIFY(!QSettings().contains(QStringLiteral("ui/language")));
        QTRY_COMPARE(window.menuBar()->actions().first()->text(), Language::current() == Language::Chinese
                                                                      ? QStringLiteral("文件(&F)")
                                                                      : QStringLiteral("&File"));
        checkWindow(QStringLiteral("after following the system"));
    }

    // The checks above can fail: each catches a text planted too wide for its room.
    void checkerCatchesClippedText()
    {
        QWidget host;
        auto *layout = new QHBoxLayout(&host);
        auto *label = new QLabel(QStringLiteral("A label much wider than the room it is given"), &host);
        label->setObjectName(QStringLiteral("narrowLabel"));
        label->setFixedWidth(60);
        auto *wrapped =
            new QLabel(QStringLiteral("A wrapped label squeezed into a tiny box of twenty pixels"));
        wrapped->setObjectName(QStringLiteral("squeezedLabel"));
        wrapped->setWordWrap(true);
        wrapped->setFixedSize(80, 20);
        auto *button = new QPushButton(QStringLiteral("部署并创建默认集群"), &host);
        button->setObjectName(QStringLiteral("narrowButton"));
        button->setFixedWidth(40);
        auto *fits = new QLabel(QStringLiteral("ok"), &host);
        layout->addWidget(label);
        layout->addWidget(wrapped);
        layout->addWidget(button);
        layout->addWidget(fits);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        const QStringList problems = test::clippedTexts(&host);
        QCOMPARE(problems.size(), 3);
        QVERIFY(problems.filter(QStringLiteral("narrowLabel")).size() == 1);
        QVERIFY(problems.filter(QStringLiteral("squeezedLabel")).size() == 1);
        QVERIFY(problems.filter(QStringLiteral("narrowButton")).size() == 1);

        // A tool bar too narrow for its actions hides some behind its extension button.
        QMainWindow window;
        QToolBar *toolBar = window.addToolBar(QStringLiteral("tools"));
        toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        for (int i = 0; i < 8; ++i)
            toolBar->addAction(QStringLiteral("重新平衡槽 %1").arg(i));
        window.resize(300, 200);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(!test::clippedTexts(&window).filter(QStringLiteral("extension button")).isEmpty());

        // A card whose address is far wider than the card: painted, but cut by its box.
        NodeCard card = test::makeSnapshot(3, 0, 1).nodes.first();
        card.address = QStringLiteral("redis-app-0.redis-service.redis-cluster.svc.cluster.local:6379");
        NodeCardItem item(card);
        const QStringList cut = test::clippedItemTexts(&item, QStringLiteral("card"));
        QVERIFY2(cut.size() == 1 && cut.first().contains(QLatin1String("cut by its box")),
                 qPrintable(cut.join(QLatin1Char('\n'))));
        NodeCardItem fine(test::makeSnapshot(3, 0, 1).nodes.first());
        QVERIFY2(test::clippedItemTexts(&fine, QStringLiteral("card")).isEmpty(),
                 qPrintable(test::clippedItemTexts(&fine, QStringLiteral("card")).join(QLatin1Char('\n'))));

        // English in a Chinese window is named; kept names and data are not.
        QWidget chinese;
        auto *column = new QHBoxLayout(&chinese);
        column->addWidget(new QLabel(QStringLiteral("Pod redis-app-0 已就绪（10.0.0.1:6379）")));
        auto *leftover = new QLabel(QStringLiteral("部署 finished early"));
        leftover->setObjectName(QStringLiteral("leftover"));
        column->addWidget(leftover);
        chinese.show();
        const QStringList english = test::englishTexts(&chinese, m_kept);
        QCOMPARE(english.size(), 1);
        QVERIFY(english.first().contains(QLatin1String("leftover")));
    }

private:
    QStringList m_kept;
};

QTEST_MAIN(TestTextFit)
#include "tst_text_fit.moc"
