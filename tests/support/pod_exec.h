#pragma once

#include "common/job.h"

#include <QPointer>
#include <QStringList>

class QWebSocket;

namespace rcs {
class KubeClient;
}

namespace rcs::test {

// Test support (the product runs nothing in pods): runs a command in a pod over the exec WebSocket
// (v5.channel.k8s.io, falling back to v4; reference §7.2), like `kubectl exec POD -- COMMAND`: optional stdin
// (closed after it is sent), stdout and stderr collected, exit code from the final Status.
//
// Error behaviour: the job fails when the WebSocket cannot be opened (with the server's answer), or
// the server reports a failure that is not a non-zero exit; a command that ran and exited non-zero
// succeeds with exitCode() set, so callers decide what a non-zero exit means.
class PodExec final : public Job {
    Q_OBJECT
public:
    PodExec(KubeClient *client, QString ns, QString pod, QStringList command, QString container = {},
            QObject *parent = nullptr);
    ~PodExec() override;

    void setStdin(const QByteArray &input)
    {
        m_stdin = input;
        m_hasStdin = true;
    }

    QByteArray standardOutput() const { return m_stdout; }
    QByteArray standardError() const { return m_stderr; }
    int exitCode() const { return m_exitCode; }

protected:
    void doStart() override;
    void doCancel() override;

private:
    void opened();
    void message(const QByteArray &data);
    void closed();

    QPointer<KubeClient> m_client;
    QString m_ns;
    QString m_pod;
    QStringList m_command;
    QString m_container;
    QByteArray m_stdin;
    bool m_hasStdin = false;
    QWebSocket *m_socket = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    int m_exitCode = -1;
    bool m_statusSeen = false;
    bool m_opened = false;
};

} // namespace rcs::test
