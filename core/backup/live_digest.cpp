#include "live_digest.h"

#include "backup_text.h"

#include "redis/redis_pool.h"
#include "redis/reply_format.h"

#include <memory>

namespace rcs::backup {

namespace {

Error shapeError(const QString &what)
{
    return Error(ErrorCode::Protocol, Text::tr("Unexpected reply while reading %1.").arg(what));
}

QList<QByteArray> strings(const RedisReply &reply)
{
    QList<QByteArray> out;
    for (const RedisReply &element : reply.elements())
        out.append(element.bytes());
    return out;
}

// XINFO's flat field/value arrays (RESP2).
RedisReply field(const RedisReply &flat, QByteArrayView name)
{
    const QList<RedisReply> &elements = flat.elements();
    for (qsizetype i = 0; i + 1 < elements.size(); i += 2) {
        if (elements.at(i).bytes() == name)
            return elements.at(i + 1);
    }
    return RedisReply::nil();
}

std::optional<StreamId> parseId(const QByteArray &text)
{
    const qsizetype dash = text.indexOf('-');
    bool okMs = false;
    bool okSeq = false;
    StreamId id;
    id.ms = text.left(dash).toULongLong(&okMs);
    id.seq = text.mid(dash + 1).toULongLong(&okSeq);
    if (dash < 0 || !okMs || !okSeq)
        return std::nullopt;
    return id;
}

} // namespace

Result<LogicalValue> liveValue(QByteArrayView type, const RedisReply &contents)
{
    LogicalValue value;
    if (type == "string") {
        if (!contents.isString())
            return shapeError(Text::tr("a string"));
        value.type = LogicalType::String;
        value.string = contents.bytes();
        return value;
    }
    if (!contents.isArray())
        return shapeError(QString::fromLatin1(type));
    if (type == "list" || type == "set" || type == "hash") {
        value.type = type == "list"  ? LogicalType::List
                     : type == "set" ? LogicalType::Set
                                     : LogicalType::Hash;
        value.items = strings(contents);
        return value;
    }
    if (type == "zset") {
        value.type = LogicalType::SortedSet;
        const QList<QByteArray> flat = strings(contents);
        for (qsizetype i = 0; i + 1 < flat.size(); i += 2) {
            bool ok = false;
            const QByteArray &text = flat.at(i + 1);
            double score = text.toDouble(&ok);
            if (!ok && (text == "inf" || text == "+inf" || text == "-inf"))
                score = text.startsWith('-') ? -std::numeric_limits<double>::infinity()
                                             : std::numeric_limits<double>::infinity();
            else if (!ok)
                return shapeError(Text::tr("a sorted set score"));
            value.items.append(flat.at(i));
            value.scores.append(score);
        }
        return value;
    }
    return Error(
        ErrorCode::InvalidInput,
        Text::tr("A key of type %1 cannot be digested (a module's type?).").arg(QString::fromLatin1(type)));
}

Result<LogicalValue> liveStream(const RedisReply &range, const RedisReply &info, const RedisReply &groups,
                                const QList<RedisReply> &pendingPerGroup,
                                const QList<RedisReply> &consumersPerGroup)
{
    LogicalValue value;
    value.type = LogicalType::Stream;
    for (const RedisReply &entry : range.elements()) {
        const std::optional<StreamId> id = parseId(entry.elements().value(0).bytes());
        if (entry.elements().size() != 2 || !id)
            return shapeError(Text::tr("a stream entry"));
        value.stream.entries.append({*id, strings(entry.elements().at(1))});
    }
    const std::optional<StreamId> last = parseId(field(info, "last-generated-id").bytes());
    if (!last)
        return shapeError(QStringLiteral("XINFO STREAM"));
    value.stream.lastId = *last;
    const QList<RedisReply> &groupList = groups.elements();
    if (pendingPerGroup.size() != groupList.size() || consumersPerGroup.size() != groupList.size())
        return shapeError(Text::tr("a stream's groups"));
    for (qsizetype g = 0; g < groupList.size(); ++g) {
        StreamGroup group;
        group.name = field(groupList.at(g), "name").bytes();
        const std::optional<StreamId> delivered =
            parseId(field(groupList.at(g), "last-delivered-id").bytes());
        if (!delivered)
            return shapeError(QStringLiteral("XINFO GROUPS"));
        group.lastDelivered = *delivered;
        for (const RedisReply &pending : pendingPerGroup.at(g).elements()) {
            const std::optional<StreamId> id = parseId(pending.elements().value(0).bytes());
            if (pending.elements().size() < 4 || !id)
                return shapeError(QStringLiteral("XPENDING"));
            group.pending.append(
                {*id, pending.elements().at(1).bytes(), quint64(pending.elements().at(3).integerValue()), 0});
        }
        for (const RedisReply &consumer : consumersPerGroup.at(g).elements())
            group.consumers.append(field(consumer, "name").bytes());
        value.stream.groups.append(group);
    }
    return value;
}

QList<QByteArray> streamPendingCommand(const QByteArray &key, const QByteArray &group)
{
    return {"XPENDING", key, group, "-", "+", "1000000000"};
}

LiveDigestJob::LiveDigestJob(RedisPool *pool, QList<BackupSource> masters, QObject *parent)
    : Job(parent)
    , m_pool(pool)
    , m_masters(std::move(masters))
{
    setTitle(tr("Digest the live keys of %n master(s)", nullptr, int(m_masters.size())));
}

void LiveDigestJob::doStart()
{
    if (m_masters.isEmpty())
        return succeed();
    scan();
}

void LiveDigestJob::scan()
{
    const NodeAddress address = m_masters.at(m_current).address;
    setStep(tr("Read the keys of %1").arg(address.toString()));
    m_pool->command(address, {"SCAN", m_cursor, "COUNT", "500"}, this, [this](Result<RedisReply> reply) {
        if (isFinished())
            return;
        if (!reply)
            return fail(reply.error());
        const QList<RedisReply> &parts = reply.value().elements();
        if (parts.size() != 2)
            return fail(shapeError(QStringLiteral("SCAN")));
        m_cursor = parts.at(0).bytes();
        m_scanDone = m_cursor == "0";
        const QList<QByteArray> keys = strings(parts.at(1));
        m_outstanding = int(keys.size()) + 1; // + 1: this batch's own completion, below
        for (const QByteArray &key : keys)
            readKey(key);
        keyDone(std::nullopt, LogicalValue{});
    });
}

void LiveDigestJob::readKey(const QByteArray &key)
{
    const NodeAddress address = m_masters.at(m_current).address;
    m_pool->command(address, {"TYPE", key}, this, [this, key, address](Result<RedisReply> type) {
        if (isFinished())
            return;
        if (!type)
            return fail(type.error());
        const QByteArray name = type.value().bytes();
        if (name == "stream")
            return readStream(key);
        QList<QByteArray> argv;
        if (name == "string")
            argv = {"GET", key};
        else if (name == "list")
            argv = {"LRANGE", key, "0", "-1"};
        else if (name == "set")
            argv = {"SMEMBERS", key};
        else if (name == "hash")
            argv = {"HGETALL", key};
        else if (name == "zset")
            argv = {"ZRANGE", key, "0", "-1", "WITHSCORES"};
        else if (name == "none")
            return keyDone(std::nullopt, LogicalValue{}); // expired or deleted since SCAN listed it
        else
            return keyDone(key, liveValue(name, RedisReply::nil()));
        m_pool->command(address, argv, this, [this, key, name](Result<RedisReply> contents) {
            if (isFinished())
                return;
            if (!contents)
                return fail(contents.error());
            keyDone(key, liveValue(name, contents.value()));
        });
    });
}

void LiveDigestJob::readStream(const QByteArray &key)
{
    const NodeAddress address = m_masters.at(m_current).address;
    struct Parts {
        RedisReply range, info, groups;
        QList<RedisReply> pending, consumers;
        int waiting = 3;
    };
    auto parts = std::make_shared<Parts>();
    auto finishParts = [this, key, parts] {
        keyDone(key, liveStream(parts->range, parts->info, parts->groups, parts->pending, parts->consumers));
    };
    auto collect = [this, parts, finishParts, key, address](RedisReply *slot) {
        return [this, parts, finishParts, key, address, slot](Result<RedisReply> reply) {
            if (isFinished())
                return;
            if (!reply)
                return fail(reply.error());
            *slot = reply.value();
            if (--parts->waiting > 0)
                return;
            // The three first replies are in: now each group's pending entries and consumers.
            const QList<RedisReply> groups = parts->groups.elements();
            if (groups.isEmpty())
                return finishParts();
            parts->pending.resize(groups.size());
            parts->consumers.resize(groups.size());
            parts->waiting = int(groups.size()) * 2;
            for (qsizetype g = 0; g < groups.size(); ++g) {
                const QByteArray group = field(groups.at(g), "name").bytes();
                for (int which = 0; which < 2; ++which) {
                    const QList<QByteArray> argv = which == 0
                                                       ? streamPendingCommand(key, group)
                                                       : QList<QByteArray>{"XINFO", "CONSUMERS", key, group};
                    RedisReply *target = which == 0 ? &parts->pending[g] : &parts->consumers[g];
                    m_pool->command(address, argv, this,
                                    [this, parts, finishParts, target](Result<RedisReply> r) {
                                        if (isFinished())
                                            return;
                                        if (!r)
                                            return fail(r.error());
                                        *target = r.value();
                                        if (--parts->waiting == 0)
                                            finishParts();
                                    });
                }
            }
        };
    };
    m_pool->command(address, {"XRANGE", key, "-", "+"}, this, collect(&parts->range));
    m_pool->command(address, {"XINFO", "STREAM", key}, this, collect(&parts->info));
    m_pool->command(address, {"XINFO", "GROUPS", key}, this, collect(&parts->groups));
}

void LiveDigestJob::keyDone(const std::optional<QByteArray> &key, Result<LogicalValue> value)
{
    if (isFinished())
        return;
    if (!value)
        return fail(Error(value.error().code(),
                          tr("Key %1 on %2: %3")
                              .arg(quoteBytesCli(key.value_or(QByteArray())),
                                   m_masters.at(m_current).address.toString(), value.error().message())));
    if (key)
        m_digests.add(*key, value.value());
    if (--m_outstanding > 0)
        return;
    if (!m_scanDone)
        return scan();
    if (++m_current == m_masters.size())
        return succeed();
    m_cursor = "0";
    m_scanDone = false;
    scan();
}

} // namespace rcs::backup
