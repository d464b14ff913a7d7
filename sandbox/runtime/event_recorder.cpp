#include "runtime/event_recorder.h"

#include "store/object_store.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSet>

namespace sandbox {

namespace {

const QString kEvents = QStringLiteral("events");
constexpr qint64 kTtlSeconds = 3600;
constexpr qint64 kRepeatIntervalMs = 10000;

QJsonObject metadataOf(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata")).toObject();
}

} // namespace

void EventRecorder::record(const QJsonObject &involved, Type type, const QString &reason,
                           const QString &message, const QString &component, const QString &host,
                           const QString &fieldPath)
{
    const QJsonObject metadata = metadataOf(involved);
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    const QString uid = metadata.value(QLatin1String("uid")).toString();
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    const QString key = uid + u'|' + reason + u'|' + message;

    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (nowMs - m_lastWritten.value(key, 0) < kRepeatIntervalMs)
        return;
    m_lastWritten.insert(key, nowMs);
    if (const auto name = m_names.constFind(key); name != m_names.constEnd()) {
        if (auto existing = m_store.get(kEvents, ns, *name)) {
            existing->insert(QStringLiteral("count"), existing->value(QLatin1String("count")).toInt(1) + 1);
            existing->insert(QStringLiteral("lastTimestamp"), now);
            m_store.update(kEvents, *existing, false);
            return;
        }
    }
    const QString name = metadata.value(QLatin1String("name")).toString() + u'.' +
                         QString::number(QRandomGenerator::global()->generate64(), 16);
    QJsonObject reference{{QStringLiteral("apiVersion"), involved.value(QLatin1String("apiVersion"))},
                          {QStringLiteral("kind"), involved.value(QLatin1String("kind"))},
                          {QStringLiteral("name"), metadata.value(QLatin1String("name"))},
                          {QStringLiteral("namespace"), ns},
                          {QStringLiteral("uid"), uid}};
    if (!fieldPath.isEmpty())
        reference.insert(QStringLiteral("fieldPath"), fieldPath);
    QJsonObject source{{QStringLiteral("component"), component}};
    if (!host.isEmpty())
        source.insert(QStringLiteral("host"), host);
    const QJsonObject event{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("Event")},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("namespace"), ns}}},
        {QStringLiteral("involvedObject"), reference},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("message"), message},
        {QStringLiteral("type"),
         type == Type::Warning ? QStringLiteral("Warning") : QStringLiteral("Normal")},
        {QStringLiteral("source"), source},
        {QStringLiteral("reportingComponent"), component},
        {QStringLiteral("reportingInstance"), host.isEmpty() ? component : host},
        {QStringLiteral("firstTimestamp"), now},
        {QStringLiteral("lastTimestamp"), now},
        {QStringLiteral("eventTime"), QJsonValue::Null},
        {QStringLiteral("count"), 1},
    };
    if (m_store.create(kEvents, event).ok())
        m_names.insert(key, name);
}

void EventRecorder::expireOld()
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-kTtlSeconds);
    for (const QJsonObject &event : m_store.list(kEvents, {})) {
        const QDateTime last =
            QDateTime::fromString(event.value(QLatin1String("lastTimestamp")).toString(), Qt::ISODate);
        if (last.isValid() && last < cutoff) {
            const QJsonObject metadata = metadataOf(event);
            m_store.remove(kEvents, metadata.value(QLatin1String("namespace")).toString(),
                           metadata.value(QLatin1String("name")).toString());
        }
    }
    QSet<QString> remaining;
    for (const QJsonObject &event : m_store.list(kEvents, {}))
        remaining.insert(metadataOf(event).value(QLatin1String("name")).toString());
    for (auto it = m_names.begin(); it != m_names.end();) {
        if (remaining.contains(it.value())) {
            ++it;
        } else {
            m_lastWritten.remove(it.key());
            it = m_names.erase(it);
        }
    }
}

} // namespace sandbox
