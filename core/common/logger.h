#pragma once

#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>

namespace rcs {

enum class LogLevel { Debug, Info, Warning, Error };

QString logLevelName(LogLevel level);

struct LogEntry {
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString category; // "kube", "redis", "workflow", "ui", "sandbox"
    QString message;
    QString command; // the kubectl / redis-cli line a person would have typed, or empty
};

// The user-visible log. Every entry passes through redact() first, so a secret registered with
// addSecret() never reaches the log panel, a saved log or stderr. Thread-safe; entryAdded is emitted
// from the calling thread (connect with a queued connection across threads).
class Logger final : public QObject {
    Q_OBJECT
public:
    static Logger &instance();

    void log(LogLevel level, const QString &category, const QString &message, const QString &command = {});
    void info(const QString &category, const QString &message, const QString &command = {})
    {
        log(LogLevel::Info, category, message, command);
    }
    void warning(const QString &category, const QString &message)
    {
        log(LogLevel::Warning, category, message);
    }
    void error(const QString &category, const QString &message) { log(LogLevel::Error, category, message); }
    // Records an action that changes something, with the equivalent command line.
    void command(const QString &category, const QString &message, const QString &commandLine)
    {
        log(LogLevel::Info, category, message, commandLine);
    }

    // Secrets shorter than 4 characters are ignored: redacting them would mangle ordinary text.
    void addSecret(const QString &secret);
    // A secret as it is held (a password, a PEM key) and as a Kubernetes Secret's data carries it
    // (base64): both forms are redacted.
    void addSecretValue(const QByteArray &value);
    QString redact(QString text) const;

    QList<LogEntry> entries() const;
    void clear();
    // When set, entries at or above the level are also written to stderr (headless commands).
    void setEchoToStderr(bool echo, LogLevel minimum = LogLevel::Info);
    // True when entries of this level are written to stderr (another printer then leaves them out).
    bool echoes(LogLevel level) const;

Q_SIGNALS:
    void entryAdded(const rcs::LogEntry &entry);

private:
    Logger() = default;
    mutable QMutex m_mutex;
    QList<LogEntry> m_entries;
    QStringList m_secrets;
    bool m_echo = false;
    LogLevel m_echoMinimum = LogLevel::Info;
};

} // namespace rcs

Q_DECLARE_METATYPE(rcs::LogEntry)
