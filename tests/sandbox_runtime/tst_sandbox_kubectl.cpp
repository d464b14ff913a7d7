// The real kube-sandbox executable driven by the real kubectl, as a newcomer would follow the seed:
// 部署 (apply --server-side, create -f), 创建集群 (redis-cli --cluster create inside kubectl exec),
// 非全体节点故障 (delete a pod: new IP, same node id and data), scaling, a restart of kube-sandbox, and
// 清理环境 (delete -f manifests/ plus the PVCs) leaving nothing behind. Then the README's walk-through once
// with every kubectl on the machine, from Debian's 1.20 to 1.33 (seedWalkThrough): they differ in what
// they ask of the server (OpenAPI v2 or v3, exec over SPDY or WebSocket).

#include "common/shell_quote.h"
#include "support/kube_sandbox_process.h"
#include "support/program_run.h"
#include "support/server_under_test.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

constexpr int kPodsTimeoutMs = 180000;
const QString kNs = QStringLiteral("redis-cluster");
// The kubectl.1.N that Google's Cloud SDK `kubectl` package installs next to its dispatcher.
const QString kCloudSdkBin = QStringLiteral("/usr/lib/google-cloud-sdk/bin");
constexpr int kOldestCloudSdkMinor = 27;
constexpr int kNewestCloudSdkMinor = 33;

using Run = rcs::test::ProgramRun;

Run runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env, int timeoutMs,
               const QByteArray &input = {})
{
    rcs::test::ProgramOptions options;
    options.environment = env;
    options.timeoutMs = timeoutMs;
    options.input = input;
    return rcs::test::runProgram(program, args, options);
}

// The server's own redis-cli (rcs::test::redisCliProgram()), its answer trimmed.
QString redisCli(const QStringList &args)
{
    return rcs::test::runRedisCli(args, 15000).out.trimmed();
}

QString redisCli(const QString &ip, const QStringList &args)
{
    return redisCli(QStringList{QStringLiteral("-h"), ip} + args);
}

// Command lines of the processes that name `text` (Linux /proc).
QStringList processesMentioning(const QString &text)
{
    QStringList found;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        if (pid.toLongLong() <= 0 || pid.toLongLong() == QCoreApplication::applicationPid())
            continue;
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString commandLine = QString::fromUtf8(file.readAll().replace('\0', ' '));
        if (commandLine.contains(text))
            found.append(pid + u' ' + commandLine);
    }
    return found;
}

bool podReady(const QJsonObject &pod)
{
    const QJsonObject status = pod.value(QLatin1String("status")).toObject();
    if (status.value(QLatin1String("phase")).toString() != QLatin1String("Running"))
        return false;
    for (const QJsonValue &value : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject condition = value.toObject();
        if (condition.value(QLatin1String("type")).toString() == QLatin1String("Ready"))
            return condition.value(QLatin1String("status")).toString() == QLatin1String("True");
    }
    return false;
}

struct Forwarded {
    QStringList answers;   // of each redis-cli command, trimmed; empty when no local port came
    QString kubectlOutput; // what kubectl printed, to explain a failure
};

// `kubectl port-forward -n redis-cluster pod/POD :6379`: redis-cli sends each command through the local
// port kubectl reports ("Forwarding from 127.0.0.1:40123 -> 6379"), then kubectl is stopped.
Forwarded throughPortForward(const QString &program, const QProcessEnvironment &env, const QString &pod,
                             const QList<QStringList> &commands)
{
    QProcess forward;
    forward.setProcessEnvironment(env);
    forward.start(program, {QStringLiteral("port-forward"), QStringLiteral("-n"), kNs,
                            QStringLiteral("pod/") + pod, QStringLiteral(":6379")});
    Forwarded result;
    const bool answered = QTest::qWaitFor(
        [&] {
            result.kubectlOutput += QString::fromUtf8(forward.readAllStandardOutput());
            return result.kubectlOutput.contains(u'\n') || forward.state() == QProcess::NotRunning;
        },
        30000);
    if (!answered)
        result.kubectlOutput += QStringLiteral("<no local port after 30 s>\n");
    const QString port = result.kubectlOutput.section(QStringLiteral("127.0.0.1:"), 1, 1).section(u' ', 0, 0);
    if (port.toUShort() > 0) {
        for (const QStringList &command : commands)
            result.answers.append(redisCli(QStringList{QStringLiteral("-p"), port} + command));
    }
    forward.terminate();
    if (!forward.waitForFinished(10000)) {
        forward.kill();
        forward.waitForFinished(2000);
    }
    result.kubectlOutput +=
        QString::fromUtf8(forward.readAllStandardOutput() + forward.readAllStandardError());
    return result;
}

// Every kubectl the walk-through runs with: Debian's 1.20 (unpacked, never installed) and each
// kubectl.1.N of the Cloud SDK, with what to do when one is missing.
struct KubectlBinary {
    QString version;
    QString path;
    QString howToGet;
};

QList<KubectlBinary> kubectlMatrix()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    QList<KubectlBinary> binaries{
        {QStringLiteral("1.20"), cache + QStringLiteral("/redis-cluster-studio/kubectl-1.20/usr/bin/kubectl"),
         QStringLiteral(
             "scripts/unpack-debian-kubectl.sh (which scripts/install-deps.sh runs) unpacks Debian's "
             "kubernetes-client there")}};
    QList<int> minors;
    for (int minor = kOldestCloudSdkMinor; minor <= kNewestCloudSdkMinor; ++minor)
        minors.append(minor);
    for (const QString &name : QDir(kCloudSdkBin).entryList({QStringLiteral("kubectl.1.*")}, QDir::Files)) {
        const int minor = name.section(u'.', 2, 2).toInt();
        if (minor > 0 && !minors.contains(minor))
            minors.append(minor); // a newer SDK brings newer ones: they run too
    }
    std::sort(minors.begin(), minors.end());
    for (const int minor : std::as_const(minors))
        binaries.append({QStringLiteral("1.%1").arg(minor),
                         kCloudSdkBin + QStringLiteral("/kubectl.1.%1").arg(minor),
                         QStringLiteral("the `kubectl` package of Google's Cloud SDK apt repository "
                                        "(packages.cloud.google.com) installs kubectl.1.%1 there")
                             .arg(minor)});
    return binaries;
}

} // namespace

