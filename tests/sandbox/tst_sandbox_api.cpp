// kube-sandbox's API half held to the real kubectl (reference §8) and to an HTTP client: discovery,
// apply (server- and client-side), Table output, watch, errors as Status objects, scale, namespace
// deletion, persistence across restarts. Only ConfigMaps, Services, Namespaces and StatefulSets with
// zero replicas are used, so no pod process is needed.
#include "sandbox_api_harness.h"

#include "net/credentials.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs::test;

namespace {

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
    return path;
}

const QByteArray kAppManifests = R"(apiVersion: v1
kind: Namespace
metadata:
  name: NS
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: redis-conf
  namespace: NS
data:
  redis.conf: |
    appendonly yes
    cluster-enabled yes
---
apiVersion: v1
kind: Service
metadata:
  name: redis-service
  namespace: NS
spec:
  clusterIP: None
  selector:
    app: redis
  ports:
  - name: redis-port
    port: 6379
---
apiVersion: v1
kind: Service
metadata:
  name: redis-access-service
  namespace: NS
  labels:
    app: redis
spec:
  type: NodePort
  selector:
    app: redis
  ports:
  - name: redis-port
    protocol: TCP
    port: 6379
    targetPort: 6379
    nodePort: NODEPORT
)";

QByteArray manifests(const QByteArray &ns, int nodePort)
{
    return QByteArray(kAppManifests).replace("NS", ns).replace("NODEPORT", QByteArray::number(nodePort));
}

const QByteArray kStatefulSet = R"({"apiVersion":"apps/v1","kind":"StatefulSet",
 "metadata":{"name":"web","namespace":"NS"},
 "spec":{"replicas":0,"serviceName":"web","selector":{"matchLabels":{"app":"web"}},
  "template":{"metadata":{"labels":{"app":"web"}},
   "spec":{"containers":[{"name":"redis","image":"redis:5.0.5","command":["redis-server"]}]}}}})";

QStringList lines(const QString &text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestSandboxApi final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void getNamespacesAndDiscovery();
    void aggregatedDiscovery();
    void configMapCreateGetDelete();
    void serverSideApplyAndServicePorts();
    void clientSideApplyTwice();
    void createMultiDocumentFile();
    void wideOutputColumns();
    void watchEventsInOrder();
    void watchSelectorTransitions();
    void watchBookmarkAndTimeout();
    void errorsAreStatusObjects();
    void serverSideApplyConflicts();
    void scaleSubresource();
    void deleteNamespaceRemovesContents();
    void deleteCollectionByLabel();
    void deletePropagationPolicy();
    void podDeleteCarriesGracePeriod();
    void listPagination();
    void clientCertificateAccepted();
    void faultInjection();
    void restartKeepsObjects();
    void refusesNonLoopbackAddress();
    void refusesMissingRedisServer();

private:
    Kubectl kubectl() const { return Kubectl(m_server->kubeconfigPath(), m_home->path()); }

    QTemporaryDir m_data;
    std::unique_ptr<KubeSandboxProcess> m_server;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ApiClient> m_api;
};

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

