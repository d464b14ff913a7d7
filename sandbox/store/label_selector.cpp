#include "store/label_selector.h"

#include <QJsonArray>

namespace sandbox {

namespace {

bool expressionMatches(const QJsonObject &expression, const QJsonObject &labels)
{
    const QString key = expression.value(QLatin1String("key")).toString();
    const QString op = expression.value(QLatin1String("operator")).toString();
    const QJsonArray values = expression.value(QLatin1String("values")).toArray();
    const bool has = labels.contains(key);
    const QJsonValue value = labels.value(key);
    if (op == QLatin1String("In"))
        return has && values.contains(value);
    if (op == QLatin1String("NotIn"))
        return !has || !values.contains(value);
    if (op == QLatin1String("Exists"))
        return has;
    if (op == QLatin1String("DoesNotExist"))
        return !has;
    return false; // an unknown operator selects nothing, like the API's validation would refuse it
}

} // namespace

bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels)
{
    const QJsonObject matchLabels = selector.value(QLatin1String("matchLabels")).toObject();
    for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it) {
        if (labels.value(it.key()) != it.value())
            return false;
    }
    const QJsonArray expressions = selector.value(QLatin1String("matchExpressions")).toArray();
    for (const QJsonValue &expression : expressions) {
        if (!expressionMatches(expression.toObject(), labels))
            return false;
    }
    return true;
}

QJsonObject selectorMatchLabels(const QJsonObject &selector)
{
    return selector.value(QLatin1String("matchLabels")).toObject();
}

} // namespace sandbox
