#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <memory>
#include <optional>

namespace sandbox {

// SPDY/3.1 framing as `kubectl port-forward` speaks it (reference §7.4): big-endian control frames
// (0x8003, type, flags, 24-bit length) and data frames (31-bit stream id, flags, 24-bit length), and
// name/value header blocks compressed with one zlib stream per direction, seeded with the SPDY/3
// dictionary and flushed with Z_SYNC_FLUSH after every block.
class SpdyCodec final {
public:
    enum ControlType : quint16 {
        SynStream = 1,
        SynReply = 2,
        RstStream = 3,
        Settings = 4,
        Ping = 6,
        GoAway = 7,
        Headers = 8,
        WindowUpdate = 9,
    };
    static constexpr quint8 kFlagFin = 0x01;

    struct Frame {
        bool control = false;
        quint16 type = 0;     // control frames
        quint32 streamId = 0; // data frames, and the control frames that name a stream
        quint8 flags = 0;
        QByteArray payload; // for control frames: everything after the 8-byte header
    };
    using HeaderList = QList<QPair<QByteArray, QByteArray>>;

    SpdyCodec();
    ~SpdyCodec();
    SpdyCodec(const SpdyCodec &) = delete;
    SpdyCodec &operator=(const SpdyCodec &) = delete;

    // Takes every complete frame off the front of buffer; a partial frame stays for the next call.
    static QList<Frame> takeFrames(QByteArray &buffer);

    static QByteArray dataFrame(quint32 streamId, quint8 flags, const QByteArray &data);
    static QByteArray controlFrame(quint16 type, quint8 flags, const QByteArray &payload);
    QByteArray synReply(quint32 streamId, const HeaderList &headers = {});

    QByteArray compressHeaders(const HeaderList &headers);
    // nullopt when the block does not inflate (a peer that does not speak SPDY/3).
    std::optional<HeaderList> decompressHeaders(const QByteArray &block);

    static const QByteArray &dictionary();
    // The value of a header (names compared without case), empty when absent.
    static QByteArray headerValue(const HeaderList &headers, const char *name);

private:
    struct Streams;
    std::unique_ptr<Streams> m_zlib;
};

} // namespace sandbox
