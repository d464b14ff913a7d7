// The runtime against an in-memory object store, with real redis-server processes on loopback
// addresses: StatefulSet ordering, PVCs, re-created pods with new IPs and their data, crash loops,
// scaling, node failure, missing storage class, exec and port-forward sessions, and a restart.

#include "memory_store.h"
#include "runtime/runtime.h"
#include "runtime/statefulset_controller.h"
#include "support/program_run.h"
#include "support/server_under_test.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketHandshakeOptions>
#include <QWebSocketServer>

#include <csignal>

using namespace sandbox;

namespace {

QStringList sl(std::initializer_list<const char *> words)
{
    QStringList result;
    for (const char *word : words)
        result.append(QString::fromUtf8(word));
    return result;
}

constexpr int kPodTimeoutMs = 90000;
const QString kNs = QStringLiteral("redis-cluster");

QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

QJsonObject statusOf(const QJsonObject &object)
{
    return object.value(QLatin1String("status")).toObject();
}

QString ipOf(const std::optional<QJsonObject> &pod)
{
    return pod ? statusOf(*pod).value(QLatin1String("podIP")).toString() : QString();
}

bool ready(const std::optional<QJsonObject> &pod)
{
    return pod && StatefulSetController::isRunningAndReady(*pod);
}

// A network of its own per test process, so parallel tests never share pod addresses.
QString testNetwork()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringLiteral("127.%1.%2.0/24").arg(150 + pid % 50).arg((pid / 50) % 250);
}

QString redisCli(const QString &ip, const QStringList &args)
{
    const rcs::test::ProgramRun run =
        rcs::test::runRedisCli(QStringList{QStringLiteral("-h"), ip} + args, 15000);
    return run.failure.code() == rcs::ErrorCode::Timeout ? QStringLiteral("<timeout>") : run.out.trimmed();
}

// The major version the pod's server reports in INFO server (redis_version; Valkey reports 7.2.4 there).
int majorVersionOf(const QString &ip)
{
    const QString info = redisCli(ip, {QStringLiteral("info"), QStringLiteral("server")});
    const qsizetype at = info.indexOf(QLatin1String("redis_version:"));
    return at < 0 ? 0 : info.mid(at + 14).section(u'.', 0, 0).toInt();
}

const QByteArray kStatefulSet = R"({"apiVersion":"apps/v1","kind":"StatefulSet",
  "metadata":{"name":"redis-app","namespace":"redis-cluster"},
  "spec":{"serviceName":"redis-service","replicas":3,
    "selector":{"matchLabels":{"app":"redis","appCluster":"redis-cluster"}},
    "template":{"metadata":{"labels":{"app":"redis","appCluster":"redis-cluster"}},
      "spec":{"terminationGracePeriodSeconds":5,
        "affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":100,
          "podAffinityTerm":{"labelSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["redis"]}]},
          "topologyKey":"kubernetes.io/hostname"}}]}},
        "containers":[{"name":"redis","image":"redis:5.0.5",
          "command":["redis-server","/etc/redis/redis.conf","--protected-mode","no"],
          "readinessProbe":{"exec":{"command":["redis-cli","ping"]},"initialDelaySeconds":5,"periodSeconds":5},
          "volumeMounts":[{"name":"redis-conf","mountPath":"/etc/redis"},{"name":"redis-data","mountPath":"/var/lib/redis"}]}],
        "volumes":[{"name":"redis-conf","configMap":{"name":"redis-conf","items":[{"key":"redis.conf","path":"redis.conf"}]}}]}},
    "volumeClaimTemplates":[{"metadata":{"name":"redis-data"},
      "spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}}]}})";

// Appendonly without cluster mode, so that a key written before a pod is re-created can be read after.
const QByteArray kConfigMap = R"({"apiVersion":"v1","kind":"ConfigMap",
  "metadata":{"name":"redis-conf","namespace":"redis-cluster"},
  "data":{"redis.conf":"appendonly yes\ndir /var/lib/redis\nport 6379\n"}})";

