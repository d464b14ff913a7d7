#include "restore_job.h"

#include "backup_text.h"
#include "restore_commands.h"
#include "restore_lane.h"

#include "backup/rdb_transcode.h"
#include "backup/verify_archive_job.h"
#include "common/next_step.h"
#include "redis/redis_pool.h"
#include "redis/reply_format.h"
#include "redis/server_identity.h"

#include <QDateTime>
#include <limits>

namespace rcs::backup {

namespace {
constexpr qint64 readChunk = 256 * 1024;
constexpr int pumpBudgetMs = 20; // then back to the event loop: replies, progress and cancel go on
constexpr int progressIntervalMs = 100;
} // namespace

RestoreJob::RestoreJob(RedisPool *pool, QList<BackupSource> targets, QString path, RestoreOptions options,
                       QObject *parent)
    : Job(parent)
    , m_pool(pool)
    , m_targets(std::move(targets))
    , m_path(std::move(path))
    , m_options(options)
{
    setTitle(tr("Restore %1 into %n master(s)", nullptr, int(m_targets.size())).arg(m_path));
}

RestoreJob::~RestoreJob() = default;

void RestoreJob::doStart()
{
    m_result.path = m_path;
    SlotSet served;
    for (const BackupSource &target : m_targets)
        served |= target.slotSet;
    if (m_targets.isEmpty() || !served.isFull())
        return fail(ErrorCode::Refused,
                    tr("Cannot restore: %1 slots are served by no master of the target; their keys would "
                       "have nowhere to go. Fix the cluster first (check --fix).")
                        .arg(SlotSet::SlotCount - served.count()));
    if (m_targets.size() > std::numeric_limits<qint16>::max())
        return fail(ErrorCode::Refused, tr("Cannot restore into %1 masters.").arg(m_targets.size()));
    // verifyArchive reads the whole file: a child job on the thread pool, stopped by a cancel.
    auto *verify = new VerifyArchiveJob(m_path, this);
    connect(verify, &Job::stepChanged, this, &RestoreJob::setStep);
    connect(verify, &Job::finished, this, [this, verify] {
        if (!isFinished() && verify->hasError() && verify->error().code() != ErrorCode::Cancelled)
            fail(verify->error().code(),
                 tr("Cannot restore %1: %2 Nothing was written.").arg(m_path, verify->error().message()));
    });
    runChild(verify, [this](VerifyArchiveJob *done) { verified(*done->verified()); });
}

void RestoreJob::doCancel()
{
    if (!m_lanes.isEmpty()) {
        collectCounts();
        m_result.cancelled = true;
        info(tr("%1 keys restored before cancel (commands in flight may have been applied too).")
                 .arg(m_result.restored));
    }
    for (RestoreLane *lane : std::as_const(m_lanes))
        lane->close();
}

void RestoreJob::stop(const Error &error)
{
    for (RestoreLane *lane : std::as_const(m_lanes))
        lane->close();
    if (!m_lanes.isEmpty()) {
        collectCounts();
        if (m_result.restored > 0)
            info(tr("%1 keys were restored before the error.").arg(m_result.restored));
    }
    fail(error);
}

void RestoreJob::verified(const VerifiedArchive &archive)
{
    m_manifest = archive.manifest;
    m_result.backupTime = m_manifest.time;
    m_result.backupKeys = m_manifest.keyCount();
    info(tr("%1 verified: %2 keys from %3 masters, taken %4.")
             .arg(m_path)
             .arg(m_result.backupKeys)
             .arg(m_manifest.shards.size())
             .arg(m_manifest.time.toString(Qt::ISODate)));
    readServers();
}

void RestoreJob::readServers()
{
    setStep(tr("Ask the target's masters which server they run"));
    auto remaining = std::make_shared<int>(int(m_targets.size()));
    m_result.masters.resize(m_targets.size());
    for (int i = 0; i < m_targets.size(); ++i) {
        m_result.masters[i].address = m_targets.at(i).address.toString();
        fetchServerIdentity(
            m_pool, m_targets.at(i).address, this, [this, i, remaining](Result<ServerIdentity> identity) {
                if (isFinished())
                    return;
                if (!identity)
                    return fail(identity.error());
                const int version = rdbVersionOf(identity.value());
                const QString server = identity.value().toString();
                if (identity.value().redisVersion < QVersionNumber(5))
                    return fail(ErrorCode::Refused, tr("Cannot restore into %1: %2 is older than Redis 5.0, "
                                                       "whose RESTORE … ABSTTL the restore needs.")
                                                        .arg(m_result.masters.at(i).address, server));
                m_result.masters[i].server = server;
                m_targetRdbVersion = m_targetRdbVersion == 0 ? version : qMin(m_targetRdbVersion, version);
                if (--*remaining == 0)
                    checkEmpty();
            });
    }
}

void RestoreJob::checkEmpty()
{
    m_targetHasFunctions = m_targetRdbVersion >= 10; // FUNCTION came with 7.0 (RDB 10)
    if (m_options.merge || m_options.replace)
        return beginSending();
    setStep(tr("Check that the target holds no key"));
    QList<NodeAddress> addresses;
    for (const BackupSource &target : std::as_const(m_targets))
        addresses.append(target.address);
    m_pool->commandAll(addresses, {"DBSIZE"}, this, [this](QList<NodeReply> replies) {
        if (isFinished())
            return;
        QStringList holding;
        for (const NodeReply &reply : replies) {
            if (!reply.reply)
                return fail(reply.reply.error());
            if (const qint64 keys = reply.reply.value().integerValue(); keys > 0)
                holding.append(tr("%1 holds %2 keys").arg(reply.address.toString()).arg(keys));
        }
        if (!holding.isEmpty())
            return fail(
                ErrorCode::Refused,
                withNextStep(tr("Cannot restore into a cluster that holds keys (%1); nothing was written.")
                                 .arg(holding.join(QStringLiteral(", "))),
                             NextStep::ChooseExisting));
        beginSending();
    });
}

void RestoreJob::beginSending()
{
    m_file.setFileName(m_path);
    if (!m_file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Io, tr("Cannot open %1: %2.").arg(m_path, m_file.errorString()));
    Result<QList<ArchiveMember>> members = readArchiveMembers(m_file);
    if (!members)
        return fail(members.error());
    for (const ShardManifest &shard : std::as_const(m_manifest.shards)) {
        const ArchiveMember *member = findArchiveMember(members.value(), shard.member());
        if (!member) // verified a moment ago: the file was replaced since
            return fail(ErrorCode::InvalidInput,
                        tr("%1 changed since it was verified: it lacks %2.").arg(m_path, shard.member()));
        m_members.append(*member);
        m_bytesTotal += member->size;
    }
    m_laneOfSlot.fill(-1, SlotSet::SlotCount);
    for (int i = 0; i < m_targets.size(); ++i) {
        auto *lane = new RestoreLane(m_pool, m_targets.at(i).address, this);
        m_lanes.append(lane);
        for (int slot = 0; slot < SlotSet::SlotCount; ++slot) {
            if (m_targets.at(i).slotSet.contains(slot))
                m_laneOfSlot[slot] = qint16(i);
        }
        connect(lane, &RestoreLane::failed, this, [this](const Error &error) { stop(error); });
        connect(lane, &RestoreLane::answered, this, [this] {
            // Resume once the lane that was full has half its window free: a pump per reply batch
            // would cost more than the replies.
            if (m_blockedOn && m_blockedOn->inFlight() <= m_window / 2)
                pump();
            else if (!m_blockedOn)
                finishIfDone();
        });
        if (Result<void> opened = lane->open(); !opened)
            return stop(opened.error());
    }
    setStep(tr("Restore %1 keys into %2 masters").arg(m_result.backupKeys).arg(m_targets.size()));
    m_sending.start();
    setProgress(0, m_bytesTotal);
    pump();
}

bool RestoreJob::readNextChunk()
{
    if (m_member >= 0 && m_memberRead < m_members.at(m_member).size) {
        const QByteArray chunk = m_file.read(qMin(readChunk, m_members.at(m_member).size - m_memberRead));
        if (chunk.isEmpty()) {
            stop(Error(ErrorCode::Io, tr("Cannot read %1: %2.").arg(m_path, m_file.errorString())));
            return false;
        }
        m_memberRead += chunk.size();
        m_bytesRead += chunk.size();
        if (Result<void> fed = m_reader->feed(chunk); !fed) {
            stop(Error(ErrorCode::InvalidInput,
                       tr("%1 changed since it was verified: %2").arg(m_path, fed.error().message())));
            return false;
        }
        m_records = m_reader->takeRecords();
        return true;
    }
    if (m_reader) {
        if (Result<void> finished = m_reader->finish(); !finished) {
            stop(Error(ErrorCode::InvalidInput,
                       tr("%1 changed since it was verified: %2").arg(m_path, finished.error().message())));
            return false;
        }
        m_records = m_reader->takeRecords();
        m_reader.reset();
        return true;
    }
    if (++m_member == m_members.size()) {
        m_readingDone = true;
        return true;
    }
    m_memberRead = 0;
    m_reader = std::make_unique<RdbReader>();
    if (!m_file.seek(m_members.at(m_member).dataAt)) {
        stop(Error(ErrorCode::Io, tr("Cannot read %1: %2.").arg(m_path, m_file.errorString())));
        return false;
    }
    return true;
}

void RestoreJob::pump()
{
    if (isFinished() || m_inPump)
        return;
    m_inPump = true;
    m_blockedOn = nullptr;
    QElapsedTimer budget;
    budget.start();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const bool replace = m_options.replace;
    bool yield = false;
    while (!isFinished()) {
        while (m_next < m_records.size()) {
            const RdbRecord &record = m_records.at(m_next);
            if (record.kind == RdbRecord::Kind::Function) {
                loadFunction(record);
            } else if (record.kind == RdbRecord::Kind::Key) {
                if (record.expireMs && *record.expireMs <= now) {
                    ++m_result.expired;
                } else {
                    RestoreLane *lane = m_lanes.at(m_laneOfSlot.at(keyHashSlot(record.name)));
                    if (lane->inFlight() >= m_window) {
                        m_blockedOn = lane;
                        break;
                    }
                    QString why;
                    const QByteArray payload = restorePayload(record, m_targetRdbVersion, &why);
                    if (payload.isEmpty()) {
                        m_inPump = false;
                        return stop(
                            Error(ErrorCode::Refused,
                                  tr("Cannot restore key %1 into %2: %3.")
                                      .arg(quoteBytesCli(record.name.left(100)),
                                           m_result.masters.value(m_lanes.indexOf(lane)).server, why)));
                    }
                    lane->restore(record.name, record.expireMs.value_or(0), payload, replace);
                }
            }
            if (isFinished())
                break;
            ++m_next;
        }
        if (m_blockedOn || isFinished())
            break;
        m_records.clear();
        m_next = 0;
        if (m_readingDone)
            break;
        if (budget.elapsed() >= pumpBudgetMs) {
            yield = true;
            break;
        }
        if (!readNextChunk())
            break;
    }
    m_inPump = false;
    if (isFinished())
        return;
    for (RestoreLane *lane : std::as_const(m_lanes))
        lane->flush();
    if (!m_progressShown.isValid() || m_progressShown.elapsed() >= progressIntervalMs) {
        m_progressShown.start();
        qint64 restored = 0;
        for (const RestoreLane *lane : std::as_const(m_lanes))
            restored += lane->restored() + lane->existing();
        setStep(tr("Restore the keys of %1: %2 of %3 answered")
                    .arg(m_path)
                    .arg(restored)
                    .arg(m_result.backupKeys));
        setProgress(m_bytesRead, m_bytesTotal);
    }
    if (yield)
        QMetaObject::invokeMethod(this, &RestoreJob::pump, Qt::QueuedConnection);
    else
        finishIfDone();
}

void RestoreJob::loadFunction(const RdbRecord &record)
{
    if (!m_targetHasFunctions) {
        ++m_result.functionsSkipped;
        return;
    }
    // Every master of the source cluster had its copy of each library: load each one once.
    if (m_functionCodes.contains(record.value))
        return;
    m_functionCodes.insert(record.value);
    QList<NodeAddress> addresses;
    for (const BackupSource &target : std::as_const(m_targets))
        addresses.append(target.address);
    QList<QByteArray> argv{"FUNCTION", "LOAD"};
    if (m_options.replace)
        argv.append("REPLACE");
    argv.append(record.value);
    ++m_functionsOutstanding;
    m_pool->commandAll(addresses, argv, this, [this](QList<NodeReply> replies) {
        if (isFinished())
            return;
        --m_functionsOutstanding;
        bool existed = false;
        for (const NodeReply &reply : replies) {
            if (reply.reply)
                continue;
            if (reply.reply.error().message().contains(QStringLiteral("already exists"))) {
                existed = true;
                continue;
            }
            return stop(Error(
                reply.reply.error().code(),
                tr("Cannot load a function library of the backup: %1").arg(reply.reply.error().message())));
        }
        ++(existed ? m_result.functionsExisting : m_result.functionsLoaded);
        finishIfDone();
    });
}

void RestoreJob::collectCounts()
{
    m_result.restored = 0;
    m_result.existing = 0;
    m_result.existingSample.clear();
    for (int i = 0; i < m_lanes.size(); ++i) {
        const RestoreLane *lane = m_lanes.at(i);
        m_result.masters[i].keys = lane->restored();
        m_result.restored += lane->restored();
        m_result.existing += lane->existing();
        for (const QByteArray &key : lane->existingSample()) {
            if (m_result.existingSample.size() < RestoreLane::ExistingSampleSize)
                m_result.existingSample.append(key);
        }
    }
    m_result.seconds = elapsedMs() / 1000.0;
    m_result.sendSeconds = m_sending.isValid() ? m_sending.elapsed() / 1000.0 : 0;
}

void RestoreJob::finishIfDone()
{
    if (isFinished() || !m_readingDone || m_inPump || m_functionsOutstanding > 0)
        return;
    for (const RestoreLane *lane : std::as_const(m_lanes)) {
        if (lane->inFlight() > 0)
            return;
    }
    collectCounts();
    for (RestoreLane *lane : std::as_const(m_lanes))
        lane->close();
    setProgress(m_bytesTotal, m_bytesTotal);
    succeed();
}

} // namespace rcs::backup
