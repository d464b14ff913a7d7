// kube-sandbox's API half held to the real kubectl (reference §8) and to an HTTP client: discovery,
// apply (server- and client-side), Table output, watch, errors as Status objects, scale, namespace
// deletion, persistence across restarts. Only ConfigMaps, Services, Namespaces and StatefulSets with
// zero replicas are used, so no pod process is needed.
// This part: start-up, discovery, apply and output; the other areas are in tst_sandbox_api_*.cpp.
#include "tst_sandbox_api.h"

void TestSandboxApi::initTestCase()
{
    if (Kubectl::executable().isEmpty())
        QFAIL("kubectl not found: install Debian's kubernetes-client (or put kubectl on PATH)");
    QVERIFY(m_data.isValid());
    m_server = std::make_unique<KubeSandboxProcess>(m_data.path());
    m_server->setExtraArguments({QStringLiteral("--verbose")});
    const auto started = m_server->start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
    m_api = std::make_unique<ApiClient>(*m_server);
}

void TestSandboxApi::init()
{
    // A fresh HOME per test: kubectl caches discovery and OpenAPI under ~/.kube/cache.
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
}

void TestSandboxApi::cleanupTestCase()
{
    if (m_server)
        QCOMPARE(m_server->stop(), 0);
}

void TestSandboxApi::getNamespacesAndDiscovery()
{
    const ProgramRun r = kubectl().run({QStringLiteral("get"), QStringLiteral("ns")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("default ")) && r.out.contains(QLatin1String("Active")),
             qPrintable(r.out));
    QVERIFY(r.out.startsWith(QLatin1String("NAME ")));

    const ProgramRun resources = kubectl().run({QStringLiteral("api-resources")});
    QVERIFY2(resources.exitCode == 0, qPrintable(resources.err));
    QVERIFY2(resources.out.contains(QLatin1String("statefulsets")) &&
                 resources.out.contains(QLatin1String("sts")),
             qPrintable(resources.out));

    const HttpResult version = m_api->send("GET", QStringLiteral("/version"));
    QCOMPARE(version.status, 200);
    QCOMPARE(version.json().value(QLatin1String("minor")).toString(), QStringLiteral("32"));
    const HttpResult openapi = m_api->send("GET", QStringLiteral("/openapi/v3"));
    QCOMPARE(openapi.status, 200);
    QVERIFY(openapi.json().value(QLatin1String("paths")).toObject().contains(QLatin1String("apis/apps/v1")));
}

