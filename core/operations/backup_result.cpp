#include "backup_result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>
#include <QStringList>

#include "redis/reply_format.h"

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

namespace {

double keysPerSecond(const backup::RestoreResult &result)
{
    return result.seconds > 0 ? result.restored / result.seconds : 0;
}

} // namespace

QJsonObject restoreToJson(const backup::RestoreResult &result)
{
    QJsonArray masters;
    for (const backup::RestoreResult::Master &master : result.masters)
        masters.append(QJsonObject{{QStringLiteral("address"), master.address},
                                   {QStringLiteral("server"), master.server},
                                   {QStringLiteral("keys"), master.keys}});
    QJsonArray sample;
    for (const QByteArray &key : result.existingSample)
        sample.append(quoteBytesCli(key));
    return QJsonObject{{QStringLiteral("path"), result.path},
                       {QStringLiteral("backup_time"), result.backupTime.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("backup_keys"), result.backupKeys},
                       {QStringLiteral("restored"), result.restored},
                       {QStringLiteral("expired"), result.expired},
                       {QStringLiteral("existing"), result.existing},
                       {QStringLiteral("existing_sample"), sample},
                       {QStringLiteral("functions_loaded"), result.functionsLoaded},
                       {QStringLiteral("functions_existing"), result.functionsExisting},
                       {QStringLiteral("functions_skipped"), result.functionsSkipped},
                       {QStringLiteral("seconds"), result.seconds},
                       {QStringLiteral("send_seconds"), result.sendSeconds},
                       {QStringLiteral("keys_per_second"), qRound64(keysPerSecond(result))},
                       {QStringLiteral("masters"), masters}};
}

QString restoreToText(const backup::RestoreResult &result)
{
    QString text;
    for (const backup::RestoreResult::Master &master : result.masters)
        text += QStringLiteral("%1  %2  %3 keys\n").arg(master.address, master.server).arg(master.keys);
    if (result.existing > 0) {
        QStringList keys;
        for (const QByteArray &key : result.existingSample)
            keys.append(quoteBytesCli(key));
        text += Text::tr("Existing keys left as they were: %1%2\n")
                    .arg(keys.join(QStringLiteral(" ")),
                         result.existing > keys.size()
                             ? Text::tr(" and %1 more").arg(result.existing - keys.size())
                             : QString());
    }
    if (result.functionsSkipped > 0)
        text += Text::tr("%1 function libraries skipped: the target is older than Redis 7.0.\n")
                    .arg(result.functionsSkipped);
    return text + restoreSummary(result) + QLatin1Char('\n');
}

QString restoreSummary(const backup::RestoreResult &result)
{
    QString summary = Text::tr("Restored %1 keys of %2 into %3 masters in %4 s (%5 keys/s)")
                          .arg(result.restored)
                          .arg(result.path)
                          .arg(result.masters.size())
                          .arg(result.seconds, 0, 'f', 1)
                          .arg(qRound64(keysPerSecond(result)));
    if (result.expired > 0)
        summary += Text::tr("; %1 skipped (their TTL had passed)").arg(result.expired);
    if (result.existing > 0)
        summary += Text::tr("; %1 existing keys left as they were").arg(result.existing);
    if (result.functionsLoaded + result.functionsExisting > 0)
        summary += Text::tr("; %1 function libraries loaded, %2 already there")
                       .arg(result.functionsLoaded)
                       .arg(result.functionsExisting);
    return summary + QLatin1Char('.');
}

} // namespace rcs::ops
