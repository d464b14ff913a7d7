#include "redis_test_nodes.h"

#include "common/child_process.h"

#include "redis/redis_connection.h"
#include "support/program_run.h"
#include "support/server_under_test.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

namespace rcs::test {

namespace {
constexpr qsizetype MaxOutput = 64 * 1024;
constexpr int StopTimeoutMs = 15000;
} // namespace

RedisTestNodes::RedisTestNodes(QObject *parent)
    : QObject(parent)
{}

RedisTestNodes::~RedisTestNodes()
{
    for (Node &node : m_nodes) {
        if (node.process && node.process->state() != QProcess::NotRunning) {
            node.process->kill();
            node.process->waitForFinished(5000);
        }
    }
}

Result<QString> RedisTestNodes::serverBinary()
{
    const QString binary = redisServerProgram();
    if (binary.isEmpty() || !QFileInfo(binary).isExecutable()) {
        return Error(ErrorCode::NotFound,
                     QStringLiteral("redis-server was not found (PATH or $RCS_REDIS_SERVER); install the "
                                    "redis-server package, e.g. with scripts/install-deps.sh."));
    }
    return binary;
}

Result<QVersionNumber> RedisTestNodes::serverVersion()
{
    const Result<RedisServerBuild> build = serverBuild();
    if (!build)
        return build.error();
    return build->version;
}

Result<RedisServerBuild> RedisTestNodes::serverBuild(const QString &binary)
{
    Result<QString> chosen = binary.isEmpty() ? serverBinary() : Result<QString>(binary);
    if (!chosen)
        return chosen.error();
    if (!QFileInfo(chosen.value()).isExecutable())
        return Error(
            ErrorCode::NotFound,
            QStringLiteral("The server binary %1 does not exist or is not executable.").arg(chosen.value()));
    ProgramOptions options;
    options.timeoutMs = 10000;
    const ProgramRun run = runProgram(chosen.value(), {QStringLiteral("--version")}, options);
    if (!run.ran())
        return run.failure;
    const QString text = run.out;
    // "Redis server v=7.0.15 sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=…", "Valkey server v=8.0.1 …"
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^(\\w+) server v=(\\d+\\.\\d+\\.\\d+)")).match(text);
    if (!match.hasMatch())
        return Error(ErrorCode::Protocol,
                     QStringLiteral("Cannot read the server and version from '%1'.").arg(text.trimmed()));
    return RedisServerBuild{match.captured(1).toLower(), QVersionNumber::fromString(match.captured(2))};
}

QString RedisTestNodes::matrixServerBinary(const QString &name)
{
    const QString cache =
        qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache")) +
        QStringLiteral("/redis-servers/");
    const QString program = name.startsWith(QLatin1String("valkey")) ? QStringLiteral("valkey-server")
                                                                     : QStringLiteral("redis-server");
    return cache + name + QStringLiteral("/src/") + program;
}

Result<QString> RedisTestNodes::otherServerBinary()
{
    const Result<RedisServerBuild> current = serverBuild();
    if (!current)
        return current.error();
    const QString configured = qEnvironmentVariable("RCS_OTHER_REDIS_SERVER");
    if (!configured.isEmpty())
        return configured;
    const QStringList candidates = {matrixServerBinary(QStringLiteral("redis-6.2.16")),
                                    matrixServerBinary(QStringLiteral("valkey-8.0.1")),
                                    matrixServerBinary(QStringLiteral("redis-5.0.5")),
                                    QStringLiteral("/usr/bin/redis-server")};
    for (const QString &candidate : candidates) {
        if (!QFileInfo(candidate).isExecutable())
            continue;
        const Result<RedisServerBuild> build = serverBuild(candidate);
        if (build && (build->name != current->name || build->version != current->version))
            return candidate;
    }
    return Error(ErrorCode::NotFound,
                 QStringLiteral("No server of another version than %1 %2 was found ($RCS_OTHER_REDIS_SERVER, "
                                "or one of %3); build the matrix servers (../shared/servers/README.md).")
                     .arg(current->name, current->version.toString(), candidates.join(QStringLiteral(", "))));
}

Result<void> RedisTestNodes::start(int count, const Options &options)
{
    if (!m_nodes.empty())
        return Error(ErrorCode::Internal, QStringLiteral("RedisTestNodes::start() was called twice."));
    const Result<QString> binary = serverBinary();
    if (!binary)
        return binary.error();
    m_options = options;
    m_root = std::make_unique<QTemporaryDir>();
    if (!m_root->isValid())
        return Error(ErrorCode::Io,
                     QStringLiteral("Cannot create a temporary folder: %1.").arg(m_root->errorString()));
    Result<std::shared_ptr<LoopbackRange>> range = LoopbackRange::reserve();
    if (!range)
        return range.error();
    m_range = range.value();

    QList<int> indexes;
    QHash<QString, QVersionNumber> versions; // per binary: --version is asked once
    for (int i = 0; i < count; ++i) {
        Node node;
        node.binary = options.serverPerNode.value(i, binary.value());
        if (!versions.contains(node.binary)) {
            const Result<RedisServerBuild> build = serverBuild(node.binary);
            if (!build)
                return build.error();
            versions.insert(node.binary, build->version);
        }
        node.version = versions.value(node.binary);
        node.host = m_range->address(i + 1);
        node.dataDir = m_root->filePath(QStringLiteral("node-%1").arg(i + 1));
        if (!QDir().mkpath(node.dataDir))
            return Error(ErrorCode::Io, QStringLiteral("Cannot create %1.").arg(node.dataDir));
        m_nodes.push_back(std::move(node));
        indexes.append(i);
    }
    for (int i : std::as_const(indexes)) {
        if (Result<void> launched = launch(i); !launched)
            return launched;
    }
    return waitForPing(indexes);
}

NodeAddress RedisTestNodes::address(int index) const
{
    return NodeAddress{m_nodes.at(static_cast<size_t>(index)).host, 6379};
}

QList<NodeAddress> RedisTestNodes::addresses() const
{
    QList<NodeAddress> list;
    for (int i = 0; i < count(); ++i)
        list.append(address(i));
    return list;
}

QString RedisTestNodes::addressList() const
{
    QStringList list;
    for (const NodeAddress &address : addresses())
        list.append(address.toString());
    return list.join(QLatin1Char(','));
}

QString RedisTestNodes::dataDir(int index) const
{
    return m_nodes.at(static_cast<size_t>(index)).dataDir;
}

bool RedisTestNodes::isRunning(int index) const
{
    const Node &node = m_nodes.at(static_cast<size_t>(index));
    return node.process && node.process->state() != QProcess::NotRunning;
}

qint64 RedisTestNodes::processId(int index) const
{
    return isRunning(index) ? m_nodes.at(static_cast<size_t>(index)).process->processId() : 0;
}

QString RedisTestNodes::writeConfig(const Node &node) const
{
    QStringList lines = {
        QStringLiteral("bind ") + node.host,
        QStringLiteral("protected-mode no"),
        QStringLiteral("daemonize no"),
        QStringLiteral("dir ") + node.dataDir,
        QStringLiteral("appendonly yes"),
        QStringLiteral("save \"\""),
        QStringLiteral("cluster-enabled yes"),
        QStringLiteral("cluster-config-file nodes.conf"),
        QStringLiteral("cluster-node-timeout 5000"),
        // A file, not the pipe: a test blocked in waitForFinished() (a CLI run) does not drain the pipe,
        // and a server that logs every CLUSTER SETSLOT (Valkey 8) fills it and stops in write().
        QStringLiteral("logfile \"%1\"").arg(logPath(node)),
    };
    if (node.version.majorVersion() >= 7)
        lines.append(QStringLiteral("bind-source-addr ") + node.host);
    if (const std::optional<RedisTestTls> &tls = m_options.tls) {
        lines.append({QStringLiteral("port 0"), QStringLiteral("tls-port 6379"),
                      QStringLiteral("tls-cert-file ") + tls->certFile,
                      QStringLiteral("tls-key-file ") + tls->keyFile,
                      QStringLiteral("tls-ca-cert-file ") + tls->caFile,
                      QStringLiteral("tls-auth-clients ") + tls->authClients,
                      QStringLiteral("tls-cluster yes"), QStringLiteral("tls-replication yes")});
    } else {
        lines.append(QStringLiteral("port 6379"));
    }
    if (!m_options.password.isEmpty()) {
        lines.append(QStringLiteral("requirepass ") + m_options.password);
        lines.append(QStringLiteral("masterauth ") + m_options.password);
    }
    lines.append(m_options.extraConfig);
    const QString path = node.dataDir + QStringLiteral("/redis.conf");
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write((lines.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8());
    return path;
}

Result<void> RedisTestNodes::launch(int index)
{
    Node &node = m_nodes.at(static_cast<size_t>(index));
    const QString config = writeConfig(node);
    node.output.clear();
    node.process = std::make_unique<QProcess>();
    node.process->setProcessChannelMode(QProcess::MergedChannels);
    rcs::endWithParent(*node.process, SIGKILL); // a test killed on timeout leaves no server behind
    QProcess *process = node.process.get();
    connect(process, &QProcess::readyRead, this, [this, index, process] {
        Node &n = m_nodes.at(static_cast<size_t>(index));
        if (n.process.get() != process)
            return;
        n.output += process->readAll();
        if (n.output.size() > MaxOutput)
            n.output = n.output.right(MaxOutput / 2);
    });
    process->start(node.binary, {config});
    if (!process->waitForStarted(10000)) {
        return Error(ErrorCode::Io, QStringLiteral("Could not start %1 for %2: %3.")
                                        .arg(node.binary, node.host, process->errorString()));
    }
    return {};
}

Result<void> RedisTestNodes::waitForPing(const QList<int> &indexes)
{
    struct Probe {
        int index = 0;
        std::unique_ptr<RedisConnection> connection;
        bool answered = false;
        bool inFlight = false;
        QString lastError;
    };
    std::vector<Probe> probes;
    for (int index : indexes)
        probes.push_back({index, nullptr, false, false, {}});

    QDeadlineTimer deadline(m_options.startTimeoutMs);
    while (true) {
        bool allAnswered = true;
        for (Probe &probe : probes) {
            if (probe.answered)
                continue;
            allAnswered = false;
            if (!isRunning(probe.index)) {
                return Error(ErrorCode::Io,
                             QStringLiteral("redis-server for %1 exited during start-up. Its output:\n%2")
                                 .arg(address(probe.index).toString(), outputTail(probe.index)));
            }
            if (probe.inFlight)
                continue;
            // Refused while the server starts, or -LOADING while it reads its AOF: ask again.
            if (!probe.connection || probe.connection->state() == RedisConnection::State::Unconnected) {
                probe.connection = std::make_unique<RedisConnection>(address(probe.index));
                probe.connection->setCredentials(m_options.password);
                if (m_options.tls) {
                    RedisTlsOptions client = m_options.tls->client;
                    client.enabled = true;
                    probe.connection->setTlsOptions(client);
                }
                probe.connection->connectToNode(2000);
            }
            probe.inFlight = true;
            Probe *p = &probe;
            probe.connection->command(
                {"PING"}, probe.connection.get(),
                [p](Result<RedisReply> reply) {
                    p->inFlight = false;
                    if (reply)
                        p->answered = true;
                    else
                        p->lastError = reply.error().message();
                },
                2000);
        }
        if (allAnswered)
            return {};
        if (deadline.hasExpired())
            break;
        QTest::qWait(20);
    }
    for (const Probe &probe : probes) {
        if (!probe.answered) {
            return Error(
                ErrorCode::Timeout,
                QStringLiteral("redis-server at %1 did not answer PING within %2 ms (%3). Its output:\n%4")
                    .arg(address(probe.index).toString())
                    .arg(m_options.startTimeoutMs)
                    .arg(probe.lastError, outputTail(probe.index)));
        }
    }
    return {};
}

Result<void> RedisTestNodes::stop(int index)
{
    Node &node = m_nodes.at(static_cast<size_t>(index));
    if (!isRunning(index))
        return {};
    node.process->terminate();
    if (node.process->waitForFinished(StopTimeoutMs))
        return {};
    node.process->kill();
    node.process->waitForFinished(5000);
    return Error(ErrorCode::Timeout,
                 QStringLiteral("redis-server at %1 did not stop within %2 s after SIGTERM; "
                                "it was killed. Its last lines:\n%3")
                     .arg(node.host)
                     .arg(StopTimeoutMs / 1000)
                     .arg(outputTail(index, 15)));
}

Result<void> RedisTestNodes::stopAll()
{
    // Signal everyone first so the nodes shut down in parallel, then wait for each.
    for (int i = 0; i < count(); ++i) {
        if (isRunning(i))
            m_nodes.at(static_cast<size_t>(i)).process->terminate();
    }
    for (int i = 0; i < count(); ++i) {
        if (Result<void> stopped = stop(i); !stopped)
            return stopped;
    }
    return {};
}

Result<void> RedisTestNodes::kill(int index)
{
    Node &node = m_nodes.at(static_cast<size_t>(index));
    if (!isRunning(index))
        return {};
    node.process->kill();
    if (!node.process->waitForFinished(5000))
        return Error(ErrorCode::Timeout,
                     QStringLiteral("redis-server at %1 did not die after SIGKILL.").arg(node.host));
    return {};
}

Result<void> RedisTestNodes::restart(int index)
{
    if (isRunning(index))
        return Error(ErrorCode::Internal, QStringLiteral("Node %1 is still running.").arg(index));
    if (Result<void> launched = launch(index); !launched)
        return launched;
    return waitForPing({index});
}

Result<void> RedisTestNodes::restartAllOnNewAddresses()
{
    if (Result<void> stopped = stopAll(); !stopped)
        return stopped;
    Result<std::shared_ptr<LoopbackRange>> range = LoopbackRange::reserve();
    if (!range)
        return range.error();
    // The old block stays reserved: the nodes' nodes.conf still names those addresses, and another
    // test's nodes there would answer the cluster bus with foreign node ids.
    m_oldRanges.push_back(m_range);
    m_range = range.value();
    QList<int> indexes;
    for (int i = 0; i < count(); ++i) {
        m_nodes.at(static_cast<size_t>(i)).host = m_range->address(i + 1);
        if (Result<void> launched = launch(i); !launched)
            return launched;
        indexes.append(i);
    }
    return waitForPing(indexes);
}

QString RedisTestNodes::logPath(const Node &node)
{
    return node.dataDir + QStringLiteral("/server.log");
}

QString RedisTestNodes::outputTail(int index, int lines) const
{
    // What it printed before its log file was open (a bad config line), then the end of the log.
    const Node &node = m_nodes.at(static_cast<size_t>(index));
    QByteArray text = node.output;
    QFile log(logPath(node));
    if (log.open(QIODevice::ReadOnly)) {
        if (log.size() > MaxOutput)
            log.seek(log.size() - MaxOutput);
        text += log.readAll();
    }
    const QList<QByteArray> all = text.trimmed().split('\n');
    QStringList tail;
    for (qsizetype i = qMax<qsizetype>(0, all.size() - lines); i < all.size(); ++i)
        tail.append(QString::fromLocal8Bit(all.at(i)));
    return tail.join(QLatin1Char('\n'));
}

} // namespace rcs::test
