#include "backup_manifest.h"

#include "backup_text.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace rcs::backup {

namespace {

Error invalid(const QString &why)
{
    return Error(ErrorCode::InvalidInput, Text::tr("manifest.json: %1").arg(why));
}

bool isHexDigest(const QByteArray &text)
{
    return text.size() == 64 && QByteArray::fromHex(text).toHex() == text;
}

} // namespace

qint64 BackupManifest::keyCount() const
{
    qint64 keys = 0;
    for (const ShardManifest &shard : shards)
        keys += shard.keys;
    return keys;
}

QByteArray BackupManifest::toJson() const
{
    QJsonArray shardArray;
    for (const ShardManifest &shard : shards) {
        QJsonArray ranges;
        for (const SlotRange &range : shard.slotSet.ranges())
            ranges.append(QJsonArray{range.first, range.last});
        QJsonObject digests;
        for (auto it = shard.slotDigests.cbegin(); it != shard.slotDigests.cend(); ++it)
            digests.insert(QString::number(it.key()), QString::fromLatin1(it.value()));
        shardArray.append(QJsonObject{
            {QStringLiteral("member"), shard.member()},
            {QStringLiteral("index"), shard.index},
            {QStringLiteral("address"), shard.address},
            {QStringLiteral("nodeId"), shard.nodeId},
            {QStringLiteral("server"), shard.server},
            {QStringLiteral("slots"), ranges},
            {QStringLiteral("rdbVersion"), shard.rdbVersion},
            {QStringLiteral("rdbBytes"), shard.rdbBytes},
            {QStringLiteral("rdbSha256"), QString::fromLatin1(shard.rdbSha256)},
            {QStringLiteral("keys"), shard.keys},
            {QStringLiteral("slotDigests"), digests},
        });
    }
    const QJsonObject root{
        {QStringLiteral("format"), format},
        {QStringLiteral("kind"), QStringLiteral("redis-cluster-studio backup")},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("toolVersion"), toolVersion},
        {QStringLiteral("keys"), keyCount()},
        {QStringLiteral("shards"), shardArray},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<BackupManifest> BackupManifest::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return invalid(Text::tr("not a JSON object (%1).").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("kind")).toString() != QStringLiteral("redis-cluster-studio backup"))
        return invalid(Text::tr("not the manifest of a Redis Cluster Studio backup."));
    BackupManifest manifest;
    manifest.format = root.value(QStringLiteral("format")).toInt();
    if (manifest.format < 1 || manifest.format > CurrentFormat)
        return invalid(Text::tr("format %1 is not one this version reads (1 to %2); use a newer studio.")
                           .arg(manifest.format)
                           .arg(CurrentFormat));
    manifest.time = QDateTime::fromString(root.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
    manifest.toolVersion = root.value(QStringLiteral("toolVersion")).toString();
    const QJsonArray shards = root.value(QStringLiteral("shards")).toArray();
    if (shards.isEmpty())
        return invalid(Text::tr("it lists no shard."));
    for (const QJsonValue &value : shards) {
        const QJsonObject object = value.toObject();
        ShardManifest shard;
        shard.index = object.value(QStringLiteral("index")).toInt(-1);
        if (shard.index != manifest.shards.size())
            return invalid(Text::tr("shard %1 is listed out of order.").arg(manifest.shards.size()));
        shard.address = object.value(QStringLiteral("address")).toString();
        shard.nodeId = object.value(QStringLiteral("nodeId")).toString();
        shard.server = object.value(QStringLiteral("server")).toString();
        for (const QJsonValue &range : object.value(QStringLiteral("slots")).toArray()) {
            const int first = range.toArray().at(0).toInt(-1);
            const int last = range.toArray().at(1).toInt(-1);
            if (first < 0 || last < first || last >= SlotSet::SlotCount)
                return invalid(Text::tr("%1 has a slot range that is not valid.").arg(shard.member()));
            shard.slotSet.addRange(first, last);
        }
        shard.rdbVersion = object.value(QStringLiteral("rdbVersion")).toInt();
        shard.rdbBytes = object.value(QStringLiteral("rdbBytes")).toInteger(-1);
        shard.rdbSha256 = object.value(QStringLiteral("rdbSha256")).toString().toLatin1();
        shard.keys = object.value(QStringLiteral("keys")).toInteger(-1);
        if (shard.rdbBytes < 0 || shard.keys < 0 || !isHexDigest(shard.rdbSha256))
            return invalid(Text::tr("%1 lacks its size, key count or SHA-256.").arg(shard.member()));
        const QJsonObject digests = object.value(QStringLiteral("slotDigests")).toObject();
        for (auto it = digests.constBegin(); it != digests.constEnd(); ++it) {
            bool ok = false;
            const int slot = it.key().toInt(&ok);
            const QByteArray digest = it.value().toString().toLatin1();
            if (!ok || slot < 0 || slot >= SlotSet::SlotCount || !isHexDigest(digest))
                return invalid(Text::tr("%1 has a slot digest that is not valid (slot \"%2\").")
                                   .arg(shard.member(), it.key()));
            shard.slotDigests.insert(slot, digest);
        }
        manifest.shards.append(shard);
    }
    return manifest;
}

} // namespace rcs::backup
