#include "slow_log.h"

#include "redis/redis_reply.h"

#include <QCoreApplication>

#include <algorithm>

namespace rcs::observe {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::observe::SlowLog)
};

const QByteArray Redacted = QByteArrayLiteral("(redacted)");

bool is(const QByteArray &argument, const char *name)
{
    return argument.compare(name, Qt::CaseInsensitive) == 0;
}

Error shapeError(const char *command)
{
    return Error(ErrorCode::Protocol,
                 Text::tr("The reply of %1 does not have the documented shape; the node may run a server "
                          "this version of the studio does not know.")
                     .arg(QLatin1String(command)));
}

void redactFrom(QList<QByteArray> &arguments, qsizetype from)
{
    for (qsizetype i = from; i < arguments.size(); ++i)
        arguments[i] = Redacted;
}

QString argumentText(const QByteArray &argument, int maxChars)
{
    QString text = QString::fromUtf8(argument);
    if (text.contains(QChar::ReplacementCharacter))
        text = QString::fromLatin1(argument.toPercentEncoding(" !\"#$&'()*+,-./:;<=>?@[]^_`{|}~"));
    if (text.size() > maxChars)
        text = text.left(maxChars) + QStringLiteral("…");
    if (text.isEmpty() || text.contains(QLatin1Char(' ')))
        text = QLatin1Char('"') + text + QLatin1Char('"');
    return text;
}
} // namespace

QList<QByteArray> redactArguments(const QList<QByteArray> &arguments)
{
    QList<QByteArray> out = arguments;
    if (out.isEmpty())
        return out;
    const QByteArray &name = out.first();
    if (is(name, "AUTH")) {
        redactFrom(out, 1);
    } else if (is(name, "HELLO")) {
        for (qsizetype i = 1; i < out.size(); ++i) {
            if (is(out.at(i), "AUTH")) {
                // AUTH user password: both hidden, and whatever follows (SETNAME is harmless, but a
                // cut log may have shifted the arguments).
                redactFrom(out, i + 1);
                break;
            }
        }
    } else if (is(name, "MIGRATE")) {
        for (qsizetype i = 1; i < out.size(); ++i) {
            if (is(out.at(i), "AUTH")) {
                if (i + 1 < out.size())
                    out[i + 1] = Redacted;
            } else if (is(out.at(i), "AUTH2")) {
                for (qsizetype j = i + 1; j < std::min(out.size(), i + 3); ++j)
                    out[j] = Redacted;
            }
        }
    } else if (is(name, "ACL") && out.size() > 1 && is(out.at(1), "SETUSER")) {
        redactFrom(out, 3);
    } else if (is(name, "CONFIG") && out.size() > 1 && is(out.at(1), "SET")) {
        // CONFIG SET name value [name value …] (7.0 takes several pairs).
        for (qsizetype i = 2; i + 1 < out.size(); i += 2) {
            if (is(out.at(i), "requirepass") || is(out.at(i), "masterauth") || is(out.at(i), "masteruser") ||
                is(out.at(i), "tls-key-file-pass") || is(out.at(i), "tls-client-key-file-pass"))
                out[i + 1] = Redacted;
        }
    }
    return out;
}

QString displayCommand(const QList<QByteArray> &arguments, int maxArguments, int maxArgumentChars)
{
    const QList<QByteArray> shown = redactArguments(arguments);
    QStringList parts;
    for (qsizetype i = 0; i < shown.size() && i < maxArguments; ++i)
        parts.append(argumentText(shown.at(i), maxArgumentChars));
    if (shown.size() > maxArguments)
        parts.append(Text::tr("… (%1 more)").arg(shown.size() - maxArguments));
    return parts.join(QLatin1Char(' '));
}

Result<QList<SlowLogEntry>> parseSlowLog(const RedisReply &reply)
{
    if (!reply.isArray())
        return shapeError("SLOWLOG GET");
    QList<SlowLogEntry> entries;
    for (const RedisReply &item : reply.elements()) {
        const QList<RedisReply> &f = item.elements();
        if (!item.isArray() || f.size() < 4 || !f.at(0).isInteger() || !f.at(1).isInteger() ||
            !f.at(2).isInteger() || !f.at(3).isArray())
            return shapeError("SLOWLOG GET");
        SlowLogEntry entry;
        entry.id = f.at(0).integerValue();
        entry.timeUnix = f.at(1).integerValue();
        entry.durationUs = f.at(2).integerValue();
        for (const RedisReply &argument : f.at(3).elements())
            entry.arguments.append(argument.bytes());
        if (f.size() >= 6) {
            entry.client = f.at(4).text();
            entry.clientName = f.at(5).text();
        }
        entries.append(std::move(entry));
    }
    return entries;
}

Result<QList<LatencyEvent>> parseLatencyLatest(const RedisReply &reply)
{
    if (!reply.isArray())
        return shapeError("LATENCY LATEST");
    QList<LatencyEvent> events;
    for (const RedisReply &item : reply.elements()) {
        const QList<RedisReply> &f = item.elements();
        if (!item.isArray() || f.size() < 4 || !f.at(1).isInteger() || !f.at(2).isInteger() ||
            !f.at(3).isInteger())
            return shapeError("LATENCY LATEST");
        events.append(
            {f.at(0).text(), f.at(1).integerValue(), f.at(2).integerValue(), f.at(3).integerValue()});
    }
    return events;
}

QList<SlowLogRow> mergeSlowLogRows(QList<SlowLogRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const SlowLogRow &a, const SlowLogRow &b) {
        if (a.timeUnix != b.timeUnix)
            return a.timeUnix > b.timeUnix;
        if (a.node != b.node)
            return a.node.toString() < b.node.toString();
        return a.durationUs > b.durationUs;
    });
    return rows;
}

} // namespace rcs::observe
