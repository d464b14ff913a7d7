#pragma once

#include "backup/backup_archive.h"
#include "common/job.h"

#include <atomic>
#include <memory>
#include <optional>

namespace rcs::backup {

// verifyArchive as a job: it reads and digests the whole file (seconds for a large backup), so it runs
// on the thread pool and the thread that started it (the GUI's) stays free. Cancel (or deleting the
// job) ends the job at once and stops the reading in the background at its next chunk.
class VerifyArchiveJob final : public Job {
    Q_OBJECT
public:
    explicit VerifyArchiveJob(QString path, QObject *parent = nullptr);
    ~VerifyArchiveJob() override;

    const QString &path() const { return m_path; }
    // Set once the job succeeded.
    const std::optional<VerifiedArchive> &verified() const { return m_verified; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    QString m_path;
    // Shared with the reading: it may outlive the job.
    std::shared_ptr<std::atomic<bool>> m_cancelled = std::make_shared<std::atomic<bool>>(false);
    std::optional<VerifiedArchive> m_verified;
};

} // namespace rcs::backup