class TestSandboxKubectl final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void applyServerSideBringsUpSixPods();
    void getShowsPodsAndServices();
    void manifestsCarryTheSeedsValues();
    void portForwardReachesThePod();
    void seedCreateClusterThroughExec();
    void deletedPodKeepsIdentityUnderNewIp();
    void seedPartialFailureHeals();
    void standalonePodKeepsItsData();
    void scaleToSeven();
    void failedNodeMovesItsPods();
    void restartBringsPodsBackWithNewIps();
    void deleteLeavesNothingBehind();
    void createFromManifestsBringsUpSixPods();
    void seedWalkThrough_data();
    void seedWalkThrough();

private:
    void startSandbox();
    int stopSandbox(); // the exit code
    Run kubectl(const QStringList &args, int timeoutMs = 120000, const QByteArray &input = {});
    QProcessEnvironment kubectlEnvironment(const QString &home) const;
    QList<QJsonObject> pods(const QString &ns = kNs);
    QMap<QString, QString> readyPodIps(int expected);
    bool waitForReadyPods(int expected, QMap<QString, QString> *ips);
    QMap<QString, QString> wideIpColumn();
    Run execInPod(const QString &pod, const QStringList &command, int timeoutMs = 60000);
    QJsonObject getJson(const QString &what);

    QTemporaryDir m_dataDir;
    QTemporaryDir m_home;
    QString m_manifests;
    std::unique_ptr<rcs::test::KubeSandboxProcess> m_sandbox;
    QMap<QString, QString> m_ips;
};

void TestSandboxKubectl::initTestCase()
{
    if (QStandardPaths::findExecutable(QStringLiteral("kubectl")).isEmpty())
        QSKIP("kubectl is not installed; these tests drive kube-sandbox with the real kubectl");
    if (rcs::test::redisServerProgram().isEmpty())
        QSKIP("redis-server is not installed (PATH or $RCS_REDIS_SERVER); kube-sandbox pods need it");
    QVERIFY(m_dataDir.isValid() && m_home.isValid());
    m_manifests = qEnvironmentVariable("RCS_SOURCE_DIR") + QStringLiteral("/manifests");
    m_sandbox = std::make_unique<rcs::test::KubeSandboxProcess>(m_dataDir.path());
    m_sandbox->setExtraArguments({QStringLiteral("--nodes"), QStringLiteral("3")});
    QVERIFY2(QFile::exists(m_manifests + QStringLiteral("/30-statefulset.yaml")), qPrintable(m_manifests));
    startSandbox();
}

void TestSandboxKubectl::cleanupTestCase()
{
    stopSandbox();
}

void TestSandboxKubectl::startSandbox()
{
    QVERIFY2(!rcs::test::KubeSandboxProcess::executable().isEmpty(), "kube-sandbox is not built");
    const rcs::Result<void> started = m_sandbox->start(30000);
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
}

int TestSandboxKubectl::stopSandbox()
{
    return m_sandbox ? m_sandbox->stop(60000) : -1;
}

QProcessEnvironment TestSandboxKubectl::kubectlEnvironment(const QString &home) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home); // a fresh discovery and OpenAPI cache
    env.insert(QStringLiteral("KUBECONFIG"), m_dataDir.path() + QStringLiteral("/kubeconfig"));
    return env;
}

Run TestSandboxKubectl::kubectl(const QStringList &args, int timeoutMs, const QByteArray &input)
{
    return runProgram(QStringLiteral("kubectl"), args, kubectlEnvironment(m_home.path()), timeoutMs, input);
}

QList<QJsonObject> TestSandboxKubectl::pods(const QString &ns)
{
    const Run run = kubectl({QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-n"), ns,
                             QStringLiteral("-o"), QStringLiteral("json")},
                            30000);
    QList<QJsonObject> result;
    for (const QJsonValue &item :
         QJsonDocument::fromJson(run.out.toUtf8()).object().value(QLatin1String("items")).toArray())
        result.append(item.toObject());
    return result;
}

// Names → IPs when exactly `expected` redis-app pods are Running and Ready with distinct IPs.
bool TestSandboxKubectl::waitForReadyPods(int expected, QMap<QString, QString> *ips)
{
    return QTest::qWaitFor(
        [&] {
            ips->clear();
            QSet<QString> distinct;
            for (const QJsonObject &pod : pods()) {
                const QString name =
                    pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
                if (!name.startsWith(QLatin1String("redis-app-")) || !podReady(pod))
                    continue;
                const QString ip =
                    pod.value(QLatin1String("status")).toObject().value(QLatin1String("podIP")).toString();
                ips->insert(name, ip);
                distinct.insert(ip);
            }
            return ips->size() == expected && distinct.size() == expected;
        },
        kPodsTimeoutMs);
}

// What the seed reads: `kubectl get pod -owide` and its IP column (the sixth, `awk '{print $6}'`), by pod
// name. Read at the header's offset: a RESTARTS cell such as "1 (5s ago)" would shift awk's count.
QMap<QString, QString> TestSandboxKubectl::wideIpColumn()
{
    const Run get = kubectl({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-owide"),
                             QStringLiteral("--namespace=redis-cluster")},
                            30000);
    QMap<QString, QString> ips;
    const QStringList rows = get.out.split(u'\n', Qt::SkipEmptyParts);
    if (rows.isEmpty() || rows.first().split(u' ', Qt::SkipEmptyParts).value(5) != QLatin1String("IP"))
        return ips;
    const qsizetype ipColumn = rows.first().indexOf(QLatin1String(" IP ")) + 1;
    for (const QString &row : rows.mid(1)) {
        const QString name = row.section(u' ', 0, 0);
        if (name.startsWith(QLatin1String("redis-app-")))
            ips.insert(name, row.mid(ipColumn).section(u' ', 0, 0));
    }
    return ips;
}

Run TestSandboxKubectl::execInPod(const QString &pod, const QStringList &command, int timeoutMs)
{
    return kubectl(QStringList{QStringLiteral("exec"), QStringLiteral("-n"), kNs, pod, QStringLiteral("--")} +
                       command,
                   timeoutMs);
}

