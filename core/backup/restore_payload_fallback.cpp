// Temporary restorePayload (rdb_transcode.h) until the transcoder lands: no re-encoding. A value whose
// RDB type the target reads is given as is, stamped with the target's RDB version (RESTORE refuses a
// payload stamped newer than itself even when it reads the encoding); a type the target does not know
// (a set listpack or a 7.2 stream into 7.0, a 7.4 hash with field TTLs into 7.2) is refused by name.
#include "backup/rdb_transcode.h"

#include "backup/backup_text.h"
#include "backup/rdb_value.h"

namespace rcs::backup {

namespace {

// The first RDB version that has the type (rdb.h of Redis 7.4).
int firstRdbVersionWith(quint8 type)
{
    switch (type) {
    case RdbZset2:
        return 8;
    case RdbStreamListpacks:
        return 9;
    case RdbHashListpack:
    case RdbZsetListpack:
    case RdbListQuicklist2:
    case RdbStreamListpacks2:
        return 10;
    case RdbSetListpack:
    case RdbStreamListpacks3:
        return 11;
    default:
        return type > RdbStreamListpacks3 ? 12 : 7;
    }
}

} // namespace

QByteArray restorePayload(const RdbRecord &record, int targetRdbVersion, QString *error)
{
    const int needed = firstRdbVersionWith(record.type);
    if (needed > targetRdbVersion) {
        if (error)
            *error = Text::tr("its value has RDB type %1, which needs RDB version %2; the target reads up "
                              "to %3")
                         .arg(record.type)
                         .arg(needed)
                         .arg(targetRdbVersion);
        return {};
    }
    return dumpPayload(record.type, record.value, targetRdbVersion);
}

} // namespace rcs::backup
