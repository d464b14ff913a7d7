// kube-sandbox: a local Kubernetes API whose pods are real redis-server processes (issue 3).
#include "api/api_handler.h"
#include "api/api_server.h"
#include "net/credentials.h"
#include "runtime/runtime.h"
#include "store/memory_object_store.h"
#include "store/private_folder.h"

#include "common/logging.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace sandbox;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalPipe[1], &byte, 1);
}

int fail(const QString &message)
{
    QTextStream(stderr) << "kube-sandbox: " << message << Qt::endl;
    return 1;
}

// Keeps the store's Node objects equal to the runtime's simulated nodes, so that get, list and
// watch on nodes behave like every other resource.
void syncNodes(ObjectStore &store, const Runtime &runtime)
{
    const QString resource = QStringLiteral("nodes");
    QSet<QString> current;
    for (QJsonObject node : runtime.nodes()) {
        QJsonObject metadata = node.value(QLatin1String("metadata")).toObject();
        const QString name = metadata.value(QLatin1String("name")).toString();
        current.insert(name);
        if (const auto stored = store.get(resource, {}, name)) {
            metadata.insert(
                QStringLiteral("resourceVersion"),
                stored->value(QLatin1String("metadata")).toObject().value(QLatin1String("resourceVersion")));
            node.insert(QStringLiteral("metadata"), metadata);
            store.update(resource, node, false);
        } else {
            store.create(resource, node);
        }
    }
    for (const QJsonObject &node : store.list(resource, {})) {
        const QString name =
            node.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        if (!current.contains(name))
            store.remove(resource, {}, name);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kube-sandbox"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local Kubernetes API for kubectl and Redis Cluster Studio whose pods are real "
                       "redis-server processes on loopback addresses."));
    parser.addHelpOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"),
                                           QStringLiteral("Folder for certificates, kubeconfig and state."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption listenOption(QStringLiteral("listen"),
                                          QStringLiteral("Loopback address and port; port 0 picks a free one "
                                                         "(reused after a restart)."),
                                          QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:0"));
    const QCommandLineOption nodesOption(QStringLiteral("nodes"),
                                         QStringLiteral("Number of simulated nodes."), QStringLiteral("K"),
                                         QStringLiteral("3"));
    const QCommandLineOption networkOption(QStringLiteral("pod-network"),
                                           QStringLiteral("Loopback network for pod IPs."),
                                           QStringLiteral("CIDR"), QStringLiteral("127.77.0.0/16"));
    const QCommandLineOption redisOption(QStringLiteral("redis-server"),
                                         QStringLiteral("The redis-server executable pods run."),
                                         QStringLiteral("PATH"), QStringLiteral("/usr/bin/redis-server"));
    const QCommandLineOption cliOption(
        QStringLiteral("redis-cli"),
        QStringLiteral("The redis-cli that pods' redis-cli runs (default: the one next to --redis-server, "
                       "else redis-cli on PATH)."),
        QStringLiteral("PATH"));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log every request line and answer code."));
    parser.addOptions(
        {dataDirOption, listenOption, nodesOption, networkOption, redisOption, cliOption, verboseOption});
    parser.process(app);
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("rcs.sandbox.info=true\nrcs.sandbox.debug=true"));

    if (!parser.isSet(dataDirOption))
        return fail(
            QStringLiteral("--data-dir is required: the folder keeps the certificates, the kubeconfig "
                           "and the objects across restarts."));
    const QString dataDir = QDir(parser.value(dataDirOption)).absolutePath();
    if (!QDir().mkpath(dataDir))
        return fail(QStringLiteral("cannot create the data folder %1.").arg(dataDir));
    if (const QString problem = makeDataFolderPrivate(dataDir); !problem.isEmpty())
        return fail(problem);
    const QDir dir(dataDir);

    const QString listen = parser.value(listenOption);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    QString host = listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']')) // [::1]:6443
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host);
    quint16 port = colon < 0 ? 0 : listen.mid(colon + 1).toUShort(&portOk);
    if (colon < 0 || !portOk || address.isNull())
        return fail(
            QStringLiteral("--listen expects ADDRESS:PORT such as 127.0.0.1:6443, not \"%1\".").arg(listen));
    if (!address.isLoopback())
        return fail(
            QStringLiteral("--listen must name a loopback address such as 127.0.0.1, not %1: the sandbox "
                           "must never be reachable from the network.")
                .arg(address.toString()));
    bool nodesOk = false;
    const int nodeCount = parser.value(nodesOption).toInt(&nodesOk);
    if (!nodesOk || nodeCount < 1 || nodeCount > 100)
        return fail(QStringLiteral("--nodes expects a number from 1 to 100."));

    const auto credentials = Credentials::loadOrCreate(dataDir);
    if (!credentials)
        return fail(credentials.error().message());

    MemoryObjectStore store(dir.filePath(QStringLiteral("state.json")));
    if (const auto loaded = store.load(); !loaded)
        return fail(loaded.error().message());

    ApiHandler handler(&store, &*credentials);
    handler.ensureBuiltinObjects();

    RuntimeOptions runtimeOptions;
    runtimeOptions.dataDir = dataDir;
    runtimeOptions.podNetwork = parser.value(networkOption);
    runtimeOptions.nodeCount = nodeCount;
    runtimeOptions.redisServerPath = parser.value(redisOption);
    runtimeOptions.redisCliPath = parser.value(cliOption);
    Runtime runtime(store, runtimeOptions);
    if (const auto started = runtime.start(); !started)
        return fail(started.error().message());
    syncNodes(store, runtime);
    QObject::connect(&runtime, &Runtime::nodesChanged, &app,
                     [&store, &runtime] { syncNodes(store, runtime); });
    handler.setStreamHandler(&runtime);
    handler.setPodLogSource(
        [&runtime](const QString &ns, const QString &name) { return runtime.podLog(ns, name); });
    handler.setNodeFailer([&runtime](const QString &node, bool failNode) {
        return failNode ? runtime.failNode(node) : runtime.recoverNode(node);
    });

    ApiServer server(&handler, &*credentials);
    server.setVerbose(parser.isSet(verboseOption));
    const QString addressFile = dir.filePath(QStringLiteral("listen-address"));
    bool listening = false;
    if (port == 0) {
        // Reuse the port of the previous run so that existing kubeconfig copies keep working.
        QFile previous(addressFile);
        if (previous.open(QIODevice::ReadOnly)) {
            const QString text = QString::fromUtf8(previous.readAll()).trimmed();
            const quint16 previousPort = text.mid(text.lastIndexOf(u':') + 1).toUShort();
            listening = previousPort != 0 && server.listen(address, previousPort).ok();
        }
    }
    if (!listening) {
        if (const auto result = server.listen(address, port); !result) {
            runtime.stopAllPods();
            return fail(result.error().message());
        }
    }
    const QString hostText = server.address().protocol() == QAbstractSocket::IPv6Protocol
                                 ? u'[' + server.address().toString() + u']'
                                 : server.address().toString();
    const QString hostPort = hostText + u':' + QString::number(server.port());
    const QString url = QStringLiteral("https://") + hostPort;
    {
        QFile file(addressFile);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(hostPort.toUtf8() + '\n');
    }
    const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
    if (const auto written = credentials->writeKubeconfig(kubeconfig, url); !written) {
        runtime.stopAllPods();
        return fail(written.error().message());
    }

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0)
        return fail(QStringLiteral("cannot set up signal handling."));
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        signalNotifier.setEnabled(false);
        QTextStream(stdout) << "kube-sandbox: stopping pods and saving state" << Qt::endl;
        server.close();
        runtime.stopAllPods();
        store.flush();
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    QTextStream out(stdout);
    out << "kubeconfig: " << kubeconfig << Qt::endl;
    out << "listening on " << url << Qt::endl;
    out << "try: kubectl --kubeconfig " << kubeconfig << " get nodes" << Qt::endl;

    const int code = QCoreApplication::exec();
    store.flush();
    return code;
}