void TestSandboxKubectl::applyServerSideBringsUpSixPods()
{
    const Run apply = kubectl(
        {QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), m_manifests});
    QVERIFY2(apply.exitCode == 0, qPrintable(apply.out + apply.err));
    QVERIFY2(apply.out.contains(QLatin1String("statefulset.apps/redis-app serverside-applied")),
             qPrintable(apply.out));
    QVERIFY2(waitForReadyPods(6, &m_ips), qPrintable(m_sandbox->output().right(3000)));
    for (const QString &ip : std::as_const(m_ips))
        QCOMPARE(redisCli(ip, {QStringLiteral("ping")}), QStringLiteral("PONG"));
}

void TestSandboxKubectl::getShowsPodsAndServices()
{
    const Run get = kubectl({QStringLiteral("get"), QStringLiteral("pod,service"), QStringLiteral("-n"), kNs,
                             QStringLiteral("-o"), QStringLiteral("wide")});
    QVERIFY2(get.exitCode == 0, qPrintable(get.err));
    for (auto it = m_ips.begin(); it != m_ips.end(); ++it) {
        const QString line =
            get.out.section(QStringLiteral("pod/") + it.key() + u' ', 1, 1).section(u'\n', 0, 0);
        QVERIFY2(line.contains(QLatin1String("1/1")) && line.contains(QLatin1String("Running")) &&
                     line.contains(it.value()) && line.contains(QLatin1String("sandbox-node-")),
                 qPrintable(get.out));
    }
    QVERIFY2(get.out.contains(QLatin1String("service/redis-access-service")) &&
                 get.out.contains(QLatin1String("6379:30379/TCP")),
             qPrintable(get.out));
    QVERIFY2(get.out.contains(QLatin1String("service/redis-service")), qPrintable(get.out));
}

QJsonObject TestSandboxKubectl::getJson(const QString &what)
{
    const Run get = kubectl({QStringLiteral("get"), what, QStringLiteral("-n"), kNs, QStringLiteral("-o"),
                             QStringLiteral("json")},
                            30000);
    return QJsonDocument::fromJson(get.out.toUtf8()).object();
}