void TestSandboxApi::watchEventsInOrder()
{
    QVERIFY(
        kubectl().run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("watched")}).exitCode ==
        0);
    const HttpResult list = m_api->send("GET", QStringLiteral("/api/v1/namespaces/watched/configmaps"));
    QCOMPARE(list.status, 200);
    const QString rv = list.json()
                           .value(QLatin1String("metadata"))
                           .toObject()
                           .value(QLatin1String("resourceVersion"))
                           .toString();
    QVERIFY(!rv.isEmpty());

    std::unique_ptr<QNetworkReply> watch(m_api->stream(
        QStringLiteral(
            "/api/v1/namespaces/watched/configmaps?watch=true&allowWatchBookmarks=true&timeoutSeconds=60"
            "&resourceVersion=") +
        rv));
    QByteArray received;
    QObject::connect(watch.get(), &QNetworkReply::readyRead, watch.get(),
                     [&] { received += watch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
                             30000);

    const QByteArray cm =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"w"},"data":{"k":"1"}})";
    QCOMPARE(m_api->send("POST", QStringLiteral("/api/v1/namespaces/watched/configmaps"), cm).status, 201);
    QCOMPARE(m_api
                 ->send("PATCH", QStringLiteral("/api/v1/namespaces/watched/configmaps/w"),
                        R"({"data":{"k":"2"}})", "application/merge-patch+json")
                 .status,
             200);
    QCOMPARE(m_api->send("DELETE", QStringLiteral("/api/v1/namespaces/watched/configmaps/w")).status, 200);

    QTRY_VERIFY_WITH_TIMEOUT(received.count('\n') >= 3, 30000);
    QStringList types;
    QStringList values;
    qint64 lastVersion = rv.toLongLong();
    for (const QByteArray &line : received.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.isEmpty() || event.value(QLatin1String("type")).toString() == u"BOOKMARK")
            continue;
        const QJsonObject object = event.value(QLatin1String("object")).toObject();
        types.append(event.value(QLatin1String("type")).toString());
        values.append(object.value(QLatin1String("data")).toObject().value(QLatin1String("k")).toString());
        const qint64 version = object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("resourceVersion"))
                                   .toString()
                                   .toLongLong();
        QVERIFY2(version > lastVersion, "resourceVersions of events must increase");
        lastVersion = version;
    }
    QCOMPARE(types,
             QStringList({QStringLiteral("ADDED"), QStringLiteral("MODIFIED"), QStringLiteral("DELETED")}));
    QCOMPARE(values, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("2")}));
    watch->abort();

    // kubectl get -w asks for Table events.
    QNetworkRequest tableRequest = watch->request();
    tableRequest.setRawHeader("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
    tableRequest.setUrl(
        QUrl(m_server->url() + QStringLiteral("/api/v1/namespaces?watch=true&timeoutSeconds=30")));
    QNetworkAccessManager network;
    std::unique_ptr<QNetworkReply> tableWatch(network.get(tableRequest));
    QByteArray tableEvents;
    QObject::connect(tableWatch.get(), &QNetworkReply::readyRead, tableWatch.get(),
                     [&] { tableEvents += tableWatch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(tableEvents.contains('\n'), 30000);
    const QJsonObject first = QJsonDocument::fromJson(tableEvents.left(tableEvents.indexOf('\n'))).object();
    QCOMPARE(first.value(QLatin1String("type")).toString(), QStringLiteral("ADDED"));
    QCOMPARE(first.value(QLatin1String("object")).toObject().value(QLatin1String("kind")).toString(),
             QStringLiteral("Table"));
    tableWatch->abort();
}

void TestSandboxApi::watchSelectorTransitions()
{
    // Objects entering a label selection arrive as ADDED, objects leaving it as DELETED.
    QVERIFY(kubectl()
                .run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("selected")})
                .exitCode == 0);
    std::unique_ptr<QNetworkReply> watch(m_api->stream(QStringLiteral(
        "/api/v1/namespaces/selected/configmaps?watch=true&timeoutSeconds=60&labelSelector=tier%3Dcache")));
    QByteArray received;
    QObject::connect(watch.get(), &QNetworkReply::readyRead, watch.get(),
                     [&] { received += watch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
                             30000);

    const QString item = QStringLiteral("/api/v1/namespaces/selected/configmaps/moving");
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/api/v1/namespaces/selected/configmaps"),
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"other"}})")
                 .status,
             201);
    QCOMPARE(
        m_api
            ->send(
                "POST", QStringLiteral("/api/v1/namespaces/selected/configmaps"),
                R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"moving","labels":{"tier":"cache"}}})")
            .status,
        201);
    QCOMPARE(
        m_api->send("PATCH", item, R"({"metadata":{"labels":{"tier":"db"}}})", "application/merge-patch+json")
            .status,
        200);
    QCOMPARE(
        m_api->send("PATCH", item, R"({"data":{"ignored":"yes"}})", "application/merge-patch+json").status,
        200);
    QCOMPARE(m_api
                 ->send("PATCH", item, R"({"metadata":{"labels":{"tier":"cache"}}})",
                        "application/merge-patch+json")
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(received.count('\n') >= 3, 30000);
    QStringList seen;
    for (const QByteArray &line : received.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (!event.isEmpty())
            seen.append(event.value(QLatin1String("type")).toString() + u' ' +
                        event.value(QLatin1String("object"))
                            .toObject()
                            .value(QLatin1String("metadata"))
                            .toObject()
                            .value(QLatin1String("name"))
                            .toString());
    }
    QCOMPARE(seen, QStringList({QStringLiteral("ADDED moving"), QStringLiteral("DELETED moving"),
                                QStringLiteral("ADDED moving")}));
    watch->abort();
}

