#include "backup_archive.h"

#include "backup_text.h"

#include "backup/rdb_reader.h"
#include "backup/slot_digest.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFuture>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdio>
#include <cstring>
#include <functional>
#include <optional>
#include <unistd.h>

namespace rcs::backup {

namespace {

constexpr qint64 block = 512;
constexpr qint64 maxOctalSize = (qint64(1) << 33) - 1; // 11 octal digits
constexpr qint64 maxManifestBytes = 256 * 1024 * 1024;
constexpr qint64 readChunk = 1024 * 1024;

void putOctal(QByteArray &header, int offset, int length, qint64 value)
{
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(length - 1, '0');
    std::memcpy(header.data() + offset, digits.constData(), length - 1);
    header[offset + length - 1] = '\0';
}

QByteArray tarHeader(const QByteArray &name, qint64 size, qint64 mtime)
{
    QByteArray header(block, '\0');
    std::memcpy(header.data(), name.constData(), name.size());
    putOctal(header, 100, 8, 0644);
    putOctal(header, 108, 8, 0);
    putOctal(header, 116, 8, 0);
    if (size <= maxOctalSize) {
        putOctal(header, 124, 12, size);
    } else { // base-256: a set high bit, then the size big-endian
        header[124] = char(0x80);
        for (int i = 0; i < 8; ++i)
            header[135 - i] = char((size >> (8 * i)) & 0xff);
    }
    putOctal(header, 136, 12, mtime);
    std::memset(header.data() + 148, ' ', 8);
    header[156] = '0';
    std::memcpy(header.data() + 257,
                "ustar\0"
                "00",
                8);
    int sum = 0;
    for (const char c : std::as_const(header))
        sum += static_cast<unsigned char>(c);
    putOctal(header, 148, 7, sum);
    header[155] = ' ';
    return header;
}

qint64 padding(qint64 size)
{
    return (block - size % block) % block;
}

} // namespace

BackupArchiveWriter::~BackupArchiveWriter()
{
    if (!m_committed)
        abandon();
}

Result<void> BackupArchiveWriter::ioError(const QString &what)
{
    const Error error(ErrorCode::Io,
                      Text::tr("Cannot %1 %2: %3.").arg(what, partialPath(m_path), m_file.errorString()));
    abandon();
    return error;
}

Result<void> BackupArchiveWriter::open(const QString &path, bool overwrite)
{
    m_path = path;
    if (QFileInfo::exists(path) && !overwrite)
        return Error(
            ErrorCode::Conflict,
            Text::tr("%1 already exists; choose another file or pass --force to replace it.").arg(path));
    m_file.setFileName(partialPath(path));
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error(ErrorCode::Io,
                     Text::tr("Cannot create %1: %2.").arg(partialPath(path), m_file.errorString()));
    return {};
}

Result<void> BackupArchiveWriter::beginMember(const QString &name)
{
    m_memberName = name;
    m_headerAt = m_file.pos();
    m_memberBytes = 0;
    m_hash.reset();
    if (m_file.write(tarHeader(name.toUtf8(), 0, QDateTime::currentSecsSinceEpoch())) != block)
        return ioError(Text::tr("write"));
    return {};
}

Result<void> BackupArchiveWriter::write(QByteArrayView bytes)
{
    if (m_file.write(bytes.data(), bytes.size()) != bytes.size())
        return ioError(Text::tr("write"));
    m_hash.addData(bytes);
    m_memberBytes += bytes.size();
    return {};
}

Result<BackupArchiveWriter::MemberSummary> BackupArchiveWriter::endMember()
{
    const qint64 end = m_file.pos();
    if (!m_file.seek(m_headerAt) ||
        m_file.write(tarHeader(m_memberName.toUtf8(), m_memberBytes, QDateTime::currentSecsSinceEpoch())) !=
            block ||
        !m_file.seek(end) ||
        m_file.write(QByteArray(padding(m_memberBytes), '\0')) != padding(m_memberBytes)) {
        const Result<void> failed = ioError(Text::tr("write"));
        return failed.error();
    }
    m_headerAt = -1;
    return MemberSummary{m_memberBytes, m_hash.result().toHex()};
}

Result<void> BackupArchiveWriter::addMember(const QString &name, const QByteArray &bytes)
{
    if (Result<void> begun = beginMember(name); !begun)
        return begun;
    if (Result<void> written = write(bytes); !written)
        return written;
    Result<MemberSummary> ended = endMember();
    return ended ? Result<void>() : Result<void>(ended.error());
}

Result<void> BackupArchiveWriter::commit()
{
    if (m_file.write(QByteArray(2 * block, '\0')) != 2 * block || !m_file.flush())
        return ioError(Text::tr("write"));
    if (::fsync(m_file.handle()) != 0)
        return ioError(Text::tr("flush to disk"));
    m_file.close();
    // rename(2) replaces an existing file atomically (open() refused it unless overwrite was asked).
    if (std::rename(QFile::encodeName(partialPath(m_path)).constData(),
                    QFile::encodeName(m_path).constData()) != 0) {
        const Error error(ErrorCode::Io, Text::tr("Cannot rename %1 to %2: %3.")
                                             .arg(partialPath(m_path), m_path,
                                                  QString::fromLocal8Bit(std::strerror(errno))));
        abandon();
        return error;
    }
    m_committed = true;
    return {};
}

void BackupArchiveWriter::abandon()
{
    if (m_committed || m_path.isEmpty())
        return;
    if (m_file.isOpen())
        m_file.close();
    QFile::remove(partialPath(m_path));
}

// ---- reading ----

namespace {

Error damaged(const QString &what)
{
    return Error(ErrorCode::InvalidInput, what);
}

Result<qint64> headerSize(const QByteArray &header)
{
    if (static_cast<unsigned char>(header.at(124)) == 0x80) {
        qint64 size = 0;
        for (int i = 128; i < 136; ++i)
            size = (size << 8) | static_cast<unsigned char>(header.at(i));
        return size;
    }
    bool ok = false;
    const qint64 size = header.mid(124, 12).trimmed().replace('\0', "").toLongLong(&ok, 8);
    if (!ok)
        return damaged(QString());
    return size;
}

} // namespace

Result<QList<ArchiveMember>> readArchiveMembers(QFile &file)
{
    QList<ArchiveMember> members;
    const qint64 total = file.size();
    while (true) {
        const qint64 at = file.pos();
        const QByteArray header = file.read(block);
        const QString after =
            members.isEmpty() ? Text::tr("at its start") : Text::tr("after %1").arg(members.last().name);
        if (header.size() < block)
            return damaged(
                Text::tr("The archive is truncated: it ends %1 without tar's end blocks.").arg(after));
        if (header.count('\0') == block)
            break; // the first end block
        int sum = 0;
        for (int i = 0; i < block; ++i)
            sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(header.at(i));
        bool ok = false;
        const int stored = header.mid(148, 8).replace('\0', ' ').trimmed().toInt(&ok, 8);
        const QString name = QString::fromUtf8(header.left(100).constData());
        if (!ok || stored != sum || header.mid(257, 5) != "ustar")
            return damaged(
                Text::tr(
                    "The archive is damaged: the tar header at byte %1 (%2) fails its checksum; it is not "
                    "a backup made by this studio, or it was altered.")
                    .arg(at)
                    .arg(name.isEmpty() ? after : name));
        const Result<qint64> size = headerSize(header);
        if (!size || size.value() < 0)
            return damaged(Text::tr("The archive is damaged: %1 has no readable size.").arg(name));
        ArchiveMember member{name, at + block, size.value()};
        if (member.dataAt + member.size > total)
            return damaged(Text::tr("The archive is truncated: %1 holds %2 of its %3 bytes.")
                               .arg(name)
                               .arg(std::max<qint64>(0, total - member.dataAt))
                               .arg(member.size));
        members.append(member);
        if (!file.seek(member.dataAt + member.size + padding(member.size)))
            return damaged(Text::tr("The archive is truncated after %1.").arg(name));
    }
    return members;
}

const ArchiveMember *findArchiveMember(const QList<ArchiveMember> &members, const QString &name)
{
    for (const ArchiveMember &member : members) {
        if (member.name == name)
            return &member;
    }
    return nullptr;
}

namespace {

// stopped: polled between chunks; true stops the check (Cancelled).
Result<void> verifyShard(QFile &file, const ArchiveMember &member, const ShardManifest &shard,
                         const std::function<bool()> &stopped)
{
    const QString name = member.name;
    if (member.size != shard.rdbBytes)
        return damaged(Text::tr("%1 holds %2 bytes; the manifest says %3.")
                           .arg(name)
                           .arg(member.size)
                           .arg(shard.rdbBytes));
    file.seek(member.dataAt);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    RdbReader reader;
    SlotDigests digests;
    for (qint64 done = 0; done < member.size;) {
        if (stopped())
            return Error(ErrorCode::Cancelled, Text::tr("The check of the archive was cancelled."));
        const QByteArray chunk = file.read(std::min(readChunk, member.size - done));
        if (chunk.isEmpty())
            return Error(ErrorCode::Io, Text::tr("Cannot read %1: %2.").arg(name, file.errorString()));
        done += chunk.size();
        hash.addData(chunk);
        if (Result<void> fed = reader.feed(chunk); !fed)
            return damaged(Text::tr("%1 is damaged: %2").arg(name, fed.error().message()));
        if (Result<void> added = addRecords(reader.takeRecords(), digests, &shard.slotSet, name); !added)
            return added;
    }
    if (hash.result().toHex() != shard.rdbSha256)
        return damaged(Text::tr("%1 differs from the manifest's SHA-256: the archive was altered or damaged.")
                           .arg(name));
    if (Result<void> finished = reader.finish(); !finished)
        return damaged(Text::tr("%1 is incomplete: %2").arg(name, finished.error().message()));
    if (Result<void> added = addRecords(reader.takeRecords(), digests, &shard.slotSet, name); !added)
        return added;
    if (digests.keyCount() != shard.keys)
        return damaged(Text::tr("%1 holds %2 keys; the manifest says %3.")
                           .arg(name)
                           .arg(digests.keyCount())
                           .arg(shard.keys));
    const QMap<int, QByteArray> computed = digests.digests();
    if (computed.keys() != shard.slotDigests.keys())
        return damaged(Text::tr("%1 has keys in other slots than the manifest lists.").arg(name));
    for (auto it = computed.cbegin(); it != computed.cend(); ++it) {
        if (shard.slotDigests.value(it.key()) != it.value())
            return damaged(
                Text::tr("%1: the digest of slot %2 differs from the manifest's.").arg(name).arg(it.key()));
    }
    return {};
}

} // namespace

Result<VerifiedArchive> verifyArchive(const QString &path, const std::atomic<bool> *cancelled)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(ErrorCode::Io, Text::tr("Cannot open %1: %2.").arg(path, file.errorString()));
    Result<QList<ArchiveMember>> members = readArchiveMembers(file);
    if (!members)
        return members.error();
    const ArchiveMember *manifestMember =
        findArchiveMember(members.value(), QString::fromLatin1(BackupManifest::MemberName));
    if (!manifestMember)
        return damaged(
            Text::tr("The archive holds no manifest.json: it is not a finished backup of this studio."));
    if (manifestMember->size > maxManifestBytes)
        return damaged(Text::tr("manifest.json is too large to be a backup manifest (%1 bytes).")
                           .arg(manifestMember->size));
    file.seek(manifestMember->dataAt);
    Result<BackupManifest> manifest = BackupManifest::fromJson(file.read(manifestMember->size));
    if (!manifest)
        return manifest.error();
    const QList<ShardManifest> &shards = manifest.value().shards;
    SlotSet seen;
    QList<const ArchiveMember *> shardMembers;
    for (const ShardManifest &shard : shards) {
        if (shard.slotSet.intersects(seen))
            return damaged(
                Text::tr("manifest.json: %1 claims slots another shard claims too.").arg(shard.member()));
        seen |= shard.slotSet;
        const ArchiveMember *member = findArchiveMember(members.value(), shard.member());
        if (!member)
            return damaged(Text::tr("The archive lacks %1, which the manifest lists.").arg(shard.member()));
        shardMembers.append(member);
    }
    // The shards are independent: checked in parallel, each through its own QFile, at most one per core
    // (decoding and hashing every key is what a large archive's check spends its time on). Each check
    // holds its shard's per-key hashes, so memory grows with the shards checked at once. The first
    // failure stops the others.
    std::atomic<bool> failed{false};
    const auto stopped = [&failed, cancelled] {
        return failed.load(std::memory_order_relaxed) ||
               (cancelled && cancelled->load(std::memory_order_relaxed));
    };
    QThreadPool threads;
    threads.setMaxThreadCount(qMax(1, QThread::idealThreadCount()));
    QList<QFuture<Result<void>>> checks;
    for (qsizetype i = 0; i < shards.size(); ++i) {
        checks.append(QtConcurrent::run(&threads, [&, i]() -> Result<void> {
            QFile shardFile(path);
            Result<void> checked =
                shardFile.open(QIODevice::ReadOnly)
                    ? verifyShard(shardFile, *shardMembers.at(i), shards.at(i), stopped)
                    : Result<void>(Error(ErrorCode::Io,
                                         Text::tr("Cannot open %1: %2.").arg(path, shardFile.errorString())));
            if (!checked)
                failed.store(true);
            return checked;
        }));
    }
    for (QFuture<Result<void>> &check : checks)
        check.waitForFinished();
    // The first failure in the manifest's order, not a check stopped because another one failed.
    std::optional<Error> cancellation;
    for (QFuture<Result<void>> &check : checks) {
        const Result<void> checked = check.result();
        if (checked)
            continue;
        if (checked.error().code() != ErrorCode::Cancelled)
            return checked.error();
        cancellation = checked.error();
    }
    if (cancellation)
        return *cancellation;
    return VerifiedArchive{manifest.value(), file.size()};
}

} // namespace rcs::backup
