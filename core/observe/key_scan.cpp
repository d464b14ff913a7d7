#include "key_scan.h"

#include "redis/cluster_topology.h"
#include "redis/redis_reply.h"
#include "slow_log.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>

namespace rcs::observe {

namespace {
// The translation context of this file's texts.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::observe::KeyScan)
};

Error protocol(const QString &message)
{
    return Error(ErrorCode::Protocol, message);
}

bool ranksBefore(const RankedKey &a, const RankedKey &b)
{
    if (a.value != b.value)
        return a.value > b.value;
    if (a.key != b.key)
        return a.key < b.key;
    return a.node.address.toString() < b.node.address.toString();
}
} // namespace

int privateChannel()
{
    static std::atomic<int> next{1000};
    return next++;
}

QList<SampledNode> keyScanMasters(const ClusterTopology &topology)
{
    QList<SampledNode> masters;
    for (const TopologyNode &node : topology.nodes()) {
        if (node.reachable && node.isMaster())
            masters.append({node.address, node.id, node.pod ? node.pod->name : QString()});
    }
    return masters;
}

QString displayKey(const QByteArray &key, int maxChars)
{
    return displayCommand({key}, 1, maxChars);
}

Result<ScanPage> parseScanReply(const RedisReply &reply)
{
    const QList<RedisReply> &parts = reply.elements();
    if (!reply.isArray() || parts.size() != 2 || !parts.at(0).isString() || !parts.at(1).isArray())
        return protocol(Text::tr("SCAN answered %1 instead of a cursor "
                                 "and a list of keys.")
                            .arg(reply.toDisplayString()));
    ScanPage page;
    page.cursor = parts.at(0).bytes();
    for (const RedisReply &key : parts.at(1).elements()) {
        if (!key.isString())
            return protocol(Text::tr("SCAN listed a key that is not a "
                                     "string."));
        page.keys.append(key.bytes());
    }
    return page;
}

Result<QString> parseConfigValue(const RedisReply &reply, const QByteArray &name)
{
    const QList<RedisReply> &parts = reply.elements();
    for (qsizetype i = 0; reply.isArray() && i + 1 < parts.size(); i += 2) {
        if (parts.at(i).bytes().compare(name, Qt::CaseInsensitive) == 0 && parts.at(i + 1).isString())
            return parts.at(i + 1).text();
    }
    return protocol(
        Text::tr("CONFIG GET %1 answered %2.").arg(QString::fromLatin1(name), reply.toDisplayString()));
}

bool isLfuPolicy(const QString &policy)
{
    return policy.endsWith(QLatin1String("-lfu"));
}

QString nonLfuAdvice(const QString &policy)
{
    return Text::tr("Hot keys need an LFU eviction policy but maxmemory-policy is %1, so this node was not "
                    "scanned: run CONFIG SET maxmemory-policy allkeys-lfu, or upgrade --set "
                    "maxmemory-policy=allkeys-lfu on Kubernetes.")
        .arg(policy);
}

void KeyRanking::add(RankedKey key)
{
    if (m_top <= 0)
        return;
    if (m_keys.size() >= m_top && !ranksBefore(key, m_keys.constLast()))
        return;
    const auto at = std::upper_bound(m_keys.begin(), m_keys.end(), key, ranksBefore);
    m_keys.insert(at, std::move(key));
    if (m_keys.size() > m_top)
        m_keys.removeLast();
}

Result<QHash<int, qint64>> parseSlotStats(const RedisReply &reply)
{
    const auto bad = [&reply] {
        return protocol(Text::tr("CLUSTER SLOT-STATS answered %1.").arg(reply.toDisplayString().left(200)));
    };
    if (!reply.isArray())
        return bad();
    QHash<int, qint64> counts;
    for (const RedisReply &entry : reply.elements()) {
        const QList<RedisReply> &pair = entry.elements();
        if (!entry.isArray() || pair.size() != 2 || !pair.at(0).isInteger() || !pair.at(1).isArray())
            return bad();
        const qint64 slot = pair.at(0).integerValue();
        if (slot < 0 || slot > 16383)
            return bad();
        const QList<RedisReply> &stats = pair.at(1).elements();
        bool found = false;
        for (qsizetype i = 0; i + 1 < stats.size(); i += 2) {
            if (stats.at(i).bytes() == "key-count" && stats.at(i + 1).isInteger()) {
                counts.insert(int(slot), stats.at(i + 1).integerValue());
                found = true;
            }
        }
        if (!found)
            return bad();
    }
    return counts;
}

} // namespace rcs::observe
