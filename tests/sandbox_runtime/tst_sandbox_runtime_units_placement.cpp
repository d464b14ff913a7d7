// TestSandboxRuntimeUnits: where pods go: address allocation, the scheduler's anti-affinity, label
// selectors and the simulated nodes.
#include "tst_sandbox_runtime_units.h"

void TestSandboxRuntimeUnits::allocatorNeverReusesLivingAddresses()
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

void TestSandboxRuntimeUnits::allocatorSkipsDotZeroAndWraps()
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

void TestSandboxRuntimeUnits::schedulerSpreadsPerPreferredAntiAffinity()
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
    QCOMPARE(schedulePod(pod, {nodes[0], nodes[1]}, placed, 3).nodeName, QStringLiteral("sandbox-node-1"));
}

void TestSandboxRuntimeUnits::schedulerHonoursRequiredAntiAffinity()
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
    QCOMPARE(schedulePod(pod, {QStringLiteral("n1"), QStringLiteral("n2")}, placed, 3).nodeName, QString());
    const SchedulingDecision decision =
        schedulePod(pod, {QStringLiteral("n1"), QStringLiteral("n2")}, placed, 3);
    QVERIFY2(decision.message.contains(QStringLiteral("anti-affinity")), qPrintable(decision.message));
    QVERIFY2(decision.message.startsWith(QStringLiteral("0/3 nodes are available")),
             qPrintable(decision.message));
    QCOMPARE(schedulePod(pod, {QStringLiteral("n1"), QStringLiteral("n3")}, placed, 3).nodeName,
             QStringLiteral("n3"));
}

void TestSandboxRuntimeUnits::labelSelectors()
{
    const QJsonObject labels{{QStringLiteral("app"), QStringLiteral("redis")},
                             {QStringLiteral("tier"), QStringLiteral("db")}};
    QVERIFY(selectorMatches({}, labels));
    QVERIFY(selectorMatches(json(R"({"matchLabels":{"app":"redis"}})"), labels));
    QVERIFY(!selectorMatches(json(R"({"matchLabels":{"app":"web"}})"), labels));
    QVERIFY(selectorMatches(json(R"({"matchExpressions":[{"key":"tier","operator":"NotIn","values":["web"]},
                                         {"key":"zone","operator":"DoesNotExist"}]})"),
                            labels));
    QVERIFY(!selectorMatches(json(R"({"matchExpressions":[{"key":"zone","operator":"Exists"}]})"), labels));
}

void TestSandboxRuntimeUnits::simulatedNodes()
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
