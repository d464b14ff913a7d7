// kube-sandbox: a local Kubernetes API whose pods are real redis-server processes (issue 3). The wiring
// is SandboxApp (wiring/sandbox_app.h); main() parses the command line and turns SIGTERM/SIGINT into stop().
#include "wiring/sandbox_app.h"

#include <QCommandLineParser>
#include <QCoreApplication>
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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kube-sandbox"));
    const SandboxApp::Options defaults;

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
                                          QStringLiteral("ADDR:PORT"), defaults.listen);
    const QCommandLineOption nodesOption(QStringLiteral("nodes"),
                                         QStringLiteral("Number of simulated nodes."), QStringLiteral("K"),
                                         QString::number(defaults.nodes));
    const QCommandLineOption networkOption(QStringLiteral("pod-network"),
                                           QStringLiteral("Loopback network for pod IPs."),
                                           QStringLiteral("CIDR"), defaults.podNetwork);
    const QCommandLineOption redisOption(QStringLiteral("redis-server"),
                                         QStringLiteral("The redis-server executable pods run."),
                                         QStringLiteral("PATH"), defaults.redisServer);
    const QCommandLineOption cliOption(
        QStringLiteral("redis-cli"),
        QStringLiteral("The redis-cli that pods' redis-cli runs (default: the one next to --redis-server, "
                       "else redis-cli on PATH)."),
        QStringLiteral("PATH"));
    const QCommandLineOption imageMapOption(
        QStringLiteral("image-map"),
        QStringLiteral("Which server binary a container image runs, by exact image name, e.g. "
                       "'redis:5.0.5=/opt/redis-5.0.5/src/redis-server,redis:7.0=/usr/bin/redis-server'; "
                       "other images run --redis-server. Pods use the redis-cli (or valkey-cli) beside a "
                       "mapped server, else the default one."),
        QStringLiteral("IMAGE=PATH,..."));
    const QCommandLineOption verboseOption(QStringLiteral("verbose"),
                                           QStringLiteral("Log every request line and answer code."));
    parser.addOptions({dataDirOption, listenOption, nodesOption, networkOption, redisOption, cliOption,
                       imageMapOption, verboseOption});
    parser.process(app);
    if (parser.isSet(verboseOption))
        QLoggingCategory::setFilterRules(QStringLiteral("rcs.sandbox.info=true\nrcs.sandbox.debug=true"));

    SandboxApp::Options options;
    options.dataDir = parser.value(dataDirOption);
    options.listen = parser.value(listenOption);
    bool nodesOk = false;
    options.nodes = parser.value(nodesOption).toInt(&nodesOk);
    if (!nodesOk)
        options.nodes = 0; // reported by start() as out of range
    options.podNetwork = parser.value(networkOption);
    options.redisServer = parser.value(redisOption);
    options.redisCli = parser.value(cliOption);
    options.imageMap = parser.values(imageMapOption).join(u',');
    options.verbose = parser.isSet(verboseOption);

    SandboxApp sandboxApp;
    if (const auto started = sandboxApp.start(options); !started)
        return fail(started.error().message());

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        sandboxApp.stop();
        return fail(QStringLiteral("cannot set up signal handling."));
    }
    QSocketNotifier signalNotifier(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signalNotifier, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        [[maybe_unused]] const auto got = ::read(g_signalPipe[0], &byte, 1);
        signalNotifier.setEnabled(false);
        QTextStream(stdout) << "kube-sandbox: stopping pods and saving state" << Qt::endl;
        sandboxApp.stop();
        app.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);

    QTextStream out(stdout);
    out << "kubeconfig: " << sandboxApp.kubeconfigPath() << Qt::endl;
    out << "listening on " << sandboxApp.url() << Qt::endl;
    out << "try: kubectl --kubeconfig " << sandboxApp.kubeconfigPath() << " get nodes" << Qt::endl;

    const int code = QCoreApplication::exec();
    sandboxApp.stop();
    return code;
}