// kubectl 1.32 asks /api and /apis for aggregated discovery first (reference §8); the answer carries
// every resource with its verbs and subresources in one document per path.
void TestSandboxApi::aggregatedDiscovery()
{
    const QByteArray accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
                              "application/json";
    QHash<QString, QJsonObject> resources; // "group/plural" -> resource entry
    for (const QString &path : {QStringLiteral("/api"), QStringLiteral("/apis")}) {
        const HttpResult answer = m_api->send("GET", path, {}, "application/json", accept);
        QCOMPARE(answer.status, 200);
        QVERIFY2(
            answer.header("Content-Type").contains("g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"),
            answer.header("Content-Type").constData());
        QCOMPARE(answer.json().value(QLatin1String("kind")).toString(),
                 QStringLiteral("APIGroupDiscoveryList"));
        QCOMPARE(answer.json().value(QLatin1String("apiVersion")).toString(),
                 QStringLiteral("apidiscovery.k8s.io/v2"));
        for (const QJsonValue &group : answer.json().value(QLatin1String("items")).toArray()) {
            const QString groupName = group.toObject()
                                          .value(QLatin1String("metadata"))
                                          .toObject()
                                          .value(QLatin1String("name"))
                                          .toString();
            for (const QJsonValue &version : group.toObject().value(QLatin1String("versions")).toArray()) {
                for (const QJsonValue &resource :
                     version.toObject().value(QLatin1String("resources")).toArray())
                    resources.insert(groupName + u'/' +
                                         resource.toObject().value(QLatin1String("resource")).toString(),
                                     resource.toObject());
            }
        }
    }
    for (const char *name : {"/namespaces", "/configmaps", "/secrets", "/services", "/persistentvolumeclaims",
                             "/pods", "/nodes", "apps/statefulsets", "storage.k8s.io/storageclasses"})
        QVERIFY2(resources.contains(QString::fromLatin1(name)), name);
    const QJsonObject pods = resources.value(QStringLiteral("/pods"));
    QCOMPARE(pods.value(QLatin1String("scope")).toString(), QStringLiteral("Namespaced"));
    QVERIFY(pods.value(QLatin1String("verbs")).toArray().contains(QStringLiteral("watch")));
    QStringList podSubresources;
    for (const QJsonValue &sub : pods.value(QLatin1String("subresources")).toArray())
        podSubresources.append(sub.toObject().value(QLatin1String("subresource")).toString());
    for (const char *sub : {"exec", "portforward", "log"})
        QVERIFY2(podSubresources.contains(QString::fromLatin1(sub)), qPrintable(podSubresources.join(u',')));
    bool scale = false;
    for (const QJsonValue &sub :
         resources.value(QStringLiteral("apps/statefulsets")).value(QLatin1String("subresources")).toArray())
        scale = scale || sub.toObject().value(QLatin1String("subresource")).toString() == u"scale";
    QVERIFY(scale);
    // The legacy documents per group version, for clients without aggregated discovery.
    for (const QString &path : {QStringLiteral("/api/v1"), QStringLiteral("/apis/apps/v1"),
                                QStringLiteral("/apis/storage.k8s.io/v1")}) {
        const HttpResult list = m_api->send("GET", path);
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value(QLatin1String("kind")).toString(), QStringLiteral("APIResourceList"));
        QVERIFY2(!list.json().value(QLatin1String("resources")).toArray().isEmpty(), qPrintable(path));
    }
    const HttpResult groups = m_api->send("GET", QStringLiteral("/apis"));
    QCOMPARE(groups.json().value(QLatin1String("kind")).toString(), QStringLiteral("APIGroupList"));
    // Nodes are read-only here.
    QVERIFY(!resources.value(QStringLiteral("/nodes"))
                 .value(QLatin1String("verbs"))
                 .toArray()
                 .contains(QStringLiteral("delete")));
}

void TestSandboxApi::configMapCreateGetDelete()
{
    const Kubectl k = kubectl();
    ProgramRun r = k.run({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("settings"),
                          QStringLiteral("--from-literal=mode=fast")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("configmap/settings created")), qPrintable(r.out));

    r = k.run({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("settings"),
               QStringLiteral("-o"), QStringLiteral("jsonpath={.data.mode}")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("fast"));

    r = k.run({QStringLiteral("get"), QStringLiteral("cm")});
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("settings\\s+1\\s+"))), qPrintable(r.out));

    r = k.run({QStringLiteral("delete"), QStringLiteral("configmap"), QStringLiteral("settings")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("configmap \"settings\" deleted")), qPrintable(r.out));

    r = k.run({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("settings")});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("configmaps \"settings\" not found")), qPrintable(r.err));
}