// Collects what a channel-protocol WebSocket client receives.
struct ChannelClient {
    QWebSocket socket;
    QMap<int, QByteArray> received;
    QList<QByteArray> messages;
    bool closed = false;

    ChannelClient()
    {
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, &socket,
                         [this](const QByteArray &message) {
                             messages.append(message);
                             received[quint8(message.at(0))] += message.mid(1);
                         });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closed = true; });
    }
    void open(quint16 port, const QString &subprotocol)
    {
        QWebSocketHandshakeOptions options;
        options.setSubprotocols({subprotocol});
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port)), options);
    }
    void send(quint8 channel, const QByteArray &payload)
    {
        socket.sendBinaryMessage(QByteArray(1, char(channel)) + payload);
    }
};

} // namespace

class TestSandboxRuntimePods final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statefulSetComesUpInOrder();
    void claimsCarrySelectorLabels();
    void deletedPodReturnsWithNewIpAndData();
    void crashingContainerBacksOff();
    void killedServerRestartsInPlace();
    void readinessFollowsTheProbe();
    void scaleDownKeepsClaims();
    void templateChangeRollsOut();
    void missingStorageClassKeepsPodPending();
    void secretPasswordReachesTheServer();
    void failedNodeMovesItsPods();
    void execRunsInThePod();
    void portForwardReachesThePod();
    void restartGivesNewIps();
    void seedClusterCreateThroughExec();
    void retentionPolicyDeletesClaims();
    void orphanedPodsAreAdopted();
    void deletingTheSetCollectsItsPods();

private:
    void startRuntime();
    QStringList eventReasons(const QString &name) const
    {
        QStringList reasons;
        for (const QJsonObject &event : m_store.list(QStringLiteral("events"), kNs)) {
            if (event.value(QLatin1String("involvedObject"))
                    .toObject()
                    .value(QLatin1String("name"))
                    .toString() == name)
                reasons.append(event.value(QLatin1String("reason")).toString());
        }
        return reasons;
    }
    // How often a readiness probe failed, from the (aggregated) Unhealthy event's count.
    int unhealthyCount(const QString &name) const
    {
        for (const QJsonObject &event : m_store.list(QStringLiteral("events"), kNs)) {
            if (event.value(QLatin1String("involvedObject"))
                        .toObject()
                        .value(QLatin1String("name"))
                        .toString() == name &&
                event.value(QLatin1String("reason")).toString() == QLatin1String("Unhealthy"))
                return event.value(QLatin1String("count")).toInt(1);
        }
        return 0;
    }
    std::optional<QJsonObject> pod(const QString &name) const
    {
        return m_store.get(QStringLiteral("pods"), kNs, name);
    }
    QWebSocket *acceptOne();
    void runExec(const QJsonObject &target, const QStringList &command, bool withStdin,
                 const QByteArray &input, ChannelClient &client, const QString &container = {});

    QTemporaryDir m_dir;
    MemoryStore m_store;
    std::unique_ptr<Runtime> m_runtime;
    QWebSocketServer m_server{QStringLiteral("test"), QWebSocketServer::NonSecureMode};
    QList<QWebSocket *> m_accepted;
    QStringList m_createdOrder;
    bool m_createdBeforePredecessorReady = false;
};

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

