// The backup flows of StudioController: Back up on its own, "back up first" offered by the questions
// of actions that put data at risk (Cleanup, Upgrade), and Verify backup. The file is the window's
// question (backupFileRequested); the backup itself is core's operation, as `backup --to FILE` runs it.
#include "backup/verify_archive_job.h"
#include "common/job.h"
#include "common/logger.h"
#include "confirmation.h"
#include "operations/backup_result.h"
#include "operations/operation_job.h"
#include "sequence_job.h"
#include "studio_backend.h"
#include "studio_controller.h"
#include "topology_model.h"

#include <QDateTime>
#include <QFileInfo>

#include <utility>

namespace rcs::ui {

namespace {
const QString kCategory = QStringLiteral("ui");

// The one-line result of a finished operation (what a backup wrote); empty for other jobs or a failure.
QString summaryOf(const rcs::Job &job)
{
    const auto *operation = qobject_cast<const rcs::ops::OperationJob *>(&job);
    return operation && !job.hasError() ? operation->summary() : QString();
}
} // namespace

struct StudioController::PendingAction {
    Action action;
    ActionRequest request;
};

const QString StudioController::kBackupFirst = QStringLiteral("backupFirst");

void StudioController::offerBackup(Confirmation *confirmation, bool checked) const
{
    // Only where a backup could run now: a cluster whose every slot a reachable master serves.
    if (!ActionPolicy::state(Action::Backup, m_model->situation()).enabled)
        return;
    confirmation->addOption(kBackupFirst, tr("Back up the data to a file first (you choose the file next)"),
                            checked);
}

void StudioController::backUpBefore(Action action, const ActionRequest &request)
{
    m_afterBackup = std::make_shared<PendingAction>(PendingAction{action, request});
    Q_EMIT backupFileRequested(suggestedBackupName());
}

QString StudioController::suggestedBackupName() const
{
    // Named after what it holds and when, so that a folder of backups sorts by cluster, then time.
    const QString name = m_target.usesKubernetes() ? m_target.statefulSet : QStringLiteral("redis-cluster");
    return QStringLiteral("%1-%2.rcsbackup")
        .arg(name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
}

rcs::Job *StudioController::backupJob(const QString &path, QString *why)
{
    ActionRequest request;
    request.backupPath = path;
    rcs::Job *job = m_backend->createActionJob(Action::Backup, m_target, request, why);
    if (!job)
        return nullptr;
    job->setTitle(tr("Back up to %1").arg(QFileInfo(path).fileName()));
    // What was written (masters, keys, bytes, where) goes to the log: the progress panel only says done.
    connect(job, &rcs::Job::finished, this, [](rcs::Job *done) {
        if (const QString summary = summaryOf(*done); !summary.isEmpty())
            rcs::Logger::instance().info(kCategory, summary);
    });
    return job;
}

void StudioController::backUpTo(const QString &path)
{
    const std::shared_ptr<PendingAction> after = std::exchange(m_afterBackup, nullptr);
    if (path.isEmpty()) {
        if (after)
            warn(tr("%1 did not start: it waits for a backup, and no backup file was chosen.")
                     .arg(actionTitle(after->action)),
                 8000);
        return;
    }
    if (!after) {
        QString why;
        rcs::Job *job = backupJob(path, &why);
        if (!job)
            return warn(why, 8000);
        runJob(job, ActionPolicy::changesCluster(Action::Backup));
        // After runJob's "finished" line: the status bar keeps what was written.
        connect(job, &rcs::Job::finished, this, [this](rcs::Job *done) {
            if (const QString summary = summaryOf(*done); !summary.isEmpty())
                Q_EMIT message(summary, 15000);
        });
        return;
    }
    // One run: the action starts only once the backup is complete and renamed; a failed or cancelled
    // backup stops it (SequenceJob stops at the first error).
    const Action action = after->action;
    const ActionRequest request = after->request;
    StudioBackend *backend = m_backend;
    const StudioTarget target = m_target;
    auto *job = new SequenceJob({[this, path](QString *why) { return backupJob(path, why); },
                                 [backend, target, action, request](QString *why) {
                                     rcs::Job *next = backend->createActionJob(action, target, request, why);
                                     if (next)
                                         next->setTitle(actionTitle(action));
                                     return next;
                                 }});
    job->setTitle(tr("%1 after a backup to %2").arg(actionTitle(action), QFileInfo(path).fileName()));
    runJob(job);
}

void StudioController::verifyBackup(const QString &path)
{
    if (path.isEmpty())
        return;
    auto *job = new rcs::backup::VerifyArchiveJob(path);
    job->setTitle(tr("Verify %1").arg(QFileInfo(path).fileName()));
    runJob(job, false);
    connect(job, &rcs::Job::finished, this, [this, job] {
        if (job->hasError() || !job->verified())
            return;
        // The command line's words (`backup verify FILE`), line by line into the log.
        const QString text = rcs::ops::verifiedToText(job->path(), *job->verified());
        for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            rcs::Logger::instance().info(kCategory, line);
        Q_EMIT message(text.section(QLatin1Char('\n'), 0, 0), 15000);
    });
}

} // namespace rcs::ui