void TestSandboxApi::serverSideApplyAndServicePorts()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("app.yaml"), manifests("ssa", 30379));
    const Kubectl k = kubectl();
    ProgramRun r =
        k.run({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(lines(r.out).size(), 4);
    for (const QString &line : lines(r.out))
        QVERIFY2(line.endsWith(QLatin1String(" serverside-applied")), qPrintable(line));

    r = k.run({QStringLiteral("get"), QStringLiteral("svc"), QStringLiteral("-n"), QStringLiteral("ssa"),
               QStringLiteral("-o"), QStringLiteral("wide")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QStringList rows = lines(r.out);
    QVERIFY2(rows.value(0).contains(QRegularExpression(QStringLiteral(
                 "^NAME\\s+TYPE\\s+CLUSTER-IP\\s+EXTERNAL-IP\\s+PORT\\(S\\)\\s+AGE\\s+SELECTOR$"))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral(
                 "redis-access-service\\s+NodePort\\s+10\\.96\\.\\d+\\.\\d+\\s+<none>\\s+6379:30379/TCP"))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(
                 QStringLiteral("redis-service\\s+ClusterIP\\s+None\\s+<none>\\s+6379/TCP"))),
             qPrintable(r.out));

    // Applying the same file again changes nothing and still succeeds.
    r = k.run({QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));

    // A second NodePort service asking for the same port is refused with 422.
    const QByteArray duplicate = R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"other"},
        "spec":{"type":"NodePort","ports":[{"port":6379,"nodePort":30379}]}})";
    const HttpResult refused =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/ssa/services"), duplicate);
    QCOMPARE(refused.status, 422);
    QCOMPARE(refused.json().value(QLatin1String("reason")).toString(), QStringLiteral("Invalid"));
    QVERIFY2(refused.json()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("already allocated")),
             refused.body.constData());

    // Without a nodePort one is allocated in 30000-32767; one outside that range is a 422 with its field.
    const HttpResult automatic =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/ssa/services"),
                    R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"auto"},
        "spec":{"type":"NodePort","ports":[{"port":6379}]}})");
    QCOMPARE(automatic.status, 201);
    const QJsonObject allocated = automatic.json()
                                      .value(QLatin1String("spec"))
                                      .toObject()
                                      .value(QLatin1String("ports"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
    QVERIFY2(allocated.value(QLatin1String("nodePort")).toInt() >= 30000 &&
                 allocated.value(QLatin1String("nodePort")).toInt() <= 32767,
             automatic.body.constData());
    const HttpResult outside = m_api->send("POST", QStringLiteral("/api/v1/namespaces/ssa/services"),
                                           R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"high"},
        "spec":{"type":"NodePort","ports":[{"port":6379,"nodePort":40000}]}})");
    QCOMPARE(outside.status, 422);
    QCOMPARE(outside.firstCause().value(QLatin1String("field")).toString(),
             QStringLiteral("spec.ports[0].nodePort"));
    // Storage classes, like nodes, are read-only.
    QCOMPARE(m_api->send("DELETE", QStringLiteral("/apis/storage.k8s.io/v1/storageclasses/standard")).status,
             405);
}