// manifests/ holds the names and values the seed's readers know (issue 3, item 6), as the API stored them.
void TestSandboxKubectl::manifestsCarryTheSeedsValues()
{
    const QString conf = getJson(QStringLiteral("configmap/redis-conf"))
                             .value(QLatin1String("data"))
                             .toObject()
                             .value(QLatin1String("redis.conf"))
                             .toString();
    for (const char *line :
         {"appendonly yes", "cluster-enabled yes", "cluster-config-file /var/lib/redis/nodes.conf",
          "cluster-node-timeout 5000", "dir /var/lib/redis", "port 6379"})
        QVERIFY2(conf.split(u'\n').contains(QString::fromLatin1(line)), line);

    const QJsonObject headless =
        getJson(QStringLiteral("service/redis-service")).value(QLatin1String("spec")).toObject();
    QCOMPARE(headless.value(QLatin1String("clusterIP")).toString(), QStringLiteral("None"));
    QCOMPARE(headless.value(QLatin1String("ports"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("port"))
                 .toInt(),
             6379);
    const QJsonObject access =
        getJson(QStringLiteral("service/redis-access-service")).value(QLatin1String("spec")).toObject();
    QCOMPARE(access.value(QLatin1String("type")).toString(), QStringLiteral("NodePort"));
    const QJsonObject accessPort = access.value(QLatin1String("ports")).toArray().at(0).toObject();
    QCOMPARE(accessPort.value(QLatin1String("port")).toInt(), 6379);
    QCOMPARE(accessPort.value(QLatin1String("nodePort")).toInt(), 30379);

    const QJsonObject spec =
        getJson(QStringLiteral("statefulset/redis-app")).value(QLatin1String("spec")).toObject();
    QCOMPARE(spec.value(QLatin1String("serviceName")).toString(), QStringLiteral("redis-service"));
    QCOMPARE(spec.value(QLatin1String("replicas")).toInt(), 6);
    const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("redis")},
                             {QStringLiteral("appCluster"), QStringLiteral("redis-cluster")}};
    QCOMPARE(spec.value(QLatin1String("selector")).toObject().value(QLatin1String("matchLabels")).toObject(),
             labels);
    const QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    QCOMPARE(templ.value(QLatin1String("metadata")).toObject().value(QLatin1String("labels")).toObject(),
             labels);
    const QJsonObject podSpec = templ.value(QLatin1String("spec")).toObject();
    const QJsonObject preferred = podSpec.value(QLatin1String("affinity"))
                                      .toObject()
                                      .value(QLatin1String("podAntiAffinity"))
                                      .toObject()
                                      .value(QLatin1String("preferredDuringSchedulingIgnoredDuringExecution"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
    QCOMPARE(preferred.value(QLatin1String("podAffinityTerm"))
                 .toObject()
                 .value(QLatin1String("topologyKey"))
                 .toString(),
             QStringLiteral("kubernetes.io/hostname"));
    const QJsonObject container = podSpec.value(QLatin1String("containers")).toArray().at(0).toObject();
    QCOMPARE(container.value(QLatin1String("name")).toString(), QStringLiteral("redis"));
    QCOMPARE(container.value(QLatin1String("image")).toString(), QStringLiteral("redis:5.0.5"));
    QStringList command;
    for (const QVariant &word : container.value(QLatin1String("command")).toArray().toVariantList() +
                                    container.value(QLatin1String("args")).toArray().toVariantList())
        command.append(word.toString());
    QCOMPARE(command.join(u' '), QStringLiteral("redis-server /etc/redis/redis.conf --protected-mode no"));
    QVERIFY(container.contains(QLatin1String("readinessProbe")));
    QHash<QString, QString> mounts;
    for (const QJsonValue &mount : container.value(QLatin1String("volumeMounts")).toArray())
        mounts.insert(mount.toObject().value(QLatin1String("name")).toString(),
                      mount.toObject().value(QLatin1String("mountPath")).toString());
    QCOMPARE(mounts.value(QStringLiteral("redis-conf")), QStringLiteral("/etc/redis"));
    QCOMPARE(mounts.value(QStringLiteral("redis-data")), QStringLiteral("/var/lib/redis"));
    QCOMPARE(podSpec.value(QLatin1String("volumes"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("configMap"))
                 .toObject()
                 .value(QLatin1String("name"))
                 .toString(),
             QStringLiteral("redis-conf"));
    const QJsonObject claim = spec.value(QLatin1String("volumeClaimTemplates")).toArray().at(0).toObject();
    QCOMPARE(claim.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("redis-data"));
    QCOMPARE(claim.value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("resources"))
                 .toObject()
                 .value(QLatin1String("requests"))
                 .toObject()
                 .value(QLatin1String("storage"))
                 .toString(),
             QStringLiteral("1Gi"));
}

// kubectl port-forward speaks SPDY/3.1 inside a WebSocket (kubectl 1.31 and later).
void TestSandboxKubectl::portForwardReachesThePod()
{
    const Forwarded forwarded = throughPortForward(
        QStringLiteral("kubectl"), kubectlEnvironment(m_home.path()), QStringLiteral("redis-app-0"),
        {{QStringLiteral("ping")}, {QStringLiteral("cluster"), QStringLiteral("myid")}});
    QVERIFY2(forwarded.answers.size() == 2, qPrintable(forwarded.kubectlOutput));
    QCOMPARE(forwarded.answers.at(0), QStringLiteral("PONG"));
    QCOMPARE(forwarded.answers.at(1), redisCli(m_ips.value(QStringLiteral("redis-app-0")),
                                               {QStringLiteral("cluster"), QStringLiteral("myid")}));
}

void TestSandboxKubectl::seedCreateClusterThroughExec()
{
    const Run before =
        kubectl({QStringLiteral("exec"), QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                 QStringLiteral("--"), QStringLiteral("redis-cli"), QStringLiteral("cluster"),
                 QStringLiteral("info")});
    QVERIFY2(before.exitCode == 0 && before.out.contains(QLatin1String("cluster_state:fail")),
             qPrintable(before.out + before.err));

    QStringList command{QStringLiteral("exec"),        QStringLiteral("-n"),    kNs,
                        QStringLiteral("redis-app-0"), QStringLiteral("--"),    QStringLiteral("redis-cli"),
                        QStringLiteral("--cluster"),   QStringLiteral("create")};
    for (int i = 0; i < 6; ++i)
        command.append(m_ips.value(QStringLiteral("redis-app-%1").arg(i)) + QStringLiteral(":6379"));
    command += {QStringLiteral("--cluster-replicas"), QStringLiteral("1"), QStringLiteral("--cluster-yes")};
    const Run create = kubectl(command, 180000);
    QVERIFY2(create.exitCode == 0 && create.out.contains(QLatin1String("[OK] All 16384 slots covered.")),
             qPrintable(create.out + create.err));
    QTRY_VERIFY_WITH_TIMEOUT(
        kubectl({QStringLiteral("exec"), QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                 QStringLiteral("--"), QStringLiteral("redis-cli"), QStringLiteral("cluster"),
                 QStringLiteral("info")})
            .out.contains(QLatin1String("cluster_state:ok")),
        60000);
    const Run info =
        execInPod(QStringLiteral("redis-app-0"),
                  {QStringLiteral("redis-cli"), QStringLiteral("cluster"), QStringLiteral("info")});
    QVERIFY2(info.out.contains(QLatin1String("cluster_known_nodes:6")) &&
                 info.out.contains(QLatin1String("cluster_size:3")),
             qPrintable(info.out));
    // A failing command reports its exit code through kubectl.
    const Run failing =
        kubectl({QStringLiteral("exec"), QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                 QStringLiteral("--"), QStringLiteral("false")});
    QCOMPARE(failing.exitCode, 1);
    // kubectl form-encodes spaces in command= as '+'; a shell command line must arrive intact.
    const Run shell = kubectl({QStringLiteral("exec"), QStringLiteral("-n"), kNs,
                               QStringLiteral("redis-app-0"), QStringLiteral("--"), QStringLiteral("sh"),
                               QStringLiteral("-c"), QStringLiteral("echo hi there+1; exit 3")});
    QCOMPARE(shell.out.trimmed(), QStringLiteral("hi there+1"));
    QCOMPARE(shell.exitCode, 3);
}

void TestSandboxKubectl::deletedPodKeepsIdentityUnderNewIp()
{
    const QStringList nodesConf{QStringLiteral("exec"),
                                QStringLiteral("-n"),
                                kNs,
                                QStringLiteral("redis-app-1"),
                                QStringLiteral("--"),
                                QStringLiteral("cat"),
                                QStringLiteral("/var/lib/redis/nodes.conf")};
    const Run before = kubectl(nodesConf);
    QVERIFY2(before.exitCode == 0 && before.out.contains(QLatin1String("myself")),
             qPrintable(before.out + before.err));
    const QString myId = redisCli(m_ips.value(QStringLiteral("redis-app-1")),
                                  {QStringLiteral("cluster"), QStringLiteral("myid")});
    QCOMPARE(myId.size(), 40);

    const QString oldIp = m_ips.value(QStringLiteral("redis-app-1"));
    const Run del = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs,
                             QStringLiteral("redis-app-1")});
    QVERIFY2(del.exitCode == 0, qPrintable(del.out + del.err));
    QVERIFY(QTest::qWaitFor(
        [&] { return waitForReadyPods(6, &m_ips) && m_ips.value(QStringLiteral("redis-app-1")) != oldIp; },
        kPodsTimeoutMs));
    QCOMPARE(redisCli(m_ips.value(QStringLiteral("redis-app-1")),
                      {QStringLiteral("cluster"), QStringLiteral("myid")}),
             myId);
    QVERIFY(kubectl(nodesConf).out.contains(myId));
    // The seed's 非全体节点故障: with the other nodes still at their addresses, the re-created node
    // rejoins by itself and everyone learns its new IP.
    const QString newAddress = m_ips.value(QStringLiteral("redis-app-1")) + QStringLiteral(":6379");
    QTRY_VERIFY_WITH_TIMEOUT(redisCli(m_ips.value(QStringLiteral("redis-app-0")),
                                      {QStringLiteral("cluster"), QStringLiteral("info")})
                                     .contains(QLatin1String("cluster_state:ok")) &&
                                 redisCli(m_ips.value(QStringLiteral("redis-app-0")),
                                          {QStringLiteral("cluster"), QStringLiteral("nodes")})
                                     .contains(newAddress),
                             60000);
}

