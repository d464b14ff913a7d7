#pragma once

#include "test_proxy.h"

// A minimal HTTP CONNECT proxy on 127.0.0.1 for tests of proxy-url: records each tunnel's target and
// pipes bytes both ways until either side closes.
class ConnectProxy final : public TestProxy {
    Q_OBJECT
public:
    using TestProxy::TestProxy;

protected:
    void handshake(QTcpSocket *client) override;
};
