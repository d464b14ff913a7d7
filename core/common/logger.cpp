#include "logger.h"

#include <cstdio>

namespace rcs {

namespace {
// Keeps memory bounded in long GUI sessions; the panel and saved logs read from here.
constexpr qsizetype kMaxEntries = 20000;
} // namespace

QString logLevelName(LogLevel level)
{
    switch (level) {
    case LogLevel::Debug:
        return QStringLiteral("debug");
    case LogLevel::Info:
        return QStringLiteral("info");
    case LogLevel::Warning:
        return QStringLiteral("warning");
    case LogLevel::Error:
        return QStringLiteral("error");
    }
    return QStringLiteral("info");
}

Logger &Logger::instance()
{
    static Logger *logger = [] {
        qRegisterMetaType<rcs::LogEntry>();
        return new Logger;
    }();
    return *logger;
}

void Logger::addSecret(const QString &secret)
{
    if (secret.size() < 4)
        return;
    QMutexLocker lock(&m_mutex);
    if (!m_secrets.contains(secret))
        m_secrets.append(secret);
}

void Logger::addSecretValue(const QByteArray &value)
{
    addSecret(QString::fromUtf8(value));
    addSecret(QString::fromLatin1(value.toBase64()));
}

QString Logger::redact(QString text) const
{
    QMutexLocker lock(&m_mutex);
    for (const QString &secret : m_secrets)
        text.replace(secret, QStringLiteral("***"));
    return text;
}

void Logger::log(LogLevel level, const QString &category, const QString &message, const QString &command)
{
    LogEntry entry{QDateTime::currentDateTime(), level, category, redact(message), redact(command)};
    bool echo = false;
    {
        QMutexLocker lock(&m_mutex);
        m_entries.append(entry);
        if (m_entries.size() > kMaxEntries)
            m_entries.remove(0, m_entries.size() - kMaxEntries);
        echo = m_echo && level >= m_echoMinimum;
    }
    if (echo) {
        QString line = entry.message;
        if (!entry.command.isEmpty())
            line += QStringLiteral("\n    $ ") + entry.command;
        std::fprintf(stderr, "%s\n", line.toLocal8Bit().constData());
    }
    Q_EMIT entryAdded(entry);
}

QList<LogEntry> Logger::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

void Logger::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
}

void Logger::setEchoToStderr(bool echo, LogLevel minimum)
{
    QMutexLocker lock(&m_mutex);
    m_echo = echo;
    m_echoMinimum = minimum;
}

bool Logger::echoes(LogLevel level) const
{
    QMutexLocker lock(&m_mutex);
    return m_echo && level >= m_echoMinimum;
}

} // namespace rcs
