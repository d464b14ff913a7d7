// TestSandboxKubectl's own helpers: the sandbox started and stopped, kubectl run against it, pods read
// and waited for.
#include "tst_sandbox_kubectl.h"

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

QJsonObject TestSandboxKubectl::getJson(const QString &what)
{
    const Run get = kubectl({QStringLiteral("get"), what, QStringLiteral("-n"), kNs, QStringLiteral("-o"),
                             QStringLiteral("json")},
                            30000);
    return QJsonDocument::fromJson(get.out.toUtf8()).object();
}