void TestSandboxRuntimePods::templateChangeRollsOut()
{
    QStringList deleted;
    const auto connection =
        connect(&m_store, &ObjectStore::changed, this, [&deleted](const WatchEvent &event) {
            if (event.resource == QLatin1String("pods") && event.type == WatchEvent::Type::Deleted)
                deleted.append(event.object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("name"))
                                   .toString());
        });
    auto set = *m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"));
    QJsonObject spec = set.value(QLatin1String("spec")).toObject();
    QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    QJsonObject podSpec = templ.value(QLatin1String("spec")).toObject();
    QJsonArray containers = podSpec.value(QLatin1String("containers")).toArray();
    QJsonObject container = containers.first().toObject();
    QJsonArray command = container.value(QLatin1String("command")).toArray();
    command.append(QStringLiteral("--maxmemory"));
    command.append(QStringLiteral("64mb"));
    container.insert(QStringLiteral("command"), command);
    containers.replace(0, container);
    podSpec.insert(QStringLiteral("containers"), containers);
    templ.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), templ);
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.update(QStringLiteral("statefulsets"), set, false).ok());

    auto status = [this] {
        return statusOf(*m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")));
    };
    const int generation =
        set.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt();
    // The set's metadata.generation after the spec change (the store bumps it).
    const int newGeneration = m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"))
                                  ->value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("generation"))
                                  .toInt();
    QVERIFY(newGeneration > generation);
    QTRY_VERIFY_WITH_TIMEOUT(status().value(QLatin1String("observedGeneration")).toInt() == newGeneration &&
                                 status().value(QLatin1String("updatedReplicas")).toInt() == 2 &&
                                 status().value(QLatin1String("readyReplicas")).toInt() == 2 &&
                                 status().value(QLatin1String("currentRevision")) ==
                                     status().value(QLatin1String("updateRevision")),
                             kPodTimeoutMs);
    disconnect(connection);
    QCOMPARE(deleted,
             (QStringList{QStringLiteral("redis-app-1"), QStringLiteral("redis-app-0")})); // highest first
    QCOMPARE(status().value(QLatin1String("currentRevision")),
             status().value(QLatin1String("updateRevision")));
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-0"))) &&
                                 ready(pod(QStringLiteral("redis-app-1"))),
                             kPodTimeoutMs);
    QCOMPARE(redisCli(ipOf(pod(QStringLiteral("redis-app-0"))),
                      {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("maxmemory")}),
             QStringLiteral("maxmemory\n67108864"));
    QCOMPARE(redisCli(ipOf(pod(QStringLiteral("redis-app-1"))),
                      {QStringLiteral("get"), QStringLiteral("greeting")}),
             QStringLiteral("ni hao")); // the claim came along
}

void TestSandboxRuntimePods::missingStorageClassKeepsPodPending()
{
    QVERIFY(
        m_store
            .create(
                QStringLiteral("persistentvolumeclaims"),
                json(
                    R"({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"fast-data","namespace":"redis-cluster"},
                                   "spec":{"storageClassName":"fast","accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}})"))
            .ok());
    QVERIFY(
        m_store
            .create(
                QStringLiteral("pods"),
                json(
                    R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"waiting","namespace":"redis-cluster"},
                                   "spec":{"containers":[{"name":"redis","image":"redis"}],
                                   "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"fast-data"}}]}})"))
            .ok());
    auto scheduled = [this] {
        return statusOf(*pod(QStringLiteral("waiting")))
            .value(QLatin1String("conditions"))
            .toArray()
            .first()
            .toObject();
    };
    QTRY_COMPARE_WITH_TIMEOUT(scheduled().value(QLatin1String("reason")).toString(),
                              QStringLiteral("Unschedulable"), 10000);
    QCOMPARE(scheduled().value(QLatin1String("type")).toString(), QStringLiteral("PodScheduled"));
    QVERIFY2(scheduled()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("storage class \"fast\"")),
             qPrintable(scheduled().value(QLatin1String("message")).toString()));
    QCOMPARE(statusOf(*pod(QStringLiteral("waiting"))).value(QLatin1String("phase")).toString(),
             QStringLiteral("Pending"));
    QCOMPARE(
        statusOf(*m_store.get(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("fast-data")))
            .value(QLatin1String("phase"))
            .toString(),
        QStringLiteral("Pending"));
    QVERIFY(eventReasons(QStringLiteral("waiting")).contains(QStringLiteral("FailedScheduling")));
    QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QStringLiteral("waiting")).ok());
    QVERIFY(m_store.remove(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("fast-data")).ok());
}

