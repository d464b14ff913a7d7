#include "local_redis_nodes.h"

#include "redis/redis_connection.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTimer>

#include <functional>
#include <optional>

namespace rcs::cli {

namespace {
// Blocks used by nobody else: tests take 127.0.2-251, the kube-sandbox 127.77/16.
constexpr int FirstBlock = 252;
constexpr int LastBlock = 254;

bool isFree(const QString &host)
{
    QTcpServer probe;
    return probe.listen(QHostAddress(host), 6379);
}

int majorVersion(const QString &binary)
{
    QProcess process;
    process.start(binary, {QStringLiteral("--version")});
    if (!process.waitForFinished(10000))
        return 0;
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("v=(\\d+)\\.")).match(QString::fromLocal8Bit(process.readAll()));
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

// Runs the event loop in short slices until done() or the deadline (headless commands only).
bool spinUntil(const std::function<bool()> &done, const QDeadlineTimer &deadline)
{
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
} // namespace

LocalRedisNodes::~LocalRedisNodes()
{
    stop();
}

QList<NodeAddress> LocalRedisNodes::addresses() const
{
    QList<NodeAddress> list;
    for (const Node &node : m_nodes)
        list.append(node.address);
    return list;
}

Result<void> LocalRedisNodes::start(int count, int timeoutMs)
{
    const QString binary = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (binary.isEmpty()) {
        return Error(ErrorCode::NotFound, QStringLiteral("redis-server was not found on PATH; install the "
                                                         "redis-server package (scripts/install-deps.sh)."));
    }
    if (!m_root.isValid())
        return Error(ErrorCode::Io,
                     QStringLiteral("Cannot create a temporary folder: %1.").arg(m_root.errorString()));
    int block = 0;
    for (int candidate = FirstBlock; candidate <= LastBlock && block == 0; ++candidate) {
        bool free = true;
        for (int i = 1; i <= count && free; ++i)
            free = isFree(QStringLiteral("127.0.%1.%2").arg(candidate).arg(i));
        if (free)
            block = candidate;
    }
    if (block == 0) {
        return Error(ErrorCode::Io,
                     QStringLiteral("Port 6379 is taken on every demo address 127.0.%1-%2.x; stop "
                                    "the redis-server processes an earlier demo left behind.")
                         .arg(FirstBlock)
                         .arg(LastBlock));
    }
    const bool sourceAddress = majorVersion(binary) >= 7;
    for (int i = 1; i <= count; ++i) {
        Node node;
        node.address = NodeAddress{QStringLiteral("127.0.%1.%2").arg(block).arg(i), 6379};
        const QString dir = m_root.filePath(QStringLiteral("node-%1").arg(i));
        QDir().mkpath(dir);
        QStringList config = {QStringLiteral("bind ") + node.address.host,
                              QStringLiteral("port 6379"),
                              QStringLiteral("protected-mode no"),
                              QStringLiteral("dir ") + dir,
                              QStringLiteral("appendonly yes"),
                              QStringLiteral("save \"\""),
                              QStringLiteral("cluster-enabled yes"),
                              QStringLiteral("cluster-config-file nodes.conf"),
                              QStringLiteral("cluster-node-timeout 5000"),
                              QStringLiteral("logfile ") + dir + QStringLiteral("/redis.log")};
        if (sourceAddress)
            config.append(QStringLiteral("bind-source-addr ") + node.address.host);
        QFile file(dir + QStringLiteral("/redis.conf"));
        if (!file.open(QIODevice::WriteOnly))
            return Error(ErrorCode::Io, QStringLiteral("Cannot write %1.").arg(file.fileName()));
        file.write((config.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
        file.close();
        node.process = std::make_unique<QProcess>();
        node.process->start(binary, {file.fileName()});
        if (!node.process->waitForStarted(10000)) {
            return Error(ErrorCode::Io, QStringLiteral("Could not start redis-server for %1: %2.")
                                            .arg(node.address.toString(), node.process->errorString()));
        }
        m_nodes.push_back(std::move(node));
    }

    // Each node is asked PING until it answers; a refused connection just means "not listening yet".
    const QDeadlineTimer deadline(timeoutMs);
    for (const Node &node : m_nodes) {
        bool answered = false;
        QString lastError;
        while (!answered) {
            if (node.process->state() == QProcess::NotRunning) {
                return Error(ErrorCode::Io, QStringLiteral("redis-server for %1 exited at start-up; see %2.")
                                                .arg(node.address.toString(),
                                                     m_root.filePath(QStringLiteral("node-*/redis.log"))));
            }
            RedisConnection connection(node.address);
            connection.connectToNode(1000);
            std::optional<Result<RedisReply>> reply;
            connection.command(
                {"PING"}, [&reply](Result<RedisReply> r) { reply = std::move(r); }, 1000);
            if (!spinUntil([&reply] { return reply.has_value(); }, deadline))
                break;
            answered = reply->ok();
            if (answered)
                break;
            lastError = reply->error().message();
            if (deadline.hasExpired())
                break;
            spinUntil([] { return false; }, QDeadlineTimer(50)); // a short pause before asking again
        }
        if (!answered) {
            return Error(ErrorCode::Timeout,
                         QStringLiteral("redis-server at %1 did not answer within %2 s (%3).")
                             .arg(node.address.toString())
                             .arg(timeoutMs / 1000)
                             .arg(lastError));
        }
    }
    return {};
}

void LocalRedisNodes::stop()
{
    for (Node &node : m_nodes) {
        if (node.process->state() != QProcess::NotRunning)
            node.process->terminate();
    }
    for (Node &node : m_nodes) {
        if (node.process->state() != QProcess::NotRunning && !node.process->waitForFinished(10000)) {
            node.process->kill();
            node.process->waitForFinished(5000);
        }
    }
    m_nodes.clear();
}

} // namespace rcs::cli
