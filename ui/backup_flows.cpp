// The backup flows of StudioController: Back up on its own, "back up first" offered by the questions
// of actions that put data at risk (Cleanup, Upgrade, Restore), Verify backup, and Restore. The files
// are the window's questions (backupFileRequested, restoreFileRequested); backup and restore themselves
// are core's operations, as `backup --to FILE` and `restore --from FILE` run them.
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
#include <QLocale>
#include <QPointer>

#include <utility>

namespace rcs::ui {

struct StudioController::PendingAction {
    Action action;
    ActionRequest request;
};

const QString StudioController::kBackupFirst = QStringLiteral("backupFirst");

namespace {
const QString kCategory = QStringLiteral("ui");
const QString kMerge = QStringLiteral("restoreMerge");
const QString kReplace = QStringLiteral("restoreReplace");

// What the confirmation lists of a verified archive: when it was taken, then each shard.
QStringList archiveItems(const rcs::backup::VerifiedArchive &archive)
{
    const rcs::backup::BackupManifest &manifest = archive.manifest;
    QStringList items{StudioController::tr("%1 from %2, taken %3")
                          .arg(countOf(manifest.keyCount(), StudioController::tr("key", "count"),
                                       StudioController::tr("keys", "count")),
                               countOf(manifest.shards.size(), StudioController::tr("master", "count"),
                                       StudioController::tr("masters", "count")),
                               QLocale().toString(manifest.time.toLocalTime(), QLocale::ShortFormat))};
    for (const rcs::backup::ShardManifest &shard : manifest.shards)
        items.append(StudioController::tr("%1: %2 (%3), %4")
                         .arg(shard.member(), shard.address, shard.server,
                              countOf(shard.keys, StudioController::tr("key", "count"),
                                      StudioController::tr("keys", "count"))));
    return items;
}
} // namespace

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
        return runJob(job, ActionPolicy::changesCluster(Action::Backup));
    }
    // One run: the action starts only once the backup is complete and renamed; a failed or cancelled
    // backup stops it (SequenceJob stops at the first error).
    const Action action = after->action;
    const ActionRequest request = after->request;
    StudioBackend *backend = m_backend;
    const StudioTarget target = m_target;
    auto *job =
        new SequenceJob({[this, path](QString *why) {
                             rcs::Job *backup = backupJob(path, why);
                             // The run's own result is the action's: what the backup wrote
                             // goes to the log as it ends.
                             if (backup)
                                 connect(backup, &rcs::Job::finished, this, [](rcs::Job *done) {
                                     const auto *operation =
                                         qobject_cast<const rcs::ops::OperationJob *>(done);
                                     if (operation && !done->hasError())
                                         rcs::Logger::instance().info(kCategory, operation->summary());
                                 });
                             return backup;
                         },
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

void StudioController::confirmRestore(const QString &path)
{
    if (path.isEmpty())
        return;
    const QString file = QFileInfo(path).fileName();
    auto *confirmation = new Confirmation(
        QStringLiteral("restoreConfirmation"), tr("Restore %1 into %2?").arg(file, m_target.displayName()),
        tr("Every key of the backup is written with RESTORE, its TTL kept, onto the master of %1 that owns "
           "its slot. The file is checked completely first: a damaged one is refused and nothing is "
           "written. When the cluster holds keys already, nothing is written either unless you choose what "
           "happens to them.")
            .arg(m_target.displayName()),
        this);
    confirmation->addOption(kMerge,
                            tr("Keep the keys the cluster holds already (they are named afterwards)"));
    confirmation->addOption(kReplace, tr("Overwrite the keys the cluster holds already with the backup's "
                                         "values (their current values are lost)"));
    offerBackup(confirmation, false);
    confirmation->setItems({tr("Checking %1…").arg(file)});
    confirmation->setAcceptText(tr("Restore"), false);
    confirmation->setAcceptEnabled(false);
    // The question waits for the file's check (seconds for a large backup, on a worker thread), so the
    // user sees what the file holds before saying yes; core checks it again before it writes.
    auto *verify = new rcs::backup::VerifyArchiveJob(path);
    const QPointer<Confirmation> guard = confirmation;
    auto keys = std::make_shared<qint64>(-1);
    const auto updateAccept = [guard, keys] {
        if (!guard || *keys < 0)
            return;
        // Overwriting loses the current values: the button says so in the destructive colour.
        guard->setAcceptText(tr("Restore %1").arg(countOf(*keys, tr("key", "count"), tr("keys", "count"))),
                             guard->isOptionChecked(kReplace));
    };
    connect(verify, &rcs::Job::finished, confirmation, [guard, keys, updateAccept](rcs::Job *done) {
        auto *job = static_cast<rcs::backup::VerifyArchiveJob *>(done);
        if (!guard)
            return;
        if (job->hasError() || !job->verified()) {
            guard->setItems({tr("This file cannot be restored: %1").arg(job->errorString())});
            return;
        }
        guard->setItems(archiveItems(*job->verified()));
        *keys = job->verified()->manifest.keyCount();
        updateAccept();
        guard->setAcceptEnabled(true);
    });
    connect(confirmation, &Confirmation::rejected, verify, &rcs::Job::cancel);
    connect(confirmation, &Confirmation::optionToggled, confirmation, updateAccept);
    verify->start();
    ask(confirmation, Action::Restore, [path](const Confirmation &answer) {
        ActionRequest request;
        request.backupPath = path;
        request.restoreReplace = answer.isOptionChecked(kReplace);
        request.restoreMerge = request.restoreReplace || answer.isOptionChecked(kMerge);
        return request;
    });
}

} // namespace rcs::ui
