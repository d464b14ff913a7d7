#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rcs {

struct KubeWatchEvent {
    enum class Type { Added, Modified, Deleted, Bookmark, Error };
    Type type = Type::Added;
    QJsonObject object;      // the object; for Error the Status
    QString resourceVersion; // object.metadata.resourceVersion, if any
    int errorCode = 0;       // for Error: Status.code (410 = re-list)

    bool isGone() const { return type == Type::Error && errorCode == 410; }
};

// Splits a watch response body (newline-delimited JSON events, arriving in arbitrary chunks) into
// events. Pure and allocation-bounded so it can be unit-tested and fuzzed: an event is parsed only
// once its terminating newline (or finish()) arrives; a line that is not a valid event is reported
// through error() and skipped.
class WatchStreamParser final {
public:
    // Feeding more than this without a newline is an error (a runaway or hostile peer).
    static constexpr qsizetype kMaxLineBytes = 64 * 1024 * 1024;

    void feed(const QByteArray &chunk);
    // The body ended: a final event without newline still counts.
    void finish();
    QList<KubeWatchEvent> takeEvents();

    bool hasError() const { return !m_error.isEmpty(); }
    QString error() const { return m_error; }
    void clearError() { m_error.clear(); }
    void reset();

private:
    void parseLine(const QByteArray &line);

    QByteArray m_buffer;
    QList<KubeWatchEvent> m_events;
    QString m_error;
};

} // namespace rcs

Q_DECLARE_METATYPE(rcs::KubeWatchEvent)