// allowWatchBookmarks: a BOOKMARK carrying the current resourceVersion arrives while nothing changes
// (every 15 s); timeoutSeconds: the server ends the stream by itself.
void TestSandboxApi::watchBookmarkAndTimeout()
{
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<QNetworkReply> watch(m_api->stream(
        QStringLiteral(
            "/api/v1/namespaces/default/secrets?watch=true&allowWatchBookmarks=true&timeoutSeconds=18"
            "&resourceVersion=") +
        m_api->send("GET", QStringLiteral("/api/v1/namespaces/default/secrets"))
            .json()
            .value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("resourceVersion"))
            .toString()));
    QByteArray received;
    QObject::connect(watch.get(), &QNetworkReply::readyRead, watch.get(),
                     [&] { received += watch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("BOOKMARK"), 40000);
    const QJsonObject bookmark = QJsonDocument::fromJson(received.left(received.indexOf('\n'))).object();
    QCOMPARE(bookmark.value(QLatin1String("type")).toString(), QStringLiteral("BOOKMARK"));
    const QJsonObject object = bookmark.value(QLatin1String("object")).toObject();
    QCOMPARE(object.value(QLatin1String("kind")).toString(), QStringLiteral("Secret"));
    QVERIFY(object.value(QLatin1String("metadata"))
                .toObject()
                .value(QLatin1String("resourceVersion"))
                .toString()
                .toLongLong() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(watch->isFinished(), 40000);
    QCOMPARE(watch->error(), QNetworkReply::NoError);
    QVERIFY2(clock.elapsed() >= 17000, qPrintable(QString::number(clock.elapsed())));
}

void TestSandboxApi::errorsAreStatusObjects()
{
    // Bad token: 401 Unauthorized, for the HTTP client and for kubectl.
    ApiClient intruder(*m_server);
    intruder.setToken("not-the-token");
    const HttpResult unauthorized = intruder.send("GET", QStringLiteral("/api/v1/namespaces"));
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.json().value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
    QCOMPARE(unauthorized.json().value(QLatin1String("reason")).toString(), QStringLiteral("Unauthorized"));
    const ProgramRun denied =
        kubectl().run({QStringLiteral("--token=wrong"), QStringLiteral("get"), QStringLiteral("ns")});
    QVERIFY(denied.exitCode != 0);
    QVERIFY2(denied.err.contains(QLatin1String("Unauthorized")) ||
                 denied.err.contains(QLatin1String("logged in")),
             qPrintable(denied.err));

    // Unknown namespace: 404 for kubectl and the HTTP client.
    const ProgramRun missing =
        kubectl().run({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("x"),
                       QStringLiteral("-n"), QStringLiteral("nowhere")});
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(missing.err.contains(QLatin1String("namespaces \"nowhere\" not found")),
             qPrintable(missing.err));
    const QByteArray cm = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}})";
    const HttpResult notFound =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/nowhere/configmaps"), cm);
    QCOMPARE(notFound.status, 404);
    QCOMPARE(notFound.json().value(QLatin1String("reason")).toString(), QStringLiteral("NotFound"));
    QCOMPARE(
        notFound.json().value(QLatin1String("details")).toObject().value(QLatin1String("kind")).toString(),
        QStringLiteral("namespaces"));

    // Garbage bodies: 400 with the parser's message; kubectl refuses garbage YAML with a message.
    const HttpResult garbage = m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                           "{this is: [not json", "application/json");
    QCOMPARE(garbage.status, 400);
    QCOMPARE(garbage.json().value(QLatin1String("reason")).toString(), QStringLiteral("BadRequest"));
    QVERIFY(!garbage.json().value(QLatin1String("message")).toString().isEmpty());
    const HttpResult badYaml =
        m_api->send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/y?fieldManager=t"),
                    "kind: ConfigMap\n  metadata: [oops\n", "application/apply-patch+yaml");
    QCOMPARE(badYaml.status, 400);
    QVERIFY2(badYaml.json().value(QLatin1String("message")).toString().contains(QLatin1String("yaml")),
             badYaml.body.constData());
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("bad.yaml"),
                                   "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");
    const ProgramRun rejected = kubectl().run({QStringLiteral("create"), QStringLiteral("-f"), file});
    QVERIFY(rejected.exitCode != 0);
    QVERIFY2(rejected.err.contains(QLatin1String("error")), qPrintable(rejected.err));
    // A misspelt field is a 400 under kubectl's default strict validation, a warning with --validate=warn.
    const QString typo =
        writeFile(dir, QStringLiteral("typo.yaml"),
                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  type: NodePort\n"
                  "  ports:\n  - port: 6379\n    nodeport: 30999\n");
    const ProgramRun strict = kubectl().run({QStringLiteral("create"), QStringLiteral("-f"), typo});
    QVERIFY(strict.exitCode != 0);
    QVERIFY2(strict.err.contains(QLatin1String("unknown field \"spec.ports[0].nodeport\"")),
             qPrintable(strict.err));
    const ProgramRun warned = kubectl().run(
        {QStringLiteral("create"), QStringLiteral("--validate=warn"), QStringLiteral("-f"), typo});
    QVERIFY2(warned.exitCode == 0, qPrintable(warned.err));
    QVERIFY2(warned.err.contains(QLatin1String("Warning: unknown field \"spec.ports[0].nodeport\"")),
             qPrintable(warned.err));
    // ... and the unknown field is dropped, as the API server's decoder does.
    const QJsonObject stored =
        m_api->send("GET", QStringLiteral("/api/v1/namespaces/default/services/typo")).json();
    const QJsonObject port = stored.value(QLatin1String("spec"))
                                 .toObject()
                                 .value(QLatin1String("ports"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(port.value(QLatin1String("port")).toInt(), 6379);
    QVERIFY2(!port.contains(QLatin1String("nodeport")), QJsonDocument(stored).toJson().constData());

    // Wrong kind for the URL: 400. Apply without fieldManager: 422. Unknown patch type: 415.
    const HttpResult wrongKind =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/secrets"), cm);
    QCOMPARE(wrongKind.status, 400);
    const HttpResult noManager =
        m_api->send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/x"), cm,
                    "application/apply-patch+yaml");
    QCOMPARE(noManager.status, 422);
    QCOMPARE(noManager.firstCause().value(QLatin1String("field")).toString(), QStringLiteral("fieldManager"));
    QCOMPARE(m_api->send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/x"), cm, "text/plain")
                 .status,
             415);
    // Invalid object: 422 with causes.
    const HttpResult invalid =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}})");
    QCOMPARE(invalid.status, 422);
    QCOMPARE(invalid.firstCause().value(QLatin1String("field")).toString(), QStringLiteral("metadata.name"));
    // Read-only kinds: 405. Unknown paths: 404.
    QCOMPARE(m_api->send("DELETE", QStringLiteral("/api/v1/nodes/sandbox-node-1")).status, 405);
    QCOMPARE(m_api->send("GET", QStringLiteral("/api/v1/widgets")).status, 404);
    // Stale resourceVersion on update: 409 Conflict.
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"stale"}})")
                 .status,
             201);
    const HttpResult stale = m_api->send(
        "PUT", QStringLiteral("/api/v1/namespaces/default/configmaps/stale"),
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"stale","resourceVersion":"1"}})");
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json().value(QLatin1String("reason")).toString(), QStringLiteral("Conflict"));
}

