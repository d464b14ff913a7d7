#include "streams/spdy_codec.h"

#include <QtEndian>

#include <zlib.h>

namespace sandbox {

namespace {

void appendU32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToBigEndian(value, bytes);
    out.append(bytes, 4);
}

quint32 readU32(const char *data)
{
    return qFromBigEndian<quint32>(data);
}

quint32 readU24(const char *data)
{
    return (quint32(quint8(data[0])) << 16) | (quint32(quint8(data[1])) << 8) | quint32(quint8(data[2]));
}

void appendU24(QByteArray &out, quint32 value)
{
    out.append(char((value >> 16) & 0xff));
    out.append(char((value >> 8) & 0xff));
    out.append(char(value & 0xff));
}

} // namespace

// The SPDY/3 header compression dictionary (draft 3, section 2.6.10.1): length-prefixed header
// names and values, then a run of status codes, reasons, dates and media types.
const QByteArray &SpdyCodec::dictionary()
{
    static const QByteArray dictionary = [] {
        static const char *const words[] = {"options",
                                            "head",
                                            "post",
                                            "put",
                                            "delete",
                                            "trace",
                                            "accept",
                                            "accept-charset",
                                            "accept-encoding",
                                            "accept-language",
                                            "accept-ranges",
                                            "age",
                                            "allow",
                                            "authorization",
                                            "cache-control",
                                            "connection",
                                            "content-base",
                                            "content-encoding",
                                            "content-language",
                                            "content-length",
                                            "content-location",
                                            "content-md5",
                                            "content-range",
                                            "content-type",
                                            "date",
                                            "etag",
                                            "expect",
                                            "expires",
                                            "from",
                                            "host",
                                            "if-match",
                                            "if-modified-since",
                                            "if-none-match",
                                            "if-range",
                                            "if-unmodified-since",
                                            "last-modified",
                                            "location",
                                            "max-forwards",
                                            "pragma",
                                            "proxy-authenticate",
                                            "proxy-authorization",
                                            "range",
                                            "referer",
                                            "retry-after",
                                            "server",
                                            "te",
                                            "trailer",
                                            "transfer-encoding",
                                            "upgrade",
                                            "user-agent",
                                            "vary",
                                            "via",
                                            "warning",
                                            "www-authenticate",
                                            "method",
                                            "get",
                                            "status",
                                            "200 OK",
                                            "version",
                                            "HTTP/1.1",
                                            "url",
                                            "public",
                                            "set-cookie",
                                            "keep-alive",
                                            "origin"};
        QByteArray result;
        for (const char *word : words) {
            appendU32(result, quint32(qstrlen(word)));
            result.append(word);
        }
        result.append(
            "100101201202205206300302303304305306307402405406407408409410411412413414415416417502504505"
            "203 Non-Authoritative Information204 No Content301 Moved Permanently400 Bad Request401 "
            "Unauthorized403 Forbidden404 Not Found500 Internal Server Error501 Not Implemented503 "
            "Service UnavailableJan Feb Mar Apr May Jun Jul Aug Sept Oct Nov Dec 00:00:00 Mon, Tue, "
            "Wed, Thu, Fri, Sat, Sun, GMTchunked,text/html,image/png,image/jpg,image/gif,application/"
            "xml,application/xhtml+xml,text/plain,text/javascript,publicprivatemax-age=gzip,deflate,"
            "sdchcharset=utf-8charset=iso-8859-1,utf-,*,enq=0.");
        return result;
    }();
    return dictionary;
}

