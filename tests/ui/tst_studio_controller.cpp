// The studio's controller without a window: no QApplication, no widget. The questions it asks are
// answered here directly, as the window's dialogs would.
#include "studio_fixtures.h"
#include "ui/confirmation.h"
#include "ui/studio_controller.h"
#include "ui/target_settings.h"
#include "ui/topology_model.h"

#include "common/logger.h"

#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace rcs::ui;

namespace {
StudioTarget kubernetesTarget()
{
    StudioTarget target;
    target.kind = StudioTarget::Kind::Kubernetes;
    target.kubeconfig = QStringLiteral("/nowhere/kubeconfig");
    target.ns = QStringLiteral("shop");
    target.statefulSet = QStringLiteral("redis-app");
    return target;
}
} // namespace

class TestStudioController final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateSettings();
        qRegisterMetaType<Confirmation *>();
    }

    void busyRefusesASecondOperation()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3);
        backend.actionStepMs = 200;
        StudioController controller(&backend);
        QSignalSpy refreshed(&controller, &StudioController::refreshed);
        controller.setTarget(kubernetesTarget());
        QVERIFY(refreshed.wait(5000));
        QCOMPARE(controller.model()->situation(), Situation::Healthy);

        QSignalSpy messages(&controller, &StudioController::message);
        QSignalSpy finished(&controller, &StudioController::jobFinished);
        controller.triggerAction(Action::Rebalance);
        QCOMPARE(backend.actionsRun, QList<Action>{Action::Rebalance});
        QCOMPARE(controller.busyWith(), actionTitle(Action::Rebalance));
        QVERIFY(!controller.actionState(Action::Recover).enabled);
        QVERIFY(controller.actionState(Action::Check).enabled); // reading is not changing

        controller.triggerAction(Action::Rebalance);
        QCOMPARE(backend.actionsRun.size(), 1); // nothing else started
        QVERIFY(!messages.isEmpty());
        QVERIFY2(messages.last().at(0).toString().contains(actionTitle(Action::Rebalance)),
                 qPrintable(messages.last().at(0).toString()));

        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(controller.busyWith().isEmpty());
        controller.triggerAction(Action::Rebalance);
        QCOMPARE(backend.actionsRun.size(), 2);
    }

    void removeNodeNamesThePodAndWaitsForTheAnswer()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 1, 3);
        StudioController controller(&backend);
        QSignalSpy refreshed(&controller, &StudioController::refreshed);
        controller.setTarget(kubernetesTarget());
        QVERIFY(refreshed.wait(5000));
        QSignalSpy asked(&controller, &StudioController::confirmationRequested);

        controller.triggerAction(Action::RemoveNode);
        QPointer<Confirmation> question = test::nextQuestion(asked);
        QVERIFY(question);
        // A StatefulSet of six shrinks from the top: redis-app-5 goes, and the question says so.
        QVERIFY2(question->title().contains(QLatin1String("redis-app-5")), qPrintable(question->title()));
        QVERIFY2(question->text().contains(QLatin1String("redis-app-5")), qPrintable(question->text()));
        QVERIFY(question->isDestructive());
        QVERIFY(question->acceptText().contains(QLatin1String("redis-app-5")));
        question->reject();
        QTRY_VERIFY(!question); // an answered question goes, and a refusal starts nothing
        QVERIFY(backend.actionsRun.isEmpty());
        QVERIFY(controller.busyWith().isEmpty());

        controller.triggerAction(Action::RemoveNode);
        question = test::nextQuestion(asked);
        QVERIFY(question);
        question->setOptionChecked(QStringLiteral("deletePvcs"), true);
        question->accept();
        QCOMPARE(backend.actionsRun, QList<Action>{Action::RemoveNode});
        QCOMPARE(backend.requests.first().podName, QStringLiteral("redis-app-5"));
        QVERIFY(backend.requests.first().deletePvcs);
    }

    void cleanupListsThePlanOfTheChoices()
    {
        test::FixtureBackend backend;
        backend.snapshot = test::makeSnapshot(3, 0, 3);
        StudioController controller(&backend);
        QSignalSpy refreshed(&controller, &StudioController::refreshed);
        controller.setTarget(kubernetesTarget());
        QVERIFY(refreshed.wait(5000));
        QSignalSpy asked(&controller, &StudioController::confirmationRequested);

        controller.triggerAction(Action::Cleanup);
        QPointer<Confirmation> question = test::nextQuestion(asked);
        QVERIFY(question);
        QVERIFY2(question->title().contains(QLatin1String("shop")), qPrintable(question->title()));
        // Until the plan is found there is nothing to agree to.
        QVERIFY(!question->isAcceptEnabled());
        question->accept();
        QVERIFY(backend.actionsRun.isEmpty());
        QTRY_COMPARE(question->items(), backend.cleanupPlan);
        QVERIFY(question->isAcceptEnabled());

        question->setOptionChecked(QStringLiteral("deletePvcs"), true);
        QTRY_COMPARE(question->items().size(), backend.cleanupPlan.size() + 3);
        QVERIFY(question->items().contains(QStringLiteral("pvc/redis-data-redis-app-2 (its data is lost)")));
        question->reject();
        QTRY_VERIFY(!question);
        QVERIFY(backend.actionsRun.isEmpty());

        controller.triggerAction(Action::Cleanup);
        question = test::nextQuestion(asked);
        QVERIFY(question);
        QTRY_VERIFY(question->isAcceptEnabled());
        question->setOptionChecked(QStringLiteral("deleteNamespace"), true);
        QTRY_VERIFY(question->items().last().startsWith(QLatin1String("namespace/shop")));
        question->accept();
        QCOMPARE(backend.actionsRun, QList<Action>{Action::Cleanup});
        QVERIFY(!backend.requests.first().deletePvcs);
        QVERIFY(backend.requests.first().deleteNamespace);
    }

    void passwordStaysInTheSession()
    {
        test::FixtureBackend backend;
        StudioController controller(&backend);
        StudioTarget target;
        target.kind = StudioTarget::Kind::Endpoints;
        target.endpoints = QStringLiteral("127.0.0.1:7000");
        target.user = QStringLiteral("operator");
        target.password = QStringLiteral("s3cret-of-the-test");
        target.access = rcs::AccessMode::Tunnel;
        controller.setTarget(target);
        controller.writeSettings();

        QCOMPARE(controller.target().password, target.password); // the session keeps it
        const QString logged =
            rcs::Logger::instance().redact(QStringLiteral("AUTH operator s3cret-of-the-test"));
        QVERIFY2(!logged.contains(target.password), qPrintable(logged));
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(target.password), qPrintable(key));
        const StudioTarget loaded = loadTarget();
        QVERIFY(loaded.password.isEmpty());
        QCOMPARE(loaded.user, target.user);
        QCOMPARE(loaded.access, rcs::AccessMode::Tunnel);
        QCOMPARE(loaded.endpoints, target.endpoints);
    }
};

QTEST_GUILESS_MAIN(TestStudioController)
#include "tst_studio_controller.moc"
