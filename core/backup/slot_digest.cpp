#include "slot_digest.h"

#include "backup_text.h"

#include "redis/reply_format.h"
#include "redis/slot_set.h"

#include <QCryptographicHash>

#include <algorithm>

namespace rcs::backup {

namespace {

// Keys are binary: shown quoted as redis-cli prints them, shortened.
QString printable(const QByteArray &key)
{
    return quoteBytesCli(key.left(80)) + (key.size() > 80 ? QStringLiteral("…") : QString());
}

} // namespace

void SlotDigests::add(const QByteArray &key, const LogicalValue &value)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addCanonical(hash, key, value);
    m_bySlot[keyHashSlot(key)].append({key, hash.result()});
    ++m_keys;
}

QMap<int, QByteArray> SlotDigests::digests() const
{
    QMap<int, QByteArray> out;
    for (auto it = m_bySlot.cbegin(); it != m_bySlot.cend(); ++it) {
        QList<std::pair<QByteArray, QByteArray>> keys = it.value();
        std::sort(keys.begin(), keys.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const auto &[key, keyHash] : keys)
            hash.addData(keyHash);
        out.insert(it.key(), hash.result().toHex());
    }
    return out;
}

Result<void> addRecords(const QList<RdbRecord> &records, SlotDigests &digests, const SlotSet *owned,
                        const QString &member)
{
    for (const RdbRecord &record : records) {
        if (record.kind != RdbRecord::Kind::Key)
            continue;
        if (record.db != 0)
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: key %2 is in database %3; a cluster node has only "
                                  "database 0.")
                             .arg(member, printable(record.name))
                             .arg(record.db));
        const int slot = keyHashSlot(record.name);
        if (owned && !owned->contains(slot))
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: key %2 is in slot %3, which its shard did not serve.")
                             .arg(member, printable(record.name))
                             .arg(slot));
        Result<LogicalValue> value = decodeValue(record.type, record.value);
        if (!value)
            return Error(ErrorCode::InvalidInput,
                         Text::tr("%1: the value of key %2 cannot be read: %3")
                             .arg(member, printable(record.name), value.error().message()));
        digests.add(record.name, value.value());
    }
    return {};
}

} // namespace rcs::backup
