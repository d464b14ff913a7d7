// backup as an OperationJob step: it runs after the status read of either target kind, over the
// target's pool and its routes (on Kubernetes the port-forward tunnels), so both kinds share it.
#include "operation_job.h"

#include "backup/backup_job.h"
#include "backup_result.h"

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

} // namespace rcs::ops
