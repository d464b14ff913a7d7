#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

struct redisReply;

namespace rcs {

// A Redis reply as a value type, copied out of hiredis' redisReply so it outlives the callback that
// produced it. Error replies ("-ERR …") are kept as values here; RedisConnection::command() turns a
// top-level error reply into an Error, so callers mostly see RedisReply for successful answers and
// nested errors (e.g. inside an EXEC array).
class RedisReply final {
public:
    enum class Type { Nil, Status, Error, Integer, String, Array };

    RedisReply() = default;

    static RedisReply nil() { return RedisReply(); }
    static RedisReply status(QByteArray text);
    static RedisReply error(QByteArray text);
    static RedisReply integer(qint64 value);
    static RedisReply string(QByteArray bytes);
    static RedisReply array(QList<RedisReply> elements);
    // Deep copy; a null pointer gives a Nil reply. Unknown reply types become an Error reply naming them.
    static RedisReply fromHiredis(const ::redisReply *reply);

    Type type() const { return m_type; }
    bool isNil() const { return m_type == Type::Nil; }
    bool isStatus() const { return m_type == Type::Status; }
    bool isError() const { return m_type == Type::Error; }
    bool isInteger() const { return m_type == Type::Integer; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }

    // The bytes of a Status, Error or String reply; empty for the other types.
    const QByteArray &bytes() const { return m_bytes; }
    // bytes() decoded as UTF-8 (CLUSTER NODES, INFO and error texts are ASCII).
    QString text() const { return QString::fromUtf8(m_bytes); }
    qint64 integerValue() const { return m_integer; }
    const QList<RedisReply> &elements() const { return m_elements; }

    // "nil", "status", "error", "integer", "string", "array".
    static QString typeName(Type type);
    // A short human rendering for messages and logs, e.g. `"OK"`, `(integer) 3`, `(error) ERR …`.
    QString toDisplayString() const;

    // Deep comparison (type, bytes, integer, elements).
    friend bool operator==(const RedisReply &a, const RedisReply &b);
    friend bool operator!=(const RedisReply &a, const RedisReply &b) { return !(a == b); }

private:
    Type m_type = Type::Nil;
    QByteArray m_bytes;
    qint64 m_integer = 0;
    QList<RedisReply> m_elements;
};

} // namespace rcs
