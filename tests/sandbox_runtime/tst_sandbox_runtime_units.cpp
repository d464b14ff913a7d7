#include "memory_store.h"
#include "runtime/cidr_allocator.h"
#include "runtime/container_command.h"
#include "runtime/controller_revisions.h"
#include "runtime/pod_context.h"
#include "runtime/redis_config_rewriter.h"
#include "runtime/scheduler.h"
#include "runtime/simulated_nodes.h"
#include "runtime/statefulset_controller.h"
#include "store/label_selector.h"
#include "streams/spdy_codec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sandbox;

namespace {

QStringList sl(std::initializer_list<const char *> words)
{
    QStringList result;
    for (const char *word : words)
        result.append(QString::fromUtf8(word));
    return result;
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

PodContext redisContext(const QString &root)
{
    PodContext context;
    context.podIp = QStringLiteral("127.77.0.9");
    context.podDir = root + QStringLiteral("/pod");
    context.workDir = root + QStringLiteral("/pvc");
    // longest first, as preparePodContext sorts them
    context.mounts = {{QStringLiteral("/var/lib/redis"), root + QStringLiteral("/pvc")},
                      {QStringLiteral("/etc/redis"), root + QStringLiteral("/conf")}};
    context.env = {{QStringLiteral("REDIS_PASSWORD"), QStringLiteral("s3cret")}};
    return context;
}

QJsonObject podOn(const QString &name, const QString &node, const QJsonObject &labels)
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("namespace"), QStringLiteral("ns")},
                                                 {QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeName"), node}}}};
}

const char *kAntiAffinityPod =
    R"({"metadata":{"name":"redis-app-9","namespace":"ns","labels":{"app":"redis"}},
  "spec":{"affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":100,
  "podAffinityTerm":{"labelSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["redis"]}]},
  "topologyKey":"kubernetes.io/hostname"}}]}}}})";

} // namespace

class TestSandboxRuntimeUnits final : public QObject {
    Q_OBJECT private Q_SLOTS : void configRewriteMapsMountedPaths()
    {
        QTemporaryDir dir;
        const PodContext context = redisContext(dir.path());
        const QString config = QStringLiteral("appendonly yes\ncluster-enabled yes\n"
                                              "cluster-config-file /var/lib/redis/nodes.conf\n"
                                              "# dir /var/lib/redis stays a comment\n"
                                              "dir /var/lib/redis\nlogfile \"/var/lib/redis/redis.log\"\n"
                                              "pidfile /var/run/redis.pid\nport 6380\n");
        const QString rewritten = rewriteRedisConfig(config, context);
        QVERIFY(rewritten.contains(QStringLiteral("cluster-config-file ") + dir.path() +
                                   QStringLiteral("/pvc/nodes.conf\n")));
        QVERIFY(rewritten.contains(QStringLiteral("\ndir ") + dir.path() + QStringLiteral("/pvc\n")));
        QVERIFY(rewritten.contains(QStringLiteral("logfile \"") + dir.path() +
                                   QStringLiteral("/pvc/redis.log\"")));
        QVERIFY(rewritten.contains(QStringLiteral("# dir /var/lib/redis stays a comment")));
        QVERIFY(rewritten.contains(QStringLiteral("pidfile /var/run/redis.pid"))); // not under a mount
        QCOMPARE(redisConfigPort(config), quint16(6380));
        QCOMPARE(redisConfigPort(QStringLiteral("appendonly yes\n")), quint16(0));
    }

