#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

namespace rcs::backup {

// Bounded parsers of the compact encodings Redis embeds in RDB strings. Each appends the elements in
// order to out (integers as their decimal text, as Redis returns them) and returns true, or returns false
// with *error set to the reason. No length stored in the blob is trusted: every element is checked
// against the blob's end, a header count is only compared, never used to size anything. Output grows at
// most a small constant times the blob's size (an element costs at least one byte).

// ziplist (Redis < 7.0 lists, hashes, sorted sets; quicklist nodes).
bool parseZiplist(QByteArrayView blob, QList<QByteArray> *out, QString *error);
// listpack (7.0+ hashes, sorted sets, quicklist-2 nodes, 7.2+ sets; stream nodes in every version).
bool parseListpack(QByteArrayView blob, QList<QByteArray> *out, QString *error);
// intset (sets of integers).
bool parseIntset(QByteArrayView blob, QList<QByteArray> *out, QString *error);
// zipmap (hashes written by Redis < 2.6): key, value, key, value…
bool parseZipmap(QByteArrayView blob, QList<QByteArray> *out, QString *error);

} // namespace rcs::backup
