#pragma once

#include "backup/rdb_reader.h"

#include <QByteArray>
#include <QString>

namespace rcs::backup {

// The DUMP payload that RESTORE on a server writing RDB targetRdbVersion accepts for a key record of a
// backup: the record's own encoding when the target reads it, else the value re-encoded in a form an
// older server reads. An empty result with *error set ("… needs RDB version N") when the value cannot
// be given to that server.
QByteArray restorePayload(const RdbRecord &record, int targetRdbVersion, QString *error);

} // namespace rcs::backup
