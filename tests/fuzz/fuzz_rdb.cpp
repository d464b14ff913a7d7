// libFuzzer target: the RDB reader of backup/restore reads files and SYNC streams that may be damaged
// or foreign. Whole and in chunks the reader must agree; every key's value is decoded; and the input
// is also tried as one value (first byte = RDB type) and as each compact container. Each value is also
// transcoded for RDB 9 and 10 (restorePayload): a payload it gives must decode to the same canonical form.
#include "backup/rdb_containers.h"
#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"
#include "backup/rdb_transcode.h"

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

// Transcoding never changes a value: a payload made for an older server decodes to the same content.
void checkTranscoding(const rcs::backup::RdbRecord &record)
{
    // restorePayload decodes with the default limit: so does the comparison.
    const auto original = rcs::backup::decodeValue(record.type, record.value);
    for (int target : {9, 10}) {
        QString error;
        const QByteArray payload = rcs::backup::restorePayload(record, target, &error);
        if (payload.isEmpty() != !error.isEmpty())
            std::abort();
        if (payload.isEmpty() || rcs::backup::rdbVersionReads(target, record.type))
            continue; // refused, or passed through unread (the target checks it)
        const auto parsed = rcs::backup::parseDumpPayload(payload);
        if (!parsed || !original)
            std::abort();
        const auto transcoded = rcs::backup::decodeValue(parsed->type, parsed->value);
        if (!transcoded || rcs::backup::canonicalForm(record.name, transcoded.value()) !=
                               rcs::backup::canonicalForm(record.name, original.value()))
            std::abort();
    }
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
            checkTranscoding(whole[i]);
        }
    }
    if (size > 0) {
        const auto value = rcs::backup::decodeValue(data[0], bytes.sliced(1), maxRecord);
        if (value)
            (void)rcs::backup::canonicalForm("k", value.value()).size();
        rcs::backup::RdbRecord record;
        record.name = "k";
        record.type = data[0];
        record.value = bytes.sliced(1).toByteArray();
        checkTranscoding(record);
    }
    QList<QByteArray> out;
    QString why;
    (void)rcs::backup::parseZiplist(bytes, &out, &why);
    (void)rcs::backup::parseListpack(bytes, &out, &why);
    (void)rcs::backup::parseIntset(bytes, &out, &why);
    (void)rcs::backup::parseZipmap(bytes, &out, &why);
    return 0;
}
