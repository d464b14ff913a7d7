#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace sandbox {

// What a watch fault does in place of the stream's next event (after `afterEvents` events went out).
enum class WatchFault {
    None,
    Drop,     // the connection closes without the final chunk, as when a load balancer or node dies
    Truncate, // half of the event is sent, then the connection closes: a torn JSON line
    Expire,   // an ERROR event with a 410 Expired Status, then a clean end (history compacted)
};

// Test hook (POST /sandbox/faults): make the next `count` requests of a verb on a resource fail with
// a status (and Retry-After), answer only after delayMs, or (for watches) break the stream after some
// events, to exercise a client's retries, timeouts and watch resumption. Empty verb or resource match
// everything; a watch fault only matches watch requests.
struct FaultRule {
    QString verb;     // get, list, watch, create, update, patch, delete, deletecollection
    QString resource; // plural, e.g. "pods"; "pods/scale" style for subresources
    int status = 0;   // 0: no failure, only the delay
    int count = 1;    // how many requests; -1 = until cleared
    int retryAfter = 0;
    int delayMs = 0;
    WatchFault watch = WatchFault::None; // JSON "watch": "drop" | "truncate" | "expire"
    int afterEvents = 0;                 // events the stream delivers before the watch fault

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
