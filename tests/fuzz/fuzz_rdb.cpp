// libFuzzer target: the RDB reader of backup/restore reads files and SYNC streams that may be damaged
// or foreign. Whole and in chunks the reader must agree; every key's value is decoded; and the input
// is also tried as one value (first byte = RDB type) and as each compact container.
#include "backup/rdb_containers.h"
#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

constexpr qint64 maxRecord = 1 << 20; // keeps the fuzzer's allocations small; the limit path is fuzzed too

QList<rcs::backup::RdbRecord> readRdb(QByteArrayView data, qsizetype chunk, QString *error)
{
    rcs::backup::RdbReader reader(maxRecord);
    QList<rcs::backup::RdbRecord> records;
    for (qsizetype at = 0; at < data.size(); at += chunk) {
        const auto fed = reader.feed(data.sliced(at, qMin(chunk, data.size() - at)));
        records.append(reader.takeRecords());
        if (!fed) {
            *error = fed.error().message();
            return records;
        }
    }
    const auto done = reader.finish();
    records.append(reader.takeRecords());
    if (!done)
        *error = done.error().message();
    return records;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString wholeError;
    const auto whole = readRdb(bytes, qMax<qsizetype>(1, bytes.size()), &wholeError);
    QString chunkError;
    const auto chunked = readRdb(bytes, size > 0 ? qsizetype(data[0] % 13) + 1 : 1, &chunkError);
    // Feeding in chunks must not change what is read (the error offset may differ: none compared).
    if (whole.size() != chunked.size() || wholeError.isEmpty() != chunkError.isEmpty())
        std::abort();
    for (qsizetype i = 0; i < whole.size(); ++i) {
        if (whole[i].name != chunked[i].name || whole[i].value != chunked[i].value ||
            whole[i].offset != chunked[i].offset)
            std::abort();
        if (whole[i].kind == rcs::backup::RdbRecord::Kind::Key) {
            const auto value = rcs::backup::decodeValue(whole[i].type, whole[i].value, maxRecord);
            if (value)
                (void)rcs::backup::canonicalForm(whole[i].name, value.value()).size();
        }
    }
    if (size > 0) {
        const auto value = rcs::backup::decodeValue(data[0], bytes.sliced(1), maxRecord);
        if (value)
            (void)rcs::backup::canonicalForm("k", value.value()).size();
    }
    QList<QByteArray> out;
    QString why;
    (void)rcs::backup::parseZiplist(bytes, &out, &why);
    (void)rcs::backup::parseListpack(bytes, &out, &why);
    (void)rcs::backup::parseIntset(bytes, &out, &why);
    (void)rcs::backup::parseZipmap(bytes, &out, &why);
    return 0;
}
