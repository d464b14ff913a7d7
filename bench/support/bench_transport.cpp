#include "bench_transport.h"

#include "redis/redis_pool.h"
#include "support/test_certificates.h"

namespace rcs::bench {

namespace {
// The name the server certificate carries and our connections verify: the studio names the pod it
// reaches by IP, so the bench does the same.
const QString PeerName = QStringLiteral("node-0.redis-service.bench.svc.cluster.local");
} // namespace

Result<Transport> Transport::tls(const QString &folder)
{
    const Result<test::TestCertificates> made = test::TestCertificates::make(folder, {PeerName});
    if (!made)
        return made.error();
    const test::TestCertificates &certs = made.value();
    test::RedisTestTls tls;
    tls.certFile = certs.serverCert;
    tls.keyFile = certs.serverKey;
    tls.caFile = certs.caCert;
    tls.client.enabled = true;
    tls.client.caFile = certs.caCert;
    tls.client.peerName = PeerName;
    tls.client.clientCertificateFile = certs.clientCert;
    tls.client.clientKeyFile = certs.clientKey;
    Transport transport;
    transport.m_tls = tls;
    return transport;
}

test::RedisTestNodeOptions Transport::nodeOptions() const
{
    test::RedisTestNodeOptions options;
    options.tls = m_tls;
    return options;
}

void Transport::configure(RedisPool &pool) const
{
    RedisConnectionOptions options = pool.options();
    options.tls = m_tls ? m_tls->client : RedisTlsOptions{};
    pool.setOptions(options);
}

} // namespace rcs::bench
