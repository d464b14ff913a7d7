#pragma once

// TestSandboxKubectl's class and the helpers its parts share: running kubectl and redis-cli,
// port-forwards, and the kubectl versions of the walk-through.
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

namespace sandbox_kubectl_test {

inline constexpr int kPodsTimeoutMs = 180000;
inline const QString kNs = QStringLiteral("redis-cluster");
// The kubectl.1.N that Google's Cloud SDK `kubectl` package installs next to its dispatcher.
inline const QString kCloudSdkBin = QStringLiteral("/usr/lib/google-cloud-sdk/bin");
inline constexpr int kOldestCloudSdkMinor = 27;
inline constexpr int kNewestCloudSdkMinor = 33;

using Run = rcs::test::ProgramRun;

inline Run runProgram(const QString &program, const QStringList &args, const QProcessEnvironment &env,
                      int timeoutMs, const QByteArray &input = {})
{
    rcs::test::ProgramOptions options;
    options.environment = env;
    options.timeoutMs = timeoutMs;
    options.input = input;
    return rcs::test::runProgram(program, args, options);
}

// The server's own redis-cli (rcs::test::redisCliProgram()), its answer trimmed.
inline QString redisCli(const QStringList &args)
{
    return rcs::test::runRedisCli(args, 15000).out.trimmed();
}

inline QString redisCli(const QString &ip, const QStringList &args)
{
    return redisCli(QStringList{QStringLiteral("-h"), ip} + args);
}

// Command lines of the processes that name `text` (Linux /proc).
inline QStringList processesMentioning(const QString &text)
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

inline bool podReady(const QJsonObject &pod)
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
inline Forwarded throughPortForward(const QString &program, const QProcessEnvironment &env,
                                    const QString &pod, const QList<QStringList> &commands)
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

inline QList<KubectlBinary> kubectlMatrix()
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

} // namespace sandbox_kubectl_test

using namespace sandbox_kubectl_test;

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
