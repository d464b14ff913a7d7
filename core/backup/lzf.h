#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

namespace rcs::backup {

// LZF (liblzf, as Redis bundles it) decompression of an RDB string: compressed holds the data,
// expectedSize the uncompressed length the RDB stores beside it. Bounded: never reads past the input
// nor writes past expectedSize; Error (InvalidInput) on a back reference before the start, a run past
// either end, or an output of another length. The caller caps expectedSize before calling.
Result<QByteArray> lzfDecompress(QByteArrayView compressed, qsizetype expectedSize);

// LZF compression (same format; a simple greedy hash matcher). Used by the tests' round trips and by a
// later writer; an empty result means "not compressible into fewer bytes", as in liblzf.
QByteArray lzfCompress(QByteArrayView input);

} // namespace rcs::backup
