#include "backup_job.h"

#include "backup_text.h"

#include "backup/replication_stream.h"
#include "redis/cluster_topology.h"
#include "redis/redis_pool.h"
#include "redis/server_identity.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace rcs::backup {

namespace {

enum class MastersFor { Backup, Restore };

// The masters that serve slots; a backup would miss data and a restore would have nowhere to put some
// keys when one is unreachable or some slots are served by nobody.
Result<QList<BackupSource>> servingMasters(const ClusterTopology &topology, MastersFor use)
{
    const bool backup = use == MastersFor::Backup;
    QList<BackupSource> sources;
    SlotSet served;
    for (const TopologyNode &master : topology.masters()) {
        if (master.slotSet.isEmpty())
            continue;
        if (!master.reachable || master.isFailing()) {
            const QString state = master.reachable ? Text::tr("flagged as failing") : Text::tr("unreachable");
            return Error(ErrorCode::Refused,
                         (backup ? Text::tr("Cannot back up: master %1 (%2) serves slots but is %3; recover "
                                            "the cluster first.")
                                 : Text::tr("Cannot restore: master %1 (%2) serves slots but is %3; recover "
                                            "the cluster first."))
                             .arg(master.address.toString(), master.id, state));
        }
        sources.append({master.address, master.id, master.slotSet,
                        master.server ? master.server->toString() : QString()});
        served |= master.slotSet;
    }
    if (sources.isEmpty())
        return Error(ErrorCode::Refused, backup ? Text::tr("Cannot back up: no master serves slots.")
                                                : Text::tr("Cannot restore: no master serves slots; "
                                                           "create the cluster first."));
    if (!served.isFull())
        return Error(ErrorCode::Refused,
                     (backup ? Text::tr("Cannot back up: %1 slots are served by no master; a backup would "
                                        "miss their keys. Fix the cluster first (check --fix).")
                             : Text::tr("Cannot restore: %1 slots are served by no master; their keys would "
                                        "have nowhere to go. Fix the cluster first (check --fix)."))
                         .arg(SlotSet::SlotCount - served.count()));
    return sources;
}

} // namespace

Result<QList<BackupSource>> backupSources(const ClusterTopology &topology)
{
    return servingMasters(topology, MastersFor::Backup);
}

Result<QList<BackupSource>> restoreTargets(const ClusterTopology &topology)
{
    return servingMasters(topology, MastersFor::Restore);
}

BackupJob::BackupJob(RedisPool *pool, QList<BackupSource> sources, QString path, bool overwrite,
                     QObject *parent)
    : Job(parent)
    , m_pool(pool)
    , m_sources(std::move(sources))
    , m_path(std::move(path))
    , m_overwrite(overwrite)
    , m_idleTimeoutMs(ReplicationStream::DefaultIdleTimeoutMs)
{
    setTitle(tr("Back up %n master(s) to %1", nullptr, int(m_sources.size())).arg(m_path));
    // Whatever ends the job short of the rename (error, timeout, cancel) leaves no .partial behind.
    connect(this, &Job::finished, this, [this] {
        if (hasError() && m_writer)
            m_writer->abandon();
    });
}

BackupJob::~BackupJob() = default;

void BackupJob::doStart()
{
    if (m_sources.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("Cannot back up: no master was given."));
    m_writer = std::make_unique<BackupArchiveWriter>();
    if (Result<void> opened = m_writer->open(m_path, m_overwrite); !opened)
        return fail(opened.error());
    m_result.path = m_path;
    m_result.manifest.time = QDateTime::currentDateTimeUtc();
    m_result.manifest.toolVersion = QCoreApplication::applicationVersion();
    nextShard();
}

void BackupJob::doCancel()
{
    if (m_writer)
        m_writer->abandon();
}

void BackupJob::stop(const Error &error)
{
    if (m_writer)
        m_writer->abandon();
    fail(error);
}

void BackupJob::nextShard()
{
    ++m_current;
    if (m_current == m_sources.size())
        return writeManifest();
    const BackupSource &source = m_sources.at(m_current);
    if (!source.server.isEmpty())
        return readShard(source.server);
    setStep(tr("Ask %1 which server it runs").arg(source.address.toString()));
    fetchServerIdentity(m_pool, source.address, this, [this](Result<ServerIdentity> identity) {
        if (isFinished())
            return;
        if (!identity)
            return stop(identity.error());
        readShard(identity.value().toString());
    });
}

void BackupJob::readShard(const QString &server)
{
    const BackupSource &source = m_sources.at(m_current);
    ShardManifest shard;
    shard.index = m_current;
    shard.address = source.address.toString();
    shard.nodeId = source.nodeId;
    shard.server = server;
    shard.slotSet = source.slotSet;
    m_result.manifest.shards.append(shard);
    m_digests = SlotDigests();
    if (Result<void> begun = m_writer->beginMember(shard.member()); !begun)
        return stop(begun.error());
    setStep(tr("Read the RDB of %1 (%2 of %3)").arg(shard.address).arg(m_current + 1).arg(m_sources.size()));
    auto *stream = new ReplicationStream(m_pool, source.address, this);
    stream->setIdleTimeoutMs(m_idleTimeoutMs);
    stream->setSink([this](QByteArrayView chunk) { return m_writer->write(chunk); });
    const QString member = shard.member();
    stream->setRecordHandler([this, member](QList<RdbRecord> records) {
        return addRecords(records, m_digests, &m_sources.at(m_current).slotSet, member);
    });
    connect(stream, &Job::progress, this,
            [this](qint64 done, qint64) { setProgress(m_doneBytes + done, 0); });
    runChild(stream, [this](ReplicationStream *done) { shardRead(done); });
}

void BackupJob::shardRead(ReplicationStream *stream)
{
    Result<BackupArchiveWriter::MemberSummary> summary = m_writer->endMember();
    if (!summary)
        return stop(summary.error());
    ShardManifest &shard = m_result.manifest.shards.last();
    shard.rdbVersion = stream->rdbVersion();
    shard.rdbBytes = summary.value().bytes;
    shard.rdbSha256 = summary.value().sha256;
    shard.keys = m_digests.keyCount();
    shard.slotDigests = m_digests.digests();
    m_doneBytes += shard.rdbBytes;
    // A diskless master announces no size ("$EOF:" form); said so, since such a stream ends only at its
    // marker.
    info(stream->payloadSize() < 0
             ? tr("%1: %2 keys, %3 bytes of RDB (diskless: streamed to its end marker).")
                   .arg(shard.address)
                   .arg(shard.keys)
                   .arg(shard.rdbBytes)
             : tr("%1: %2 keys, %3 bytes of RDB.").arg(shard.address).arg(shard.keys).arg(shard.rdbBytes));
    nextShard();
}

void BackupJob::writeManifest()
{
    setStep(tr("Write the manifest and close %1").arg(m_path));
    if (Result<void> added =
            m_writer->addMember(QString::fromLatin1(BackupManifest::MemberName), m_result.manifest.toJson());
        !added)
        return stop(added.error());
    if (Result<void> committed = m_writer->commit(); !committed)
        return stop(committed.error());
    m_result.bytes = QFileInfo(m_path).size();
    setProgress(m_doneBytes, m_doneBytes);
    succeed();
}

} // namespace rcs::backup
