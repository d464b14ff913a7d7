#include "verify_archive_job.h"

#include "backup_text.h"
#include "common/off_thread.h"

namespace rcs::backup {

VerifyArchiveJob::VerifyArchiveJob(QString path, QObject *parent)
    : Job(parent)
    , m_path(std::move(path))
{}

VerifyArchiveJob::~VerifyArchiveJob()
{
    m_cancelled->store(true);
}

void VerifyArchiveJob::doCancel()
{
    m_cancelled->store(true);
}

void VerifyArchiveJob::doStart()
{
    setStep(Text::tr("Verifying %1").arg(m_path));
    runOffThread<Result<VerifiedArchive>>(
        this, [path = m_path, cancelled = m_cancelled] { return verifyArchive(path, cancelled.get()); },
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
