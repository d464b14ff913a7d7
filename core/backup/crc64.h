#pragma once

#include <QByteArrayView>
#include <QtGlobal>

namespace rcs::backup {

// Redis's CRC-64 (Jones polynomial 0xad93d23594c935a9, reflected in and out, no final xor), as in
// redis src/crc64.c: the trailing checksum of an RDB file (version 5+) and the 8-byte trailer of a DUMP
// payload, both stored little-endian. Feed chunks by passing the previous result as crc (start at 0).
// crc64(0, "123456789") == 0xe9c6d914c4b8d9ca.
quint64 crc64(quint64 crc, QByteArrayView bytes);

} // namespace rcs::backup
