#include "runtime/redis_config_rewriter.h"

#include "runtime/pod_context.h"

#include <QStringList>

namespace sandbox {

namespace {

QString mapToken(const QString &token, const PodContext &context)
{
    for (const QChar quote : {u'"', u'\''}) {
        if (token.size() >= 2 && token.startsWith(quote) && token.endsWith(quote))
            return quote + context.mapPath(token.mid(1, token.size() - 2)) + quote;
    }
    return token.startsWith(u'/') ? context.mapPath(token) : token;
}

} // namespace

QString rewriteRedisConfig(const QString &text, const PodContext &context)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        // Split on whitespace but keep the separators, so untouched lines stay byte-identical.
        QString rewritten;
        QString token;
        for (const QChar c : line) {
            if (c.isSpace()) {
                rewritten += mapToken(token, context);
                token.clear();
                rewritten += c;
            } else {
                token += c;
            }
        }
        rewritten += mapToken(token, context);
        line = rewritten;
    }
    return lines.join(u'\n');
}

std::optional<quint16> redisConfigPortDirective(const QString &text, const QString &directive)
{
    std::optional<quint16> port;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        const QStringList words = line.simplified().split(u' ');
        if (words.size() == 2 && words.first().compare(directive, Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const uint value = words.last().toUInt(&ok);
            if (ok && value < 65536)
                port = quint16(value);
        }
    }
    return port;
}

quint16 redisConfigPort(const QString &text)
{
    return redisConfigPortDirective(text, QStringLiteral("port")).value_or(0);
}

} // namespace sandbox
