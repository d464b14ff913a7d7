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

quint16 redisConfigPort(const QString &text)
{
    quint16 port = 0;
    const QStringList lines = text.split(u'\n');
    for (const QString &line : lines) {
        const QStringList words = line.simplified().split(u' ');
        if (words.size() == 2 && words.first().compare(QLatin1String("port"), Qt::CaseInsensitive) == 0) {
            bool ok = false;
            const uint value = words.last().toUInt(&ok);
            if (ok && value > 0 && value < 65536)
                port = quint16(value);
        }
    }
    return port;
}

} // namespace sandbox
