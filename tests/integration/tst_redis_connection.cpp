#include "redis/redis_connection.h"
#include "redis/redis_pool.h"
#include "support/redis_test_nodes.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace rcs;
using rcs::test::RedisTestNodes;

// RedisConnection and RedisPool against real redis-server processes.
class TestRedisConnection final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_nodes.start(3, {QStringLiteral("s3cret-pass"), {}, 30000, {}, {}});
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
    }

    void pingAndConnectedSignal()
    {
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.connectToNode();
        QCOMPARE(connection.state(), RedisConnection::State::Connecting);
        std::optional<Result<RedisReply>> reply;
        connection.command({"PING"}, [&](Result<RedisReply> r) { reply = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 10000);
        QVERIFY2(reply->ok(), qPrintable(reply->error().message()));
        QVERIFY(reply->value().isStatus());
        QCOMPARE(reply->value().bytes(), QByteArray("PONG"));
        QCOMPARE(connected.count(), 1);
        QVERIFY(connection.isConnected());
    }

    void binarySafeValues()
    {
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        connection.connectToNode();
        const QByteArray value("a\0b\r\nc", 6);
        QList<Result<RedisReply>> replies;
        const auto collect = [&](Result<RedisReply> r) { replies.append(std::move(r)); };
        // Cluster mode refuses keys of other slots only with MOVED; a node without slots answers
        // CLUSTERDOWN, so use commands that need no key slot.
        connection.command({"ECHO", value}, collect);
        connection.command({"CLUSTER", "MYID"}, collect);
        connection.command({"CLUSTER", "COUNTKEYSINSLOT", "0"}, collect);
        connection.command({"CONFIG", "GET", "cluster-node-timeout"}, collect);
        QTRY_COMPARE_WITH_TIMEOUT(replies.size(), 4, 10000);
        QCOMPARE(replies.at(0).value().bytes(), value);
        QCOMPARE(replies.at(1).value().bytes().size(), 40);
        QCOMPARE(replies.at(2).value().type(), RedisReply::Type::Integer);
        QCOMPARE(replies.at(2).value().integerValue(), 0);
        QCOMPARE(replies.at(3).value().elements().size(), 2);
        QCOMPARE(replies.at(3).value().elements().at(1).bytes(), QByteArray("5000"));
    }

    void pipeliningKeepsOrder()
    {
        RedisConnection connection(m_nodes.address(1));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        connection.connectToNode();
        QList<QByteArray> echoed;
        int errors = 0;
        for (int i = 0; i < 1000; ++i) {
            connection.command({"ECHO", QByteArray::number(i)}, [&](Result<RedisReply> r) {
                if (r)
                    echoed.append(r.value().bytes());
                else
                    ++errors;
            });
        }
        QVERIFY(connection.pendingCount() > 900); // all issued before any answer could be read
        QTRY_COMPARE_WITH_TIMEOUT(echoed.size() + errors, 1000, 20000);
        QCOMPARE(errors, 0);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(echoed.at(i), QByteArray::number(i));
    }

    void errorReplyNamesTheNode()
    {
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        connection.connectToNode();
        std::optional<Result<RedisReply>> bad;
        std::optional<Result<RedisReply>> after;
        connection.command({"NOSUCHCOMMAND", "x"}, [&](Result<RedisReply> r) { bad = std::move(r); });
        connection.command({"PING"}, [&](Result<RedisReply> r) { after = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(after.has_value(), 10000);
        QVERIFY(!bad->ok());
        QCOMPARE(bad->error().code(), ErrorCode::RedisError);
        const QString expected =
            m_nodes.address(0).toString() + QStringLiteral(" answered: ERR unknown command");
        QVERIFY2(bad->error().message().startsWith(expected), qPrintable(bad->error().message()));
        QVERIFY(after->ok()); // an error reply leaves the connection usable
        QVERIFY(connection.isConnected());
    }

    void wrongPasswordIsUnauthorized()
    {
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(QStringLiteral("wrong-password"));
        QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
        QSignalSpy connected(&connection, &RedisConnection::connected);
        std::optional<Result<RedisReply>> reply;
        connection.connectToNode();
        connection.command({"PING"}, [&](Result<RedisReply> r) { reply = std::move(r); });
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        const Error error = errors.first().first().value<Error>();
        QCOMPARE(error.code(), ErrorCode::Unauthorized);
        QVERIFY2(!error.message().contains(QStringLiteral("wrong-password")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(m_nodes.address(0).toString()), qPrintable(error.message()));
        QTRY_VERIFY(reply.has_value());
        QVERIFY(!reply->ok());
        QCOMPARE(connected.count(), 0);
        QCOMPARE(connection.state(), RedisConnection::State::Unconnected);
    }

    void refusedConnection()
    {
        // Index 200 of our reserved block: nothing listens there.
        const NodeAddress nobody{
            m_nodes.address(0).host.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".200"), 6379};
        RedisConnection connection(nobody);
        QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
        std::optional<Result<RedisReply>> reply;
        connection.connectToNode();
        connection.command({"PING"}, [&](Result<RedisReply> r) { reply = std::move(r); });
        QTRY_COMPARE_WITH_TIMEOUT(errors.count(), 1, 10000);
        const Error error = errors.first().first().value<Error>();
        QCOMPARE(error.code(), ErrorCode::ConnectionFailed);
        QVERIFY2(error.message().contains(QStringLiteral("refused")), qPrintable(error.message()));
        QVERIFY2(error.message().contains(nobody.toString()), qPrintable(error.message()));
        QTRY_VERIFY(reply.has_value());
        QCOMPARE(reply->error().message(), error.message());
    }

    void connectTimeoutOnBlackhole()
    {
        // A listening socket with a full accept queue drops further SYNs, so connect() hangs the way it
        // does towards an unreachable pod IP. Only the timer can end it.
        const QString host = m_nodes.address(0).host.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".201");
        const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(listener >= 0);
        sockaddr_in where{};
        where.sin_family = AF_INET;
        where.sin_port = htons(6379);
        QCOMPARE(::inet_pton(AF_INET, host.toLatin1().constData(), &where.sin_addr), 1);
        QCOMPARE(::bind(listener, reinterpret_cast<sockaddr *>(&where), sizeof where), 0);
        QCOMPARE(::listen(listener, 0), 0);
        RedisConnection filler({host, 6379});
        QSignalSpy fillerConnected(&filler, &RedisConnection::connected);
        filler.connectToNode(5000);
        QVERIFY(fillerConnected.wait(5000));

        RedisConnection connection({host, 6379});
        QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
        QElapsedTimer clock;
        clock.start();
        connection.connectToNode(300);
        QVERIFY(errors.wait(5000));
        const Error error = errors.first().first().value<Error>();
        QCOMPARE(error.code(), ErrorCode::Timeout);
        QVERIFY2(error.message().contains(host), qPrintable(error.message()));
        QVERIFY(clock.elapsed() >= 250);
        ::close(listener);
    }

    void protocolErrorFromAPeerThatIsNotRedis()
    {
        // Something else listens at the address (here a web server's answer): a Protocol error naming the
        // node, not a hang and not a crash.
        const QString host = m_nodes.address(0).host.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".202");
        QTcpServer server;
        QVERIFY2(server.listen(QHostAddress(host), 6379), qPrintable(server.errorString()));
        QObject::connect(&server, &QTcpServer::newConnection, &server, [&server] {
            QTcpSocket *peer = server.nextPendingConnection();
            QObject::connect(peer, &QTcpSocket::readyRead, peer, [peer] {
                peer->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
            });
        });
        RedisConnection connection({host, 6379});
        std::optional<Result<RedisReply>> reply;
        connection.connectToNode();
        connection.command({"PING"}, [&](Result<RedisReply> r) { reply = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 10000);
        QVERIFY(!reply->ok());
        QCOMPARE(reply->error().code(), ErrorCode::Protocol);
        QVERIFY2(reply->error().message().startsWith(
                     host + QStringLiteral(":6379 sent something that is not a Redis "
                                           "reply")),
                 qPrintable(reply->error().message()));
    }

    void commandTimeoutOnStoppedNode()
    {
        // SIGSTOP: the kernel still accepts the connection, but the server never answers.
        RedisConnection connection(m_nodes.address(2));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        connection.connectToNode();
        QVERIFY(connected.wait(10000));
        const qint64 pid = m_nodes.processId(2);
        QVERIFY(pid > 0);
        QCOMPARE(::kill(static_cast<pid_t>(pid), SIGSTOP), 0);
        QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
        QSignalSpy disconnected(&connection, &RedisConnection::disconnected);
        std::optional<Result<RedisReply>> first;
        std::optional<Result<RedisReply>> second;
        connection.command(
            {"CLUSTER", "NODES"}, [&](Result<RedisReply> r) { first = std::move(r); }, 400);
        connection.command(
            {"PING"}, [&](Result<RedisReply> r) { second = std::move(r); }, 10000);
        const bool timedOut = QTest::qWaitFor([&] { return second.has_value(); }, 10000);
        ::kill(static_cast<pid_t>(pid), SIGCONT);
        QVERIFY(timedOut);
        QCOMPARE(first->error().code(), ErrorCode::Timeout);
        QVERIFY2(first->error().message().contains(QStringLiteral("did not answer CLUSTER NODES")),
                 qPrintable(first->error().message()));
        QVERIFY(!second->ok()); // nothing after a timeout is trusted
        QCOMPARE(errors.count(), 1);
        QCOMPARE(disconnected.count(), 1);
    }

    void callbackDroppedWithConnection()
    {
        bool called = false;
        {
            auto *connection = new RedisConnection(m_nodes.address(0));
            connection->setCredentials(QStringLiteral("s3cret-pass"));
            connection->connectToNode();
            connection->command({"PING"}, [&](Result<RedisReply>) { called = true; });
            delete connection;
        }
        // The context variant: the callback is dropped when the context dies first.
        RedisConnection connection(m_nodes.address(0));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        connection.connectToNode();
        bool contextCalled = false;
        bool laterCalled = false;
        {
            QObject context;
            connection.command({"PING"}, &context, [&](Result<RedisReply>) { contextCalled = true; });
        }
        connection.command({"PING"}, [&](Result<RedisReply>) { laterCalled = true; });
        QTRY_VERIFY_WITH_TIMEOUT(laterCalled, 10000);
        QVERIFY(!called);
        QVERIFY(!contextCalled);
    }

    void deleteFromInsideCallback()
    {
        auto *connection = new RedisConnection(m_nodes.address(1));
        connection->setCredentials(QStringLiteral("s3cret-pass"));
        connection->connectToNode();
        int calls = 0;
        QPointer<RedisConnection> guard(connection);
        connection->command({"PING"}, [&](Result<RedisReply>) {
            ++calls;
            delete connection; // the remaining pipelined callbacks must be dropped, not crash
        });
        for (int i = 0; i < 10; ++i)
            connection->command({"PING"}, [&](Result<RedisReply>) { ++calls; });
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 10000);
        QTest::qWait(100);
        QCOMPARE(calls, 1);
    }

    void serverClosesTheConnection()
    {
        RedisConnection connection(m_nodes.address(1));
        connection.setCredentials(QStringLiteral("s3cret-pass"));
        QSignalSpy connected(&connection, &RedisConnection::connected);
        QSignalSpy disconnected(&connection, &RedisConnection::disconnected);
        QSignalSpy errors(&connection, &RedisConnection::errorOccurred);
        connection.connectToNode();
        QVERIFY(connected.wait(10000));
        std::optional<Result<RedisReply>> reply;
        connection.command({"CLIENT", "KILL", "SKIPME", "no"}, [](Result<RedisReply>) {});
        connection.command({"PING"}, [&](Result<RedisReply> r) { reply = std::move(r); });
        QTRY_COMPARE_WITH_TIMEOUT(disconnected.count(), 1, 10000);
        QCOMPARE(errors.count(), 1);
        QCOMPARE(errors.first().first().value<Error>().code(), ErrorCode::ConnectionFailed);
        QVERIFY(reply.has_value());
        QVERIFY(!reply->ok());
        // The same object connects again.
        connection.connectToNode();
        QVERIFY(connected.wait(10000));
    }

    void poolRunsOnEveryNode()
    {
        RedisPool pool;
        pool.setOptions({QStringLiteral("s3cret-pass"), {}, 3000, 5000, {}});
        QList<NodeAddress> targets = m_nodes.addresses();
        const NodeAddress nobody{
            m_nodes.address(0).host.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".202"), 6379};
        targets.append(nobody);
        std::optional<QList<NodeReply>> replies;
        pool.commandAll(targets, {"CLUSTER", "MYID"}, nullptr, [&](QList<NodeReply> r) { replies = r; });
        QTRY_VERIFY_WITH_TIMEOUT(replies.has_value(), 10000);
        QCOMPARE(replies->size(), 4);
        QSet<QByteArray> ids;
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(replies->at(i).address, m_nodes.address(i));
            QVERIFY2(replies->at(i).reply.ok(), qPrintable(replies->at(i).reply.error().message()));
            ids.insert(replies->at(i).reply.value().bytes());
        }
        QCOMPARE(ids.size(), 3);
        QVERIFY(!replies->at(3).reply.ok());
        QCOMPARE(replies->at(3).address, nobody);
    }

    void harnessStartsNodesLikePods()
    {
        // One loopback address per node (127.0.K.i:6379), its own data folder with the AOF and nodes.conf,
        // cluster mode, cluster-node-timeout 5000, and on Redis >= 7 bind-source-addr = its own address.
        const bool seven = RedisTestNodes::serverVersion().valueOr({}) >= QVersionNumber(7);
        QSet<QString> hosts;
        QSet<QString> dirs;
        for (int i = 0; i < m_nodes.count(); ++i) {
            const NodeAddress address = m_nodes.address(i);
            QVERIFY2(address.host.startsWith(QLatin1String("127.")) &&
                         address.host.endsWith(QStringLiteral(".%1").arg(i + 1)),
                     qPrintable(address.host));
            QCOMPARE(address.port, quint16(6379));
            hosts.insert(address.host.section(QLatin1Char('.'), 0, 2));
            dirs.insert(m_nodes.dataDir(i));
            RedisConnection connection(address);
            connection.setCredentials(QStringLiteral("s3cret-pass"));
            connection.connectToNode();
            QMap<QByteArray, QByteArray> config;
            int answered = 0;
            for (const QByteArray &name :
                 {QByteArray("bind"), QByteArray("dir"), QByteArray("appendonly"),
                  QByteArray("cluster-node-timeout"), QByteArray("bind-source-addr")}) {
                connection.command({"CONFIG", "GET", name}, [&, name](Result<RedisReply> r) {
                    ++answered;
                    if (r && r->elements().size() == 2)
                        config.insert(name, r->elements().at(1).bytes());
                });
            }
            // Cluster mode from INFO: CONFIG GET cluster-enabled answers nothing before Redis 7.
            QByteArray clusterInfo;
            connection.command({"INFO", "cluster"}, [&](Result<RedisReply> r) {
                ++answered;
                if (r)
                    clusterInfo = r->bytes();
            });
            QTRY_COMPARE_WITH_TIMEOUT(answered, 6, 10000);
            QCOMPARE(config.value("bind"), address.host.toLatin1());
            QCOMPARE(config.value("dir"), QDir(m_nodes.dataDir(i)).canonicalPath().toLocal8Bit());
            QCOMPARE(config.value("appendonly"), QByteArray("yes"));
            QVERIFY2(clusterInfo.contains("cluster_enabled:1"), clusterInfo.constData());
            QCOMPARE(config.value("cluster-node-timeout"), QByteArray("5000"));
            if (seven)
                QCOMPARE(config.value("bind-source-addr"), address.host.toLatin1());
            QVERIFY(QFileInfo::exists(m_nodes.dataDir(i) + QStringLiteral("/nodes.conf")));
        }
        QCOMPARE(hosts.size(), 1); // one block 127.0.K.* per harness
        QCOMPARE(dirs.size(), m_nodes.count());
    }

    void harnessRestartsOnNewAddresses()
    {
        // The total-failure scenario later tests build on: same data folders, new addresses, same ids.
        RedisTestNodes nodes;
        const Result<void> started = nodes.start(2);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const auto ids = [&nodes] {
            RedisPool pool;
            std::optional<QList<NodeReply>> replies;
            pool.commandAll(nodes.addresses(), {"CLUSTER", "MYID"}, nullptr,
                            [&](QList<NodeReply> r) { replies = r; });
            QStringList result;
            if (QTest::qWaitFor([&] { return replies.has_value(); }, 10000)) {
                for (const NodeReply &reply : *replies)
                    result.append(reply.reply ? reply.reply.value().text() : reply.reply.error().message());
            }
            return result;
        };
        const QStringList before = ids();
        const QList<NodeAddress> oldAddresses = nodes.addresses();
        const Result<void> restarted = nodes.restartAllOnNewAddresses();
        QVERIFY2(restarted.ok(), qPrintable(restarted.error().message()));
        QVERIFY(nodes.address(0) != oldAddresses.at(0));
        QVERIFY(nodes.address(1) != oldAddresses.at(1));
        QCOMPARE(ids(), before);
        QCOMPARE(before.first().size(), 40);
        QVERIFY(nodes.kill(1).ok());
        QVERIFY(!nodes.isRunning(1));
        QVERIFY(nodes.restart(1).ok());
        QCOMPARE(ids(), before);
    }

    void harnessReportsMissingServer()
    {
        const QByteArray saved = qgetenv("RCS_REDIS_SERVER");
        qputenv("RCS_REDIS_SERVER", "/nonexistent/redis-server");
        RedisTestNodes nodes;
        const Result<void> started = nodes.start(1);
        if (saved.isEmpty())
            qunsetenv("RCS_REDIS_SERVER");
        else
            qputenv("RCS_REDIS_SERVER", saved);
        QVERIFY(!started.ok());
        QCOMPARE(started.error().code(), ErrorCode::NotFound);
        QVERIFY2(started.error().message().contains(QStringLiteral("redis-server was not found")),
                 qPrintable(started.error().message()));
    }

private:
    RedisTestNodes m_nodes;
};

QTEST_GUILESS_MAIN(TestRedisConnection)
#include "tst_redis_connection.moc"
