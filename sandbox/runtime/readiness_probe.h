#pragma once

#include "runtime/container_command.h"
#include "runtime/pod_context.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QProcess;
class QTcpSocket;
class QTimer;

namespace sandbox {

// One readiness check of a container, run asynchronously: the readinessProbe's exec command (in the
// pod's context), tcpSocket/httpGet (a TCP connect to the pod IP), or — without a probe — a PING for
// redis-server (a TCP connect for a TLS-only one) and "running" for anything else. Every check ends with
// finished() within its timeout.
class ReadinessProbe final : public QObject {
    Q_OBJECT
public:
    ReadinessProbe(const QJsonObject &probe, const QJsonObject &container, const PodContext &context,
                   const RedisTools &tools, bool isRedisServer, QObject *parent = nullptr);
    ~ReadinessProbe() override;

    void check();
    bool isRunning() const { return m_running; }

    // Probe timing, compressed so that tests and workflows do not wait for production timings:
    // initial delay at most 1 s, a period of 0.5 s until the first success and at most 2 s after.
    int initialDelayMs() const;
    int periodMs(bool wasReady) const;
    int failureThreshold() const;

Q_SIGNALS:
    void finished(bool ok, const QString &message);

private:
    void finish(bool ok, const QString &message);
    void checkExec(const QStringList &command);
    void checkTcp(quint16 port, bool sendPing);
    quint16 resolvePort(const QJsonValue &port) const;

    QJsonObject m_probe;
    QJsonObject m_container;
    PodContext m_context;
    RedisTools m_tools;
    bool m_isRedisServer = false;
    bool m_running = false;
    QTimer *m_timeout = nullptr;
    QPointer<QProcess> m_process;
    QPointer<QTcpSocket> m_socket;
};

} // namespace sandbox