// The seed's 非全体节点故障 step as written: note the IPs (column 6 of `kubectl get pod -owide`), delete
// redis-app-0..4 one `kubectl delete pod` at a time and keep redis-app-5; the five come back with new
// IPs, find the cluster through redis-app-5 and the others, and nodes.conf names the new addresses.
void TestSandboxKubectl::seedPartialFailureHeals()
{
    const QMap<QString, QString> before = wideIpColumn();
    QCOMPARE(before, m_ips);
    for (int i = 0; i < 5; ++i) {
        const Run del = kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs,
                                 QStringLiteral("redis-app-%1").arg(i)});
        QVERIFY2(del.exitCode == 0, qPrintable(del.out + del.err));
    }
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     if (!waitForReadyPods(6, &m_ips))
                         return false;
                     for (int i = 0; i < 5; ++i) {
                         const QString name = QStringLiteral("redis-app-%1").arg(i);
                         if (m_ips.value(name) == before.value(name))
                             return false;
                     }
                     return true;
                 },
                 kPodsTimeoutMs),
             qPrintable(m_sandbox->output().right(3000)));
    QCOMPARE(m_ips.value(QStringLiteral("redis-app-5")), before.value(QStringLiteral("redis-app-5")));
    QCOMPARE(wideIpColumn(), m_ips);

    // The healed cluster as the seed checks it, from inside redis-app-0: state ok, six nodes, the others
    // at their new IPs in CLUSTER NODES and in nodes.conf on the claim. A node learns its own address
    // only from a MEET, so redis-app-0's "myself" line keeps its old IP (the seed's output shows the
    // same); redis-app-5, the node that kept its address, sees all six at their current IPs.
    const QString ownIp = m_ips.value(QStringLiteral("redis-app-0"));
    const auto listsIps = [this, &ownIp](const QString &text, bool includingOwn) {
        for (const QString &ip : std::as_const(m_ips)) {
            if ((includingOwn || ip != ownIp) && !text.contains(ip + QStringLiteral(":6379@")))
                return false;
        }
        return true;
    };
    const QStringList clusterNodes{QStringLiteral("redis-cli"), QStringLiteral("cluster"),
                                   QStringLiteral("nodes")};
    const auto healed = [&] {
        const Run info =
            execInPod(QStringLiteral("redis-app-0"),
                      {QStringLiteral("redis-cli"), QStringLiteral("cluster"), QStringLiteral("info")});
        if (!info.out.contains(QLatin1String("cluster_state:ok")) ||
            !info.out.contains(QLatin1String("cluster_known_nodes:6")))
            return false;
        const QString center = execInPod(QStringLiteral("redis-app-5"), clusterNodes).out;
        return listsIps(center, true) && !center.contains(QLatin1String("fail")) &&
               listsIps(execInPod(QStringLiteral("redis-app-0"), clusterNodes).out, false);
    };
    QVERIFY2(QTest::qWaitFor(healed, 120000),
             qPrintable(execInPod(QStringLiteral("redis-app-0"), clusterNodes).out +
                        execInPod(QStringLiteral("redis-app-5"), clusterNodes).out));
    QTRY_VERIFY_WITH_TIMEOUT(
        listsIps(execInPod(QStringLiteral("redis-app-0"),
                           {QStringLiteral("cat"), QStringLiteral("/var/lib/redis/nodes.conf")})
                     .out,
                 false),
        30000);
    // Still one cluster of 3 masters with a replica each, every slot served.
    const Run check =
        execInPod(QStringLiteral("redis-app-5"),
                  {QStringLiteral("redis-cli"), QStringLiteral("--cluster"), QStringLiteral("check"),
                   m_ips.value(QStringLiteral("redis-app-5")) + QStringLiteral(":6379")});
    QVERIFY2(check.exitCode == 0 && check.out.contains(QLatin1String("[OK] All 16384 slots covered.")) &&
                 check.out.count(QLatin1String("1 additional replica(s)")) == 3,
             qPrintable(check.out + check.err));
}

void TestSandboxKubectl::standalonePodKeepsItsData()
{
    const QByteArray manifest = R"(apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: solo-data, namespace: redis-cluster, labels: {app: solo}}
spec:
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 100Mi}}
---
apiVersion: v1
kind: Pod
metadata: {name: solo, namespace: redis-cluster}
spec:
  containers:
  - name: redis
    image: redis:7
    args: ["--appendonly", "yes", "--dir", "/data"]
    volumeMounts: [{name: data, mountPath: /data}]
  volumes:
  - name: data
    persistentVolumeClaim: {claimName: solo-data}
)";
    QVERIFY(kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, 60000, manifest)
                .exitCode == 0);
    auto soloIp = [this] {
        for (const QJsonObject &pod : pods()) {
            if (pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString() ==
                    QLatin1String("solo") &&
                podReady(pod))
                return pod.value(QLatin1String("status")).toObject().value(QLatin1String("podIP")).toString();
        }
        return QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!soloIp().isEmpty(), 60000);
    const QString firstIp = soloIp();
    QCOMPARE(redisCli(firstIp, {QStringLiteral("set"), QStringLiteral("greeting"), QStringLiteral("ni hao")}),
             QStringLiteral("OK"));
    QVERIFY(kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs,
                     QStringLiteral("solo")})
                .exitCode == 0);
    const QByteArray podOnly = manifest.mid(manifest.indexOf("---") + 4);
    QVERIFY(kubectl({QStringLiteral("create"), QStringLiteral("-f"), QStringLiteral("-")}, 60000, podOnly)
                .exitCode == 0);
    QTRY_VERIFY_WITH_TIMEOUT(!soloIp().isEmpty(), 60000);
    QVERIFY(soloIp() != firstIp);
    QCOMPARE(redisCli(soloIp(), {QStringLiteral("get"), QStringLiteral("greeting")}),
             QStringLiteral("ni hao"));
    QVERIFY(kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs,
                     QStringLiteral("solo")})
                .exitCode == 0);
    QVERIFY(kubectl({QStringLiteral("delete"), QStringLiteral("pvc"), QStringLiteral("-n"), kNs,
                     QStringLiteral("-l"), QStringLiteral("app=solo")})
                .exitCode == 0);
}

void TestSandboxKubectl::scaleToSeven()
{
    const Run scale =
        kubectl({QStringLiteral("scale"), QStringLiteral("statefulset"), QStringLiteral("redis-app"),
                 QStringLiteral("-n"), kNs, QStringLiteral("--replicas=7")});
    QVERIFY2(scale.exitCode == 0, qPrintable(scale.out + scale.err));
    QVERIFY(waitForReadyPods(7, &m_ips));
    QCOMPARE(redisCli(m_ips.value(QStringLiteral("redis-app-6")), {QStringLiteral("ping")}),
             QStringLiteral("PONG"));
}

