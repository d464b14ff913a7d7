#include "redis/redis_pool.h"
#include "redis/server_identity.h"
#include "support/redis_test_nodes.h"

#include <QTest>

using namespace rcs;
using rcs::test::RedisTestNodes;

namespace {
// fetchServerIdentity, waited for (bounded).
Result<ServerIdentity> identify(RedisPool &pool, const NodeAddress &address)
{
    std::optional<Result<ServerIdentity>> result;
    fetchServerIdentity(&pool, address, &pool,
                        [&](Result<ServerIdentity> identity) { result = std::move(identity); });
    QDeadlineTimer deadline(15000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(10);
    if (!result)
        return Error(ErrorCode::Timeout, QStringLiteral("fetchServerIdentity did not answer within 15 s."));
    return *result;
}
} // namespace

// fetchServerIdentity against a real server: what the node says of itself (INFO server) must be what its
// binary says (--version), remembered while the connection lives and asked again after a restart.
class TestServerIdentityLive final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_nodes.start(1);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Result<test::RedisServerBuild> build = RedisTestNodes::serverBuild();
        QVERIFY2(build.ok(), qPrintable(build.error().message()));
        m_build = *build;
    }

    void identityIsTheBinarys()
    {
        RedisPool pool;
        const NodeAddress address = m_nodes.address(0);
        QVERIFY(!pool.serverIdentity(address));
        const Result<ServerIdentity> identity = identify(pool, address);
        QVERIFY2(identity.ok(), qPrintable(identity.error().message()));
        QCOMPARE(identity->name(), m_build.name);
        QCOMPARE(identity->version, m_build.version);
        QCOMPARE(identity->cliName(), m_build.name + QStringLiteral("-cli"));
        // Remembered for the connection's life: the equivalent commands read it from the pool.
        QCOMPARE(pool.serverIdentity(address), std::optional<ServerIdentity>(*identity));
    }

    void forgottenWhenTheNodeRestarts()
    {
        RedisPool pool;
        const NodeAddress address = m_nodes.address(0);
        QVERIFY(identify(pool, address).ok());
        QVERIFY(pool.serverIdentity(address));
        const Result<void> stopped = m_nodes.stop(0);
        QVERIFY2(stopped.ok(), qPrintable(stopped.error().message()));
        // The link drops with the server; what it said no longer holds (it may come back upgraded).
        QTRY_VERIFY_WITH_TIMEOUT(!pool.serverIdentity(address), 10000);
        const Result<ServerIdentity> down = identify(pool, address);
        QVERIFY(!down.ok());
        QCOMPARE(down.error().code(), ErrorCode::ConnectionFailed);
        QVERIFY2(down.error().message().contains(address.toString()), qPrintable(down.error().message()));

        const Result<void> restarted = m_nodes.restart(0);
        QVERIFY2(restarted.ok(), qPrintable(restarted.error().message()));
        const Result<ServerIdentity> again = identify(pool, address);
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE(again->version, m_build.version);
    }

private:
    RedisTestNodes m_nodes;
    test::RedisServerBuild m_build;
};

QTEST_MAIN(TestServerIdentityLive)
#include "tst_server_identity_live.moc"
