#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QtGlobal>

namespace rcs::backup {

// The RDB primitives a transcoded value is written with, in the forms every supported server reads
// (Redis rdb.c rdbSaveLen, rdbSaveRawString without the integer and LZF forms, rdbSaveBinaryDoubleValue).

// A length: 6-bit (00xxxxxx), 14-bit (01xxxxxx xxxxxxxx), 32-bit (0x80 + 4 bytes big-endian) or 64-bit
// (0x81 + 8 bytes big-endian), the shortest that holds n.
void appendRdbLength(QByteArray &out, quint64 n);
// A string as its length and raw bytes.
void appendRdbString(QByteArray &out, QByteArrayView bytes);
// A sorted set score of type 5 (zset2): the IEEE 754 double, 8 bytes little-endian.
void appendRdbBinaryDouble(QByteArray &out, double value);

} // namespace rcs::backup
