// The pure parts of kube-sandbox's runtime. This part: what runs in a pod and how it is reached (the
// redis.conf rewrite, path mapping, shell splitting, exec, SPDY framing); where pods go is in
// tst_sandbox_runtime_units_placement.cpp, what controllers make of templates in
// tst_sandbox_runtime_units_templates.cpp.
#include "tst_sandbox_runtime_units.h"

void TestSandboxRuntimeUnits::configRewriteMapsMountedPaths()
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
    QVERIFY(
        rewritten.contains(QStringLiteral("logfile \"") + dir.path() + QStringLiteral("/pvc/redis.log\"")));
    QVERIFY(rewritten.contains(QStringLiteral("# dir /var/lib/redis stays a comment")));
    QVERIFY(rewritten.contains(QStringLiteral("pidfile /var/run/redis.pid"))); // not under a mount
    QCOMPARE(redisConfigPort(config), quint16(6380));
    QCOMPARE(redisConfigPort(QStringLiteral("appendonly yes\n")), quint16(0));
}

void TestSandboxRuntimeUnits::pathMapping_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // %1 = temp root
    QTest::newRow("file under mount")
        << QStringLiteral("/var/lib/redis/nodes.conf") << QStringLiteral("%1/pvc/nodes.conf");
    QTest::newRow("mount itself") << QStringLiteral("/etc/redis") << QStringLiteral("%1/conf");
    QTest::newRow("prefix only") << QStringLiteral("/var/lib/redisx/a")
                                 << QStringLiteral("/var/lib/redisx/a");
    QTest::newRow("unmounted") << QStringLiteral("/tmp/x") << QStringLiteral("/tmp/x");
    QTest::newRow("option value") << QStringLiteral("--dir=/var/lib/redis") << QStringLiteral("--dir=%1/pvc");
    QTest::newRow("not a path") << QStringLiteral("ping") << QStringLiteral("ping");
}

void TestSandboxRuntimeUnits::pathMapping()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QCOMPARE(redisContext(dir.path()).mapArgument(input), expected.replace(QStringLiteral("%1"), dir.path()));
}

void TestSandboxRuntimeUnits::mapTextKeepsOtherWords()
{
    QTemporaryDir dir;
    const PodContext context = redisContext(dir.path());
    QCOMPARE(context.mapText(QStringLiteral("cat /var/lib/redis/nodes.conf; ls /var/lib/redisdata")),
             QStringLiteral("cat %1/pvc/nodes.conf; ls /var/lib/redisdata").arg(dir.path()));
}

void TestSandboxRuntimeUnits::variableExpansion()
{
    QTemporaryDir dir;
    const PodContext context = redisContext(dir.path());
    QCOMPARE(context.expand(QStringLiteral("--requirepass $(REDIS_PASSWORD)")),
             QStringLiteral("--requirepass s3cret"));
    QCOMPARE(context.expand(QStringLiteral("$(UNKNOWN) $$(REDIS_PASSWORD)")),
             QStringLiteral("$(UNKNOWN) $(REDIS_PASSWORD)"));
}

void TestSandboxRuntimeUnits::shellSplitting_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<bool>("simple");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << QStringLiteral("redis-server /etc/redis/redis.conf --protected-mode no") << true
                           << sl({"redis-server", "/etc/redis/redis.conf", "--protected-mode", "no"});
    QTest::newRow("quotes") << QStringLiteral("exec redis-server --save \"\" --appendonly 'yes'") << true
                            << sl({"exec", "redis-server", "--save", "", "--appendonly", "yes"});
    QTest::newRow("list") << QStringLiteral("cp /a /b; redis-server") << false << QStringList{};
    QTest::newRow("substitution") << QStringLiteral("redis-server --bind $(hostname -i)") << false
                                  << QStringList{};
    QTest::newRow("pipe") << QStringLiteral("echo x | cat") << false << QStringList{};
    QTest::newRow("unclosed") << QStringLiteral("echo 'x") << false << QStringList{};
}

