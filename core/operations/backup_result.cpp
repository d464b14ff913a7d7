#include "backup_result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace rcs::ops {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ops::ResultForms)
};

QJsonArray shardsToJson(const backup::BackupManifest &manifest)
{
    QJsonArray shards;
    for (const backup::ShardManifest &shard : manifest.shards)
        shards.append(QJsonObject{{QStringLiteral("member"), shard.member()},
                                  {QStringLiteral("address"), shard.address},
                                  {QStringLiteral("node_id"), shard.nodeId},
                                  {QStringLiteral("server"), shard.server},
                                  {QStringLiteral("slots"), shard.slotSet.toString()},
                                  {QStringLiteral("rdb_bytes"), shard.rdbBytes},
                                  {QStringLiteral("keys"), shard.keys}});
    return shards;
}

QString shardsToText(const backup::BackupManifest &manifest)
{
    QString text;
    for (const backup::ShardManifest &shard : manifest.shards)
        text += QStringLiteral("%1  %2  %3  slots %4  %5 bytes  %6 keys\n")
                    .arg(shard.member(), shard.address, shard.server, shard.slotSet.toString())
                    .arg(shard.rdbBytes)
                    .arg(shard.keys);
    return text;
}

} // namespace

QJsonObject backupToJson(const backup::BackupResult &result)
{
    return QJsonObject{{QStringLiteral("path"), result.path},
                       {QStringLiteral("bytes"), result.bytes},
                       {QStringLiteral("keys"), result.manifest.keyCount()},
                       {QStringLiteral("time"), result.manifest.time.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("shards"), shardsToJson(result.manifest)}};
}

QString backupToText(const backup::BackupResult &result)
{
    return shardsToText(result.manifest) + backupSummary(result) + QLatin1Char('\n');
}

QString backupSummary(const backup::BackupResult &result)
{
    return Text::tr("Backed up %1 masters, %2 keys, to %3 (%4 bytes).")
        .arg(result.manifest.shards.size())
        .arg(result.manifest.keyCount())
        .arg(result.path)
        .arg(result.bytes);
}

QJsonObject verifiedToJson(const QString &path, const backup::VerifiedArchive &archive)
{
    return QJsonObject{{QStringLiteral("path"), path},
                       {QStringLiteral("ok"), true},
                       {QStringLiteral("bytes"), archive.bytes},
                       {QStringLiteral("keys"), archive.manifest.keyCount()},
                       {QStringLiteral("time"), archive.manifest.time.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("tool_version"), archive.manifest.toolVersion},
                       {QStringLiteral("shards"), shardsToJson(archive.manifest)}};
}

QString verifiedToText(const QString &path, const backup::VerifiedArchive &archive)
{
    return Text::tr(
               "%1 is a complete backup taken %2: %3 masters, %4 keys; every RDB, checksum and slot digest "
               "checked.\n")
               .arg(path, archive.manifest.time.toString(Qt::ISODate))
               .arg(archive.manifest.shards.size())
               .arg(archive.manifest.keyCount()) +
           shardsToText(archive.manifest);
}

} // namespace rcs::ops