void TestSandboxRuntimePods::secretPasswordReachesTheServer()
{
    QVERIFY(
        m_store
            .create(
                QStringLiteral("secrets"),
                json(
                    R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"auth","namespace":"redis-cluster"},
                                   "data":{"password":"czNjcmV0"}})"))
            .ok());
    QVERIFY(
        m_store
            .create(
                QStringLiteral("pods"),
                json(
                    R"x({"apiVersion":"v1","kind":"Pod","metadata":{"name":"locked","namespace":"redis-cluster"},
                                   "spec":{"containers":[{"name":"redis","image":"redis:7",
                                     "command":["redis-server","--requirepass","$(REDIS_PASSWORD)"],
                                     "env":[{"name":"REDIS_PASSWORD","valueFrom":{"secretKeyRef":{"name":"auth","key":"password"}}}]}]}})x"))
            .ok());
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("locked"))),
                             kPodTimeoutMs); // NOAUTH proves a live server
    const QString ip = ipOf(pod(QStringLiteral("locked")));
    QCOMPARE(redisCli(ip, {QStringLiteral("--no-auth-warning"), QStringLiteral("-a"),
                           QStringLiteral("s3cret"), QStringLiteral("ping")}),
             QStringLiteral("PONG"));
    QVERIFY(redisCli(ip, {QStringLiteral("ping")}).contains(QLatin1String("NOAUTH")));
    QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QStringLiteral("locked")).ok());
}

void TestSandboxRuntimePods::failedNodeMovesItsPods()
{
    const auto before = pod(QStringLiteral("redis-app-0"));
    const QString node =
        before->value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
    const QString oldIp = ipOf(before);
    QSignalSpy nodesChanged(m_runtime.get(), &Runtime::nodesChanged);
    QVERIFY(m_runtime->failNode(node).ok());
    QCOMPARE(nodesChanged.size(), 1);
    QVERIFY(!m_runtime->failNode(QStringLiteral("no-such-node")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-0"))) &&
                                 ipOf(pod(QStringLiteral("redis-app-0"))) != oldIp,
                             kPodTimeoutMs);
    const QString newNode = pod(QStringLiteral("redis-app-0"))
                                ->value(QLatin1String("spec"))
                                .toObject()
                                .value(QLatin1String("nodeName"))
                                .toString();
    QVERIFY2(newNode != node, qPrintable(newNode));
    const QJsonObject failed = *m_runtime->node(node);
    QCOMPARE(statusOf(failed)
                 .value(QLatin1String("conditions"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("Unknown"));
    QVERIFY(m_runtime->recoverNode(node).ok());
}

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

void TestSandboxRuntimePods::retentionPolicyDeletesClaims()
{
    const QString ns = QStringLiteral("retain");
    QJsonObject configMap = json(kConfigMap);
    QJsonObject metadata{{QStringLiteral("name"), QStringLiteral("redis-conf")},
                         {QStringLiteral("namespace"), ns}};
    configMap.insert(QStringLiteral("metadata"), metadata);
    QVERIFY(m_store.create(QStringLiteral("configmaps"), configMap).ok());
    QJsonObject set = json(kStatefulSet);
    metadata.insert(QStringLiteral("name"), QStringLiteral("short-lived"));
    set.insert(QStringLiteral("metadata"), metadata);
    QJsonObject spec = set.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 2);
    spec.insert(QStringLiteral("podManagementPolicy"), QStringLiteral("Parallel"));
    spec.insert(QStringLiteral("persistentVolumeClaimRetentionPolicy"),
                QJsonObject{{QStringLiteral("whenDeleted"), QStringLiteral("Delete")},
                            {QStringLiteral("whenScaled"), QStringLiteral("Delete")}});
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.create(QStringLiteral("statefulsets"), set).ok());
    auto claims = [this, &ns] { return m_store.list(QStringLiteral("persistentvolumeclaims"), ns).size(); };
    QTRY_COMPARE_WITH_TIMEOUT(claims(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ready(m_store.get(QStringLiteral("pods"), ns, QStringLiteral("short-lived-1"))),
                             kPodTimeoutMs);

    set = *m_store.get(QStringLiteral("statefulsets"), ns, QStringLiteral("short-lived"));
    spec = set.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 1);
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.update(QStringLiteral("statefulsets"), set, false).ok());
    QTRY_COMPARE_WITH_TIMEOUT(claims(), 1, 20000);
    QVERIFY(m_store.get(QStringLiteral("persistentvolumeclaims"), ns,
                        QStringLiteral("redis-data-short-lived-0")));

    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), ns, QStringLiteral("short-lived")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(claims(), 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_store.list(QStringLiteral("pods"), ns).isEmpty(), 20000);
}

