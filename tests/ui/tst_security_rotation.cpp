// Rotate password and Rotate certificates in the studio: which targets offer them, what their dialogs
// make of the user's choices (down to core's OperationRequest, through the CoreBackend the window uses),
// which of them asks before it runs, and that a typed password never reaches the log.
#include "studio_fixtures.h"
#include "ui/certificate_rotation_dialog.h"
#include "ui/confirmation.h"
#include "ui/core_backend.h"
#include "ui/log_model.h"
#include "ui/main_window.h"
#include "ui/password_rotation_dialog.h"
#include "ui/studio_controller.h"
#include "ui/topology_model.h"

#include "common/logger.h"
#include "operations/operation_job.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace rcs::ui;

namespace {
const QString kTypedPassword = QStringLiteral("Typed-Rotation-Secret-4711");

StudioTarget sandboxTarget()
{
    StudioTarget target;
    target.kind = StudioTarget::Kind::Sandbox;
    target.ns = QStringLiteral("redis");
    target.statefulSet = QStringLiteral("redis-app");
    return target;
}

QPushButton *ok(const QDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

// A click on a radio button's indicator (the middle of a wide one is outside what it reacts to).
void choose(QRadioButton *radio)
{
    QTest::mouseClick(radio, Qt::LeftButton, {},
                      QPoint(radio->iconSize().width() / 2 + 2, radio->height() / 2));
}

// Core's request for the dialog's choices, as the window's backend makes it (the job is not started).
// title: the job's, which the progress panel and the log show.
rcs::ops::OperationRequest coreRequest(Action action, const ActionRequest &choices, QString *title = nullptr)
{
    CoreBackend backend;
    QString why;
    std::unique_ptr<rcs::Job> job(backend.createActionJob(action, sandboxTarget(), choices, &why));
    if (!job) {
        qWarning("no job: %s", qPrintable(why));
        return {};
    }
    if (title)
        *title = job->title();
    return static_cast<rcs::ops::OperationJob *>(job.get())->request();
}
} // namespace

class TestSecurityRotation final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateStudioSettings();
        qRegisterMetaType<Confirmation *>();
    }

    // Kubernetes and the sandbox keep the new secrets in the deployment's Secrets; plain endpoints
    // have none, so the rotations are disabled there with a reason (as Upgrade is).
    void offeredOnStatefulSetsOnly()
    {
        CoreBackend backend;
        StudioTarget kube = sandboxTarget();
        kube.kind = StudioTarget::Kind::Kubernetes;
        StudioTarget endpoints;
        endpoints.kind = StudioTarget::Kind::Endpoints;
        endpoints.endpoints = QStringLiteral("127.0.0.1:1");
        for (Action action : {Action::RotatePassword, Action::RotateCertificates}) {
            QVERIFY(backend.unsupportedReason(action, kube).isEmpty());
            QVERIFY(backend.unsupportedReason(action, sandboxTarget()).isEmpty());
            const QString reason = backend.unsupportedReason(action, endpoints);
            QVERIFY2(reason.contains(actionTitle(action)) && reason.contains(QLatin1String("Secret")),
                     qPrintable(reason));
            QVERIFY(backend.unsupportedReason(Action::Upgrade, endpoints).size() > 0);
        }

        // The window: in Cluster → Security, enabled on a healthy sandbox cluster, and on plain
        // endpoints disabled whatever the situation, the tooltip saying why.
        test::FixtureBackend fixture;
        fixture.snapshot = test::makeSnapshot(3, 1, 3, Situation::Healthy);
        MainWindow window(&fixture);
        window.setRefreshInterval(0);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        auto *security = window.findChild<QMenu *>(QStringLiteral("securityMenu"));
        QVERIFY(security);
        QCOMPARE(security->actions(), (QList<QAction *>{window.action(Action::RotatePassword),
                                                        window.action(Action::RotateCertificates)}));
        QVERIFY(window.action(Action::RotatePassword)->isEnabled());
        QVERIFY(window.action(Action::RotateCertificates)->isEnabled());
        QVERIFY(window.action(Action::RotatePassword)->text().endsWith(QStringLiteral("…")));

        fixture.snapshot = test::makeSnapshot(3, 1, 3, Situation::Degraded);
        window.refresh();
        QTRY_COMPARE(window.topologyModel()->situation(), Situation::Degraded);
        QVERIFY(!window.action(Action::RotatePassword)->isEnabled());
        QVERIFY(window.action(Action::RotatePassword)->toolTip().contains(QLatin1String("healthy")));

        MainWindow plain(&backend);
        plain.setRefreshInterval(0);
        plain.setTarget(endpoints);
        for (Action action : {Action::RotatePassword, Action::RotateCertificates}) {
            QTRY_VERIFY(plain.action(action)->toolTip().contains(QLatin1String("Secret")));
            QVERIFY(!plain.action(action)->isEnabled());
        }
    }

    void passwordDialogMakesTheRequest()
    {
        PasswordRotationDialog dialog;
        dialog.show();
        // By default: the operator user (core's choice) and a generated password.
        QVERIFY(ok(dialog)->isEnabled());
        QVERIFY(dialog.choices().rotateUser.isEmpty());
        QVERIFY(dialog.choices().newPassword.isEmpty());
        auto *password = dialog.findChild<QLineEdit *>(QStringLiteral("password"));
        auto *repeat = dialog.findChild<QLineEdit *>(QStringLiteral("repeat"));
        QCOMPARE(password->echoMode(), QLineEdit::Password);
        QCOMPARE(repeat->echoMode(), QLineEdit::Password);
        QVERIFY(!password->isEnabled());

        choose(dialog.findChild<QRadioButton *>(QStringLiteral("type")));
        QVERIFY(password->isEnabled());
        QVERIFY(!ok(dialog)->isEnabled()); // nothing typed yet
        QTest::keyClicks(password, QStringLiteral("short"));
        QVERIFY(!ok(dialog)->isEnabled());
        password->clear();
        QTest::keyClicks(password, kTypedPassword);
        QTest::keyClicks(repeat, kTypedPassword.left(10));
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY2(ok(dialog)->toolTip().contains(QLatin1String("differ")), qPrintable(ok(dialog)->toolTip()));
        QTest::keyClicks(repeat, kTypedPassword.mid(10));
        QVERIFY(ok(dialog)->isEnabled());
        auto *user = dialog.findChild<QComboBox *>(QStringLiteral("user"));
        user->setCurrentIndex(user->findData(QStringLiteral("default")));
        QVERIFY(user->currentIndex() > 0);
        // What the screen shows of the password: dots, never the text.
        QVERIFY(!password->displayText().contains(kTypedPassword.left(4)));
        test::saveShot(&dialog, QStringLiteral("rotate-password-dialog"));

        QSignalSpy chosen(&dialog, &PasswordRotationDialog::chosen);
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        const auto choices = chosen.first().first().value<ActionRequest>();
        QCOMPARE(choices.rotateUser, QStringLiteral("default"));
        QCOMPARE(choices.newPassword, kTypedPassword);

        // Core's request: the confirmed run, and the plan the confirmation shows first (a dry run).
        QString title;
        const rcs::ops::OperationRequest run = coreRequest(Action::RotatePassword, choices, &title);
        QCOMPARE(run.kind, rcs::ops::OperationKind::RotatePassword);
        QCOMPARE(title, QStringLiteral("Rotate password"));
        QCOMPARE(run.rotateUser, QStringLiteral("default"));
        QCOMPARE(run.newPassword, kTypedPassword);
        QVERIFY(run.confirmed);
        QVERIFY(!run.dryRun);
        ActionRequest plan = choices;
        plan.planOnly = true;
        const rcs::ops::OperationRequest dry = coreRequest(Action::RotatePassword, plan);
        QVERIFY(dry.dryRun);
        QVERIFY(!dry.confirmed);
    }

    void certificateDialogMakesTheRequest()
    {
        CertificateRotationDialog dialog;
        dialog.show();
        QCOMPARE(ok(dialog)->text(), QStringLiteral("Renew"));
        ActionRequest choices = dialog.choices();
        QVERIFY(!choices.renewCa && !choices.dropOldCas && !choices.reloadOnly);
        QCOMPARE(choices.certificateDays, rcs::ops::OperationRequest{}.certificateDays); // core's default

        dialog.findChild<QCheckBox *>(QStringLiteral("renewCa"))->setChecked(true);
        dialog.findChild<QCheckBox *>(QStringLiteral("dropOldCas"))->setChecked(true);
        dialog.findChild<QSpinBox *>(QStringLiteral("days"))->setValue(90);
        QCOMPARE(ok(dialog)->text(), QStringLiteral("Show the plan…")); // a drop is confirmed first
        test::saveShot(&dialog, QStringLiteral("rotate-certificates-dialog"));
        QSignalSpy chosen(&dialog, &CertificateRotationDialog::chosen);
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        choices = chosen.first().first().value<ActionRequest>();
        QString title;
        const rcs::ops::OperationRequest run = coreRequest(Action::RotateCertificates, choices, &title);
        QCOMPARE(run.kind, rcs::ops::OperationKind::RotateCertificates);
        QCOMPARE(title, QStringLiteral("Rotate the certificates"));
        QVERIFY(run.renewCa);
        QVERIFY(run.dropOldCas);
        QVERIFY(!run.reloadOnly);
        QCOMPARE(run.certificateDays, 90);
        QVERIFY(run.confirmed);
        QVERIFY(!run.dryRun);

        // Reload only: the renewal's choices are off and left out (core refuses the combination).
        CertificateRotationDialog reload;
        reload.show();
        reload.findChild<QCheckBox *>(QStringLiteral("dropOldCas"))->setChecked(true);
        choose(reload.findChild<QRadioButton *>(QStringLiteral("reloadOnly")));
        QVERIFY(!reload.findChild<QCheckBox *>(QStringLiteral("dropOldCas"))->isEnabled());
        QVERIFY(!reload.findChild<QSpinBox *>(QStringLiteral("days"))->isEnabled());
        QCOMPARE(ok(reload)->text(), QStringLiteral("Reload"));
        const rcs::ops::OperationRequest loaded = coreRequest(Action::RotateCertificates, reload.choices());
        QVERIFY(loaded.reloadOnly);
        QVERIFY(!loaded.renewCa && !loaded.dropOldCas);
        QVERIFY(loaded.confirmed);
    }

    // A renewal takes no trust away: it runs at once, as on the command line. Dropping the old CAs
    // asks first, with core's plan, and runs only on yes.
    void onlyDroppingCasAsks()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3);
        StudioController controller(&backend);
        QSignalSpy refreshed(&controller, &StudioController::refreshed);
        controller.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(5000));
        QSignalSpy asked(&controller, &StudioController::confirmationRequested);
        QSignalSpy finished(&controller, &StudioController::jobFinished);

        ActionRequest renew;
        renew.renewCa = true;
        renew.certificateDays = 30;
        controller.rotateCertificates(renew);
        QVERIFY(asked.isEmpty());
        QCOMPARE(backend.actionsRun, QList<Action>{Action::RotateCertificates});
        QVERIFY(backend.requests.first().renewCa);
        QVERIFY(!backend.requests.first().planOnly);
        QCOMPARE(backend.requests.first().certificateDays, 30);
        QVERIFY(finished.wait(5000));

        ActionRequest drop = renew;
        drop.dropOldCas = true;
        controller.rotateCertificates(drop);
        QPointer<Confirmation> question = test::nextQuestion(asked);
        QVERIFY(question);
        QVERIFY(question->isDestructive());
        QVERIFY2(question->text().contains(QLatin1String("refused")), qPrintable(question->text()));
        // Only the plan ran so far.
        QCOMPARE(backend.actionsRun.size(), 2);
        QVERIFY(backend.requests.last().planOnly);
        QVERIFY(backend.requests.last().dropOldCas);
        question->reject();
        QTRY_VERIFY(!question);
        QCOMPARE(backend.actionsRun.size(), 2);
    }

    // Through the window: the action opens the dialog, OK asks with the plan and names what stops
    // working; yes runs the request with the typed password, which appears in no log entry, no
    // question and no status message.
    void typedPasswordNeverReachesTheLog()
    {
        LogModel log;
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3);
        MainWindow window(&backend);
        window.setRefreshInterval(0);
        window.resize(1200, 800);
        window.show();
        QSignalSpy refreshed(&window, &MainWindow::refreshed);
        window.setTarget(sandboxTarget());
        QVERIFY(refreshed.wait(10000));
        StudioController *controller = window.controller();
        QSignalSpy asked(controller, &StudioController::confirmationRequested);
        QSignalSpy messages(controller, &StudioController::message);

        window.action(Action::RotatePassword)->trigger();
        PasswordRotationDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<PasswordRotationDialog *>()));
        choose(dialog->findChild<QRadioButton *>(QStringLiteral("type")));
        // Not the password of the tests above: this one reaches no CoreBackend, only the window.
        const QString typed = QStringLiteral("Window-Typed-Secret-0815");
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("password")), typed);
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("repeat")), typed);
        QTest::mouseClick(ok(*dialog), Qt::LeftButton);

        QPointer<Confirmation> question = test::nextQuestion(asked);
        QVERIFY(question);
        QVERIFY(question->isDestructive());
        QVERIFY2(question->text().contains(QLatin1String("stops working")), qPrintable(question->text()));
        QVERIFY(backend.requests.last().planOnly); // the plan was asked for first
        auto *shown = window.findChild<QDialog *>(QStringLiteral("rotatePasswordConfirmation"));
        QVERIFY(shown);
        // The fixture's plan job carries no steps, so the question stays closed; core's plan opens it.
        QTRY_VERIFY(!question->items().isEmpty() && !question->items().first().endsWith(QStringLiteral("…")));
        test::saveShot(shown, QStringLiteral("rotate-password-confirmation"));
        const auto leaks = [typed](const QString &text) { return text.contains(typed); };
        QVERIFY(!leaks(question->title() + question->text() + question->items().join(QLatin1Char('\n'))));
        QVERIFY(!question->isAcceptEnabled());
        question->setAcceptEnabled(true);
        const qsizetype before = backend.requests.size();
        question->accept();
        QCOMPARE(backend.requests.size(), before + 1);
        QCOMPARE(backend.actionsRun.last(), Action::RotatePassword);
        QCOMPARE(backend.requests.last().newPassword, typed);
        QVERIFY(!backend.requests.last().planOnly);
        QTRY_VERIFY(controller->busyWith().isEmpty());

        for (const QList<QVariant> &message : std::as_const(messages))
            QVERIFY(!leaks(message.at(0).toString()));
        QVERIFY(!leaks(window.statusBar()->currentMessage()));
        // The studio registered the password as a secret when it was chosen: even a line that names it
        // is masked, whatever the backend logs.
        rcs::Logger::instance().info(QStringLiteral("test"), QStringLiteral("new password ") + typed);
        QVERIFY(log.rowCount() > 0);
        for (int row = 0; row < log.rowCount(); ++row)
            QVERIFY2(!leaks(log.entry(row).message) && !leaks(log.entry(row).command),
                     qPrintable(log.entry(row).message));
    }
};

QTEST_MAIN(TestSecurityRotation)
#include "tst_security_rotation.moc"
