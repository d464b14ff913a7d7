#include "sandbox_app.h"

#include "api/api_handler.h"
#include "api/api_server.h"
#include "net/credentials.h"
#include "runtime/runtime.h"
#include "store/memory_object_store.h"
#include "store/private_folder.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonObject>
#include <QSet>

namespace sandbox {

namespace {

rcs::Error invalid(const QString &message)
{
    return rcs::Error(rcs::ErrorCode::InvalidInput, message);
}

} // namespace

SandboxApp::SandboxApp(QObject *parent)
    : QObject(parent)
{}

SandboxApp::~SandboxApp()
{
    stop();
}

rcs::Result<void> SandboxApp::start(const Options &options)
{
    if (options.dataDir.isEmpty())
        return invalid(
            QStringLiteral("--data-dir is required: the folder keeps the certificates, the kubeconfig "
                           "and the objects across restarts."));
    const QString dataDir = QDir(options.dataDir).absolutePath();
    if (!QDir().mkpath(dataDir))
        return rcs::Error(rcs::ErrorCode::Io,
                          QStringLiteral("cannot create the data folder %1.").arg(dataDir));
    if (const QString problem = makeDataFolderPrivate(dataDir); !problem.isEmpty())
        return rcs::Error(rcs::ErrorCode::Io, problem);
    const QDir dir(dataDir);

    const qsizetype colon = options.listen.lastIndexOf(u':');
    bool portOk = false;
    QString host = options.listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']')) // [::1]:6443
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    const quint16 port = colon < 0 ? 0 : options.listen.mid(colon + 1).toUShort(&portOk);
    if (colon < 0 || !portOk || address.isNull())
        return invalid(QStringLiteral("--listen expects ADDRESS:PORT such as 127.0.0.1:6443, not \"%1\".")
                           .arg(options.listen));
    if (!address.isLoopback())
        return invalid(QStringLiteral("--listen must name a loopback address such as 127.0.0.1, not %1: the "
                                      "sandbox must never be reachable from the network.")
                           .arg(address.toString()));
    if (options.nodes < 1 || options.nodes > 100)
        return invalid(QStringLiteral("--nodes expects a number from 1 to 100."));

    auto credentials = Credentials::loadOrCreate(dataDir);
    if (!credentials)
        return credentials.error();
    m_credentials = std::make_unique<Credentials>(std::move(credentials).value());

    m_store = std::make_unique<MemoryObjectStore>(dir.filePath(QStringLiteral("state.json")));
    if (const auto loaded = m_store->load(); !loaded)
        return loaded.error();
    m_handler = std::make_unique<ApiHandler>(m_store.get(), m_credentials.get());
    m_handler->ensureBuiltinObjects();

    RuntimeOptions runtimeOptions;
    runtimeOptions.dataDir = dataDir;
    runtimeOptions.podNetwork = options.podNetwork;
    runtimeOptions.nodeCount = options.nodes;
    runtimeOptions.redisServerPath = options.redisServer;
    runtimeOptions.redisCliPath = options.redisCli;
    runtimeOptions.imageMap = options.imageMap;
    m_runtime = std::make_unique<Runtime>(*m_store, runtimeOptions);
    if (const auto started = m_runtime->start(); !started)
        return started.error();
    syncNodes();
    connect(m_runtime.get(), &Runtime::nodesChanged, this, &SandboxApp::syncNodes);
    m_handler->setStreamHandler(m_runtime.get());
    Runtime *runtime = m_runtime.get();
    m_handler->setPodLogSource(
        [runtime](const QString &ns, const QString &name) { return runtime->podLog(ns, name); });
    m_handler->setNodeFailer([runtime](const QString &node, bool failNode) {
        return failNode ? runtime->failNode(node) : runtime->recoverNode(node);
    });

    m_server = std::make_unique<ApiServer>(m_handler.get(), m_credentials.get());
    m_server->setVerbose(options.verbose);
    const QString addressFile = dir.filePath(QStringLiteral("listen-address"));
    bool listening = false;
    if (port == 0) {
        // Reuse the port of the previous run so that existing kubeconfig copies keep working.
        QFile previous(addressFile);
        if (previous.open(QIODevice::ReadOnly)) {
            const QString text = QString::fromUtf8(previous.readAll()).trimmed();
            const quint16 previousPort = text.mid(text.lastIndexOf(u':') + 1).toUShort();
            listening = previousPort != 0 && m_server->listen(address, previousPort).ok();
        }
    }
    if (!listening) {
        if (const auto result = m_server->listen(address, port); !result) {
            stop();
            return result.error();
        }
    }
    const QString hostText = m_server->address().protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + m_server->address().toString() + u']'
                                 : m_server->address().toString();
    const QString hostPort = hostText + u':' + QString::number(m_server->port());
    m_url = QStringLiteral("https://") + hostPort;
    {
        QFile file(addressFile);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(hostPort.toUtf8() + '\n');
    }
    m_kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    if (const auto written = m_credentials->writeKubeconfig(m_kubeconfig, m_url); !written) {
        stop();
        return written.error();
    }
    return {};
}

void SandboxApp::stop()
{
    if (m_stopped || !m_runtime)
        return;
    m_stopped = true;
    if (m_server)
        m_server->close();
    m_runtime->stopAllPods();
    m_store->flush();
}

// Keeps the store's Node objects equal to the runtime's simulated nodes, so that get, list and
// watch on nodes behave like every other resource.
void SandboxApp::syncNodes()
{
    const QString resource = QStringLiteral("nodes");
    QSet<QString> current;
    for (QJsonObject node : m_runtime->nodes()) {
        QJsonObject metadata = node.value(QLatin1String("metadata")).toObject();
        const QString name = metadata.value(QLatin1String("name")).toString();
        current.insert(name);
        if (const auto stored = m_store->get(resource, {}, name)) {
            metadata.insert(
                QStringLiteral("resourceVersion"),
                stored->value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")));
            node.insert(QStringLiteral("metadata"), metadata);
            m_store->update(resource, node, false);
        } else {
            m_store->create(resource, node);
        }
    }
    for (const QJsonObject &node : m_store->list(resource, {})) {
        const QString name =
            node.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        if (!current.contains(name))
            m_store->remove(resource, {}, name);
    }
}

} // namespace sandbox