void TestSandboxRuntimeUnits::shellSplitting()
{
    QFETCH(QString, script);
    QFETCH(bool, simple);
    QFETCH(QStringList, words);
    QStringList result;
    QCOMPARE(splitSimpleShellCommand(script, &result), simple);
    if (simple)
        QCOMPARE(result, words);
}

void TestSandboxRuntimeUnits::redisServerLaunchIsRewritten()
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

// `port 0` with `tls-port` (a TLS deployment): the plain port stays off, the pod's port is the TLS one,
// and the TLS file paths under the Secret's mount are rewritten like every other path.
void TestSandboxRuntimeUnits::tlsOnlyServerListensOnTheTlsPort()
{
    QTemporaryDir dir;
    PodContext context = redisContext(dir.path());
    context.mounts.prepend({QStringLiteral("/etc/redis-tls"), dir.path() + QStringLiteral("/tls")});
    QVERIFY(QDir().mkpath(context.podDir) && QDir().mkpath(dir.path() + QStringLiteral("/conf")));
    QFile config(dir.path() + QStringLiteral("/conf/redis.conf"));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("port 0\ntls-port 6380\ntls-cert-file /etc/redis-tls/tls.crt\n");
    config.close();
    const auto plan = planContainerLaunch(json(R"({"command":["redis-server","/etc/redis/redis.conf"]})"),
                                          context, RedisTools());
    QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
    QVERIFY(plan->tls);
    QCOMPARE(plan->port, quint16(6380));
    const QString arguments = plan->arguments.join(u' ');
    QVERIFY2(arguments.contains(QLatin1String("--port 0 --tls-port 6380")), qPrintable(arguments));
    QVERIFY2(!arguments.contains(QLatin1String("--port 6379")), qPrintable(arguments));
    QFile rewritten(plan->arguments.first());
    QVERIFY(rewritten.open(QIODevice::ReadOnly));
    QVERIFY(
        rewritten.readAll().contains(QByteArray("tls-cert-file " + dir.path().toUtf8() + "/tls/tls.crt")));

    // A plain config with a TLS port beside it keeps its plain port for the pod.
    QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
    config.write("port 6379\ntls-port 6380\n");
    config.close();
    const auto both = planContainerLaunch(json(R"({"command":["redis-server","/etc/redis/redis.conf"]})"),
                                          context, RedisTools());
    QVERIFY(both.ok());
    QVERIFY(!both->tls);
    QCOMPARE(both->port, quint16(6379));
}

void TestSandboxRuntimeUnits::missingConfigFileIsExplained()
{
    QTemporaryDir dir;
    const PodContext context = redisContext(dir.path());
    const auto plan =
        planContainerLaunch(json(R"({"command":["redis-server","/etc/redis/redis.conf"]})"), context, {});
    QVERIFY(!plan.ok());
    QVERIFY(plan.error().message().contains(QStringLiteral("/etc/redis/redis.conf")));
}

void TestSandboxRuntimeUnits::imageDefaults()
{
    QTemporaryDir dir;
    const PodContext context = redisContext(dir.path());
    QCOMPARE(containerArgv(json(R"({"name":"redis"})"), context),
             QStringList{QStringLiteral("redis-server")});
    QCOMPARE(containerArgv(json(R"({"args":["--appendonly","yes"]})"), context),
             (sl({"redis-server", "--appendonly", "yes"})));
    QCOMPARE(
        containerArgv(json(R"x({"command":["redis-server"],"args":["--requirepass","$(REDIS_PASSWORD)"]})x"),
                      context),
        (sl({"redis-server", "--requirepass", "s3cret"})));
}

void TestSandboxRuntimeUnits::execTargetsThePod()
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

void TestSandboxRuntimeUnits::spdyHeaderBlocksRoundTrip()
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

void TestSandboxRuntimeUnits::spdyFramesSplitAcrossMessages()
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

QTEST_GUILESS_MAIN(TestSandboxRuntimeUnits)