    void pathMapping_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // %1 = temp root
        QTest::newRow("file under mount")
            << QStringLiteral("/var/lib/redis/nodes.conf") << QStringLiteral("%1/pvc/nodes.conf");
        QTest::newRow("mount itself") << QStringLiteral("/etc/redis") << QStringLiteral("%1/conf");
        QTest::newRow("prefix only") << QStringLiteral("/var/lib/redisx/a")
                                     << QStringLiteral("/var/lib/redisx/a");
        QTest::newRow("unmounted") << QStringLiteral("/tmp/x") << QStringLiteral("/tmp/x");
        QTest::newRow("option value")
            << QStringLiteral("--dir=/var/lib/redis") << QStringLiteral("--dir=%1/pvc");
        QTest::newRow("not a path") << QStringLiteral("ping") << QStringLiteral("ping");
    }
    void pathMapping()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        QCOMPARE(redisContext(dir.path()).mapArgument(input),
                 expected.replace(QStringLiteral("%1"), dir.path()));
    }

    void mapTextKeepsOtherWords()
    {
        QTemporaryDir dir;
        const PodContext context = redisContext(dir.path());
        QCOMPARE(context.mapText(QStringLiteral("cat /var/lib/redis/nodes.conf; ls /var/lib/redisdata")),
                 QStringLiteral("cat %1/pvc/nodes.conf; ls /var/lib/redisdata").arg(dir.path()));
    }

    void variableExpansion()
    {
        QTemporaryDir dir;
        const PodContext context = redisContext(dir.path());
        QCOMPARE(context.expand(QStringLiteral("--requirepass $(REDIS_PASSWORD)")),
                 QStringLiteral("--requirepass s3cret"));
        QCOMPARE(context.expand(QStringLiteral("$(UNKNOWN) $$(REDIS_PASSWORD)")),
                 QStringLiteral("$(UNKNOWN) $(REDIS_PASSWORD)"));
    }

    void shellSplitting_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<bool>("simple");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("plain") << QStringLiteral("redis-server /etc/redis/redis.conf --protected-mode no")
                               << true
                               << sl({"redis-server", "/etc/redis/redis.conf", "--protected-mode", "no"});
        QTest::newRow("quotes") << QStringLiteral("exec redis-server --save \"\" --appendonly 'yes'") << true
                                << sl({"exec", "redis-server", "--save", "", "--appendonly", "yes"});
        QTest::newRow("list") << QStringLiteral("cp /a /b; redis-server") << false << QStringList{};
        QTest::newRow("substitution")
            << QStringLiteral("redis-server --bind $(hostname -i)") << false << QStringList{};
        QTest::newRow("pipe") << QStringLiteral("echo x | cat") << false << QStringList{};
        QTest::newRow("unclosed") << QStringLiteral("echo 'x") << false << QStringList{};
    }
    void shellSplitting()
    {
        QFETCH(QString, script);
        QFETCH(bool, simple);
        QFETCH(QStringList, words);
        QStringList result;
        QCOMPARE(splitSimpleShellCommand(script, &result), simple);
        if (simple)
            QCOMPARE(result, words);
    }

    void redisServerLaunchIsRewritten()
    {
        QTemporaryDir dir;
        PodContext context = redisContext(dir.path());
        QVERIFY(QDir().mkpath(context.podDir) && QDir().mkpath(dir.path() + QStringLiteral("/conf")));
        QFile config(dir.path() + QStringLiteral("/conf/redis.conf"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("port 7000\ndir /var/lib/redis\n");
        config.close();
        const QJsonObject container = json(
            R"({"name":"redis","command":["sh","-c","exec redis-server /etc/redis/redis.conf --protected-mode no"]})");
        RedisTools tools;
        tools.serverPath = QStringLiteral("/opt/redis-server");
        tools.serverMajorVersion = 7;
        auto plan = planContainerLaunch(container, context, tools);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
        QVERIFY(plan->isRedisServer);
        QCOMPARE(plan->program, QStringLiteral("/opt/redis-server"));
        QCOMPARE(plan->port, quint16(7000));
        const QString rewrittenPath = context.podDir + QStringLiteral("/redis.sandbox.conf");
        QCOMPARE(plan->arguments.first(), rewrittenPath);
        QFile rewritten(rewrittenPath);
        QVERIFY(rewritten.open(QIODevice::ReadOnly));
        QCOMPARE(rewritten.readAll(), QByteArray("port 7000\ndir " + dir.path().toUtf8() + "/pvc\n"));
        const QStringList tail = plan->arguments.mid(1);
        QCOMPARE(tail, (sl({"--protected-mode", "no", "--bind", "127.77.0.9", "--port", "7000", "--daemonize",
                            "no", "--logfile", "", "--bind-source-addr", "127.77.0.9"})));

        tools.serverMajorVersion = 5; // no bind-source-addr before Redis 7
        plan = planContainerLaunch(container, context, tools);
        QVERIFY(plan.ok());
        QVERIFY(!plan->arguments.contains(QStringLiteral("--bind-source-addr")));
    }

    void missingConfigFileIsExplained()
    {
        QTemporaryDir dir;
        const PodContext context = redisContext(dir.path());
        const auto plan =
            planContainerLaunch(json(R"({"command":["redis-server","/etc/redis/redis.conf"]})"), context, {});
        QVERIFY(!plan.ok());
        QVERIFY(plan.error().message().contains(QStringLiteral("/etc/redis/redis.conf")));
    }

    void imageDefaults()
    {
        QTemporaryDir dir;
        const PodContext context = redisContext(dir.path());
        QCOMPARE(containerArgv(json(R"({"name":"redis"})"), context),
                 QStringList{QStringLiteral("redis-server")});
        QCOMPARE(containerArgv(json(R"({"args":["--appendonly","yes"]})"), context),
                 (sl({"redis-server", "--appendonly", "yes"})));
        QCOMPARE(containerArgv(
                     json(R"x({"command":["redis-server"],"args":["--requirepass","$(REDIS_PASSWORD)"]})x"),
                     context),
                 (sl({"redis-server", "--requirepass", "s3cret"})));
    }

    void execTargetsThePod()
    {
        QTemporaryDir dir;
        PodContext context = redisContext(dir.path());
        context.port = 6379;
        RedisTools tools;
        tools.cliPath = QStringLiteral("/usr/bin/redis-cli");
        LaunchPlan plan = planExec(
            {QStringLiteral("redis-cli"), QStringLiteral("cluster"), QStringLiteral("info")}, context, tools);
        QCOMPARE(plan.program, QStringLiteral("/usr/bin/redis-cli"));
        QCOMPARE(plan.arguments, (sl({"-h", "127.77.0.9", "-p", "6379", "cluster", "info"})));
        plan = planExec({QStringLiteral("cat"), QStringLiteral("/var/lib/redis/nodes.conf")}, context, tools);
        QCOMPARE(plan.arguments, QStringList{dir.path() + QStringLiteral("/pvc/nodes.conf")});
        plan = planExec({QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("cat /var/lib/redis/x")},
                        context, tools);
        QCOMPARE(plan.arguments,
                 (QStringList{QStringLiteral("-c"), QStringLiteral("cat %1/pvc/x").arg(dir.path())}));
    }

    void allocatorNeverReusesLivingAddresses()
    {
        QTemporaryDir dir;
        const QString cursor = dir.path() + QStringLiteral("/cursor");
        auto allocator = CidrAllocator::create(QStringLiteral("127.77.0.0/16"), cursor);
        QVERIFY(allocator.ok());
        QCOMPARE(allocator.value().allocate({}).value(), QStringLiteral("127.77.0.2"));
        QCOMPARE(allocator.value().allocate({QStringLiteral("127.77.0.4")}).value(),
                 QStringLiteral("127.77.0.3"));
        QCOMPARE(allocator.value().allocate({QStringLiteral("127.77.0.4")}).value(),
                 QStringLiteral("127.77.0.5"));
        // A restart continues after the last address handed out.
        auto restarted = CidrAllocator::create(QStringLiteral("127.77.0.0/16"), cursor);
        QCOMPARE(restarted.value().allocate({}).value(), QStringLiteral("127.77.0.6"));
    }

    void allocatorSkipsDotZeroAndWraps()
    {
        auto allocator = CidrAllocator::create(QStringLiteral("127.78.0.0/30"), {});
        QVERIFY(allocator.ok());
        // /30: .0 network, .1 gateway, .2 the only assignable address (.3 is broadcast)
        QCOMPARE(allocator.value().allocate({}).value(), QStringLiteral("127.78.0.2"));
        QCOMPARE(allocator.value().allocate({}).value(), QStringLiteral("127.78.0.2"));
        QVERIFY(!allocator.value().allocate({QStringLiteral("127.78.0.2")}).ok());

        auto wide = CidrAllocator::create(QStringLiteral("127.79.0.0/23"), {});
        QSet<QString> used;
        QString last;
        for (int i = 0; i < 300; ++i) {
            last = wide.value().allocate(used).value();
            QVERIFY(!last.endsWith(QLatin1String(".0")) && !last.endsWith(QLatin1String(".255")));
            QVERIFY(!used.contains(last));
            used.insert(last);
        }
        QVERIFY(!CidrAllocator::create(QStringLiteral("fe80::/64"), {}).ok());
        QVERIFY(!CidrAllocator::create(QStringLiteral("not a network"), {}).ok());
    }

    void schedulerSpreadsPerPreferredAntiAffinity()
    {
        const QStringList nodes{QStringLiteral("sandbox-node-1"), QStringLiteral("sandbox-node-2"),
                                QStringLiteral("sandbox-node-3")};
        const QJsonObject pod = json(kAntiAffinityPod);
        const QJsonObject redis{{QStringLiteral("app"), QStringLiteral("redis")}};
        const QJsonObject other{{QStringLiteral("app"), QStringLiteral("web")}};
        QList<QJsonObject> placed;
        QHash<QString, int> perNode;
        for (int i = 0; i < 6; ++i) {
            const SchedulingDecision decision = schedulePod(pod, nodes, placed, 3);
            QVERIFY(!decision.nodeName.isEmpty());
            ++perNode[decision.nodeName];
            placed.append(podOn(QStringLiteral("p%1").arg(i), decision.nodeName, redis));
        }
        QCOMPARE(perNode.value(QStringLiteral("sandbox-node-1")), 2);
        QCOMPARE(perNode.value(QStringLiteral("sandbox-node-2")), 2);
        QCOMPARE(perNode.value(QStringLiteral("sandbox-node-3")), 2);

        // Non-matching pods only count as load: node-1 is busy with web pods, node-2 holds one redis.
        placed = {podOn(QStringLiteral("w1"), nodes[0], other), podOn(QStringLiteral("w2"), nodes[0], other),
                  podOn(QStringLiteral("r1"), nodes[1], redis)};
        QCOMPARE(schedulePod(pod, nodes, placed, 3).nodeName, QStringLiteral("sandbox-node-3"));
        QCOMPARE(schedulePod(pod, {nodes[0], nodes[1]}, placed, 3).nodeName,
                 QStringLiteral("sandbox-node-1"));
    }

    void schedulerHonoursRequiredAntiAffinity()
    {
        QJsonObject pod = json(kAntiAffinityPod);
        QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
        spec.insert(
            QStringLiteral("affinity"),
            json(R"({"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":
                         {"matchLabels":{"app":"redis"}},"topologyKey":"kubernetes.io/hostname"}]}})"));
        pod.insert(QStringLiteral("spec"), spec);
        const QJsonObject redis{{QStringLiteral("app"), QStringLiteral("redis")}};
        const QList<QJsonObject> placed{podOn(QStringLiteral("a"), QStringLiteral("n1"), redis),
                                        podOn(QStringLiteral("b"), QStringLiteral("n2"), redis)};
        QCOMPARE(schedulePod(pod, {QStringLiteral("n1"), QStringLiteral("n2")}, placed, 3).nodeName,
                 QString());
        const SchedulingDecision decision =
            schedulePod(pod, {QStringLiteral("n1"), QStringLiteral("n2")}, placed, 3);
        QVERIFY2(decision.message.contains(QStringLiteral("anti-affinity")), qPrintable(decision.message));
        QVERIFY2(decision.message.startsWith(QStringLiteral("0/3 nodes are available")),
                 qPrintable(decision.message));
        QCOMPARE(schedulePod(pod, {QStringLiteral("n1"), QStringLiteral("n3")}, placed, 3).nodeName,
                 QStringLiteral("n3"));
    }

    void labelSelectors()
    {
        const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("redis")},
                                 {QStringLiteral("tier"), QStringLiteral("db")}};
        QVERIFY(selectorMatches({}, labels));
        QVERIFY(selectorMatches(json(R"({"matchLabels":{"app":"redis"}})"), labels));
        QVERIFY(!selectorMatches(json(R"({"matchLabels":{"app":"web"}})"), labels));
        QVERIFY(
            selectorMatches(json(R"({"matchExpressions":[{"key":"tier","operator":"NotIn","values":["web"]},
                                         {"key":"zone","operator":"DoesNotExist"}]})"),
                            labels));
        QVERIFY(
            !selectorMatches(json(R"({"matchExpressions":[{"key":"zone","operator":"Exists"}]})"), labels));
    }

    void statefulSetPodAndClaimTemplates()
    {
        const QJsonObject set =
            json(R"({"metadata":{"name":"redis-app","namespace":"redis-cluster","uid":"u-1"},
          "spec":{"serviceName":"redis-service","selector":{"matchLabels":{"app":"redis","appCluster":"redis-cluster"}},
          "template":{"metadata":{"labels":{"app":"redis","appCluster":"redis-cluster"}},
                      "spec":{"containers":[{"name":"redis","volumeMounts":[{"name":"redis-data","mountPath":"/var/lib/redis"}]}]}},
          "volumeClaimTemplates":[{"metadata":{"name":"redis-data"},"spec":{"accessModes":["ReadWriteOnce"],
                                   "resources":{"requests":{"storage":"1Gi"}}}}]}})");
        const QJsonObject pod = StatefulSetController::podFor(set, 4);
        const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.value(QLatin1String("name")).toString(), QStringLiteral("redis-app-4"));
        const QJsonObject owner =
            metadata.value(QLatin1String("ownerReferences")).toArray().first().toObject();
        QCOMPARE(owner.value(QLatin1String("uid")).toString(), QStringLiteral("u-1"));
        QCOMPARE(owner.value(QLatin1String("kind")).toString(), QStringLiteral("StatefulSet"));
        QCOMPARE(metadata.value(QLatin1String("labels"))
                     .toObject()
                     .value(QLatin1String("statefulset.kubernetes.io/pod-name"))
                     .toString(),
                 QStringLiteral("redis-app-4"));
        const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
        QCOMPARE(spec.value(QLatin1String("hostname")).toString(), QStringLiteral("redis-app-4"));
        QCOMPARE(spec.value(QLatin1String("subdomain")).toString(), QStringLiteral("redis-service"));
        QCOMPARE(spec.value(QLatin1String("volumes"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("persistentVolumeClaim"))
                     .toObject()
                     .value(QLatin1String("claimName"))
                     .toString(),
                 QStringLiteral("redis-data-redis-app-4"));

        const QJsonObject claim =
            StatefulSetController::claimFor(set,
                                            set.value(QLatin1String("spec"))
                                                .toObject()
                                                .value(QLatin1String("volumeClaimTemplates"))
                                                .toArray()
                                                .first()
                                                .toObject(),
                                            4);
        const QJsonObject claimMetadata = claim.value(QLatin1String("metadata")).toObject();
        QCOMPARE(claimMetadata.value(QLatin1String("name")).toString(),
                 QStringLiteral("redis-data-redis-app-4"));
        QCOMPARE(claimMetadata.value(QLatin1String("labels")).toObject(),
                 json(R"({"app":"redis","appCluster":"redis-cluster"})"));
        QVERIFY(!claimMetadata.contains(QLatin1String("ownerReferences")));
    }

    void spdyHeaderBlocksRoundTrip()
    {
        QCOMPARE(SpdyCodec::dictionary().size(), 1423); // SPDY/3 draft, section 2.6.10.1
        SpdyCodec client;
        SpdyCodec server;
        const SpdyCodec::HeaderList headers{{"streamtype", "data"}, {"port", "6379"}, {"requestid", "0"}};
        // One zlib stream per direction: the second block depends on the first.
        for (int i = 0; i < 2; ++i) {
            const auto decoded = server.decompressHeaders(client.compressHeaders(headers));
            QVERIFY(decoded.has_value());
            QCOMPARE(*decoded, headers);
        }
        QVERIFY(!SpdyCodec().decompressHeaders(QByteArray("not zlib at all")).has_value());
    }

    void spdyFramesSplitAcrossMessages()
    {
        QByteArray stream = SpdyCodec::dataFrame(3, SpdyCodec::kFlagFin, "PING\r\n") +
                            SpdyCodec::controlFrame(SpdyCodec::Ping, 0, QByteArray::fromHex("00000001"));
        QByteArray buffer = stream.left(5);
        QVERIFY(SpdyCodec::takeFrames(buffer).isEmpty());
        QCOMPARE(buffer.size(), 5); // a partial frame waits for the rest
        buffer += stream.mid(5);
        const QList<SpdyCodec::Frame> frames = SpdyCodec::takeFrames(buffer);
        QCOMPARE(frames.size(), 2);
        QVERIFY(!frames[0].control);
        QCOMPARE(frames[0].streamId, 3u);
        QCOMPARE(frames[0].flags, SpdyCodec::kFlagFin);
        QCOMPARE(frames[0].payload, QByteArray("PING\r\n"));
        QVERIFY(frames[1].control);
        QCOMPARE(frames[1].type, quint16(SpdyCodec::Ping));
        QCOMPARE(frames[1].payload, QByteArray::fromHex("00000001"));
        QVERIFY(buffer.isEmpty());
    }

    void podContextMaterialisesVolumesAndEnv()
    {
        QTemporaryDir dir;
        MemoryStore store;
        QVERIFY(store
                    .create(QStringLiteral("configmaps"),
                            json(R"({"metadata":{"name":"redis-conf","namespace":"ns"},
                                      "data":{"redis.conf":"port 6379\n","other":"x"}})"))
                    .ok());
        QVERIFY(store
                    .create(QStringLiteral("secrets"),
                            json(R"({"metadata":{"name":"redis-auth","namespace":"ns"},
                                      "data":{"password":"czNjcmV0"}})")) // "s3cret"
                    .ok());
        QVERIFY(store
                    .create(QStringLiteral("persistentvolumeclaims"),
                            json(R"({"metadata":{"name":"data-0","namespace":"ns"}})"))
                    .ok());
        const QJsonObject pod = json(R"({"metadata":{"name":"p","namespace":"ns","uid":"0123456789"},
          "spec":{"nodeName":"sandbox-node-1","volumes":[
            {"name":"conf","configMap":{"name":"redis-conf","items":[{"key":"redis.conf","path":"redis.conf"}]}},
            {"name":"auth","secret":{"secretName":"redis-auth"}},
            {"name":"data","persistentVolumeClaim":{"claimName":"data-0"}},
            {"name":"scratch","emptyDir":{}}]}})");
        const QJsonObject container = json(R"x({"name":"redis",
          "env":[{"name":"REDIS_PASSWORD","valueFrom":{"secretKeyRef":{"name":"redis-auth","key":"password"}}},
                 {"name":"POD_IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}},
                 {"name":"GREETING","value":"hello $(POD_IP)"
}],
          "volumeMounts":[{"name":"conf","mountPath":"/etc/redis/"},{"name":"auth","mountPath":"/etc/auth"},
                          {"name":"data","mountPath":"/var/lib/redis"},{"name":"scratch","mountPath":"/tmp/x"}]
})x");
        auto context = preparePodContext(pod, container, store, dir.path(), QStringLiteral("127.77.0.5"));
        QVERIFY2(context.ok(), qPrintable(context.error().message()));
        QFile config(context->mapPath(QStringLiteral("/etc/redis/redis.conf")));
        QVERIFY(config.open(QIODevice::ReadOnly));
        QCOMPARE(config.readAll(), QByteArray("port 6379\n"));
        QVERIFY(!QFile::exists(context->mapPath(QStringLiteral("/etc/redis/other")))); // only the listed item
        QFile password(context->mapPath(QStringLiteral("/etc/auth/password")));
        QVERIFY(password.open(QIODevice::ReadOnly));
        QCOMPARE(password.readAll(), QByteArray("s3cret"));
        // The claim's volume is named after the claim and its uid (a claim made again gets a new one).
        const QString claimUid =
            store
                .get(QStringLiteral("persistentvolumeclaims"), QStringLiteral("ns"), QStringLiteral("data-0"))
                ->value(QLatin1String("metadata"))
                .toObject()
                .value(QLatin1String("uid"))
                .toString();
        QVERIFY(!claimUid.isEmpty());
        const QString volume = dir.path() + QStringLiteral("/pvc/ns/data-0-") + claimUid;
        QCOMPARE(context->mapPath(QStringLiteral("/var/lib/redis/nodes.conf")),
                 volume + QStringLiteral("/nodes.conf"));
        QCOMPARE(context->workDir, volume);
        QCOMPARE(context->env.value(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("s3cret"));
        QCOMPARE(context->env.value(QStringLiteral("GREETING")), QStringLiteral("hello 127.77.0.5"));
        QCOMPARE(context->env.value(QStringLiteral("HOSTNAME")), QStringLiteral("p"));

        // A missing ConfigMap is explained, naming it, the volume and the namespace.
        QVERIFY(store.remove(QStringLiteral("configmaps"), QStringLiteral("ns"), QStringLiteral("redis-conf"))
                    .ok());
        context = preparePodContext(pod, container, store, dir.path(), QStringLiteral("127.77.0.5"));
        QVERIFY(!context.ok());
        QVERIFY2(context.error().message().contains(QStringLiteral("configmap \"redis-conf\" not found")),
                 qPrintable(context.error().message()));
    }

    void simulatedNodes()
    {
        SimulatedNodes nodes(3);
        QCOMPARE(nodes.names(), (sl({"sandbox-node-1", "sandbox-node-2", "sandbox-node-3"})));
        nodes.setFailed(QStringLiteral("sandbox-node-2"), true);
        QCOMPARE(nodes.readyNames(), (sl({"sandbox-node-1", "sandbox-node-3"})));
        const QJsonObject node = nodes.object(QStringLiteral("sandbox-node-2"));
        const QJsonObject ready = node.value(QLatin1String("status"))
                                      .toObject()
                                      .value(QLatin1String("conditions"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(ready.value(QLatin1String("type")).toString(), QStringLiteral("Ready"));
        QCOMPARE(ready.value(QLatin1String("status")).toString(), QStringLiteral("Unknown"));
        QCOMPARE(nodes.object(QStringLiteral("sandbox-node-1"))
                     .value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("uid")),
                 SimulatedNodes(1)
                     .object(QStringLiteral("sandbox-node-1"))
                     .value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("uid")));
    }

    // What `kubectl rollout history/undo` read: a revision per template, numbered in the order the set
    // ran them, the restoring patch, the change-cause, and a bounded history.
    void controllerRevisionsFollowTheTemplate()
    {
        MemoryStore store;
        QJsonObject set = json(R"({"metadata":{"name":"web","namespace":"ns","uid":"set-1",
            "annotations":{"kubernetes.io/change-cause":"first"}},
          "spec":{"revisionHistoryLimit":1,"template":{"metadata":{"labels":{"app":"web"}},
                  "spec":{"containers":[{"name":"c","image":"redis:7"}]}}}})");
        const auto revisions = [&store] {
            QMap<QString, qint64> out;
            for (const QJsonObject &r :
                 store.list(QStringLiteral("controllerrevisions"), QStringLiteral("ns")))
                out.insert(
                    r.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
                    qint64(r.value(QLatin1String("revision")).toDouble()));
            return out;
        };
        syncControllerRevisions(store, set, QStringLiteral("web-a"), {QStringLiteral("web-a")});
        syncControllerRevisions(store, set, QStringLiteral("web-a"), {QStringLiteral("web-a")}); // idempotent
        QCOMPARE(revisions(), (QMap<QString, qint64>{{QStringLiteral("web-a"), 1}}));
        const QJsonObject first =
            *store.get(QStringLiteral("controllerrevisions"), QStringLiteral("ns"), QStringLiteral("web-a"));
        QCOMPARE(first.value(QLatin1String("data"))
                     .toObject()
                     .value(QLatin1String("spec"))
                     .toObject()
                     .value(QLatin1String("template"))
                     .toObject()
                     .value(QLatin1String("$patch"))
                     .toString(),
                 QStringLiteral("replace"));
        const QJsonObject metadata = first.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.value(QLatin1String("annotations"))
                     .toObject()
                     .value(QLatin1String("kubernetes.io/change-cause")),
                 QJsonValue(QStringLiteral("first")));
        QCOMPARE(metadata.value(QLatin1String("labels"))
                     .toObject()
                     .value(QLatin1String("controller-revision-hash")),
                 QJsonValue(QStringLiteral("web-a")));
        QCOMPARE(metadata.value(QLatin1String("ownerReferences"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("uid")),
                 QJsonValue(QStringLiteral("set-1")));

        // A new template while pods still run the old one: both kept, whatever the limit says.
        syncControllerRevisions(store, set, QStringLiteral("web-b"),
                                {QStringLiteral("web-a"), QStringLiteral("web-b")});
        QCOMPARE(revisions(),
                 (QMap<QString, qint64>{{QStringLiteral("web-a"), 1}, {QStringLiteral("web-b"), 2}}));
        // Back to the first template (rollout undo): it is the newest again.
        syncControllerRevisions(store, set, QStringLiteral("web-a"),
                                {QStringLiteral("web-a"), QStringLiteral("web-b")});
        QCOMPARE(revisions(),
                 (QMap<QString, qint64>{{QStringLiteral("web-a"), 3}, {QStringLiteral("web-b"), 2}}));
        // Once no pod runs web-b, the limit of one older revision keeps it; a third template drops it.
        syncControllerRevisions(store, set, QStringLiteral("web-c"), {QStringLiteral("web-c")});
        QCOMPARE(revisions(),
                 (QMap<QString, qint64>{{QStringLiteral("web-a"), 3}, {QStringLiteral("web-c"), 4}}));
        // Another set's revisions are not counted; those of a deleted set are collected.
        collectControllerRevisions(store, {QStringLiteral("set-1")});
        QCOMPARE(revisions().size(), 2);
        collectControllerRevisions(store, {});
        QVERIFY(revisions().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSandboxRuntimeUnits)
#include "tst_sandbox_runtime_units.moc"
