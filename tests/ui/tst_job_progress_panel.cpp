#include "studio_fixtures.h"
#include "ui/confirmation_dialog.h"
#include "ui/job_progress_panel.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

using namespace rcs::ui;

class TestJobProgressPanel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsStepsToSuccess()
    {
        JobProgressPanel panel;
        auto *job = new test::ScriptedJob(
            {QStringLiteral("Applying manifests"), QStringLiteral("Waiting for pods")}, 30);
        job->setTitle(QStringLiteral("Deploy"));
        JobRunWidget *run = panel.addJob(job);
        QSignalSpy finished(&panel, &JobProgressPanel::runFinished);
        job->start();
        QVERIFY(run->isRunning());
        QCOMPARE(panel.runningCount(), 1);
        QVERIFY(finished.wait(10000));
        QVERIFY(!run->isRunning());
        QVERIFY(run->succeeded());
        QCOMPARE(run->steps(),
                 QStringList({QStringLiteral("Applying manifests"), QStringLiteral("Waiting for pods")}));
        QVERIFY(run->resultText().startsWith(QLatin1String("Done in")));
        QVERIFY(!run->cancelButton()->isVisible());
        QCOMPARE(panel.runningCount(), 0);
    }

    void cancelButtonCancelsTheJob()
    {
        JobProgressPanel panel;
        panel.show();
        // Steps far apart: the job is surely between steps when Cancel is clicked.
        auto *job = new test::ScriptedJob({QStringLiteral("one"), QStringLiteral("two")}, 60'000);
        job->setTitle(QStringLiteral("Rebalance"));
        job->setAutoDelete(false);
        JobRunWidget *run = panel.addJob(job);
        QSignalSpy started(job, &rcs::Job::started);
        job->start();
        QVERIFY(started.wait(10000));
        QTRY_COMPARE(run->steps().size(), 1);
        QVERIFY(run->cancelButton()->isVisible());
        QTest::mouseClick(run->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!run->isRunning());
        QVERIFY(job->wasCancelledInFlight());
        QCOMPARE(job->error().code(), rcs::ErrorCode::Cancelled);
        QVERIFY(!run->succeeded());
        QVERIFY(run->resultText().contains(QLatin1String("cancelled")));
        delete job;
    }

    void failureShowsThePlainMessageAndTheDetails()
    {
        JobProgressPanel panel;
        panel.show();
        auto *job = new test::ScriptedJob(
            {QStringLiteral("Sending CLUSTER MEET")}, 10,
            rcs::Error(rcs::ErrorCode::RedisError,
                       QStringLiteral("10.0.0.3:6379 refused CLUSTER MEET: it is busy."),
                       QStringLiteral("-ERR BUSY loading")));
        job->setTitle(QStringLiteral("Recover"));
        JobRunWidget *run = panel.addJob(job);
        QSignalSpy finished(&panel, &JobProgressPanel::runFinished);
        job->start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(run->resultText(), QStringLiteral("10.0.0.3:6379 refused CLUSTER MEET: it is busy."));
        QVERIFY(run->detailText().contains(QLatin1String("-ERR BUSY loading")));
        QVERIFY(run->detailText().contains(QLatin1String("Sending CLUSTER MEET")));
        QVERIFY(run->detailsButton()->isVisible());
        QTest::mouseClick(run->detailsButton(), Qt::LeftButton);
        QVERIFY(run->detailsButton()->isChecked());
    }

    void newestRunOnTop()
    {
        JobProgressPanel panel;
        auto *first = new test::ScriptedJob({}, 1);
        first->setTitle(QStringLiteral("First"));
        auto *second = new test::ScriptedJob({}, 1);
        second->setTitle(QStringLiteral("Second"));
        panel.addJob(first);
        panel.addJob(second);
        QCOMPARE(panel.runs().size(), 2);
        QCOMPARE(panel.runs().first()->title(), QStringLiteral("Second"));
        QSignalSpy finished(&panel, &JobProgressPanel::runFinished);
        first->start();
        second->start();
        QTRY_COMPARE(finished.count(), 2);
    }

    void confirmationNamesWhatChanges()
    {
        ConfirmationDialog dialog(QStringLiteral("Clean up?"), QStringLiteral("This deletes things."));
        dialog.addOption(QStringLiteral("pvcs"), QStringLiteral("Also delete the PVCs"));
        QSignalSpy toggled(&dialog, &ConfirmationDialog::optionToggled);
        dialog.setItems({QStringLiteral("StatefulSet redis-app")});
        dialog.setAcceptText(QStringLiteral("Delete 1 object"), true);
        QCOMPARE(dialog.items(), QStringList{QStringLiteral("StatefulSet redis-app")});
        QCOMPARE(dialog.acceptButton()->text(), QStringLiteral("Delete 1 object"));
        QVERIFY(!dialog.isOptionChecked(QStringLiteral("pvcs")));
        auto *box = dialog.findChild<QWidget *>(QStringLiteral("pvcs"));
        QVERIFY(box);
        dialog.show();
        QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(5, box->height() / 2));
        QVERIFY(dialog.isOptionChecked(QStringLiteral("pvcs")));
        QCOMPARE(toggled.count(), 1);
        // Enter must not confirm a destructive action: Cancel is the default button.
        QVERIFY(!dialog.acceptButton()->isDefault());
    }
};

QTEST_MAIN(TestJobProgressPanel)
#include "tst_job_progress_panel.moc"
