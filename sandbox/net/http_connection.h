#pragma once

#include "net/http_message.h"

#include <QByteArray>
#include <QObject>

class QSslSocket;

namespace sandbox {

class HttpConnection;

// Receives complete requests from a connection. handleRequest() must answer exactly once, either with
// respond() or with a stream (startStream … finishStream); takeSocket() hands an upgrade over instead.
class HttpRequestHandler {
public:
    virtual ~HttpRequestHandler() = default;
    virtual void handleRequest(const HttpRequest &request, HttpConnection *connection) = 0;
    // Called with the head of an Upgrade request before its bytes are consumed, so that the socket
    // can be handed to a WebSocket server that reads the handshake itself. Return false to have the
    // request handled like any other.
    virtual bool handleUpgrade(const HttpRequest &request, HttpConnection *connection) = 0;
};

// One keep-alive HTTP/1.1 connection over TLS: reads requests (Content-Length or chunked bodies),
// answers them in order, and supports chunked streaming answers for watches.
class HttpConnection final : public QObject {
    Q_OBJECT
public:
    HttpConnection(QSslSocket *socket, HttpRequestHandler *handler, bool verbose, QObject *parent = nullptr);
    ~HttpConnection() override;

    void respond(const HttpResponse &response);
    void startStream(int status, const QList<QPair<QByteArray, QByteArray>> &headers);
    void writeChunk(const QByteArray &data);
    void finishStream();
    // Closes the connection in the middle of a streaming answer (no final chunk), as a dying API server
    // or load balancer does; used by fault injection.
    void abortStream() { close(); }
    bool isOpen() const;
    // Set by the server once TLS is up: the peer presented a certificate signed by the sandbox CA.
    void setClientCertificateTrusted(bool trusted) { m_clientCertificateTrusted = trusted; }

    // Gives up the socket (for a WebSocket upgrade whose head is still unread) and deletes this
    // connection later. The caller owns the socket afterwards.
    QSslSocket *takeSocket();

Q_SIGNALS:
    void closed();

private:
    void onReadyRead();
    void processBuffer();
    void close();

    QSslSocket *m_socket = nullptr;
    HttpRequestHandler *m_handler = nullptr;
    bool m_verbose = false;
    bool m_clientCertificateTrusted = false;
    QByteArray m_buffer;
    std::optional<HttpRequest> m_pending; // head parsed, body still arriving
    bool m_busy = false;                  // a request is being answered (e.g. a watch stream)
    bool m_closeAfterResponse = false;
};

} // namespace sandbox
