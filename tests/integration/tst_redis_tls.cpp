#include "redis/cluster_check.h"
#include "redis/node_views.h"
#include "redis/redis_connection.h"
#include "redis/redis_pool.h"
#include "redis/served_certificate.h"
#include "support/redis_test_nodes.h"
#include "support/test_certificates.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <vector>

using namespace rcs;
using rcs::test::RedisTestNodes;
using rcs::test::TestCertificates;

namespace {
const QString PodName = QStringLiteral("node-0.redis-service.test.svc.cluster.local");
const QString Password = QStringLiteral("s3cret-pass");
} // namespace

// RedisConnection over TLS against real TLS-only redis-server processes (port 0, tls-port 6379,
// tls-cluster and tls-replication on), with certificates made by the openssl command line. The servers
// are the ones under test ($RCS_REDIS_SERVER, see RedisTestNodes); Redis 5.0 has no TLS, so there the
// test is skipped.
class TestRedisTls final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const Result<QVersionNumber> version = RedisTestNodes::serverVersion();
        QVERIFY2(version.ok(), qPrintable(version.error().message()));
        if (version.value() < QVersionNumber(6))
            QSKIP("The server under test is older than Redis 6 and has no TLS (tls-port); run this test with "
                  "RCS_REDIS_SERVER set to a 6.2, 7.x or Valkey 8 server built with TLS.");
        QVERIFY(m_dir.isValid());
        const Result<TestCertificates> made = TestCertificates::make(m_dir.path(), {PodName});
        QVERIFY2(made.ok(), qPrintable(made.error().message()));
        m_certs = made.value();
        test::RedisTestTls tls;
        tls.certFile = m_certs.serverCert;
        tls.keyFile = m_certs.serverKey;
        tls.caFile = m_certs.caCert;
        tls.client = clientOptions();
        test::RedisTestNodeOptions options;
        options.password = Password;
        options.tls = tls;
        const Result<void> started = m_nodes.start(2, options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        for (int i = 0; i < m_nodes.count(); ++i) {
            m_admin.push_back(std::make_unique<RedisConnection>(m_nodes.address(i)));
            m_admin.back()->setCredentials(Password);
            m_admin.back()->setTlsOptions(clientOptions());
            m_admin.back()->connectToNode();
            const Result<RedisReply> pong = run(*m_admin.back(), {"PING"});
            QVERIFY2(pong.ok(), qPrintable(pong.error().message()));
        }
    }

    void pingSetGetOverTls()
    {
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(Password);
        connection.setTlsOptions(clientOptions());
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.connectToNode();
        const Result<RedisReply> pong = run(connection, {"PING"});
        QVERIFY2(pong.ok(), qPrintable(pong.error().message()));
        QCOMPARE(pong->bytes(), QByteArray("PONG"));
        QCOMPARE(connected.count(), 1);
        // Keys need slots: give node 0 all of them (a one-master cluster).
        QList<QByteArray> addSlots = {"CLUSTER", "ADDSLOTS"};
        for (int slot = 0; slot < 16384; ++slot)
            addSlots.append(QByteArray::number(slot));
        const Result<RedisReply> added = run(connection, addSlots);
        QVERIFY2(added.ok(), qPrintable(added.error().message()));
        QVERIFY(QTest::qWaitFor(
            [&] {
                return run(connection, {"CLUSTER", "INFO"}).valueOr({}).bytes().contains("cluster_state:ok");
            },
            10000));
        // A value larger than a TLS record (16 KB), binary: the reply arrives in many reads.
        QByteArray value(1 << 20, '\0');
        for (int i = 0; i < value.size(); ++i)
            value[i] = char(i * 7 + 3);
        const Result<RedisReply> set = run(connection, {"SET", "tls-key", value});
        QVERIFY2(set.ok(), qPrintable(set.error().message()));
        const Result<RedisReply> got = run(connection, {"GET", "tls-key"});
        QVERIFY2(got.ok(), qPrintable(got.error().message()));
        QCOMPARE(got->bytes(), value);
        // The server confirms the link is TLS: INFO has no flag per client, but a plain port does not exist.
        const Result<RedisReply> port = run(connection, {"CONFIG", "GET", "port"});
        QCOMPARE(port->elements().value(1).bytes(), QByteArray("0"));
    }

    void pipeliningKeepsOrderOverTls()
    {
        RedisConnection connection(m_nodes.address(1));
        connection.setCredentials(Password);
        connection.setTlsOptions(clientOptions());
        connection.connectToNode();
        QList<QByteArray> echoed;
        int errors = 0;
        for (int i = 0; i < 2000; ++i) {
            connection.command({"ECHO", QByteArray::number(i)}, [&](Result<RedisReply> r) {
                if (r)
                    echoed.append(r->bytes());
                else
                    ++errors;
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size() + errors, 2000, 20000);
        QCOMPARE(errors, 0);
        for (int i = 0; i < 2000; ++i)
            QCOMPARE(echoed.at(i), QByteArray::number(i));
    }

    void clusterBusSpeaksTls()
    {
        // The harness option later tests build TLS clusters with: the bus (tls-cluster yes) works.
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(Password);
        connection.setTlsOptions(clientOptions());
        connection.connectToNode();
        const Result<RedisReply> met =
            run(connection, {"CLUSTER", "MEET", m_nodes.address(1).host.toLatin1(), "6379"});
        QVERIFY2(met.ok(), qPrintable(met.error().message()));
        QVERIFY(QTest::qWaitFor(
            [&] {
                const QByteArray info = run(connection, {"CLUSTER", "INFO"}).valueOr({}).bytes();
                return info.contains("cluster_known_nodes:2") && info.contains("cluster_state:ok");
            },
            15000));
    }

    void wrongPeerNameFails()
    {
        RedisTlsOptions options = clientOptions();
        options.peerName = QStringLiteral("node-9.other-service.test.svc.cluster.local");
        const Error error = failure(m_nodes.address(0), options);
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        const QString expected = m_nodes.address(0).toString() +
                                 QStringLiteral(": TLS handshake failed: the certificate is for ") + PodName +
                                 QStringLiteral(", not for ") + options.peerName;
        QVERIFY2(error.message().startsWith(expected), qPrintable(error.message()));
    }

    void peerNameDefaultsToTheHost()
    {
        // Connecting by IP without a peer name checks the IP, which the pod certificate does not carry.
        RedisTlsOptions options = clientOptions();
        options.peerName.clear();
        const Error error = failure(m_nodes.address(0), options);
        QVERIFY2(error.message().contains(QStringLiteral("not for ") + m_nodes.address(0).host),
                 qPrintable(error.message()));
    }

    void unrelatedCaFails()
    {
        RedisTlsOptions options = clientOptions();
        options.caFile = m_certs.otherCaCert;
        const Error error = failure(m_nodes.address(0), options);
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        const QString expected =
            m_nodes.address(0).toString() +
            QStringLiteral(": TLS handshake failed: the certificate is not signed by the cluster's CA (");
        QVERIFY2(error.message().startsWith(expected), qPrintable(error.message()));
    }

    void caFromPemBytes()
    {
        RedisTlsOptions options = clientOptions();
        options.caFile.clear();
        QFile ca(m_certs.caCert);
        QVERIFY(ca.open(QIODevice::ReadOnly));
        options.caCertificates = ca.readAll();
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(Password);
        connection.setTlsOptions(options);
        connection.connectToNode();
        const Result<RedisReply> pong = run(connection, {"PING"});
        QVERIFY2(pong.ok(), qPrintable(pong.error().message()));
    }

    void expiredCertificateFails()
    {
        // The node swaps to an expired certificate for the same key, live (as certificate rotation will).
        const Result<QString> expired =
            m_certs.makeServerCertificate(QStringLiteral("expired"), {PodName}, -1, m_certs.serverKey);
        QVERIFY2(expired.ok(), qPrintable(expired.error().message()));
        QVERIFY(setConfig(1, "tls-cert-file", expired->toUtf8()).ok());
        const Error error = failure(m_nodes.address(1), clientOptions());
        QVERIFY(setConfig(1, "tls-cert-file", m_certs.serverCert.toUtf8()).ok());
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        const QString expected = m_nodes.address(1).toString() +
                                 QStringLiteral(": TLS handshake failed: the certificate expired on ");
        QVERIFY2(error.message().startsWith(expected), qPrintable(error.message()));
    }

    void sameFileNamesReloadLive()
    {
        // Certificate rotation rewrites the files under the same names (a Secret's update) and sets
        // tls-cert-file to the value it has: every server version must reload on that, and only a new
        // connection sees the new certificate; the links made before keep working.
        RedisPool pool;
        RedisConnectionOptions options;
        options.password = Password;
        options.tls = clientOptions();
        pool.setOptions(options);
        const QSslCertificate before = served(pool, m_nodes.address(1));
        QVERIFY(!before.isNull());
        QCOMPARE(before, QSslCertificate::fromPath(m_certs.serverCert).value(0));
        const Result<QString> renewed =
            m_certs.makeServerCertificate(QStringLiteral("renewed"), {PodName}, 2, m_certs.serverKey);
        QVERIFY2(renewed.ok(), qPrintable(renewed.error().message()));
        const QSslCertificate next = QSslCertificate::fromPath(*renewed).value(0);
        QVERIFY(!next.isNull() && next != before);
        QFile original(m_certs.serverCert);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray originalPem = original.readAll();
        original.close();
        QVERIFY(QFile::remove(m_certs.serverCert) && QFile::copy(*renewed, m_certs.serverCert));
        const QSslCertificate unchanged = served(pool, m_nodes.address(1)); // no reload yet
        const Result<RedisReply> set = setConfig(1, "tls-cert-file", m_certs.serverCert.toUtf8());
        const QSslCertificate after = served(pool, m_nodes.address(1));
        const Result<RedisReply> oldLink = run(*m_admin.at(1), {"PING"});
        // Back to the first certificate for the other tests (and a second reload on the same name).
        QFile restore(m_certs.serverCert);
        QVERIFY(restore.open(QIODevice::WriteOnly | QIODevice::Truncate) && restore.write(originalPem) > 0);
        restore.close();
        QVERIFY(setConfig(1, "tls-cert-file", m_certs.serverCert.toUtf8()).ok());
        QCOMPARE(served(pool, m_nodes.address(1)), before);
        QCOMPARE(unchanged, before);
        QVERIFY2(set.ok(), qPrintable(set.error().message()));
        QCOMPARE(after, next);
        QVERIFY2(oldLink.ok(), qPrintable(oldLink.error().message()));
    }

    void clientCertificateWhenRequired()
    {
        QVERIFY(setConfig(1, "tls-auth-clients", "yes").ok());
        RedisTlsOptions without = clientOptions();
        without.clientCertificateFile.clear();
        without.clientKeyFile.clear();
        const Error error = failure(m_nodes.address(1), without);
        RedisConnection with(m_nodes.address(1));
        with.setCredentials(Password);
        with.setTlsOptions(clientOptions());
        with.connectToNode();
        const Result<RedisReply> pong = run(with, {"PING"});
        QVERIFY(setConfig(1, "tls-auth-clients", "optional").ok());
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        QVERIFY2(error.message().startsWith(m_nodes.address(1).toString() +
                                            QStringLiteral(": TLS handshake failed: ")),
                 qPrintable(error.message()));
        QVERIFY2(error.message().contains(QStringLiteral("client certificate")), qPrintable(error.message()));
        QVERIFY2(pong.ok(), qPrintable(pong.error().message()));
    }

    void plainConnectionToTlsPortFails()
    {
        for (const bool withPassword : {true, false}) {
            RedisConnection connection(m_nodes.address(0));
            if (withPassword)
                connection.setCredentials(Password);
            QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
            QElapsedTimer clock;
            clock.start();
            connection.connectToNode(2000);
            std::optional<Result<RedisReply>> reply;
            connection.command({"PING"}, [&](Result<RedisReply> r) { reply = std::move(r); });
            QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 5000);
            QVERIFY(clock.elapsed() < 2000);
            QVERIFY(!reply->ok());
            QCOMPARE(errors.count(), 1);
            const Error error = errors.first().first().value<Error>();
            QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
            QCOMPARE(error.message(),
                     m_nodes.address(0).toString() +
                         QStringLiteral(" closed the connection before answering; if the node "
                                        "expects TLS (tls-port), connect with TLS."));
        }
    }

    void unreadableKeyIsReportedWithoutItsContent()
    {
        RedisTlsOptions options = clientOptions();
        options.clientKeyFile = m_dir.filePath(QStringLiteral("missing.key"));
        const Error error = failure(m_nodes.address(0), options);
        QCOMPARE(error.code(), ErrorCode::InvalidInput);
        QVERIFY2(error.message().contains(QStringLiteral("missing.key")), qPrintable(error.message()));
        // A certificate given as the key: refused, and the PEM text is not echoed.
        options.clientKeyFile = m_certs.clientCert;
        const Error notAKey = failure(m_nodes.address(0), options);
        QCOMPARE(notAKey.code(), ErrorCode::InvalidInput);
        QVERIFY2(!notAKey.message().contains(QStringLiteral("BEGIN")), qPrintable(notAKey.message()));
    }

    void poolCarriesTlsOptions()
    {
        RedisPool pool;
        RedisConnectionOptions options;
        options.password = Password;
        options.tls = clientOptions();
        pool.setOptions(options);
        std::optional<QList<NodeReply>> replies;
        pool.commandAll(m_nodes.addresses(), {"CLUSTER", "MYID"}, nullptr,
                        [&](QList<NodeReply> r) { replies = r; });
        QTRY_VERIFY_WITH_TIMEOUT(replies.has_value(), 10000);
        for (const NodeReply &reply : *replies)
            QVERIFY2(reply.reply.ok(), qPrintable(reply.reply.error().message()));
        QVERIFY(replies->at(0).reply->bytes() != replies->at(1).reply->bytes());
    }

    void viewsCarryTheServedCertificatesExpiry()
    {
        // What status and check warn about 30 days ahead: the end of the certificate each node serves.
        RedisPool pool;
        RedisConnectionOptions options;
        options.password = Password;
        options.tls = clientOptions();
        pool.setOptions(options);
        std::optional<QList<NodeView>> views;
        fetchViews(&pool, m_nodes.addresses(), NodeViewParts::Cluster, &pool,
                   [&](QList<NodeView> v) { views = std::move(v); });
        QTRY_VERIFY_WITH_TIMEOUT(views.has_value(), 10000);
        const QDateTime expiry = QSslCertificate::fromPath(m_certs.serverCert).value(0).expiryDate().toUTC();
        QVERIFY(expiry.isValid());
        for (const NodeView &view : *views) {
            QVERIFY2(view.reachable, qPrintable(view.error));
            QCOMPARE(view.certificateExpiry, std::optional<QDateTime>(expiry));
        }
        const std::optional<CheckFinding> finding =
            certificateFinding(ClusterTopology::fromViews(*views), QDateTime::currentDateTimeUtc());
        QVERIFY(finding.has_value());
        // The test certificates live two days: inside the warning period.
        QCOMPARE(finding->code, QStringLiteral("certificate-expiring"));
    }

private:
    RedisTlsOptions clientOptions() const
    {
        RedisTlsOptions options;
        options.enabled = true;
        options.caFile = m_certs.caCert;
        options.peerName = PodName;
        options.clientCertificateFile = m_certs.clientCert;
        options.clientKeyFile = m_certs.clientKey;
        return options;
    }

    // What address presents to a new connection.
    static QSslCertificate served(RedisPool &pool, const NodeAddress &address)
    {
        std::optional<Result<QSslCertificate>> result;
        fetchServedCertificate(&pool, address, &pool,
                               [&](Result<QSslCertificate> r) { result = std::move(r); });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000) || !result->ok())
            return QSslCertificate();
        return result->value();
    }

    static Result<RedisReply> run(RedisConnection &connection, const QList<QByteArray> &argv)
    {
        std::optional<Result<RedisReply>> reply;
        connection.command(argv, [&](Result<RedisReply> r) { reply = std::move(r); });
        if (!QTest::qWaitFor([&] { return reply.has_value(); }, 10000))
            return Error(ErrorCode::Timeout, QStringLiteral("No reply within 10 s."));
        return *reply;
    }

    // The error of a connection with options that must fail: errorOccurred, and the pending command
    // failed with the same sentence.
    Error failure(const NodeAddress &address, const RedisTlsOptions &options)
    {
        RedisConnection connection(address);
        connection.setCredentials(Password);
        connection.setTlsOptions(options);
        QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
        connection.connectToNode();
        const Result<RedisReply> reply = run(connection, {"PING"});
        if (reply.ok() || errors.count() != 1)
            return Error(ErrorCode::Internal, QStringLiteral("The connection did not fail as expected."));
        const Error error = errors.first().first().value<Error>();
        if (reply.error().message() != error.message())
            return Error(ErrorCode::Internal,
                         QStringLiteral("The command failed otherwise: ") + reply.error().message());
        return error;
    }

    // On a link opened at the start: the node's certificate may be unusable when it is changed back.
    Result<RedisReply> setConfig(int node, const QByteArray &name, const QByteArray &value)
    {
        return run(*m_admin.at(node), {"CONFIG", "SET", name, value});
    }

    QTemporaryDir m_dir;
    TestCertificates m_certs;
    RedisTestNodes m_nodes;
    std::vector<std::unique_ptr<RedisConnection>> m_admin; // per node
};

QTEST_GUILESS_MAIN(TestRedisTls)
#include "tst_redis_tls.moc"
