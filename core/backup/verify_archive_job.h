#pragma once

#include "backup/backup_archive.h"
#include "common/job.h"

#include <optional>

namespace rcs::backup {

// verifyArchive as a job: it reads and digests the whole file (seconds for a large backup), so it runs
// on the thread pool and the thread that started it (the GUI's) stays free. Cancel ends the job at
// once; the reading finishes in the background and its answer is dropped.
class VerifyArchiveJob final : public Job {
    Q_OBJECT
public:
    explicit VerifyArchiveJob(QString path, QObject *parent = nullptr);

    const QString &path() const { return m_path; }
    // Set once the job succeeded.
    const std::optional<VerifiedArchive> &verified() const { return m_verified; }

protected:
    void doStart() override;

private:
    QString m_path;
    std::optional<VerifiedArchive> m_verified;
};

} // namespace rcs::backup