void TestSandboxApi::serverSideApplyConflicts()
{
    const QString path =
        QStringLiteral("/api/v1/namespaces/default/configmaps/owned?fieldManager=%1&force=%2");
    const QByteArray first =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{"a":"1","b":"1"}})";
    const QByteArray second =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{"a":"2"}})";
    QCOMPARE(m_api
                 ->send("PATCH", path.arg(QStringLiteral("alpha"), QStringLiteral("false")), first,
                        "application/apply-patch+yaml")
                 .status,
             201);
    const HttpResult conflict =
        m_api->send("PATCH", path.arg(QStringLiteral("beta"), QStringLiteral("false")), second,
                    "application/apply-patch+yaml");
    QCOMPARE(conflict.status, 409);
    const QJsonObject cause = conflict.firstCause();
    QCOMPARE(cause.value(QLatin1String("reason")).toString(), QStringLiteral("FieldManagerConflict"));
    QCOMPARE(cause.value(QLatin1String("field")).toString(), QStringLiteral(".data.a"));
    QVERIFY(conflict.json()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("conflict with \"alpha\"")));

    const HttpResult forced = m_api->send("PATCH", path.arg(QStringLiteral("beta"), QStringLiteral("true")),
                                          second, "application/apply-patch+yaml");
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.json().value(QLatin1String("data")).toObject().value(QLatin1String("a")).toString(),
             QStringLiteral("2"));

    // alpha stops applying b: it is removed, as nobody else owns it.
    const QByteArray alphaWithoutB =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{}})";
    const HttpResult shrunk = m_api->send("PATCH", path.arg(QStringLiteral("alpha"), QStringLiteral("false")),
                                          alphaWithoutB, "application/apply-patch+yaml");
    QCOMPARE(shrunk.status, 200);
    const QJsonObject data = shrunk.json().value(QLatin1String("data")).toObject();
    QVERIFY2(!data.contains(QLatin1String("b")), shrunk.body.constData());
    QCOMPARE(data.value(QLatin1String("a")).toString(), QStringLiteral("2"));
    QStringList managers;
    for (const QJsonValue &entry : shrunk.json()
                                       .value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("managedFields"))
                                       .toArray())
        managers.append(entry.toObject().value(QLatin1String("manager")).toString());
    QVERIFY2(managers.contains(QStringLiteral("beta")), qPrintable(managers.join(u',')));

    // Apply bodies may be YAML as well as JSON.
    const QByteArray yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  port: \"6379\"\n";
    const HttpResult fromYaml = m_api->send(
        "PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/from-yaml?fieldManager=yaml"), yaml,
        "application/apply-patch+yaml");
    QCOMPARE(fromYaml.status, 201);
    QCOMPARE(fromYaml.json().value(QLatin1String("data")).toObject().value(QLatin1String("port")).toString(),
             QStringLiteral("6379"));
}

void TestSandboxApi::scaleSubresource()
{
    const Kubectl k = kubectl();
    QVERIFY(k.run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("scaled")}).exitCode == 0);
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/apis/apps/v1/namespaces/scaled/statefulsets"),
                        QByteArray(kStatefulSet).replace("NS", "scaled"))
                 .status,
             201);
    const QString scalePath = QStringLiteral("/apis/apps/v1/namespaces/scaled/statefulsets/web/scale");
    HttpResult scale = m_api->send("GET", scalePath);
    QCOMPARE(scale.status, 200);
    QCOMPARE(scale.json().value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
    QCOMPARE(scale.json().value(QLatin1String("apiVersion")).toString(), QStringLiteral("autoscaling/v1"));
    QCOMPARE(scale.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(),
             0);
    QCOMPARE(
        scale.json().value(QLatin1String("status")).toObject().value(QLatin1String("selector")).toString(),
        QStringLiteral("app=web"));

    // kubectl scale PATCHes the scale subresource with a merge patch (reference §5).
    ProgramRun r = k.run({QStringLiteral("scale"), QStringLiteral("statefulset"), QStringLiteral("web"),
                          QStringLiteral("-n"), QStringLiteral("scaled"), QStringLiteral("--replicas=0")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("statefulset.apps/web scaled")), qPrintable(r.out));

    // PUT with the current resourceVersion works; with a stale one it is a 409.
    QJsonObject body = scale.json();
    QJsonObject spec{{QStringLiteral("replicas"), 0}};
    body.insert(QStringLiteral("spec"), spec);
    scale = m_api->send("GET", scalePath);
    body.insert(QStringLiteral("metadata"), scale.json().value(QLatin1String("metadata")));
    QCOMPARE(m_api->send("PUT", scalePath, QJsonDocument(body).toJson()).status, 200);
    QJsonObject metadata = body.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("1"));
    body.insert(QStringLiteral("metadata"), metadata);
    QCOMPARE(m_api->send("PUT", scalePath, QJsonDocument(body).toJson()).status, 409);
    // Negative replicas: 422.
    QCOMPARE(
        m_api->send("PATCH", scalePath, R"({"spec":{"replicas":-1}})", "application/merge-patch+json").status,
        422);
    const HttpResult sts =
        m_api->send("GET", QStringLiteral("/apis/apps/v1/namespaces/scaled/statefulsets/web"));
    QCOMPARE(sts.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 0);
}

