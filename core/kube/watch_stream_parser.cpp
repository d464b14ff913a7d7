#include "watch_stream_parser.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::WatchStreamParser)
};
} // namespace

void WatchStreamParser::feed(const QByteArray &chunk)
{
    m_buffer += chunk;
    qsizetype start = 0;
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        parseLine(m_buffer.mid(start, newline - start));
        start = newline + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > kMaxLineBytes) {
        m_error = Text::tr("A watch event exceeded %1 MiB without a line end; the stream was dropped.")
                      .arg(kMaxLineBytes / (1024 * 1024));
        m_buffer.clear();
    }
}

void WatchStreamParser::finish()
{
    const QByteArray rest = std::exchange(m_buffer, {});
    parseLine(rest);
}

QList<KubeWatchEvent> WatchStreamParser::takeEvents()
{
    return std::exchange(m_events, {});
}

void WatchStreamParser::reset()
{
    m_buffer.clear();
    m_events.clear();
    m_error.clear();
}

void WatchStreamParser::parseLine(const QByteArray &line)
{
    const QByteArray trimmed = line.trimmed();
    if (trimmed.isEmpty())
        return;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        m_error = Text::tr("A watch event is not valid JSON (%1): %2")
                      .arg(parseError.errorString(), QString::fromUtf8(trimmed.left(120)));
        return;
    }
    const QJsonObject root = document.object();
    const QString type = root.value(QStringLiteral("type")).toString();
    KubeWatchEvent event;
    if (type == QLatin1String("ADDED"))
        event.type = KubeWatchEvent::Type::Added;
    else if (type == QLatin1String("MODIFIED"))
        event.type = KubeWatchEvent::Type::Modified;
    else if (type == QLatin1String("DELETED"))
        event.type = KubeWatchEvent::Type::Deleted;
    else if (type == QLatin1String("BOOKMARK"))
        event.type = KubeWatchEvent::Type::Bookmark;
    else if (type == QLatin1String("ERROR"))
        event.type = KubeWatchEvent::Type::Error;
    else {
        m_error = Text::tr("A watch event has the unknown type \"%1\".").arg(type);
        return;
    }
    event.object = root.value(QStringLiteral("object")).toObject();
    event.resourceVersion = event.object.value(QStringLiteral("metadata"))
                                .toObject()
                                .value(QStringLiteral("resourceVersion"))
                                .toString();
    if (event.type == KubeWatchEvent::Type::Error)
        event.errorCode = event.object.value(QStringLiteral("code")).toInt();
    m_events.append(event);
}

} // namespace rcs