// `kubectl delete statefulset --cascade=orphan` (the API strips the pods' owner references) and then
// the same set created again: its pods are adopted as they run, not deleted nor blocked on.
void TestSandboxRuntimePods::orphanedPodsAreAdopted()
{
    QJsonObject set = *m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"));
    const int replicas = set.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt();
    QHash<QString, QString> uids;
    QHash<QString, QString> ips;
    for (int i = 0; i < replicas; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-%1").arg(i))), kPodTimeoutMs);
    // No event loop from here to the set's removal, as in the API's Orphan delete.
    for (int i = 0; i < replicas; ++i) {
        const QString name = QStringLiteral("redis-app-%1").arg(i);
        QJsonObject orphan = *pod(name);
        QJsonObject metadata = orphan.value(QLatin1String("metadata")).toObject();
        uids.insert(name, metadata.value(QLatin1String("uid")).toString());
        ips.insert(name, ipOf(orphan));
        metadata.remove(QStringLiteral("ownerReferences"));
        orphan.insert(QStringLiteral("metadata"), metadata);
        QVERIFY(m_store.update(QStringLiteral("pods"), orphan, false).ok());
    }
    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")).ok());

    QJsonObject metadata = set.value(QLatin1String("metadata")).toObject();
    for (const char *field : {"uid", "resourceVersion", "generation", "creationTimestamp"})
        metadata.remove(QLatin1String(field));
    set.insert(QStringLiteral("metadata"), metadata);
    set.remove(QStringLiteral("status"));
    const auto created = m_store.create(QStringLiteral("statefulsets"), set);
    QVERIFY(created.ok());
    const QString newUid =
        created->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    auto owner = [this](const QString &name) {
        return pod(name)
            ->value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("ownerReferences"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("uid"))
            .toString();
    };
    for (auto it = uids.begin(); it != uids.end(); ++it) {
        QTRY_COMPARE_WITH_TIMEOUT(owner(it.key()), newUid, 20000);
        QCOMPARE(
            pod(it.key())->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString(),
            it.value());
        QCOMPARE(ipOf(pod(it.key())), ips.value(it.key()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        statusOf(*m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")))
            .value(QLatin1String("readyReplicas"))
            .toInt(),
        replicas, 20000);
}

void TestSandboxRuntimePods::deletingTheSetCollectsItsPods()
{
    const QString ip = ipOf(pod(QStringLiteral("redis-app-0")));
    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_store.list(QStringLiteral("pods"), kNs).isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(redisCli(ip, {QStringLiteral("ping")}) != QStringLiteral("PONG"), 20000);
    QCOMPARE(m_store.list(QStringLiteral("persistentvolumeclaims"), kNs).size(), 3); // claims outlive the set
    const QJsonObject claim0 =
        *m_store.get(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("redis-data-redis-app-0"));
    const QString claimFolder =
        m_dir.path() + QStringLiteral("/pvc/redis-cluster/redis-data-redis-app-0-") +
        claim0.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    QVERIFY(QDir(claimFolder).exists());
    QVERIFY(
        m_store
            .remove(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("redis-data-redis-app-0"))
            .ok());
    QTRY_VERIFY_WITH_TIMEOUT(!QDir(claimFolder).exists(), 10000);
}

QTEST_GUILESS_MAIN(TestSandboxRuntimePods)
#include "tst_sandbox_runtime_pods.moc"
