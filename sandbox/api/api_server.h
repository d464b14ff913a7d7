#pragma once

#include "common/result.h"

#include <QHostAddress>
#include <QObject>

class QSslServer;

namespace sandbox {

class ApiHandler;
class Credentials;

// The HTTPS listener: TLS with the sandbox's server certificate (client certificates are requested
// but optional), one HttpConnection per accepted socket, requests served by the ApiHandler.
class ApiServer final : public QObject {
    Q_OBJECT
public:
    ApiServer(ApiHandler *handler, const Credentials *credentials, QObject *parent = nullptr);

    void setVerbose(bool verbose) { m_verbose = verbose; }
    // Only loopback addresses are accepted: the sandbox must never be reachable from the network.
    rcs::Result<void> listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QHostAddress address() const;
    void close();

private:
    void onPendingConnection();

    ApiHandler *m_handler;
    const Credentials *m_credentials;
    QSslServer *m_server;
    bool m_verbose = false;
};

} // namespace sandbox
