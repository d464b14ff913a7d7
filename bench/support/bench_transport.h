#pragma once

#include "common/result.h"
#include "support/redis_test_nodes.h"

#include <QString>

#include <optional>

namespace rcs {
class RedisPool;
} // namespace rcs

namespace rcs::bench {

// How a bench's nodes and our connections talk: plain TCP, or TLS everywhere (clients, cluster bus,
// replication and so MIGRATE) as in a secured deployment. The same timing code runs on either, so one
// invocation can put the TLS cost next to the plain figure.
class Transport {
public:
    Transport() = default; // plain TCP

    // TLS-only nodes (servers >= 6 built with TLS) with a test PKI made by openssl in folder, which must
    // outlive every node started with nodeOptions(). The error names the failed openssl step.
    static Result<Transport> tls(const QString &folder);

    bool isTls() const { return m_tls.has_value(); }
    QString name() const { return isTls() ? QStringLiteral("TLS") : QStringLiteral("plain"); }
    test::RedisTestNodeOptions nodeOptions() const;
    // Gives the pool the client side of this transport (its other options are kept).
    void configure(RedisPool &pool) const;

private:
    std::optional<test::RedisTestTls> m_tls;
};

} // namespace rcs::bench