// POST /sandbox/nodes/NAME/fail: the node turns NotReady and its pods come back on the others.
void TestSandboxKubectl::failedNodeMovesItsPods()
{
    QString node;
    for (const QJsonObject &pod : pods()) {
        if (pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString() ==
            QLatin1String("redis-app-0"))
            node = pod.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
    }
    QVERIFY(node.startsWith(QLatin1String("sandbox-node-")));
    const QMap<QString, QString> before = m_ips;
    const QByteArray empty = "{}";
    const Run fail = kubectl({QStringLiteral("create"), QStringLiteral("--raw"),
                              QStringLiteral("/sandbox/nodes/%1/fail").arg(node), QStringLiteral("-f"),
                              QStringLiteral("-")},
                             30000, empty);
    QVERIFY2(fail.exitCode == 0, qPrintable(fail.out + fail.err));
    const Run nodes = kubectl({QStringLiteral("get"), QStringLiteral("nodes")});
    QVERIFY2(nodes.out.section(node, 1, 1).section(u'\n', 0, 0).contains(QLatin1String("NotReady")),
             qPrintable(nodes.out));
    QVERIFY(QTest::qWaitFor(
        [&] {
            if (!waitForReadyPods(7, &m_ips) ||
                m_ips.value(QStringLiteral("redis-app-0")) == before.value(QStringLiteral("redis-app-0")))
                return false;
            for (const QJsonObject &pod : pods()) {
                if (pod.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString() ==
                    node)
                    return false;
            }
            return true;
        },
        kPodsTimeoutMs));
    const Run recover = kubectl({QStringLiteral("create"), QStringLiteral("--raw"),
                                 QStringLiteral("/sandbox/nodes/%1/recover").arg(node), QStringLiteral("-f"),
                                 QStringLiteral("-")},
                                30000, empty);
    QVERIFY2(recover.exitCode == 0, qPrintable(recover.out + recover.err));
}

void TestSandboxKubectl::restartBringsPodsBackWithNewIps()
{
    const QMap<QString, QString> before = m_ips;
    QCOMPARE(stopSandbox(), 0);
    for (const QString &ip : before)
        QVERIFY2(redisCli(ip, {QStringLiteral("ping")}) != QStringLiteral("PONG"),
                 qPrintable(ip)); // all stopped
    // No process of the sandbox is left: redis-server shows its pod IP in its process title, the other
    // pod processes (exec, probes) name their folder in the data dir.
    const QString podPrefix = m_sandbox->podNetwork().section(u'.', 0, 2) + u'.';
    const QStringList leftovers = processesMentioning(m_dataDir.path()) + processesMentioning(podPrefix);
    QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u'\n')));
    startSandbox();
    QVERIFY(waitForReadyPods(7, &m_ips));
    for (auto it = before.begin(); it != before.end(); ++it)
        QVERIFY2(m_ips.value(it.key()) != it.value(), qPrintable(it.key()));
    // Every pod has a new IP and nodes.conf still names the old ones: the famous total failure the
    // app's recovery workflow must handle, reproduced faithfully (no node knows any current address,
    // not even its own).
    const QString nodes = redisCli(m_ips.value(QStringLiteral("redis-app-0")),
                                   {QStringLiteral("cluster"), QStringLiteral("nodes")});
    for (const QString &ip : std::as_const(m_ips))
        QVERIFY2(!nodes.contains(ip + QStringLiteral(":6379@")), qPrintable(nodes));
    QVERIFY(redisCli(m_ips.value(QStringLiteral("redis-app-0")),
                     {QStringLiteral("cluster"), QStringLiteral("info")})
                .contains(QLatin1String("cluster_state:fail")));
}

