#pragma once

// Helpers of tst_rdb_reader (see rdb_samples.cpp).
#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"

#include <QByteArray>
#include <QMap>
#include <QPair>
#include <QStringList>

namespace rcs::backup::test {

QByteArray readFile(const QString &path);
QString fixture(const QString &name); // a file of tests/unit/rdb_fixtures

struct ReadResult {
    QList<RdbRecord> records;
    QString error;
    int version = 0;
};

// Feeds data in chunks of chunkSize (0: all at once), then finishes.
ReadResult readAll(QByteArrayView data, qsizetype chunkSize = 0,
                   qint64 maxRecord = RdbReader::defaultMaxRecordBytes);

QByteArray rdbLength(quint64 n);
QByteArray rdbString(QByteArrayView s);
QByteArray rdbFile(const QByteArray &body, int version = 9); // header + body + EOF + checksum
QByteArray moduleId(const QByteArray &name, int encver);     // an RDB length holding the module's id

LogicalValue str(const QByteArray &s);
LogicalValue items(LogicalType type, const QList<QByteArray> &elements);
LogicalValue zset(const QList<QPair<QByteArray, double>> &members);

// What make_fixtures.sh writes, key by key; list:plain only where 7.0+ wrote it.
QMap<QByteArray, LogicalValue> expectedKeys(bool withPlainList);
// The RDB type each server writes for the keys whose encoding differs by version.
QMap<QByteArray, int> expectedTypes(const QString &server);
QStringList fixtureServers();

} // namespace rcs::backup::test
