// The real kube-sandbox executable driven by the real kubectl, as a newcomer would follow the seed:
// 部署 (apply --server-side, create -f), 创建集群 (redis-cli --cluster create inside kubectl exec),
// 非全体节点故障 (delete a pod: new IP, same node id and data), scaling, a restart of kube-sandbox, and
// 清理环境 (delete -f manifests/ plus the PVCs) leaving nothing behind. Then the README's walk-through once
// with every kubectl on the machine, from Debian's 1.20 to 1.33 (seedWalkThrough): they differ in what
// they ask of the server (OpenAPI v2 or v3, exec over SPDY or WebSocket).

// This part: the seed's story with the machine's kubectl, test after test on one kube-sandbox;
// the walk-through with every kubectl is in tst_sandbox_kubectl_walkthrough.cpp.
#include "tst_sandbox_kubectl.h"

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

QTEST_GUILESS_MAIN(TestSandboxKubectl)
