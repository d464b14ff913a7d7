#include "verify_archive_job.h"

#include "backup_text.h"
#include "common/off_thread.h"

namespace rcs::backup {

VerifyArchiveJob::VerifyArchiveJob(QString path, QObject *parent)
    : Job(parent)
    , m_path(std::move(path))
{}

void VerifyArchiveJob::doStart()
{
    setStep(Text::tr("Verifying %1").arg(m_path));
    runOffThread<Result<VerifiedArchive>>(
        this, [path = m_path] { return verifyArchive(path); },
        [this](Result<VerifiedArchive> verified) {
            if (isFinished()) // cancelled meanwhile
                return;
            if (!verified)
                return fail(verified.error());
            m_verified = std::move(verified.value());
            succeed();
        });
}

} // namespace rcs::backup
