#include "reply_format.h"

#include "redis/redis_reply.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringDecoder>

namespace rcs {

namespace {
QString escapedBytes(const QByteArray &bytes)
{
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        switch (byte) {
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\a':
            out += QLatin1String("\\a");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        default:
            if (byte >= 0x20 && byte < 0x7f)
                out += QLatin1Char(c);
            else
                out += QStringLiteral("\\x%1").arg(byte, 2, 16, QLatin1Char('0'));
        }
    }
    return out;
}

void formatInto(QString &out, const RedisReply &reply, const QString &prefix)
{
    switch (reply.type()) {
    case RedisReply::Type::Nil:
        out += QLatin1String("(nil)\n");
        return;
    case RedisReply::Type::Status:
        out += reply.text() + QLatin1Char('\n');
        return;
    case RedisReply::Type::Error:
        out += QLatin1String("(error) ") + reply.text() + QLatin1Char('\n');
        return;
    case RedisReply::Type::Integer:
        out += QLatin1String("(integer) ") + QString::number(reply.integerValue()) + QLatin1Char('\n');
        return;
    case RedisReply::Type::String:
        out += quoteBytesCli(reply.bytes()) + QLatin1Char('\n');
        return;
    case RedisReply::Type::Array:
        break;
    }
    const QList<RedisReply> &elements = reply.elements();
    if (elements.isEmpty()) {
        out += QLatin1String("(empty array)\n");
        return;
    }
    const int width = static_cast<int>(QString::number(elements.size()).size());
    // Nested arrays line up under the first character after "N) ", as in redis-cli.
    const QString nested = prefix + QString(width + 2, QLatin1Char(' '));
    for (qsizetype i = 0; i < elements.size(); ++i) {
        // The first element follows its parent's own "N) " on the same line.
        if (i > 0)
            out += prefix;
        out += QStringLiteral("%1) ").arg(i + 1, width);
        formatInto(out, elements.at(i), nested);
    }
}

bool isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString decoded = decoder(bytes);
    return !decoder.hasError();
}
} // namespace

QString quoteBytesCli(const QByteArray &bytes)
{
    return QLatin1Char('"') + escapedBytes(bytes) + QLatin1Char('"');
}

QString formatReplyCli(const RedisReply &reply)
{
    QString out;
    formatInto(out, reply, QString());
    return out;
}

QJsonValue replyToJson(const RedisReply &reply)
{
    switch (reply.type()) {
    case RedisReply::Type::Nil:
        return QJsonValue(QJsonValue::Null);
    case RedisReply::Type::Status:
        return reply.text();
    case RedisReply::Type::Error:
        return QJsonObject{{QStringLiteral("error"), reply.text()}};
    case RedisReply::Type::Integer:
        return QJsonValue(reply.integerValue());
    case RedisReply::Type::String:
        return isUtf8(reply.bytes()) ? reply.text() : escapedBytes(reply.bytes());
    case RedisReply::Type::Array: {
        QJsonArray array;
        for (const RedisReply &element : reply.elements())
            array.append(replyToJson(element));
        return array;
    }
    }
    return {};
}

} // namespace rcs
