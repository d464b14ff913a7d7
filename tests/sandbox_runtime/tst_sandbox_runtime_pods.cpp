// The runtime against an in-memory object store, with real redis-server processes on loopback
// addresses: StatefulSet ordering, PVCs, re-created pods with new IPs and their data, crash loops,
// scaling, node failure, missing storage class, exec and port-forward sessions, and a restart.

// This part: pods coming up, going and coming back; the controllers' rules are in
// tst_sandbox_runtime_pods_controllers.cpp, exec and port-forward in tst_sandbox_runtime_pods_sessions.cpp.
#include "tst_sandbox_runtime_pods.h"

void TestSandboxRuntimePods::startRuntime()
{
    RuntimeOptions options;
    options.dataDir = m_dir.path();
    options.podNetwork = testNetwork();
    options.nodeCount = 3;
    // The server under test (scripts/compat.sh); the runtime's defaults otherwise.
    if (const QStringList chosen = rcs::test::kubeSandboxServerArguments(); !chosen.isEmpty()) {
        options.redisServerPath = rcs::test::redisServerProgram();
        options.redisCliPath = rcs::test::redisCliProgram();
    }
    m_runtime = std::make_unique<Runtime>(m_store, options);
    const auto started = m_runtime->start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
}

void TestSandboxRuntimePods::initTestCase()
{
    if (rcs::test::redisServerProgram().isEmpty())
        QSKIP("redis-server is not installed; the pod runtime needs it");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
    m_server.setSupportedSubprotocols(
        {QStringLiteral("v5.channel.k8s.io"), QStringLiteral("v4.channel.k8s.io")});
    connect(&m_server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_server.nextPendingConnection())
            m_accepted.append(socket);
    });
    connect(&m_store, &ObjectStore::changed, this, [this](const WatchEvent &event) {
        if (event.resource != QLatin1String("pods") || event.type != WatchEvent::Type::Added)
            return;
        const QString name =
            event.object.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString();
        m_createdOrder.append(name);
        const int ordinal = name.section(u'-', -1).toInt();
        if (ordinal > 0 && !ready(pod(QStringLiteral("redis-app-%1").arg(ordinal - 1))))
            m_createdBeforePredecessorReady = true;
    });
    QVERIFY(m_store.create(QStringLiteral("configmaps"), json(kConfigMap)).ok());
    startRuntime();
}

void TestSandboxRuntimePods::cleanupTestCase()
{
    if (m_runtime)
        m_runtime->stopAllPods();
}

QWebSocket *TestSandboxRuntimePods::acceptOne()
{
    if (!QTest::qWaitFor([this] { return !m_accepted.isEmpty(); }, 10000))
        return nullptr;
    return m_accepted.takeFirst();
}