void TestSandboxApi::deleteNamespaceRemovesContents()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("app.yaml"), manifests("doomed", 30382));
    const Kubectl k = kubectl();
    const QStringList apply{QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"),
                            file};
    QVERIFY(k.run(apply).exitCode == 0);

    // kubectl delete -f deletes the namespace first and then each object in it; as on a real cluster
    // the objects are still there while the namespace terminates, so every delete succeeds.
    ProgramRun r = k.run({QStringLiteral("delete"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("namespace \"doomed\" deleted")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("service \"redis-access-service\" deleted")), qPrintable(r.out));
    QTRY_COMPARE_WITH_TIMEOUT(m_api->send("GET", QStringLiteral("/api/v1/namespaces/doomed")).status, 404,
                              30000);

    // Deleting only the namespace removes what is inside; meanwhile creates get 403.
    QVERIFY(k.run(apply).exitCode == 0);
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/apis/apps/v1/namespaces/doomed/statefulsets"),
                        QByteArray(kStatefulSet).replace("NS", "doomed"))
                 .status,
             201);
    const HttpResult terminating = m_api->send("DELETE", QStringLiteral("/api/v1/namespaces/doomed"));
    QCOMPARE(terminating.status, 200);
    QCOMPARE(
        terminating.json().value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString(),
        QStringLiteral("Terminating"));
    const HttpResult refused =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/doomed/configmaps"),
                    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"late"}})");
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.firstCause().value(QLatin1String("reason")).toString(),
             QStringLiteral("NamespaceTerminating"));
    r = k.run({QStringLiteral("delete"), QStringLiteral("namespace"), QStringLiteral("doomed")});
    QVERIFY2(r.exitCode == 0 || r.err.contains(QLatin1String("not found")), qPrintable(r.err));

    QTRY_COMPARE_WITH_TIMEOUT(m_api->send("GET", QStringLiteral("/api/v1/namespaces/doomed")).status, 404,
                              30000);
    for (const QString &collection : {QStringLiteral("/api/v1/namespaces/doomed/configmaps"),
                                      QStringLiteral("/api/v1/namespaces/doomed/services"),
                                      QStringLiteral("/apis/apps/v1/namespaces/doomed/statefulsets")}) {
        const HttpResult list = m_api->send("GET", collection);
        QCOMPARE(list.status, 200);
        QVERIFY2(list.json().value(QLatin1String("items")).toArray().isEmpty(), list.body.constData());
    }
    // The NodePort is free again.
    const QByteArray reuse = R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"reuse"},
        "spec":{"type":"NodePort","ports":[{"port":6379,"nodePort":30382}]}})";
    QCOMPARE(m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/services"), reuse).status, 201);
}

void TestSandboxApi::deleteCollectionByLabel()
{
    const QString base = QStringLiteral("/api/v1/namespaces/default/persistentvolumeclaims");
    for (const char *name : {"data-a", "data-b", "data-other"}) {
        const QByteArray app = qstrcmp(name, "data-other") == 0 ? "other" : "redis";
        const QByteArray claim =
            R"({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":")" + QByteArray(name) +
            R"(","labels":{"app":")" + app +
            R"("}},"spec":{"accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}})";
        QCOMPARE(m_api->send("POST", base, claim).status, 201);
    }
    const HttpResult listed = m_api->send("GET", base + QStringLiteral("?labelSelector=app%3Dredis"));
    QCOMPARE(listed.json().value(QLatin1String("items")).toArray().size(), 2);
    const HttpResult notIn =
        m_api->send("GET", base + QStringLiteral("?labelSelector=app%20notin%20(redis),app"));
    QCOMPARE(notIn.json().value(QLatin1String("items")).toArray().size(), 1);

    const HttpResult deleted = m_api->send("DELETE", base + QStringLiteral("?labelSelector=app%3Dredis"));
    QCOMPARE(deleted.status, 200);
    QCOMPARE(deleted.json().value(QLatin1String("items")).toArray().size(), 2);
    const HttpResult left = m_api->send("GET", base);
    QCOMPARE(left.json().value(QLatin1String("items")).toArray().size(), 1);

    // kubectl's way: list by label, then one DELETE per item (reference §5).
    const ProgramRun r = kubectl().run(
        {QStringLiteral("delete"), QStringLiteral("pvc"), QStringLiteral("-l"), QStringLiteral("app=other")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("persistentvolumeclaim \"data-other\" deleted")),
             qPrintable(r.out));
}

