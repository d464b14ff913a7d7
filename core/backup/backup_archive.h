#pragma once

#include "backup/backup_manifest.h"
#include "common/result.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

#include <atomic>

namespace rcs::backup {

// Writes a backup archive: one POSIX tar (ustar, as `tar tvf` lists it) of shard-<n>.rdb members and
// manifest.json, written to "<path>.partial", fsync'ed and renamed to path only by commit(), so a
// half-written backup is never taken for a finished one. A member's size is not known before its RDB
// has been streamed (a diskless master does not announce it), so its header is written with size 0
// and patched when the member ends. Members above 8 GiB get tar's base-256 size (GNU tar reads it).
class BackupArchiveWriter final {
public:
    BackupArchiveWriter() = default;
    ~BackupArchiveWriter(); // abandons an uncommitted archive
    BackupArchiveWriter(const BackupArchiveWriter &) = delete;
    BackupArchiveWriter &operator=(const BackupArchiveWriter &) = delete;

    static QString partialPath(const QString &path) { return path + QStringLiteral(".partial"); }

    // Refused (Conflict) when path exists and overwrite is false; Io when the folder is not writable.
    Result<void> open(const QString &path, bool overwrite);
    Result<void> beginMember(const QString &name);
    Result<void> write(QByteArrayView bytes);
    struct MemberSummary {
        qint64 bytes = 0;
        QByteArray sha256; // hex
    };
    Result<MemberSummary> endMember();
    Result<void> addMember(const QString &name, const QByteArray &bytes);
    // Ends the tar, flushes it to disk and renames it to the final path.
    Result<void> commit();
    // Closes and removes the .partial file (cancel, error).
    void abandon();

    qint64 bytesWritten() const { return m_file.isOpen() ? m_file.pos() : 0; }
    const QString &path() const { return m_path; }

private:
    Result<void> ioError(const QString &what);

    QString m_path;
    QFile m_file;
    qint64 m_headerAt = -1; // the open member's header offset
    qint64 m_memberBytes = 0;
    QString m_memberName;
    QCryptographicHash m_hash{QCryptographicHash::Sha256};
    bool m_committed = false;
};

// A member of a tar archive: its name and where its data lies in the file.
struct ArchiveMember {
    QString name;
    qint64 dataAt = 0;
    qint64 size = 0;
};

// Reads the member headers of the tar archive open in file from its start up to tar's end block (seeking
// over the data), checking each header's checksum and that each member's data is in the file. Errors
// (InvalidInput) say where the archive is truncated or damaged.
Result<QList<ArchiveMember>> readArchiveMembers(QFile &file);
const ArchiveMember *findArchiveMember(const QList<ArchiveMember> &members, const QString &name);

struct VerifiedArchive {
    BackupManifest manifest;
    qint64 bytes = 0;
};

// Checks a backup archive completely: the tar structure (headers, checksums, sizes, end blocks), every
// RDB member's size and SHA-256 against the manifest, every RDB through RdbReader to its checksum, each
// key in a slot its shard served, and the per-slot digests recomputed. Errors (InvalidInput, or Io
// when the file cannot be read) are one sentence naming the member and what is wrong. It reads the
// whole file: run it off the GUI thread; cancelled (may be null), once set, stops it (Cancelled).
Result<VerifiedArchive> verifyArchive(const QString &path, const std::atomic<bool> *cancelled = nullptr);

} // namespace rcs::backup