void TestSandboxRuntimePods::statefulSetComesUpInOrder()
{
    QVERIFY(m_store.create(QStringLiteral("statefulsets"), json(kStatefulSet)).ok());
    for (int i = 0; i < 3; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-%1").arg(i))), kPodTimeoutMs);
    QCOMPARE(m_createdOrder, (sl({"redis-app-0", "redis-app-1", "redis-app-2"})));
    QVERIFY2(!m_createdBeforePredecessorReady,
             "OrderedReady: a pod was created before its predecessor was ready");

    QSet<QString> ips;
    QSet<QString> nodes;
    for (int i = 0; i < 3; ++i) {
        const auto p = pod(QStringLiteral("redis-app-%1").arg(i));
        const QString ip = ipOf(p);
        QVERIFY(ip.startsWith(testNetwork().section(u'.', 0, 2)));
        ips.insert(ip);
        nodes.insert(p->value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString());
        QCOMPARE(redisCli(ip, {QStringLiteral("ping")}), QStringLiteral("PONG"));
        const QJsonObject container =
            statusOf(*p).value(QLatin1String("containerStatuses")).toArray().first().toObject();
        QVERIFY(container.value(QLatin1String("state")).toObject().contains(QLatin1String("running")));
        QCOMPARE(statusOf(*p).value(QLatin1String("hostIP")).toString(), QStringLiteral("127.0.0.1"));
        QCOMPARE(statusOf(*p).value(QLatin1String("podIPs")).toArray(),
                 QJsonArray({QJsonObject{{QStringLiteral("ip"), ip}}}));
        // The server listens on, and talks from, its pod IP only. Redis 7 needs bind-source-addr for the
        // second; older servers bind their outgoing links to the first bind address by themselves.
        QCOMPARE(redisCli(ip, {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("bind")}),
                 QStringLiteral("bind\n") + ip);
        if (majorVersionOf(ip) >= 7) {
            QCOMPARE(redisCli(ip, {QStringLiteral("config"), QStringLiteral("get"),
                                   QStringLiteral("bind-source-addr")}),
                     QStringLiteral("bind-source-addr\n") + ip);
        }
    }
    QCOMPARE(ips.size(), 3);
    for (const QString &reason : {QStringLiteral("Scheduled"), QStringLiteral("Pulled"),
                                  QStringLiteral("Created"), QStringLiteral("Started")})
        QVERIFY2(eventReasons(QStringLiteral("redis-app-0")).contains(reason), qPrintable(reason));
    QVERIFY(eventReasons(QStringLiteral("redis-app")).contains(QStringLiteral("SuccessfulCreate")));
    QCOMPARE(nodes.size(), 3); // preferred anti-affinity spreads them over the three nodes
    QTRY_COMPARE_WITH_TIMEOUT(
        statusOf(*m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")))
            .value(QLatin1String("readyReplicas"))
            .toInt(),
        3, 10000);
}

void TestSandboxRuntimePods::claimsCarrySelectorLabels()
{
    const QList<QJsonObject> claims = m_store.list(QStringLiteral("persistentvolumeclaims"), kNs);
    QCOMPARE(claims.size(), 3);
    for (const QJsonObject &claim : claims) {
        const QJsonObject metadata = claim.value(QLatin1String("metadata")).toObject();
        QVERIFY(metadata.value(QLatin1String("name"))
                    .toString()
                    .startsWith(QLatin1String("redis-data-redis-app-")));
        QCOMPARE(metadata.value(QLatin1String("labels")).toObject(),
                 json(R"({"app":"redis","appCluster":"redis-cluster"})"));
        QCOMPARE(statusOf(claim).value(QLatin1String("phase")).toString(), QStringLiteral("Bound"));
    }
    // Redis writes its files into the claim's folder (named after the claim and its uid).
    const QJsonObject claim0 =
        *m_store.get(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("redis-data-redis-app-0"));
    const QString claimFolder =
        m_dir.path() + QStringLiteral("/pvc/redis-cluster/redis-data-redis-app-0-") +
        claim0.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    QTRY_VERIFY_WITH_TIMEOUT(QDir(claimFolder)
                                 .entryList(QDir::NoDotAndDotDot | QDir::AllEntries)
                                 .join(u' ')
                                 .contains(QLatin1String("appendonly")),
                             10000);
}

void TestSandboxRuntimePods::deletedPodReturnsWithNewIpAndData()
{
    const QString oldIp = ipOf(pod(QStringLiteral("redis-app-1")));
    const QString oldUid = pod(QStringLiteral("redis-app-1"))
                               ->value(QLatin1String("metadata"))
                               .toObject()
                               .value(QLatin1String("uid"))
                               .toString();
    QCOMPARE(redisCli(oldIp, {QStringLiteral("set"), QStringLiteral("greeting"), QStringLiteral("ni hao")}),
             QStringLiteral("OK"));
    // A stranger (a server left by a killed test) listens where the next pod would go: the pod skips it.
    QFile cursor(m_dir.filePath(QStringLiteral("runtime/ip-cursor")));
    QVERIFY(cursor.open(QIODevice::ReadOnly));
    const QHostAddress next(QHostAddress(QString::fromUtf8(cursor.readAll().trimmed())).toIPv4Address() + 1);
    QTcpServer stranger;
    QVERIFY2(stranger.listen(next, 6379), qPrintable(next.toString()));
    QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QStringLiteral("redis-app-1")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-1"))), kPodTimeoutMs);
    QVERIFY2(ipOf(pod(QStringLiteral("redis-app-1"))) != next.toString(), qPrintable(next.toString()));
    const auto recreated = pod(QStringLiteral("redis-app-1"));
    QVERIFY(recreated->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString() !=
            oldUid);
    const QString newIp = ipOf(recreated);
    QVERIFY2(newIp != oldIp, qPrintable(newIp));
    QCOMPARE(redisCli(newIp, {QStringLiteral("get"), QStringLiteral("greeting")}), QStringLiteral("ni hao"));
    // The old address is free: nothing answers there any more.
    QVERIFY(redisCli(oldIp, {QStringLiteral("ping")}) != QStringLiteral("PONG"));
}

void TestSandboxRuntimePods::crashingContainerBacksOff()
{
    const QJsonObject bad =
        json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"broken","namespace":"redis-cluster"},
      "spec":{"containers":[{"name":"redis","image":"redis:5.0.5","command":["redis-server","--no-such-directive","x"]}]}})");
    QVERIFY(m_store.create(QStringLiteral("pods"), bad).ok());
    auto container = [this] {
        return statusOf(*pod(QStringLiteral("broken")))
            .value(QLatin1String("containerStatuses"))
            .toArray()
            .first()
            .toObject();
    };
    QTRY_VERIFY_WITH_TIMEOUT(container().value(QLatin1String("restartCount")).toInt() >= 2, 30000);
    const QJsonObject status = container();
    const QJsonObject terminated =
        status.value(QLatin1String("lastState")).toObject().value(QLatin1String("terminated")).toObject();
    QCOMPARE(terminated.value(QLatin1String("reason")).toString(), QStringLiteral("Error"));
    QCOMPARE(terminated.value(QLatin1String("exitCode")).toInt(), 1);
    QVERIFY2(
        terminated.value(QLatin1String("message")).toString().contains(QLatin1String("no-such-directive")),
        qPrintable(terminated.value(QLatin1String("message")).toString()));
    QVERIFY(!status.value(QLatin1String("ready")).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(container()
                                  .value(QLatin1String("state"))
                                  .toObject()
                                  .value(QLatin1String("waiting"))
                                  .toObject()
                                  .value(QLatin1String("reason"))
                                  .toString(),
                              QStringLiteral("CrashLoopBackOff"), 15000);
    QVERIFY(m_runtime->podLog(kNs, QStringLiteral("broken"))->contains(QLatin1String("no-such-directive")));
    QVERIFY2(eventReasons(QStringLiteral("broken")).contains(QStringLiteral("BackOff")),
             qPrintable(eventReasons(QStringLiteral("broken")).join(u' ')));
    QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QStringLiteral("broken")).ok());
}