// propagationPolicy=Orphan strips the owner's references from its dependents; Background (kubectl's
// default) leaves them to the garbage collector. Pod-free: a ConfigMap as the dependent.
void TestSandboxApi::deletePropagationPolicy()
{
    QVERIFY(
        kubectl().run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("owners")}).exitCode ==
        0);
    const QString sets = QStringLiteral("/apis/apps/v1/namespaces/owners/statefulsets");
    const QString maps = QStringLiteral("/api/v1/namespaces/owners/configmaps");
    for (const char *policy : {"Orphan", "Background"}) {
        const HttpResult set = m_api->send("POST", sets, QByteArray(kStatefulSet).replace("NS", "owners"));
        QCOMPARE(set.status, 201);
        const QString uid =
            set.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
        const QByteArray dependent = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"dependent",
            "ownerReferences":[{"apiVersion":"apps/v1","kind":"StatefulSet","name":"web","uid":")" +
                                     uid.toUtf8() + R"(","controller":true}]}})";
        QCOMPARE(m_api->send("POST", maps, dependent).status, 201);
        const QByteArray options = R"({"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":")" +
                                   QByteArray(policy) + R"("})";
        QCOMPARE(m_api->send("DELETE", sets + QStringLiteral("/web"), options).status, 200);
        QCOMPARE(m_api->send("GET", sets + QStringLiteral("/web")).status, 404);
        const QJsonObject metadata = m_api->send("GET", maps + QStringLiteral("/dependent"))
                                         .json()
                                         .value(QLatin1String("metadata"))
                                         .toObject();
        QCOMPARE(metadata.contains(QLatin1String("ownerReferences")), qstrcmp(policy, "Orphan") != 0);
        QCOMPARE(m_api->send("DELETE", maps + QStringLiteral("/dependent")).status, 200);
    }
    // kubectl --cascade=orphan sends the same option.
    QCOMPARE(m_api->send("POST", sets, QByteArray(kStatefulSet).replace("NS", "owners")).status, 201);
    const ProgramRun r =
        kubectl().run({QStringLiteral("delete"), QStringLiteral("sts"), QStringLiteral("web"),
                       QStringLiteral("-n"), QStringLiteral("owners"), QStringLiteral("--cascade=orphan")});
    QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("statefulset.apps \"web\" deleted")),
             qPrintable(r.out + r.err));

    // Foreground: the set is first marked (deletionTimestamp, finalizer foregroundDeletion) and removed
    // by its controller once its pods are gone (none here); kubectl --cascade=foreground waits for that.
    QCOMPARE(m_api->send("POST", sets, QByteArray(kStatefulSet).replace("NS", "owners")).status, 201);
    std::unique_ptr<QNetworkReply> watch(
        m_api->stream(sets + QStringLiteral("?watch=true&timeoutSeconds=60")));
    QByteArray received;
    QObject::connect(watch.get(), &QNetworkReply::readyRead, watch.get(),
                     [&] { received += watch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("ADDED"), 30000);
    const ProgramRun foreground = kubectl().run(
        {QStringLiteral("delete"), QStringLiteral("sts"), QStringLiteral("web"), QStringLiteral("-n"),
         QStringLiteral("owners"), QStringLiteral("--cascade=foreground")});
    QVERIFY2(foreground.exitCode == 0, qPrintable(foreground.out + foreground.err));
    QCOMPARE(m_api->send("GET", sets + QStringLiteral("/web")).status, 404);
    QTRY_VERIFY_WITH_TIMEOUT(received.contains("DELETED"), 30000);
    QStringList events;
    for (const QByteArray &line : received.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.isEmpty())
            continue;
        const QJsonObject metadata =
            event.value(QLatin1String("object")).toObject().value(QLatin1String("metadata")).toObject();
        events.append(event.value(QLatin1String("type")).toString() + u' ' +
                      metadata.value(QLatin1String("finalizers")).toArray().at(0).toString() + u' ' +
                      (metadata.contains(QLatin1String("deletionTimestamp")) ? u"deleting" : u"live"));
    }
    QCOMPARE(events, QStringList({QStringLiteral("ADDED  live"),
                                  QStringLiteral("MODIFIED foregroundDeletion deleting"),
                                  QStringLiteral("DELETED foregroundDeletion deleting")}));
    watch->abort();
}

