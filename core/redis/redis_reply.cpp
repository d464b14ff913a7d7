#include "redis_reply.h"

#include <hiredis/hiredis.h>

namespace rcs {

RedisReply RedisReply::status(QByteArray text)
{
    RedisReply reply;
    reply.m_type = Type::Status;
    reply.m_bytes = std::move(text);
    return reply;
}

RedisReply RedisReply::error(QByteArray text)
{
    RedisReply reply;
    reply.m_type = Type::Error;
    reply.m_bytes = std::move(text);
    return reply;
}

RedisReply RedisReply::integer(qint64 value)
{
    RedisReply reply;
    reply.m_type = Type::Integer;
    reply.m_integer = value;
    return reply;
}

RedisReply RedisReply::string(QByteArray bytes)
{
    RedisReply reply;
    reply.m_type = Type::String;
    reply.m_bytes = std::move(bytes);
    return reply;
}

RedisReply RedisReply::array(QList<RedisReply> elements)
{
    RedisReply reply;
    reply.m_type = Type::Array;
    reply.m_elements = std::move(elements);
    return reply;
}

RedisReply RedisReply::fromHiredis(const ::redisReply *reply)
{
    if (!reply)
        return nil();
    const auto bytesOf = [reply] { return QByteArray(reply->str, static_cast<qsizetype>(reply->len)); };
    switch (reply->type) {
    case REDIS_REPLY_NIL:
        return nil();
    case REDIS_REPLY_STATUS:
        return status(bytesOf());
    case REDIS_REPLY_ERROR:
        return error(bytesOf());
    case REDIS_REPLY_INTEGER:
        return integer(reply->integer);
    case REDIS_REPLY_STRING:
        return string(bytesOf());
    case REDIS_REPLY_ARRAY: {
        QList<RedisReply> elements;
        elements.reserve(static_cast<qsizetype>(reply->elements));
        for (size_t i = 0; i < reply->elements; ++i)
            elements.append(fromHiredis(reply->element[i]));
        return array(std::move(elements));
    }
    default:
        return error("ERR unsupported reply type " + QByteArray::number(reply->type));
    }
}

bool operator==(const RedisReply &a, const RedisReply &b)
{
    if (a.m_type != b.m_type || a.m_bytes != b.m_bytes || a.m_integer != b.m_integer ||
        a.m_elements.size() != b.m_elements.size())
        return false;
    // QList's operator== cannot be instantiated for the type that contains it, so compare by hand.
    for (qsizetype i = 0; i < a.m_elements.size(); ++i) {
        if (!(a.m_elements.at(i) == b.m_elements.at(i)))
            return false;
    }
    return true;
}

QString RedisReply::typeName(Type type)
{
    switch (type) {
    case Type::Nil:
        return QStringLiteral("nil");
    case Type::Status:
        return QStringLiteral("status");
    case Type::Error:
        return QStringLiteral("error");
    case Type::Integer:
        return QStringLiteral("integer");
    case Type::String:
        return QStringLiteral("string");
    case Type::Array:
        return QStringLiteral("array");
    }
    return QStringLiteral("unknown");
}

QString RedisReply::toDisplayString() const
{
    switch (m_type) {
    case Type::Nil:
        return QStringLiteral("(nil)");
    case Type::Status:
        return text();
    case Type::Error:
        return QStringLiteral("(error) ") + text();
    case Type::Integer:
        return QStringLiteral("(integer) ") + QString::number(m_integer);
    case Type::String:
        return QLatin1Char('"') + text() + QLatin1Char('"');
    case Type::Array: {
        QStringList parts;
        for (const RedisReply &element : m_elements)
            parts.append(element.toDisplayString());
        return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
    }
    }
    return {};
}

} // namespace rcs
