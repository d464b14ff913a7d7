// backup and restore as OperationJob steps: they run after the status read of either target kind, over
// the target's pool and its routes (on Kubernetes the port-forward tunnels), so both kinds share them.
#include "operation_job.h"

#include "backup/backup_job.h"
#include "backup/restore_job.h"
#include "backup_result.h"
#include "common/confirmation.h"

namespace rcs::ops {

void OperationJob::backupAfterStatus(StatusReport status, RedisPool *pool)
{
    const Result<QList<backup::BackupSource>> sources = backup::backupSources(status.topology);
    m_status = std::move(status);
    if (!sources)
        return fail(sources.error());
    auto *job = new backup::BackupJob(pool, sources.value(), m_request.backupPath, m_request.overwrite, this);
    runEngine(job, [this](Job *done) {
        const backup::BackupResult &result = static_cast<backup::BackupJob *>(done)->result();
        finishWith(backupSummary(result), backupToJson(result), backupToText(result), false);
    });
}

void OperationJob::restoreAfterStatus(StatusReport status, RedisPool *pool)
{
    const Result<QList<backup::BackupSource>> targets = backup::restoreTargets(status.topology);
    m_status = std::move(status);
    if (!targets)
        return fail(targets.error());
    if (m_request.restoreReplace) {
        // What --replace would do, listed before the refusal that asks for the confirmation.
        for (const backup::BackupSource &target : targets.value())
            info(tr("Target master %1 (slots %2)").arg(target.address.toString(), target.slotSet.toString()));
        const std::optional<Error> refusal = refusalUnlessConfirmed(
            m_request.confirmed,
            tr("restore --replace would put every key of %1 into the %n master(s) listed above, overwriting "
               "the value of each key they already hold under the same name",
               nullptr, int(targets.value().size()))
                .arg(m_request.backupPath),
            [] {});
        if (refusal)
            return fail(*refusal);
    }
    backup::RestoreOptions options;
    options.merge = m_request.restoreMerge;
    options.replace = m_request.restoreReplace;
    auto *job = new backup::RestoreJob(pool, targets.value(), m_request.backupPath, options, this);
    runEngine(job, [this](Job *done) {
        const backup::RestoreResult &result = static_cast<backup::RestoreJob *>(done)->result();
        finishWith(restoreSummary(result), restoreToJson(result), restoreToText(result), false);
    });
}

} // namespace rcs::ops