void TestSandboxApi::podDeleteCarriesGracePeriod()
{
    // `kubectl delete --grace-period=0 --force` sends DeleteOptions{gracePeriodSeconds: 0}; the pod's
    // last state names it (metadata.deletionGracePeriodSeconds), which the runtime obeys. A plain delete
    // leaves the field out (the pod spec's terminationGracePeriodSeconds applies).
    QVERIFY(kubectl()
                .run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("graceful")})
                .exitCode == 0);
    const QString base = QStringLiteral("/api/v1/namespaces/graceful/pods");
    for (const char *name : {"forced", "plain"}) {
        const QByteArray pod = R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":")" + QByteArray(name) +
                               R"("},"spec":{"containers":[{"name":"redis","image":"redis:7"}]}})";
        QCOMPARE(m_api->send("POST", base, pod).status, 201);
    }
    std::unique_ptr<QNetworkReply> watch(
        m_api->stream(base + QStringLiteral("?watch=true&timeoutSeconds=60")));
    QByteArray received;
    QObject::connect(watch.get(), &QNetworkReply::readyRead, watch.get(),
                     [&] { received += watch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(watch->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200,
                             30000);
    const ProgramRun forced =
        kubectl().run({QStringLiteral("-n"), QStringLiteral("graceful"), QStringLiteral("delete"),
                       QStringLiteral("pod"), QStringLiteral("forced"), QStringLiteral("--grace-period=0"),
                       QStringLiteral("--force"), QStringLiteral("--wait=false")});
    QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
    QCOMPARE(m_api->send("DELETE", base + QStringLiteral("/plain")).status, 200);

    QHash<QString, QJsonObject> deleted;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QByteArray &line : received.split('\n')) {
                const QJsonObject event = QJsonDocument::fromJson(line).object();
                if (event.value(QLatin1String("type")).toString() != u"DELETED")
                    continue;
                const QJsonObject metadata = event.value(QLatin1String("object"))
                                                 .toObject()
                                                 .value(QLatin1String("metadata"))
                                                 .toObject();
                deleted.insert(metadata.value(QLatin1String("name")).toString(), metadata);
            }
            return deleted.size() == 2;
        }(),
        30000);
    QCOMPARE(
        deleted.value(QStringLiteral("forced")).value(QLatin1String("deletionGracePeriodSeconds")).toInt(-1),
        0);
    QVERIFY(deleted.value(QStringLiteral("forced")).contains(QLatin1String("deletionTimestamp")));
    QVERIFY(!deleted.value(QStringLiteral("plain")).contains(QLatin1String("deletionGracePeriodSeconds")));
    watch->abort();
}

void TestSandboxApi::listPagination()
{
    QVERIFY(
        kubectl().run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("paged")}).exitCode ==
        0);
    for (int i = 0; i < 5; ++i) {
        const QByteArray cm = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"page-)" +
                              QByteArray::number(i) + R"("}})";
        QCOMPARE(m_api->send("POST", QStringLiteral("/api/v1/namespaces/paged/configmaps"), cm).status, 201);
    }
    QStringList names;
    QString token;
    int pages = 0;
    do {
        const HttpResult page =
            m_api->send("GET", QStringLiteral("/api/v1/namespaces/paged/configmaps?limit=2") +
                                   (token.isEmpty() ? QString() : QStringLiteral("&continue=") + token));
        QCOMPARE(page.status, 200);
        const QJsonObject metadata = page.json().value(QLatin1String("metadata")).toObject();
        token = metadata.value(QLatin1String("continue")).toString();
        const QJsonArray items = page.json().value(QLatin1String("items")).toArray();
        QVERIFY(items.size() <= 2);
        for (const QJsonValue &item : items)
            names.append(item.toObject()
                             .value(QLatin1String("metadata"))
                             .toObject()
                             .value(QLatin1String("name"))
                             .toString());
        ++pages;
    } while (!token.isEmpty() && pages < 10);
    QCOMPARE(pages, 3);
    QCOMPARE(names, QStringList({QStringLiteral("page-0"), QStringLiteral("page-1"), QStringLiteral("page-2"),
                                 QStringLiteral("page-3"), QStringLiteral("page-4")}));
    // kubectl follows continue tokens too.
    const ProgramRun r = kubectl().run({QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("-n"),
                                        QStringLiteral("paged"), QStringLiteral("--chunk-size=2"),
                                        QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(lines(r.out).size(), 5);

    // Field selectors, over HTTP and from kubectl: by name, negated, and unknown fields refused.
    const HttpResult byName = m_api->send(
        "GET", QStringLiteral("/api/v1/namespaces/paged/configmaps?fieldSelector=metadata.name%3Dpage-3"));
    QCOMPARE(byName.json().value(QLatin1String("items")).toArray().size(), 1);
    const ProgramRun others = kubectl().run(
        {QStringLiteral("get"), QStringLiteral("cm"), QStringLiteral("-n"), QStringLiteral("paged"),
         QStringLiteral("--field-selector"), QStringLiteral("metadata.name!=page-3,metadata.namespace=paged"),
         QStringLiteral("-o"), QStringLiteral("name")});
    QVERIFY2(others.exitCode == 0, qPrintable(others.err));
    QCOMPARE(lines(others.out).size(), 4);
    QVERIFY(!others.out.contains(QLatin1String("page-3")));
    const HttpResult unknown = m_api->send(
        "GET", QStringLiteral("/api/v1/namespaces/paged/configmaps?fieldSelector=data.colour%3Dred"));
    QCOMPARE(unknown.status, 400);
}

void TestSandboxApi::clientCertificateAccepted()
{
    ApiClient anonymous(*m_server);
    anonymous.setToken({});
    QCOMPARE(anonymous.send("GET", QStringLiteral("/api/v1/namespaces")).status, 401);
    // A separate client: QNetworkAccessManager would reuse the connection made without a certificate.
    ApiClient client(*m_server);
    client.setToken({});
    client.useClientCertificate(m_server->dataDir() + QStringLiteral("/client.crt"),
                                m_server->dataDir() + QStringLiteral("/client.key"));
    QCOMPARE(client.send("GET", QStringLiteral("/api/v1/namespaces")).status, 200);

    // A client certificate from another sandbox's CA is not trusted: 401 as without one.
    QTemporaryDir otherDir;
    const auto other = sandbox::Credentials::loadOrCreate(otherDir.path());
    QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : other.error().message()));
    ApiClient stranger(*m_server);
    stranger.setToken({});
    stranger.useClientCertificate(other->clientCertificatePath(), other->clientKeyPath());
    const HttpResult refused = stranger.send("GET", QStringLiteral("/api/v1/namespaces"));
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.json().value(QLatin1String("reason")).toString(), QStringLiteral("Unauthorized"));
}

