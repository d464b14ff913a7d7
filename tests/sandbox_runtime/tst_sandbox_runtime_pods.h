#pragma once

// TestSandboxRuntimePods's class and the manifests and clients its parts share.
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

namespace sandbox_runtime_pods_test {

inline QStringList sl(std::initializer_list<const char *> words)
{
    QStringList result;
    for (const char *word : words)
        result.append(QString::fromUtf8(word));
    return result;
}

inline constexpr int kPodTimeoutMs = 90000;
inline const QString kNs = QStringLiteral("redis-cluster");

inline QJsonObject json(const QByteArray &text)
{
    return QJsonDocument::fromJson(text).object();
}

inline QJsonObject statusOf(const QJsonObject &object)
{
    return object.value(QLatin1String("status")).toObject();
}

inline QString ipOf(const std::optional<QJsonObject> &pod)
{
    return pod ? statusOf(*pod).value(QLatin1String("podIP")).toString() : QString();
}

inline bool ready(const std::optional<QJsonObject> &pod)
{
    return pod && StatefulSetController::isRunningAndReady(*pod);
}

// A network of its own per test process, so parallel tests never share pod addresses.
inline QString testNetwork()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringLiteral("127.%1.%2.0/24").arg(150 + pid % 50).arg((pid / 50) % 250);
}

inline QString redisCli(const QString &ip, const QStringList &args)
{
    const rcs::test::ProgramRun run =
        rcs::test::runRedisCli(QStringList{QStringLiteral("-h"), ip} + args, 15000);
    return run.failure.code() == rcs::ErrorCode::Timeout ? QStringLiteral("<timeout>") : run.out.trimmed();
}

// The major version the pod's server reports in INFO server (redis_version; Valkey reports 7.2.4 there).
inline int majorVersionOf(const QString &ip)
{
    const QString info = redisCli(ip, {QStringLiteral("info"), QStringLiteral("server")});
    const qsizetype at = info.indexOf(QLatin1String("redis_version:"));
    return at < 0 ? 0 : info.mid(at + 14).section(u'.', 0, 0).toInt();
}

inline const QByteArray kStatefulSet = R"({"apiVersion":"apps/v1","kind":"StatefulSet",
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
inline const QByteArray kConfigMap = R"({"apiVersion":"v1","kind":"ConfigMap",
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

} // namespace sandbox_runtime_pods_test

using namespace sandbox_runtime_pods_test;

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