void TestSandboxKubectl::deleteLeavesNothingBehind()
{
    const Run del = kubectl({QStringLiteral("delete"), QStringLiteral("-f"), m_manifests}, 180000);
    QVERIFY2(del.out.contains(QLatin1String("namespace \"redis-cluster\" deleted")),
             qPrintable(del.out + del.err));
    // The namespace comes first and takes its contents along; kubectl may then find them gone already
    // (a real API server removes them a little later). Any other error fails.
    for (const QString &line : del.err.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.contains(QLatin1String("(NotFound)")), qPrintable(del.err));
    const Run pvc = kubectl({QStringLiteral("delete"), QStringLiteral("pvc"), QStringLiteral("-l"),
                             QStringLiteral("app=redis"), QStringLiteral("-n"), kNs});
    QVERIFY2(pvc.exitCode == 0, qPrintable(pvc.out + pvc.err));
    QTRY_VERIFY_WITH_TIMEOUT(pods().isEmpty(), 60000);
    const Run left = kubectl({QStringLiteral("get"), QStringLiteral("all,pvc,configmap"),
                              QStringLiteral("-n"), kNs, QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(left.out.trimmed().isEmpty(), qPrintable(left.out));
    for (const QString &ip : std::as_const(m_ips))
        QTRY_VERIFY_WITH_TIMEOUT(redisCli(ip, {QStringLiteral("ping")}) != QStringLiteral("PONG"), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(QDir(m_dataDir.path() + QStringLiteral("/pvc/redis-cluster")).isEmpty(), 30000);
}

void TestSandboxKubectl::createFromManifestsBringsUpSixPods()
{
    const Run create = kubectl({QStringLiteral("create"), QStringLiteral("-f"), m_manifests});
    QVERIFY2(create.exitCode == 0, qPrintable(create.out + create.err));
    QVERIFY(create.out.contains(QLatin1String("namespace/redis-cluster created")));
    QVERIFY2(waitForReadyPods(6, &m_ips), qPrintable(m_sandbox->output().right(3000)));
    for (const QString &ip : std::as_const(m_ips))
        QCOMPARE(redisCli(ip, {QStringLiteral("ping")}), QStringLiteral("PONG"));
    const Run del = kubectl({QStringLiteral("delete"), QStringLiteral("-f"), m_manifests}, 180000);
    QVERIFY2(del.out.contains(QLatin1String("namespace \"redis-cluster\" deleted")),
             qPrintable(del.out + del.err));
    QTRY_VERIFY_WITH_TIMEOUT(pods().isEmpty(), 60000);
}

void TestSandboxKubectl::seedWalkThrough_data()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QString>("howToGet");
    QTest::addColumn<bool>("execOverSpdy");
    for (const KubectlBinary &kubectl : kubectlMatrix())
        QTest::newRow(qPrintable(QStringLiteral("kubectl ") + kubectl.version))
            << kubectl.path << kubectl.howToGet << (kubectl.version.section(u'.', 1, 1).toInt() <= 29);
}

// The README's walk-through of the seed with one kubectl, as written there: create -f manifests/ (then
// apply -f over it), rollout status, get pod,service -owide, the pod IPs by jsonpath, redis-cli --cluster
// create inside kubectl exec, an interactive bash through exec -it on a terminal, delete pod, a
// port-forward, rollout restart and history, delete -f manifests/ and the PVCs. kubectl 1.20–1.28 fetch
// /openapi/v2 (protobuf) before create and apply (1.20 validates every object with it and builds apply's
// strategic merge patches from it); up to 1.29 exec runs over SPDY/3.1, from 1.30 over WebSocket.
void TestSandboxKubectl::seedWalkThrough()
{
    QFETCH(QString, binary);
    QFETCH(QString, howToGet);
    QFETCH(bool, execOverSpdy);
    if (!QFileInfo(binary).isExecutable())
        QSKIP(qPrintable(QStringLiteral("%1 is not there: %2").arg(binary, howToGet)));
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    QVERIFY2(!script.isEmpty(), "util-linux script is needed to give kubectl exec -it a terminal");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QProcessEnvironment env = kubectlEnvironment(home.path());
    const auto k = [&](const QStringList &args, int timeoutMs = 120000, const QByteArray &input = {}) {
        return runProgram(binary, args, env, timeoutMs, input);
    };
    const auto show = [](const Run &run) { return (run.out + run.err).toLocal8Bit(); };
    const QStringList inPod{QStringLiteral("exec"), QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                            QStringLiteral("--")};
    const QStringList rolloutStatus{QStringLiteral("rollout"),
                                    QStringLiteral("status"),
                                    QStringLiteral("statefulset/redis-app"),
                                    QStringLiteral("-n"),
                                    kNs,
                                    QStringLiteral("--timeout=180s")};
    const auto podIp = [&](const QString &pod) {
        return k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-n"), kNs, pod,
                  QStringLiteral("-o"), QStringLiteral("jsonpath={.status.podIP}")},
                 30000)
            .out.trimmed();
    };
    const auto clusterOk = [&] {
        return k(inPod + QStringList{QStringLiteral("redis-cli"), QStringLiteral("cluster"),
                                     QStringLiteral("info")},
                 30000)
            .out.contains(QLatin1String("cluster_state:ok"));
    };
    // kubectl -v=6 logs every request with its answer ("GET https://…/openapi/v2?timeout=32s 200 OK", or
    // from 1.32 on verb="GET" url="…" status="200 OK"): what the row really used, not just that it passed.
    const auto requested = [](const Run &run, const char *method, const char *path, const char *status) {
        for (const QString &line : run.err.split(u'\n')) {
            if (line.contains(QLatin1String(method)) && line.contains(QLatin1String(path)) &&
                line.contains(QLatin1String(status)))
                return true;
        }
        return false;
    };
    // A row that failed half-way must not fail the next ones: start from no redis-cluster namespace.
    k({QStringLiteral("delete"), QStringLiteral("namespace"), kNs, QStringLiteral("--ignore-not-found"),
       QStringLiteral("--wait=true")},
      120000);
    QElapsedTimer timer;
    timer.start();

    // 部署 (deploy): the namespace first, then ConfigMap, Services and StatefulSet; client-side apply
    // over them patches only the last-applied annotation in (the pod template stays as it is).
    const Run create = k({QStringLiteral("create"), QStringLiteral("-f"), m_manifests});
    QVERIFY2(create.exitCode == 0 && create.out.contains(QLatin1String("namespace/redis-cluster created")) &&
                 create.out.contains(QLatin1String("statefulset.apps/redis-app created")),
             show(create).constData());
    const Run apply = k({QStringLiteral("apply"), QStringLiteral("-f"), m_manifests, QStringLiteral("-v=6")});
    QVERIFY2(apply.exitCode == 0 &&
                 apply.out.contains(QLatin1String("statefulset.apps/redis-app configured")),
             show(apply).constData());
    // Every version reads the patch strategies from /openapi/v2 (the sandbox's v3 documents have no
    // schemas, so newer ones fall back to v2, as they do on clusters without them).
    QVERIFY2(requested(apply, "GET", "/openapi/v2", "200 OK"), show(apply).constData());
    const Run generation = k({QStringLiteral("get"), QStringLiteral("statefulset"),
                              QStringLiteral("redis-app"), QStringLiteral("-n"), kNs, QStringLiteral("-o"),
                              QStringLiteral("jsonpath={.metadata.generation}")});
    QCOMPARE(generation.out.trimmed(), QStringLiteral("1"));
    const Run rolledOut = k(rolloutStatus, 200000);
    QVERIFY2(rolledOut.exitCode == 0 && rolledOut.out.contains(QLatin1String("roll out complete")),
             show(rolledOut).constData());
    const Run get = k({QStringLiteral("get"), QStringLiteral("pod,service"),
                       QStringLiteral("--namespace=redis-cluster"), QStringLiteral("-owide")});
    QVERIFY2(get.exitCode == 0 && get.out.contains(QLatin1String("6379:30379/TCP")), show(get).constData());
    int running = 0;
    for (const QString &line : get.out.split(u'\n')) {
        running += line.startsWith(QLatin1String("pod/redis-app-")) &&
                   line.contains(QLatin1String(" 1/1 ")) && line.contains(QLatin1String(" Running "));
    }
    QVERIFY2(running == 6, show(get).constData());

    // 创建集群 (create the cluster) inside redis-app-0 with the pod IPs, as the seed does.
    const Run ips =
        k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-n"), kNs, QStringLiteral("-o"),
           QStringLiteral("jsonpath={range .items[*]}{.status.podIP}:6379 {end}")});
    const QStringList addresses = ips.out.split(u' ', Qt::SkipEmptyParts);
    QVERIFY2(addresses.size() == 6, show(ips).constData());
    const Run created = k(
        inPod +
            QStringList{QStringLiteral("redis-cli"), QStringLiteral("--cluster"), QStringLiteral("create")} +
            addresses +
            QStringList{QStringLiteral("--cluster-replicas"), QStringLiteral("1"),
                        QStringLiteral("--cluster-yes")},
        180000);
    QVERIFY2(created.exitCode == 0 && created.out.contains(QLatin1String("[OK] All 16384 slots covered.")),
             show(created).constData());
    QVERIFY(QTest::qWaitFor(clusterOk, 60000));
    // The exit code, stdin and stderr come through.
    const Run failing = k(inPod + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                              QStringLiteral("echo to-stderr >&2; exit 3")});
    QCOMPARE(failing.exitCode, 3);
    QVERIFY2(failing.err.contains(QLatin1String("to-stderr")), show(failing).constData());
    // -v=6 on a command that succeeds: kubectl 1.20 turns an error into a fatal exit 255 when verbose.
    const Run echoed =
        k({QStringLiteral("exec"), QStringLiteral("-v=6"), QStringLiteral("-i"), QStringLiteral("-n"), kNs,
           QStringLiteral("redis-app-0"), QStringLiteral("--"), QStringLiteral("cat")},
          60000, "through stdin\n");
    QCOMPARE(echoed.out, QStringLiteral("through stdin\n"));
    // Up to 1.29 kubectl execs over SPDY/3.1 (a POST upgraded to SPDY); from 1.30 over WebSocket (a GET),
    // falling back to SPDY only when that fails, which must not happen here.
    QVERIFY2(requested(echoed, execOverSpdy ? "POST" : "GET", "/exec?", "101 Switching Protocols"),
             show(echoed).constData());
    // Interactively, as the README offers: bash on a terminal of the client's size (script gives kubectl
    // a 91x33 terminal), redis-cli inside it, and its exit code.
    const Run terminal =
        runProgram(script,
                   {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                    QStringLiteral("stty cols 91 rows 33; exec ") +
                        rcs::shellJoin(QStringList{binary, QStringLiteral("exec"), QStringLiteral("-it"),
                                                   QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                                                   QStringLiteral("--"), QStringLiteral("/bin/bash")}),
                    QStringLiteral("/dev/null")},
                   env, 60000, "stty size\nredis-cli cluster info | grep state\nexit 7\n");
    QVERIFY2(terminal.exitCode == 7 && terminal.out.contains(QLatin1String("33 91")) &&
                 terminal.out.contains(QLatin1String("cluster_state:ok")),
             show(terminal).constData());

    // 非全体节点故障 (a node fails): the pod comes back with a new IP and the cluster heals.
    const QString oldIp = podIp(QStringLiteral("redis-app-0"));
    const Run deleted = k({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs,
                           QStringLiteral("redis-app-0")});
    QVERIFY2(deleted.exitCode == 0 && deleted.out.contains(QLatin1String("pod \"redis-app-0\" deleted")),
             show(deleted).constData());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QString ip = podIp(QStringLiteral("redis-app-0"));
            return !ip.isEmpty() && ip != oldIp;
        },
        kPodsTimeoutMs));
    const Run back = k(rolloutStatus, 200000);
    QVERIFY2(back.exitCode == 0, show(back).constData());
    QVERIFY(QTest::qWaitFor(clusterOk, 60000));

    // port-forward: raw SPDY/3.1 up to 1.30, SPDY inside a WebSocket from 1.31.
    const Forwarded forwarded = throughPortForward(binary, env, QStringLiteral("redis-app-1"),
                                                   {{QStringLiteral("cluster"), QStringLiteral("info")}});
    QVERIFY2(forwarded.answers.value(0).contains(QLatin1String("cluster_state:ok")),
             qPrintable(forwarded.kubectlOutput + forwarded.answers.join(u'\n')));

    // A rolling restart: the template changes (a new revision in the history) and the pods are replaced
    // one by one. Waiting for all six adds 11 s per kubectl and tests the sandbox's controller rather
    // than kubectl, so rollout status only reports the rollout under way; the cleanup stops it.
    const Run restart = k({QStringLiteral("rollout"), QStringLiteral("restart"),
                           QStringLiteral("statefulset/redis-app"), QStringLiteral("-n"), kNs});
    QVERIFY2(restart.exitCode == 0 && restart.out.contains(QLatin1String("restarted")),
             show(restart).constData());
    const Run history = k({QStringLiteral("rollout"), QStringLiteral("history"),
                           QStringLiteral("statefulset/redis-app"), QStringLiteral("-n"), kNs});
    QVERIFY2(history.exitCode == 0 && history.out.contains(QLatin1String("REVISION")),
             show(history).constData());
    QStringList revisions;
    for (const QString &line : history.out.split(u'\n'))
        if (!line.isEmpty() && line.at(0).isDigit())
            revisions.append(line.section(u' ', 0, 0));
    QCOMPARE(revisions, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    const Run underWay =
        k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("statefulset/redis-app"),
           QStringLiteral("-n"), kNs, QStringLiteral("--watch=false")});
    QVERIFY2(underWay.exitCode == 0 && underWay.out.contains(QLatin1String("Waiting for")),
             show(underWay).constData());

    // 清理环境 (cleanup): the namespace goes first and takes the rest; kubectl may then find them gone.
    const Run removed = k({QStringLiteral("delete"), QStringLiteral("-f"), m_manifests}, 180000);
    QVERIFY2(removed.out.contains(QLatin1String("namespace \"redis-cluster\" deleted")),
             show(removed).constData());
    for (const QString &line : removed.err.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.contains(QLatin1String("(NotFound)")) || line.contains(QLatin1String("not found")),
                 show(removed).constData());
    const Run claims = k({QStringLiteral("delete"), QStringLiteral("pvc"), QStringLiteral("-n"), kNs,
                          QStringLiteral("-l"), QStringLiteral("app=redis")});
    QVERIFY2(claims.exitCode == 0, show(claims).constData());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return k({QStringLiteral("get"), QStringLiteral("namespace"), kNs}, 30000)
                .err.contains(QLatin1String("NotFound"));
        },
        60000));
    qInfo().noquote() << QTest::currentDataTag() << "walk-through:" << timer.elapsed() << "ms";
}

QTEST_GUILESS_MAIN(TestSandboxKubectl)
#include "tst_sandbox_kubectl.moc"
