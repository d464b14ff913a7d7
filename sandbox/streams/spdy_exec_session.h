#pragma once

#include "streams/stream_handler.h"

#include <QHash>
#include <QObject>
#include <QSet>

class QTimer;

namespace sandbox {

class RemoteCommand;
class SpdyConnection;

// `kubectl exec`/`attach` over SPDY/3.1 with stream protocol v4.channel.k8s.io, as kubectl ≤ 1.29 speaks
// it (client-go tools/remotecommand v2–v4, the kubelet's streaming server on the other end). The client
// opens one stream per role, named by its `streamtype` header: error, then stdin, stdout, stderr (not
// with a tty) and resize (with a tty), as the request's query announced. Once all have arrived the
// command starts; stdin data and its FIN, and JSON terminal sizes, go to the command; its output goes
// out on stdout/stderr. At the end stdout and stderr get their FIN, the error stream the Status (exit
// code included) and its FIN, and the connection closes. Owns the connection and the command, and
// deletes itself when the connection closes.
class SpdyExecSession final : public QObject {
    Q_OBJECT
public:
    SpdyExecSession(SpdyConnection *connection, const ExecRequest &request, RemoteCommand *command,
                    QObject *parent = nullptr);
    ~SpdyExecSession() override;

    // The streamtypes a client opens for this request, error first.
    static QList<QByteArray> expectedStreams(const ExecRequest &request);

private:
    void onStreamOpened(quint32 streamId, const QByteArray &type);
    void onData(quint32 streamId, const QByteArray &data);
    void startCommand();
    void finish(const QJsonObject &status);

    SpdyConnection *m_connection;
    RemoteCommand *m_command;
    QList<QByteArray> m_expected;
    QHash<QByteArray, quint32> m_streams; // streamtype → id
    QByteArray m_sizes;                   // resize stream bytes not yet a complete size
    QTimer *m_waitTimer = nullptr;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace sandbox
