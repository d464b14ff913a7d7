#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sandbox {

// Test hook (POST /sandbox/faults): make the next `count` requests of a verb on a resource fail with
// a status (and Retry-After), or answer only after delayMs, to exercise a client's retries and
// timeouts. Empty verb or resource match everything.
struct FaultRule {
    QString verb;     // get, list, watch, create, update, patch, delete, deletecollection
    QString resource; // plural, e.g. "pods"; "pods/scale" style for subresources
    int status = 0;   // 0: no failure, only the delay
    int count = 1;    // how many requests; -1 = until cleared
    int retryAfter = 0;
    int delayMs = 0;

    static std::optional<FaultRule> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
};

class FaultInjector final {
public:
    void add(const FaultRule &rule) { m_rules.append(rule); }
    void clear() { m_rules.clear(); }
    QJsonArray toJson() const;
    // The first matching rule, consuming one of its uses.
    std::optional<FaultRule> take(const QString &verb, const QString &resource);

private:
    QList<FaultRule> m_rules;
};

} // namespace sandbox
