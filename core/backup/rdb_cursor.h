#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace rcs::backup {

// Bounded reading of RDB primitives over bytes that may end early. Every read checks the bounds; a
// read past the end puts the cursor in NeedMore (with the total size it would need, so an incremental
// caller waits for that much), bad content puts it in Corrupt with a message and the byte offset. Once
// failed, every further read returns 0/empty and changes nothing, so loops over a length field stop at
// the first failure instead of spinning (callers test ok() once per iteration).
class RdbCursor final {
public:
    enum class State { Ok, NeedMore, Corrupt };

    // base: the stream offset of data[0], for messages.
    RdbCursor(QByteArrayView data, qint64 base, qint64 maxString);

    bool ok() const { return m_state == State::Ok; }
    State state() const { return m_state; }
    qsizetype pos() const { return m_pos; }
    qint64 offset() const { return m_base + m_pos; }
    qsizetype needed() const { return m_needed; } // NeedMore: bytes of data the read wanted in all
    QString error() const { return m_error; }     // Corrupt: the reason
    qint64 errorOffset() const { return m_errorOffset; }
    QByteArrayView data() const { return m_data; }
    qint64 maxString() const { return m_maxString; }

    void fail(const QString &why); // Corrupt at the current position
    void setNeedMore(qint64 totalNeeded);

    quint8 u8();
    quint64 littleEndian(int bytes);
    quint64 bigEndian(int bytes);
    bool skip(qint64 n);
    QByteArrayView take(qint64 n); // a view of the next n bytes (empty on failure)

    // An RDB length (6/14/32/64-bit). A special encoding (top bits 11) sets *special and returns its
    // 6-bit code; without special, that encoding is Corrupt.
    quint64 length(bool *special = nullptr);
    // A length that counts items each at least minBytes long: refused when it cannot fit the limit.
    quint64 count(int minBytesEach = 1);
    void skipString();
    QByteArray string(); // decoded: integers as decimal text, LZF expanded (capped at maxString)
    double binaryDouble();
    double textDouble(); // the old zset score: 1 length byte (253 nan, 254 +inf, 255 -inf) + text

private:
    bool need(qint64 n);

    QByteArrayView m_data;
    qint64 m_base = 0;
    qint64 m_maxString = 0;
    qsizetype m_pos = 0;
    State m_state = State::Ok;
    qsizetype m_needed = 0;
    QString m_error;
    qint64 m_errorOffset = 0;
};

// Parses a double as Redis writes them in text (strtod rules; "inf", "-inf", "nan" included).
bool parseRedisDouble(QByteArrayView text, double *out);

} // namespace rcs::backup
