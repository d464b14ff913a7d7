#include "api/fault_injector.h"

namespace sandbox {

namespace {

const QList<std::pair<WatchFault, QLatin1String>> kWatchFaultNames{
    {WatchFault::Drop, QLatin1String("drop")},
    {WatchFault::Truncate, QLatin1String("truncate")},
    {WatchFault::Expire, QLatin1String("expire")}};

QString watchFaultName(WatchFault fault)
{
    for (const auto &[value, name] : kWatchFaultNames) {
        if (value == fault)
            return name;
    }
    return {};
}

} // namespace

std::optional<FaultRule> FaultRule::fromJson(const QJsonObject &json, QString *error)
{
    FaultRule rule;
    rule.verb = json.value(QLatin1String("verb")).toString();
    rule.resource = json.value(QLatin1String("resource")).toString();
    rule.status = json.value(QLatin1String("status")).toInt();
    rule.count = json.value(QLatin1String("count")).toInt(1);
    rule.retryAfter = json.value(QLatin1String("retryAfter")).toInt();
    rule.delayMs = json.value(QLatin1String("delayMs")).toInt();
    rule.afterEvents = json.value(QLatin1String("afterEvents")).toInt();
    if (const QString watch = json.value(QLatin1String("watch")).toString(); !watch.isEmpty()) {
        for (const auto &[value, name] : kWatchFaultNames) {
            if (watch == name)
                rule.watch = value;
        }
        if (rule.watch == WatchFault::None) {
            *error =
                QStringLiteral("watch must be \"drop\", \"truncate\" or \"expire\", not \"%1\"").arg(watch);
            return std::nullopt;
        }
        if (rule.verb.isEmpty())
            rule.verb = QStringLiteral("watch");
        if (rule.verb != u"watch" || rule.status != 0) {
            *error = QStringLiteral("a watch fault applies to the verb \"watch\" and takes no status");
            return std::nullopt;
        }
        if (rule.afterEvents < 0) {
            *error = QStringLiteral("afterEvents must be 0 or more");
            return std::nullopt;
        }
    }
    if (rule.status != 0 && (rule.status < 400 || rule.status > 599)) {
        *error =
            QStringLiteral("status must be an HTTP error code between 400 and 599, or 0 for a delay only");
        return std::nullopt;
    }
    if (rule.status == 0 && rule.delayMs <= 0 && rule.watch == WatchFault::None) {
        *error = QStringLiteral("a fault needs a status, a delayMs, a watch action, or a combination");
        return std::nullopt;
    }
    if (rule.count == 0 || rule.count < -1) {
        *error = QStringLiteral("count must be positive, or -1 for until cleared");
        return std::nullopt;
    }
    return rule;
}

QJsonObject FaultRule::toJson() const
{
    return QJsonObject{{QStringLiteral("verb"), verb},
                       {QStringLiteral("resource"), resource},
                       {QStringLiteral("status"), status},
                       {QStringLiteral("count"), count},
                       {QStringLiteral("retryAfter"), retryAfter},
                       {QStringLiteral("delayMs"), delayMs},
                       {QStringLiteral("watch"), watchFaultName(watch)},
                       {QStringLiteral("afterEvents"), afterEvents}};
}

QJsonArray FaultInjector::toJson() const
{
    QJsonArray out;
    for (const FaultRule &rule : m_rules)
        out.append(rule.toJson());
    return out;
}

std::optional<FaultRule> FaultInjector::take(const QString &verb, const QString &resource)
{
    for (qsizetype i = 0; i < m_rules.size(); ++i) {
        FaultRule &rule = m_rules[i];
        if ((!rule.verb.isEmpty() && rule.verb != verb) ||
            (!rule.resource.isEmpty() && rule.resource != resource))
            continue;
        const FaultRule hit = rule;
        if (rule.count > 0 && --rule.count == 0)
            m_rules.removeAt(i);
        return hit;
    }
    return std::nullopt;
}

} // namespace sandbox
