#include "common/job.h"

#include <QSignalSpy>
#include <QTest>

using namespace rcs;

namespace {
// A job whose outcome the test decides after start.
class ManualJob final : public Job {
public:
    int cancelCalls = 0;
    bool ran = false;
    void finishOk() { succeed(); }
    void finishError() { fail(ErrorCode::RedisError, QStringLiteral("boom")); }
    void report(qint64 done, qint64 total) { setProgress(done, total); }

protected:
    void doStart() override
    {
        ran = true;
        setStep(QStringLiteral("waiting for the test"));
    }
    void doCancel() override { ++cancelCalls; }
};
// A job that runs one ManualJob child through runChild().
class ParentJob final : public Job {
public:
    QPointer<ManualJob> child;
    bool childSucceeded = false;

protected:
    void doStart() override
    {
        child = new ManualJob;
        child->setAutoDelete(false);
        child->setParent(this);
        runChild(child.data(), [this](ManualJob *) {
            childSucceeded = true;
            succeed();
        });
    }
};
} // namespace

class TestJob final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void startOnlySchedules()
    {
        ManualJob job;
        job.setAutoDelete(false);
        job.start();
        QVERIFY(!job.ran);
        QTRY_VERIFY(job.ran);
        QVERIFY(job.isRunning());
    }

    void finishedExactlyOnce()
    {
        ManualJob job;
        job.setAutoDelete(false);
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        QTRY_VERIFY(job.ran);
        job.finishOk();
        job.finishError();
        job.cancel();
        QCOMPARE(spy.count(), 1);
        QVERIFY(!job.hasError());
    }

    void progressAndStepReachListeners()
    {
        ManualJob job;
        job.setAutoDelete(false);
        QSignalSpy started(&job, &Job::started);
        QSignalSpy steps(&job, &Job::stepChanged);
        QSignalSpy progress(&job, &Job::progress);
        job.start();
        QTRY_VERIFY(job.ran);
        QCOMPARE(started.count(), 1);
        QCOMPARE(steps.count(), 1);
        QCOMPARE(steps.first().first().toString(), QStringLiteral("waiting for the test"));
        QCOMPARE(job.currentStep(), QStringLiteral("waiting for the test"));
        job.report(2, 6);
        job.report(6, 6);
        QCOMPARE(progress.count(), 2);
        QCOMPARE(progress.at(0).at(0).toLongLong(), 2);
        QCOMPARE(progress.at(1).at(0).toLongLong(), 6);
        QCOMPARE(progress.at(1).at(1).toLongLong(), 6);
        job.finishOk();
        QVERIFY(job.isFinished());
    }

    void firstErrorWins()
    {
        ManualJob job;
        job.setAutoDelete(false);
        job.start();
        QTRY_VERIFY(job.ran);
        job.finishError();
        job.finishOk();
        QVERIFY(job.hasError());
        QCOMPARE(job.error().code(), ErrorCode::RedisError);
    }

    void cancelStopsWork()
    {
        ManualJob job;
        job.setAutoDelete(false);
        job.setTitle(QStringLiteral("Creating the cluster"));
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        QTRY_VERIFY(job.ran);
        job.cancel();
        QCOMPARE(job.cancelCalls, 1);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(job.error().code(), ErrorCode::Cancelled);
        QVERIFY(job.errorString().contains(QStringLiteral("Creating the cluster")));
    }

    void cancelBeforeRunNeverRuns()
    {
        ManualJob job;
        job.setAutoDelete(false);
        job.start();
        job.cancel();
        // The scheduled start runs on the next event-loop pass; process it and check it did nothing.
        QCoreApplication::processEvents();
        QVERIFY(!job.ran);
        QCOMPARE(job.error().code(), ErrorCode::Cancelled);
    }

    void timeoutNamesStep()
    {
        ManualJob job;
        job.setAutoDelete(false);
        job.setTimeout(50);
        QSignalSpy spy(&job, &Job::finished);
        job.start();
        QVERIFY(spy.wait(2000));
        QCOMPARE(job.error().code(), ErrorCode::Timeout);
        QVERIFY(job.errorString().contains(QStringLiteral("waiting for the test")));
        QCOMPARE(job.cancelCalls, 1);
    }

    void childFailureFailsParent()
    {
        ParentJob parent;
        parent.setAutoDelete(false);
        parent.start();
        QTRY_VERIFY(parent.child && parent.child->ran);
        parent.child->finishError();
        QVERIFY(parent.isFinished());
        QCOMPARE(parent.error().code(), ErrorCode::RedisError);
        QVERIFY(!parent.childSucceeded);
    }

    void childSuccessContinuesParent()
    {
        ParentJob parent;
        parent.setAutoDelete(false);
        parent.start();
        QTRY_VERIFY(parent.child && parent.child->ran);
        parent.child->finishOk();
        QVERIFY(parent.childSucceeded);
        QVERIFY(parent.isFinished());
        QVERIFY(!parent.hasError());
    }

    void cancellingParentCancelsChild()
    {
        ParentJob parent;
        parent.setAutoDelete(false);
        parent.start();
        QTRY_VERIFY(parent.child && parent.child->ran);
        parent.cancel();
        QCOMPARE(parent.error().code(), ErrorCode::Cancelled);
        QVERIFY(parent.child->isFinished());
        QCOMPARE(parent.child->cancelCalls, 1);
        QCOMPARE(parent.child->error().code(), ErrorCode::Cancelled);
    }

    void autoDeleteAfterFinish()
    {
        QPointer<ManualJob> job = new ManualJob;
        job->start();
        QTRY_VERIFY(job->ran);
        job->finishOk();
        QTRY_VERIFY(job.isNull());
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