// A kubelet restarts a container whose process died: same pod, same IP, restartCount + 1, and the
// last termination recorded (SIGKILL: exit code 137, reason Error).
void TestSandboxRuntimePods::killedServerRestartsInPlace()
{
    const QString name = QStringLiteral("redis-app-2");
    const auto before = pod(name);
    QVERIFY(ready(before));
    const QString ip = ipOf(before);
    const QString uid =
        before->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    auto container = [this, &name] {
        return statusOf(*pod(name)).value(QLatin1String("containerStatuses")).toArray().first().toObject();
    };
    const int restarts = container().value(QLatin1String("restartCount")).toInt();
    const QString info = redisCli(ip, {QStringLiteral("info"), QStringLiteral("server")});
    const qint64 pid =
        info.section(QStringLiteral("process_id:"), 1, 1).section(u'\r', 0, 0).trimmed().toLongLong();
    QVERIFY2(pid > 1, qPrintable(info));
    QCOMPARE(::kill(pid_t(pid), SIGKILL), 0);

    QTRY_VERIFY_WITH_TIMEOUT(container().value(QLatin1String("restartCount")).toInt() == restarts + 1 &&
                                 ready(pod(name)),
                             kPodTimeoutMs);
    QCOMPARE(pod(name)->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString(),
             uid);
    QCOMPARE(ipOf(pod(name)), ip);
    const QJsonObject terminated = container()
                                       .value(QLatin1String("lastState"))
                                       .toObject()
                                       .value(QLatin1String("terminated"))
                                       .toObject();
    QCOMPARE(terminated.value(QLatin1String("exitCode")).toInt(), 137);
    QCOMPARE(terminated.value(QLatin1String("reason")).toString(), QStringLiteral("Error"));
    QCOMPARE(redisCli(ip, {QStringLiteral("ping")}), QStringLiteral("PONG"));
    const QString newPid = redisCli(ip, {QStringLiteral("info"), QStringLiteral("server")})
                               .section(QStringLiteral("process_id:"), 1, 1);
    QVERIFY(newPid.section(u'\r', 0, 0).trimmed().toLongLong() != pid);
}

