#pragma once

#include "test_proxy.h"

// A minimal SOCKS5 proxy on 127.0.0.1 (no authentication, CONNECT only, IPv4 and domain names) for
// tests of proxy-url socks5://: records each target and pipes bytes both ways.
class Socks5Proxy final : public TestProxy {
    Q_OBJECT
public:
    using TestProxy::TestProxy;

protected:
    void handshake(QTcpSocket *client) override;
};
