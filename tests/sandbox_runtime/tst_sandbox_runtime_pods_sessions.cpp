// TestSandboxRuntimePods: sessions into pods (exec, port-forward), a restart with new IPs, and the
// seed's cluster create run through exec.
#include "tst_sandbox_runtime_pods.h"

void TestSandboxRuntimePods::runExec(const QJsonObject &target, const QStringList &command, bool withStdin,
                                     const QByteArray &input, ChannelClient &client, const QString &container)
{
    client.open(m_server.serverPort(), QStringLiteral("v5.channel.k8s.io"));
    QWebSocket *socket = acceptOne();
    QVERIFY(socket);
    QCOMPARE(socket->subprotocol(), QStringLiteral("v5.channel.k8s.io"));
    QTRY_VERIFY_WITH_TIMEOUT(client.socket.state() == QAbstractSocket::ConnectedState, 10000);
    ExecRequest request;
    request.pod = target;
    request.command = command;
    request.stdinEnabled = withStdin;
    request.container = container;
    request.subprotocol = socket->subprotocol();
    m_runtime->handleExec(socket, request);
    if (withStdin) {
        client.send(0, input);
        client.send(255, QByteArray(1, 0));
    }
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 60000);
}

void TestSandboxRuntimePods::execRunsInThePod()
{
    const QJsonObject target = *pod(QStringLiteral("redis-app-0"));
    auto run = [this, &target](const QStringList &command, bool withStdin, const QByteArray &input,
                               ChannelClient &client) { runExec(target, command, withStdin, input, client); };

    ChannelClient ping;
    run({QStringLiteral("redis-cli"), QStringLiteral("ping")}, false, {}, ping);
    QCOMPARE(ping.received.value(1), QByteArray("PONG\n"));
    QCOMPARE(json(ping.received.value(3)).value(QLatin1String("status")).toString(),
             QStringLiteral("Success"));

    ChannelClient files;
    run({QStringLiteral("ls"), QStringLiteral("/var/lib/redis")}, false, {}, files);
    QVERIFY2(files.received.value(1).contains("appendonly"), files.received.value(1).constData());

    ChannelClient failing;
    run({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo oops >&2; exit 3")}, false, {},
        failing);
    QCOMPARE(failing.received.value(2), QByteArray("oops\n"));
    const QJsonObject status = json(failing.received.value(3));
    QCOMPARE(status.value(QLatin1String("reason")).toString(), QStringLiteral("NonZeroExitCode"));
    QCOMPARE(status.value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("causes"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("message"))
                 .toString(),
             QStringLiteral("3"));

    ChannelClient wrongContainer;
    runExec(target, {QStringLiteral("true")}, false, {}, wrongContainer, QStringLiteral("nope"));
    QCOMPARE(json(wrongContainer.received.value(3)).value(QLatin1String("message")).toString(),
             QStringLiteral("container nope is not valid for pod redis-app-0"));

    ChannelClient echo;
    run({QStringLiteral("cat")}, true, "hello from stdin", echo);
    QCOMPARE(echo.received.value(1), QByteArray("hello from stdin"));
    QCOMPARE(json(echo.received.value(3)).value(QLatin1String("status")).toString(),
             QStringLiteral("Success"));
}

void TestSandboxRuntimePods::portForwardReachesThePod()
{
    ChannelClient client;
    client.open(m_server.serverPort(), QStringLiteral("v4.channel.k8s.io"));
    QWebSocket *socket = acceptOne();
    QVERIFY(socket);
    QTRY_VERIFY_WITH_TIMEOUT(client.socket.state() == QAbstractSocket::ConnectedState, 10000);
    PortForwardRequest request;
    request.pod = *pod(QStringLiteral("redis-app-1"));
    request.ports = {6379};
    request.subprotocol = socket->subprotocol();
    m_runtime->handlePortForward(socket, request);
    QTRY_COMPARE_WITH_TIMEOUT(client.messages.size(), 2, 10000);
    QCOMPARE(client.messages.at(0), QByteArray::fromHex("00eb18"));
    QCOMPARE(client.messages.at(1), QByteArray::fromHex("01eb18"));
    client.received.clear();
    client.send(0, "GET greeting\r\n");
    QTRY_COMPARE_WITH_TIMEOUT(client.received.value(0), QByteArray("$6\r\nni hao\r\n"), 10000);
    client.send(0, "QUIT\r\n"); // the pod closes the connection, so the tunnel closes
    QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
}

void TestSandboxRuntimePods::restartGivesNewIps()
{
    QMap<QString, QString> before;
    for (const QString &name : {QStringLiteral("redis-app-0"), QStringLiteral("redis-app-1")})
        before.insert(name, ipOf(pod(name)));
    m_runtime->stopAllPods();
    m_runtime.reset();
    startRuntime();
    for (auto it = before.begin(); it != before.end(); ++it) {
        QTRY_VERIFY_WITH_TIMEOUT(ready(pod(it.key())) && ipOf(pod(it.key())) != it.value(), kPodTimeoutMs);
    }
    QCOMPARE(redisCli(ipOf(pod(QStringLiteral("redis-app-1"))),
                      {QStringLiteral("get"), QStringLiteral("greeting")}),
             QStringLiteral("ni hao"));
}

// The seed's 创建集群 step: six cluster-mode pods, `redis-cli --cluster create` run inside redis-app-0.
// It only succeeds when every pod's server binds to, and talks from, its own pod IP.
void TestSandboxRuntimePods::seedClusterCreateThroughExec()
{
    const QString ns = QStringLiteral("seed");
    QJsonObject configMap = json(kConfigMap);
    QJsonObject metadata{{QStringLiteral("name"), QStringLiteral("redis-conf")},
                         {QStringLiteral("namespace"), ns}};
    configMap.insert(QStringLiteral("metadata"), metadata);
    configMap.insert(QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("redis.conf"),
                                  QStringLiteral("appendonly yes\ncluster-enabled yes\ncluster-config-file "
                                                 "/var/lib/redis/nodes.conf\ncluster-node-timeout 5000\ndir "
                                                 "/var/lib/redis\nport 6379\n")}});
    QVERIFY(m_store.create(QStringLiteral("configmaps"), configMap).ok());
    QJsonObject set = json(kStatefulSet);
    metadata.insert(QStringLiteral("name"), QStringLiteral("redis-app"));
    set.insert(QStringLiteral("metadata"), metadata);
    QJsonObject spec = set.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 6);
    spec.insert(QStringLiteral("podManagementPolicy"), QStringLiteral("Parallel"));
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.create(QStringLiteral("statefulsets"), set).ok());

    auto seedPod = [this, &ns](int i) {
        return m_store.get(QStringLiteral("pods"), ns, QStringLiteral("redis-app-%1").arg(i));
    };
    // Parallel: all six pods exist before the first is ready (OrderedReady would create one at a time).
    QTRY_COMPARE_WITH_TIMEOUT(m_store.list(QStringLiteral("pods"), ns).size(), 6, 20000);
    int readyAtOnce = 0;
    for (int i = 0; i < 6; ++i)
        readyAtOnce += ready(seedPod(i)) ? 1 : 0;
    QVERIFY2(readyAtOnce < 5, qPrintable(QString::number(readyAtOnce)));
    QStringList addresses;
    for (int i = 0; i < 6; ++i) {
        QTRY_VERIFY_WITH_TIMEOUT(ready(seedPod(i)), kPodTimeoutMs);
        addresses.append(ipOf(seedPod(i)) + QStringLiteral(":6379"));
    }
    ChannelClient create;
    runExec(*seedPod(0),
            QStringList{QStringLiteral("redis-cli"), QStringLiteral("--cluster"), QStringLiteral("create")} +
                addresses +
                QStringList{QStringLiteral("--cluster-replicas"), QStringLiteral("1"),
                            QStringLiteral("--cluster-yes")},
            false, {}, create);
    QVERIFY2(create.received.value(1).contains("[OK] All 16384 slots covered."),
             create.received.value(1).constData());
    QCOMPARE(json(create.received.value(3)).value(QLatin1String("status")).toString(),
             QStringLiteral("Success"));
    ChannelClient info;
    QTRY_VERIFY_WITH_TIMEOUT(redisCli(ipOf(seedPod(0)), {QStringLiteral("cluster"), QStringLiteral("info")})
                                 .contains(QLatin1String("cluster_state:ok")),
                             30000);
    runExec(*seedPod(0), {QStringLiteral("redis-cli"), QStringLiteral("cluster"), QStringLiteral("info")},
            false, {}, info);
    QVERIFY2(info.received.value(1).contains("cluster_state:ok"), info.received.value(1).constData());

    // A re-created pod keeps its node id (nodes.conf lives on its claim) under a new IP.
    const QString oldIp = ipOf(seedPod(3));
    const QString myId = redisCli(oldIp, {QStringLiteral("cluster"), QStringLiteral("myid")});
    QCOMPARE(myId.size(), 40);
    QVERIFY(m_store.remove(QStringLiteral("pods"), ns, QStringLiteral("redis-app-3")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(ready(seedPod(3)) && ipOf(seedPod(3)) != oldIp, kPodTimeoutMs);
    QCOMPARE(redisCli(ipOf(seedPod(3)), {QStringLiteral("cluster"), QStringLiteral("myid")}), myId);
    // The successor started only after its predecessor let go of nodes.conf: no failed first start.
    QCOMPARE(statusOf(*seedPod(3))
                 .value(QLatin1String("containerStatuses"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("restartCount"))
                 .toInt(),
             0);

    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), ns, QStringLiteral("redis-app")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_store.list(QStringLiteral("pods"), ns).isEmpty(), 20000);
}