// Ready follows the pod's readinessProbe, not merely a live server: a tcpSocket probe on a port
// nothing listens on keeps a serving pod unready (with Unhealthy events), one on the named
// container port makes it ready, and so does an exec probe that succeeds; a failing one does not.
void TestSandboxRuntimePods::readinessFollowsTheProbe()
{
    auto probed = [](const char *name, const QByteArray &probe) {
        return json(R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + QByteArray(name) +
                    R"(","namespace":"redis-cluster"},"spec":{"containers":[{"name":"redis","image":"redis:7",
              "command":["redis-server","--save",""],"ports":[{"name":"redis","containerPort":6379}],
              "readinessProbe":)" +
                    probe + R"(}]}})");
    };
    QVERIFY(m_store
                .create(QStringLiteral("pods"),
                        probed("tcp-wrong", R"({"tcpSocket":{"port":6380},"periodSeconds":1})"))
                .ok());
    QVERIFY(m_store
                .create(QStringLiteral("pods"),
                        probed("tcp-named", R"({"tcpSocket":{"port":"redis"},"periodSeconds":1})"))
                .ok());
    QVERIFY(
        m_store
            .create(QStringLiteral("pods"), probed("exec-ok", R"({"exec":{"command":["redis-cli","ping"]}})"))
            .ok());
    QVERIFY(m_store
                .create(QStringLiteral("pods"),
                        probed("exec-fails", R"({"exec":{"command":["sh","-c","exit 1"]}})"))
                .ok());

    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("tcp-named"))), kPodTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("exec-ok"))), kPodTimeoutMs);
    for (const QString &name : {QStringLiteral("tcp-wrong"), QStringLiteral("exec-fails")}) {
        QTRY_VERIFY_WITH_TIMEOUT(unhealthyCount(name) >= 2, kPodTimeoutMs); // the probe ran and failed twice
        const QJsonObject status = statusOf(*pod(name));
        QCOMPARE(status.value(QLatin1String("phase")).toString(), QStringLiteral("Running"));
        QVERIFY2(!ready(pod(name)), qPrintable(name));
        // The server itself is up: only the probe keeps the pod out.
        QCOMPARE(redisCli(ipOf(pod(name)), {QStringLiteral("ping")}), QStringLiteral("PONG"));
        QCOMPARE(status.value(QLatin1String("containerStatuses"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("ready"))
                     .toBool(true),
                 false);
    }
    for (const char *name : {"tcp-wrong", "tcp-named", "exec-ok", "exec-fails"})
        QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QString::fromLatin1(name)).ok());
}

void TestSandboxRuntimePods::scaleDownKeepsClaims()
{
    auto set = *m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"));
    QJsonObject spec = set.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 2);
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.update(QStringLiteral("statefulsets"), set, false).ok());
    QTRY_VERIFY_WITH_TIMEOUT(!pod(QStringLiteral("redis-app-2")), 20000);
    QVERIFY(ready(pod(QStringLiteral("redis-app-0"))));
    QVERIFY(ready(pod(QStringLiteral("redis-app-1"))));
    QVERIFY(
        m_store.get(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("redis-data-redis-app-2")));
    QTRY_COMPARE_WITH_TIMEOUT(
        statusOf(*m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")))
            .value(QLatin1String("replicas"))
            .toInt(),
        2, 10000);
}

QTEST_GUILESS_MAIN(TestSandboxRuntimePods)