void TestSandboxApi::faultInjection()
{
    const QByteArray fault =
        R"({"verb":"get","resource":"configmaps","status":503,"count":1,"retryAfter":2})";
    QCOMPARE(m_api->send("POST", QStringLiteral("/sandbox/faults"), fault).status, 201);
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"flaky"}})")
                 .status,
             201);
    const HttpResult failed =
        m_api->send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/flaky"));
    QCOMPARE(failed.status, 503);
    QCOMPARE(failed.header("Retry-After"), QByteArray("2"));
    QCOMPARE(failed.json()
                 .value(QLatin1String("details"))
                 .toObject()
                 .value(QLatin1String("retryAfterSeconds"))
                 .toInt(),
             2);
    QCOMPARE(m_api->send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps/flaky")).status, 200);
}

void TestSandboxApi::restartKeepsObjects()
{
    QTemporaryDir data;
    KubeSandboxProcess server(data.path());
    server.setExtraArguments({QStringLiteral("--nodes"), QStringLiteral("5"), QStringLiteral("--verbose")});
    auto started = server.start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
    const QString firstUrl = server.url();
    Kubectl k(server.kubeconfigPath(), m_home->path());
    const QStringList nodeNames{QStringLiteral("get"), QStringLiteral("nodes"), QStringLiteral("-o"),
                                QStringLiteral("name")};
    QCOMPARE(lines(k.run(nodeNames).out),
             QStringList({QStringLiteral("node/sandbox-node-1"), QStringLiteral("node/sandbox-node-2"),
                          QStringLiteral("node/sandbox-node-3"), QStringLiteral("node/sandbox-node-4"),
                          QStringLiteral("node/sandbox-node-5")}));
    ProgramRun r = k.run({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("kept"),
                          QStringLiteral("--from-literal=answer=42")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    ApiClient api(server);
    const qint64 versionBefore = api.send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps"))
                                     .json()
                                     .value(QLatin1String("metadata"))
                                     .toObject()
                                     .value(QLatin1String("resourceVersion"))
                                     .toString()
                                     .toLongLong();
    QCOMPARE(server.stop(), 0);

    // --nodes is read on every start: the node objects follow it.
    server.setExtraArguments({QStringLiteral("--nodes"), QStringLiteral("2"), QStringLiteral("--verbose")});
    started = server.start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
    QCOMPARE(server.url(), firstUrl); // the port is reused, so the kubeconfig stays valid
    r = k.run({QStringLiteral("get"), QStringLiteral("configmap"), QStringLiteral("kept"),
               QStringLiteral("-o"), QStringLiteral("jsonpath={.data.answer}")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(r.out, QStringLiteral("42"));
    QCOMPARE(lines(k.run(nodeNames).out),
             QStringList({QStringLiteral("node/sandbox-node-1"), QStringLiteral("node/sandbox-node-2")}));

    ApiClient after(server);
    const HttpResult list = after.send("GET", QStringLiteral("/api/v1/namespaces/default/configmaps"));
    QVERIFY(list.json()
                .value(QLatin1String("metadata"))
                .toObject()
                .value(QLatin1String("resourceVersion"))
                .toString()
                .toLongLong() >= versionBefore);
    // The event history did not survive the restart: an old version gets the 410 Expired ERROR event.
    std::unique_ptr<QNetworkReply> watch(after.stream(QStringLiteral(
        "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1&timeoutSeconds=30")));
    QByteArray received;
    QObject::connect(watch.get(), &QNetworkReply::readyRead, watch.get(),
                     [&] { received += watch->readAll(); });
    QTRY_VERIFY_WITH_TIMEOUT(received.contains('\n'), 30000);
    const QJsonObject event = QJsonDocument::fromJson(received.left(received.indexOf('\n'))).object();
    QCOMPARE(event.value(QLatin1String("type")).toString(), QStringLiteral("ERROR"));
    QCOMPARE(event.value(QLatin1String("object")).toObject().value(QLatin1String("code")).toInt(), 410);
    QCOMPARE(event.value(QLatin1String("object")).toObject().value(QLatin1String("reason")).toString(),
             QStringLiteral("Expired"));
    watch->abort();
    QCOMPARE(server.stop(), 0);
}

void TestSandboxApi::refusesNonLoopbackAddress()
{
    QTemporaryDir data;
    const ProgramRun run = runProgram(
        KubeSandboxProcess::executable(),
        {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("loopback")), qPrintable(run.describe()));
}

void TestSandboxApi::refusesMissingRedisServer()
{
    QTemporaryDir data;
    const ProgramRun run =
        runProgram(KubeSandboxProcess::executable(),
                   {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--redis-server"),
                    data.filePath(QStringLiteral("no-such-redis-server"))});
    QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
    QVERIFY2(run.err.contains(QLatin1String("no-such-redis-server")) &&
                 run.err.contains(QLatin1String("--redis-server")),
             qPrintable(run.describe()));
}

QTEST_MAIN(TestSandboxApi)
#include "tst_sandbox_api.moc"
