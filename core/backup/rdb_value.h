#pragma once

#include <QString>
#include <QtGlobal>

namespace rcs::backup {

class RdbCursor;
struct LogicalValue;

// RDB value types (rdb.h of Redis 5.0 to 7.2 and Valkey 8).
enum RdbType : quint8 {
    RdbString = 0,
    RdbList = 1,
    RdbSet = 2,
    RdbZset = 3,
    RdbHash = 4,
    RdbZset2 = 5,
    RdbModule = 6,
    RdbModule2 = 7,
    RdbHashZipmap = 9,
    RdbListZiplist = 10,
    RdbSetIntset = 11,
    RdbZsetZiplist = 12,
    RdbHashZiplist = 13,
    RdbListQuicklist = 14,
    RdbStreamListpacks = 15,
    RdbHashListpack = 16,
    RdbZsetListpack = 17,
    RdbListQuicklist2 = 18,
    RdbStreamListpacks2 = 19,
    RdbSetListpack = 20,
    RdbStreamListpacks3 = 21,
};

bool isKnownValueType(quint8 type);

// Reads one value of the given type at the cursor. With out == nullptr it only walks the value to find
// its extent (strings skipped, nothing allocated); otherwise it decodes the logical content into out.
// Failures are left in the cursor (NeedMore or Corrupt). A module value (types 6, 7) is refused with the
// module's name read from its id.
void readValue(RdbCursor &cursor, quint8 type, LogicalValue *out);

// The 9-character module type name packed into the top 54 bits of a module id (as Redis's
// moduleTypeNameByID), e.g. "ReJSON-RL".
QString moduleNameFromId(quint64 moduleId);

} // namespace rcs::backup