QByteArray SpdyCodec::headerValue(const HeaderList &headers, const char *name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

struct SpdyCodec::Streams {
    z_stream deflater{};
    z_stream inflater{};
};

SpdyCodec::SpdyCodec()
    : m_zlib(std::make_unique<Streams>())
{
    deflateInit(&m_zlib->deflater, Z_DEFAULT_COMPRESSION);
    deflateSetDictionary(&m_zlib->deflater, reinterpret_cast<const Bytef *>(dictionary().constData()),
                         uInt(dictionary().size()));
    inflateInit(&m_zlib->inflater);
}

SpdyCodec::~SpdyCodec()
{
    deflateEnd(&m_zlib->deflater);
    inflateEnd(&m_zlib->inflater);
}

QList<SpdyCodec::Frame> SpdyCodec::takeFrames(QByteArray &buffer)
{
    QList<Frame> frames;
    qsizetype offset = 0;
    while (buffer.size() - offset >= 8) {
        const char *header = buffer.constData() + offset;
        const quint32 length = readU24(header + 5);
        if (buffer.size() - offset < 8 + qsizetype(length))
            break;
        Frame frame;
        frame.control = (quint8(header[0]) & 0x80) != 0;
        frame.flags = quint8(header[4]);
        frame.payload = buffer.mid(offset + 8, length);
        if (frame.control) {
            frame.type = quint16((quint8(header[2]) << 8) | quint8(header[3]));
            if (frame.payload.size() >= 4 && frame.type != Settings && frame.type != Ping)
                frame.streamId = readU32(frame.payload.constData()) & 0x7fffffff;
        } else {
            frame.streamId = readU32(header) & 0x7fffffff;
        }
        frames.append(frame);
        offset += 8 + length;
    }
    buffer.remove(0, offset);
    return frames;
}

QByteArray SpdyCodec::dataFrame(quint32 streamId, quint8 flags, const QByteArray &data)
{
    QByteArray frame;
    frame.reserve(8 + data.size());
    appendU32(frame, streamId & 0x7fffffff);
    frame.append(char(flags));
    appendU24(frame, quint32(data.size()));
    frame.append(data);
    return frame;
}

QByteArray SpdyCodec::controlFrame(quint16 type, quint8 flags, const QByteArray &payload)
{
    QByteArray frame;
    frame.append(char(0x80));
    frame.append(char(0x03)); // version 3
    frame.append(char(type >> 8));
    frame.append(char(type & 0xff));
    frame.append(char(flags));
    appendU24(frame, quint32(payload.size()));
    frame.append(payload);
    return frame;
}

QByteArray SpdyCodec::synReply(quint32 streamId, const HeaderList &headers)
{
    QByteArray payload;
    appendU32(payload, streamId & 0x7fffffff);
    payload.append(compressHeaders(headers));
    return controlFrame(SynReply, 0, payload);
}

QByteArray SpdyCodec::compressHeaders(const HeaderList &headers)
{
    QByteArray plain;
    appendU32(plain, quint32(headers.size()));
    for (const auto &[name, value] : headers) {
        appendU32(plain, quint32(name.size()));
        plain.append(name.toLower());
        appendU32(plain, quint32(value.size()));
        plain.append(value);
    }
    z_stream &z = m_zlib->deflater;
    z.next_in = reinterpret_cast<Bytef *>(plain.data());
    z.avail_in = uInt(plain.size());
    QByteArray out;
    char chunk[1024];
    do {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof(chunk);
        deflate(&z, Z_SYNC_FLUSH);
        out.append(chunk, qsizetype(sizeof(chunk) - z.avail_out));
    } while (z.avail_out == 0);
    return out;
}

std::optional<SpdyCodec::HeaderList> SpdyCodec::decompressHeaders(const QByteArray &block)
{
    z_stream &z = m_zlib->inflater;
    QByteArray input = block;
    z.next_in = reinterpret_cast<Bytef *>(input.data());
    z.avail_in = uInt(input.size());
    QByteArray plain;
    char chunk[1024];
    while (true) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof(chunk);
        int result = inflate(&z, Z_SYNC_FLUSH);
        if (result == Z_NEED_DICT) {
            if (inflateSetDictionary(&z, reinterpret_cast<const Bytef *>(dictionary().constData()),
                                     uInt(dictionary().size())) != Z_OK)
                return std::nullopt;
            result = Z_OK;
        }
        plain.append(chunk, qsizetype(sizeof(chunk) - z.avail_out));
        if (result != Z_OK && result != Z_BUF_ERROR)
            return std::nullopt;
        if ((z.avail_in == 0 || result == Z_BUF_ERROR) && z.avail_out != 0)
            break;
    }
    HeaderList headers;
    if (plain.size() < 4)
        return headers;
    const quint32 count = readU32(plain.constData());
    qsizetype offset = 4;
    auto take = [&plain, &offset](QByteArray *value) {
        if (offset + 4 > plain.size())
            return false;
        const quint32 length = readU32(plain.constData() + offset);
        offset += 4;
        if (offset + qsizetype(length) > plain.size())
            return false;
        *value = plain.mid(offset, length);
        offset += length;
        return true;
    };
    for (quint32 i = 0; i < count; ++i) {
        QByteArray name;
        QByteArray value;
        if (!take(&name) || !take(&value))
            return std::nullopt;
        headers.append({name, value});
    }
    return headers;
}

} // namespace sandbox
