#pragma once

// CONTRACT: the API server accepts the upgrade for pods/exec, pods/attach and pods/portforward (it has
// checked authentication, that the pod exists, and negotiated the protocol), then hands the open
// carrier to the runtime through this interface: a WebSocket (channel protocols, or the SPDY/3.1
// port-forward tunnel), or a SpdyConnection for a raw `Upgrade: SPDY/3.1`. The handler owns it from
// then on.

#include <QJsonObject>
#include <QList>
#include <QStringList>

class QWebSocket;

namespace sandbox {

class SpdyConnection;

// pods/exec, and pods/attach (attach = true: no command, the container's own streams).
struct ExecRequest {
    QJsonObject pod;     // the Pod object as stored
    QString container;   // may be empty: the first container
    QStringList command; // the repeated command= parameters
    bool stdinEnabled = false;
    bool stdoutEnabled = true;
    bool stderrEnabled = true;
    bool tty = false;
    bool attach = false;
    QString subprotocol; // "v5.channel.k8s.io" or "v4.channel.k8s.io"; over raw SPDY the stream protocol
};

struct PortForwardRequest {
    QJsonObject pod;
    QList<quint16> ports; // from ports=; empty for the SPDY tunnel
    QString subprotocol;  // "v4.channel.k8s.io", "v4.base64.channel.k8s.io", or "SPDY/3.1+portforward.k8s.io"
};

class StreamHandler {
public:
    virtual ~StreamHandler() = default;
    virtual void handleExec(QWebSocket *socket, const ExecRequest &request) = 0;
    virtual void handleExec(SpdyConnection *connection, const ExecRequest &request) = 0;
    virtual void handlePortForward(QWebSocket *socket, const PortForwardRequest &request) = 0;
    virtual void handlePortForward(SpdyConnection *connection, const PortForwardRequest &request) = 0;
};

} // namespace sandbox
