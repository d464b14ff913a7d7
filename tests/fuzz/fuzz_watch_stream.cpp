// libFuzzer target: the watch stream parser reads newline-delimited JSON from the API server in
// arbitrary chunks. The first input byte chooses the chunk size so that split lines are exercised.
#include "kube/watch_stream_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype chunk = qsizetype(data[0] % 64) + 1;
    const QByteArray body =
        QByteArray::fromRawData(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    rcs::WatchStreamParser parser;
    for (qsizetype offset = 0; offset < body.size(); offset += chunk) {
        parser.feed(body.mid(offset, chunk));
        for (const auto &event : parser.takeEvents())
            (void)event.isGone();
        if (parser.hasError())
            parser.clearError();
    }
    parser.finish();
    for (const auto &event : parser.takeEvents())
        (void)event.resourceVersion.size();
    return 0;
}
