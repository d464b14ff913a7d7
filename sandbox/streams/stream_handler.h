#pragma once

// CONTRACT: the API server accepts the WebSocket upgrade for pods/exec and pods/portforward (it has
// checked authentication, that the pod exists, and negotiated the subprotocol), then hands the open
// socket to the runtime through this interface. The handler owns the socket from then on.

#include <QJsonObject>
#include <QList>
#include <QStringList>

class QWebSocket;

namespace sandbox {

struct ExecRequest {
    QJsonObject pod;     // the Pod object as stored
    QString container;   // may be empty: the first container
    QStringList command; // the repeated command= parameters
    bool stdinEnabled = false;
    bool stdoutEnabled = true;
    bool stderrEnabled = true;
    bool tty = false;
    QString subprotocol; // "v5.channel.k8s.io" or "v4.channel.k8s.io"
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
    virtual void handlePortForward(QWebSocket *socket, const PortForwardRequest &request) = 0;
};

} // namespace sandbox
