// libFuzzer target: kube-sandbox's SPDY/3.1 frame splitter and zlib header-block decoder, which read
// whatever `kubectl port-forward` (or anything else) sends on the tunnel. Inputs are fed in two
// pieces so partial frames stay buffered between calls, as they do on a socket.
#include "streams/spdy_codec.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qsizetype split = qsizetype(data[0]) % qsizetype(size);
    const QByteArray input(reinterpret_cast<const char *>(data + 1), qsizetype(size - 1));
    sandbox::SpdyCodec codec;
    QByteArray buffer = input.left(split);
    auto frames = sandbox::SpdyCodec::takeFrames(buffer);
    buffer += input.mid(split);
    frames += sandbox::SpdyCodec::takeFrames(buffer);
    for (const auto &frame : frames) {
        if (frame.control &&
            (frame.type == sandbox::SpdyCodec::SynStream || frame.type == sandbox::SpdyCodec::Headers)) {
            // Header blocks follow the stream id (and, for SYN_STREAM, associated id and priority).
            const qsizetype skip = frame.type == sandbox::SpdyCodec::SynStream ? 10 : 4;
            if (frame.payload.size() > skip)
                (void)codec.decompressHeaders(frame.payload.mid(skip));
        }
    }
    return 0;
}