void TestSandboxApi::clientSideApplyTwice()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("app.yaml"), manifests("csa", 30380));
    const Kubectl k = kubectl();
    ProgramRun r = k.run({QStringLiteral("apply"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    for (const QString &line : lines(r.out))
        QVERIFY2(line.endsWith(QLatin1String(" created")), qPrintable(r.out));

    r = k.run({QStringLiteral("apply"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lines(r.out).size(), 4);
    for (const QString &line : lines(r.out))
        QVERIFY2(line.endsWith(QLatin1String(" unchanged")), qPrintable(r.out));

    // A changed value goes through kubectl's strategic merge patch.
    QByteArray changed = manifests("csa", 30380);
    changed.replace("appendonly yes", "appendonly no");
    changed.replace("    port: 6379\n    targetPort: 6379", "    port: 6379\n    targetPort: 6380");
    writeFile(dir, QStringLiteral("app.yaml"), changed);
    r = k.run({QStringLiteral("apply"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("configmap/redis-conf configured")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("service/redis-access-service configured")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("service/redis-service unchanged")), qPrintable(r.out));

    const HttpResult service =
        m_api->send("GET", QStringLiteral("/api/v1/namespaces/csa/services/redis-access-service"));
    const QJsonArray ports =
        service.json().value(QLatin1String("spec")).toObject().value(QLatin1String("ports")).toArray();
    QCOMPARE(ports.size(), 1);
    QCOMPARE(ports.at(0).toObject().value(QLatin1String("targetPort")).toInt(), 6380);
    QCOMPARE(ports.at(0).toObject().value(QLatin1String("nodePort")).toInt(), 30380);
}

void TestSandboxApi::createMultiDocumentFile()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("app.yaml"), manifests("multi", 30381));
    const Kubectl k = kubectl();
    ProgramRun r = k.run({QStringLiteral("create"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lines(r.out), QStringList({QStringLiteral("namespace/multi created"),
                                        QStringLiteral("configmap/redis-conf created"),
                                        QStringLiteral("service/redis-service created"),
                                        QStringLiteral("service/redis-access-service created")}));

    r = k.run({QStringLiteral("create"), QStringLiteral("-f"), file});
    QVERIFY(r.exitCode != 0);
    QVERIFY2(r.err.contains(QLatin1String("AlreadyExists")) ||
                 r.err.contains(QLatin1String("already exists")),
             qPrintable(r.err));
}

void TestSandboxApi::wideOutputColumns()
{
    // The Table kubectl asks for: pods' priority-1 columns appear only with -o wide.
    const HttpResult table =
        m_api->send("GET", QStringLiteral("/api/v1/namespaces/default/pods?limit=500"), {},
                    "application/json", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    QCOMPARE(table.status, 200);
    QCOMPARE(table.json().value(QLatin1String("kind")).toString(), QStringLiteral("Table"));
    QStringList names;
    QList<int> priorities;
    for (const QJsonValue &column : table.json().value(QLatin1String("columnDefinitions")).toArray()) {
        names.append(column.toObject().value(QLatin1String("name")).toString());
        priorities.append(column.toObject().value(QLatin1String("priority")).toInt());
    }
    QCOMPARE(names, QStringList({QStringLiteral("Name"), QStringLiteral("Ready"), QStringLiteral("Status"),
                                 QStringLiteral("Restarts"), QStringLiteral("Age"), QStringLiteral("IP"),
                                 QStringLiteral("Node"), QStringLiteral("Nominated Node"),
                                 QStringLiteral("Readiness Gates")}));
    QCOMPARE(priorities, QList<int>({0, 0, 0, 0, 0, 1, 1, 1, 1}));

    const Kubectl k = kubectl();
    ProgramRun r =
        k.run({QStringLiteral("get"), QStringLiteral("nodes"), QStringLiteral("-o"), QStringLiteral("wide")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(lines(r.out).value(0).contains(QRegularExpression(
                 QStringLiteral("^NAME\\s+STATUS\\s+ROLES\\s+AGE\\s+VERSION\\s+INTERNAL-IP\\s+EXTERNAL-IP"))),
             qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("sandbox-node-1")), qPrintable(r.out));
    r = k.run({QStringLiteral("get"), QStringLiteral("nodes")});
    QVERIFY2(!r.out.contains(QLatin1String("INTERNAL-IP")), qPrintable(r.out));

    // StatefulSets (no replicas: no pods needed) print READY and, wide, CONTAINERS and IMAGES.
    QVERIFY(k.run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("wide")}).exitCode == 0);
    const HttpResult created =
        m_api->send("POST", QStringLiteral("/apis/apps/v1/namespaces/wide/statefulsets"),
                    QByteArray(kStatefulSet).replace("NS", "wide"));
    QCOMPARE(created.status, 201);
    r = k.run({QStringLiteral("get"), QStringLiteral("sts"), QStringLiteral("-n"), QStringLiteral("wide"),
               QStringLiteral("-o"), QStringLiteral("wide")});
    QVERIFY2(
        r.out.contains(QRegularExpression(QStringLiteral("^NAME\\s+READY\\s+AGE\\s+CONTAINERS\\s+IMAGES"))),
        qPrintable(r.out));
    QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("web\\s+0/0\\s+\\S+\\s+redis\\s+redis:5.0.5"))),
             qPrintable(r.out));
}

QTEST_MAIN(TestSandboxApi)
