// SlotMigrationJob's key moving, one lane's slot at a time: GETKEYSINSLOT batches sent with MIGRATE, and
// a BUSYKEY answered by comparing the two copies (identical: replaced; different: the job stops and
// names the key).
#include "slot_migration_job.h"

#include "common/logger.h"
#include "common/next_step.h"
#include "redis/redis_pool.h"

#include <algorithm>
#include <memory>
#include <optional>

namespace rcs {

void SlotMigrationJob::onKeys(int l, const Result<RedisReply> &reply)
{
    if (m_lanes.at(l).done)
        return;
    if (m_lanes.at(l).staleKeyReplies > 0) {
        --m_lanes[l].staleKeyReplies; // the keys are being compared; a fresh GETKEYSINSLOT follows
        return;
    }
    if (m_cancelled)
        return laneDone(l);
    if (!reply)
        return stop(l, reply.error());
    QList<QByteArray> keys;
    for (const RedisReply &element : reply->elements())
        keys.append(element.bytes());
    if (keys.isEmpty()) {
        finalize(l);
        return;
    }
    migrate(l, keys);
}

void SlotMigrationJob::migrate(int l, const QList<QByteArray> &keys, bool replaceIdentical)
{
    const Step step = current(l);
    const NodeAddress target = m_addressById.value(step.targetId);
    m_lanes[l].clock.start();
    const qsizetype count = keys.size();
    const int channel = channelFor(l, workerOf(l).sourceId);
    m_pool->command(
        sourceOf(l), migrateArgv(target, keys, replaceIdentical), this,
        [this, l, count, keys, replaceIdentical](Result<RedisReply> reply) {
            if (m_lanes.at(l).done)
                return;
            if (!reply) {
                if (reply.error().detail().contains(QLatin1String("BUSYKEY")) && !replaceIdentical) {
                    ++m_lanes[l].staleKeyReplies;
                    return compareBusyKeys(l, keys, reply.error());
                }
                return stop(l, reply.error());
            }
            m_keysMoved += count;
            // MIGRATE blocks the source: keep each batch well under the node timeout.
            Worker &worker = workerOf(l);
            const qint64 elapsed = m_lanes.at(l).clock.elapsed();
            if (elapsed > m_options.slowBatchMs)
                worker.batch = std::max(m_options.minBatch, worker.batch / 2);
            else if (elapsed < m_options.fastBatchMs)
                worker.batch = std::min(m_options.maxBatch, worker.batch * 2);
        },
        m_options.migrateTimeoutMs + 5000, channel);
    // Pipelined behind the MIGRATE: answered once it is done, with the keys still left.
    m_pool->command(
        sourceOf(l),
        {"CLUSTER", "GETKEYSINSLOT", QByteArray::number(step.slot), QByteArray::number(workerOf(l).batch)},
        this, [this, l](Result<RedisReply> reply) { onKeys(l, reply); }, m_options.migrateTimeoutMs + 5000,
        channel);
}

void SlotMigrationJob::compareBusyKeys(int l, const QList<QByteArray> &keys, const Error &busy)
{
    // Both copies of every key of the batch, by DUMP. The target answers for a slot it imports only
    // after ASKING, sent on the same connection right before.
    struct Comparison {
        qsizetype remaining = 0;
        QHash<QByteArray, std::optional<QByteArray>> source;
        QHash<QByteArray, std::optional<QByteArray>> target;
        QString failure; // the first DUMP that did not answer with a value or nil
    };
    auto comparison = std::make_shared<Comparison>();
    comparison->remaining = keys.size() * 2;
    const NodeAddress target = m_addressById.value(current(l).targetId);
    const auto store = [comparison](bool onSource, const QByteArray &key, const Result<RedisReply> &reply) {
        // A source that answers ASK no longer has the key: that part of the failed MIGRATE went through.
        if (onSource && !reply && reply.error().detail().startsWith(QLatin1String("ASK "))) {
            comparison->source.insert(key, std::nullopt);
            return;
        }
        if (!reply || (!reply->isNil() && !reply->isString())) {
            if (comparison->failure.isEmpty())
                comparison->failure = tr("DUMP %1 on the %2: %3")
                                          .arg(QString::fromUtf8(key),
                                               onSource ? QStringLiteral("source") : QStringLiteral("target"),
                                               reply ? reply->text() : reply.error().message());
            return;
        }
        (onSource ? comparison->source : comparison->target)
            .insert(key, reply->isNil() ? std::nullopt : std::optional<QByteArray>(reply->bytes()));
    };
    const auto compared = [this, l, keys, busy, comparison, target] {
        if (--comparison->remaining > 0 || m_lanes.at(l).done)
            return;
        const int slot = current(l).slot;
        if (!comparison->failure.isEmpty()) {
            return stop(
                l, Error(ErrorCode::Refused,
                         withNextStep(tr("A key of slot %1 already exists on the target %2, "
                                         "and comparing the two copies failed (%3); nothing "
                                         "was overwritten. Compare the keys of the slot by "
                                         "hand, or close the open slot again.")
                                          .arg(QString::number(slot), target.toString(), comparison->failure),
                                      NextStep::CheckFix),
                         busy.detail()));
        }
        int identical = 0;
        for (const QByteArray &key : keys) {
            const std::optional<QByteArray> here = comparison->source.value(key);
            const std::optional<QByteArray> there = comparison->target.value(key);
            if (here && there && here != there) {
                return stop(l, Error(ErrorCode::Refused,
                                     withNextStep(tr("A key of slot %1 (\"%2\") already exists on the "
                                                     "target %3 with different content; it was not "
                                                     "overwritten. Compare the two copies, delete the "
                                                     "wrong one, then close the open slot.")
                                                      .arg(QString::number(slot), QString::fromUtf8(key),
                                                           target.toString()),
                                                  NextStep::CheckFix),
                                     busy.detail()));
            }
            identical += here && there ? 1 : 0;
        }
        Logger::instance().info(QStringLiteral("redis"),
                                tr("Slot %1: %2 keys were already on %3 with identical content (left "
                                   "by an interrupted MIGRATE); they are sent again with REPLACE.")
                                    .arg(slot)
                                    .arg(identical)
                                    .arg(target.toString()));
        migrate(l, keys, true);
    };
    const int sourceChannel = channelFor(l, workerOf(l).sourceId);
    for (const QByteArray &key : keys) {
        m_pool->command(
            sourceOf(l), {"DUMP", key}, this,
            [store, compared, key](Result<RedisReply> reply) {
                store(true, key, reply);
                compared();
            },
            0, sourceChannel);
        m_pool->command(target, {"ASKING"}, this, [](Result<RedisReply>) {});
        m_pool->command(target, {"DUMP", key}, this, [store, compared, key](Result<RedisReply> reply) {
            store(false, key, reply);
            compared();
        });
    }
}

QList<QByteArray> SlotMigrationJob::migrateArgv(const NodeAddress &target, const QList<QByteArray> &keys,
                                                bool replace) const
{
    QList<QByteArray> argv{"MIGRATE",
                           target.host.toUtf8(),
                           QByteArray::number(target.port),
                           "",
                           "0",
                           QByteArray::number(m_options.migrateTimeoutMs)};
    if (replace)
        argv << "REPLACE";
    const RedisConnectionOptions &options = m_pool->options();
    if (!options.password.isEmpty()) {
        if (options.user.isEmpty())
            argv << "AUTH" << options.password.toUtf8();
        else
            argv << "AUTH2" << options.user.toUtf8() << options.password.toUtf8();
    }
    argv << "KEYS";
    argv += keys;
    return argv;
}

} // namespace rcs
