#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace rcs::backup {

// Appends the RESP form of RESTORE key ttlMs payload [REPLACE] ABSTTL to out: the restore's hot path
// builds each command's bytes once, straight into the link's output buffer. ttlMs is the absolute
// Unix time in ms the key expires at, 0 for none.
void appendRestoreCommand(QByteArray &out, QByteArrayView key, qint64 ttlMs, QByteArrayView payload,
                          bool replace);

} // namespace rcs::backup
