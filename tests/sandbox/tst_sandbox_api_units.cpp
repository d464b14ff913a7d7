// The pure parts of kube-sandbox's API half: selectors, patches, server-side apply bookkeeping, HTTP
// framing, protobuf bodies, Table ages.
#include "net/credentials.h"
#include "api/field_validation.h"
#include "net/http_message.h"
#include "api/managed_fields.h"
#include "api/object_defaults.h"
#include "api/patches.h"
#include "api/protobuf_body.h"
#include "api/query_selectors.h"
#include "api/resource_types.h"
#include "api/table_printer.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sandbox;

namespace {

QJsonObject obj(const char *json)
{
    return QJsonDocument::fromJson(json).object();
}

QByteArray varint(quint64 value)
{
    QByteArray out;
    do {
        quint8 byte = value & 0x7f;
        value >>= 7;
        if (value)
            byte |= 0x80;
        out.append(char(byte));
    } while (value);
    return out;
}

QByteArray field(int number, const QByteArray &bytes)
{
    return varint(quint64(number) << 3 | 2) + varint(quint64(bytes.size())) + bytes;
}

QByteArray intField(int number, quint64 value)
{
    return varint(quint64(number) << 3) + varint(value);
}

} // namespace

class TestSandboxApiUnits final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void labelQuery_data();
    void labelQuery();
    void labelQueryErrors();
    void fieldQuery_data();
    void fieldQuery();
    void fieldLabelsPerResource();
    void strategicMergePatch_data();
    void strategicMergePatch();
    void mergePatch();
    void jsonPatch_data();
    void jsonPatch();
    void serverSideApplyOwnership();
    void updateTakesOwnership();
    void chunkedBody_data();
    void chunkedBody();
    void requestHead();
    void protobufConfigMap();
    void protobufServiceDropsZeroFields();
    void protobufUnsupportedKind();
    void unknownFields_data();
    void unknownFields();
    void humanDuration_data();
    void humanDuration();
    void credentialsTrustOnlyTheirCa();
    void podRestartsCell();
    void qosClass_data();
    void qosClass();
};

void TestSandboxApiUnits::labelQuery_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty matches all") << ""
                                       << R"({"a":"b"})" << true;
    QTest::newRow("equals") << "app=redis"
                            << R"({"app":"redis"})" << true;
    QTest::newRow("double equals") << "app==redis"
                                   << R"({"app":"redis"})" << true;
    QTest::newRow("equals other value") << "app=redis"
                                        << R"({"app":"web"})" << false;
    QTest::newRow("equals missing") << "app=redis"
                                    << R"({})" << false;
    QTest::newRow("not equals missing") << "app!=redis"
                                        << R"({})" << true;
    QTest::newRow("not equals same") << "app!=redis"
                                     << R"({"app":"redis"})" << false;
    QTest::newRow("in") << "tier in (cache, db)"
                        << R"({"tier":"db"})" << true;
    QTest::newRow("in, other") << "tier in (cache,db)"
                               << R"({"tier":"web"})" << false;
    QTest::newRow("notin missing") << "tier notin (cache)"
                                   << R"({})" << true;
    QTest::newRow("notin listed") << "tier notin (cache)"
                                  << R"({"tier":"cache"})" << false;
    QTest::newRow("exists") << "app"
                            << R"({"app":""})" << true;
    QTest::newRow("does not exist") << "!app"
                                    << R"({"app":"x"})" << false;
    QTest::newRow("all terms") << "a=b,c!=d,e in (x,y),!f"
                               << R"({"a":"b","c":"z","e":"y"})" << true;
    QTest::newRow("one term fails") << "a=b,c!=d,e in (x,y),!f"
                                    << R"({"a":"b","c":"z","e":"y","f":"1"})" << false;
}

void TestSandboxApiUnits::labelQuery()
{
    QFETCH(QString, selector);
    QFETCH(QString, labels);
    QFETCH(bool, matches);
    const auto query = LabelQuery::parse(selector);
    QVERIFY2(query.ok(), qPrintable(query.error().message()));
    QCOMPARE(query->matches(obj(labels.toUtf8().constData())), matches);
}

void TestSandboxApiUnits::labelQueryErrors()
{
    QVERIFY(!LabelQuery::parse(QStringLiteral("tier in (a,b")).ok());
    QVERIFY(!LabelQuery::parse(QStringLiteral("tier within (a)")).ok());
}

void TestSandboxApiUnits::fieldQuery_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");
    QTest::newRow("name") << "metadata.name=redis-0" << true;
    QTest::newRow("namespace") << "metadata.namespace==demo" << true;
    QTest::newRow("phase not") << "status.phase!=Running" << false;
    QTest::newRow("node") << "spec.nodeName=sandbox-node-2" << true;
    QTest::newRow("two terms") << "metadata.name=redis-0,spec.nodeName=sandbox-node-1" << false;
    QTest::newRow("missing field equals empty") << "status.podIP=" << true;
}

void TestSandboxApiUnits::fieldQuery()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const QJsonObject pod = obj(R"({"metadata":{"name":"redis-0","namespace":"demo"},
        "spec":{"nodeName":"sandbox-node-2"},"status":{"phase":"Running"}})");
    const auto query = FieldQuery::parse(selector);
    QVERIFY(query.ok());
    QCOMPARE(query->matches(pod), matches);
}

// kube-apiserver refuses field labels a resource does not index ("field label not supported").
void TestSandboxApiUnits::fieldLabelsPerResource()
{
    QVERIFY(FieldQuery::parse(QStringLiteral("spec.nodeName=n,status.phase!=Running"), QStringLiteral("pods"))
                .ok());
    QVERIFY(FieldQuery::parse(QStringLiteral("metadata.name=x"), QStringLiteral("configmaps")).ok());
    QVERIFY(FieldQuery::parse(QStringLiteral("involvedObject.name=redis-app-0,type=Warning"),
                              QStringLiteral("events"))
                .ok());
    QVERIFY(FieldQuery::parse(QStringLiteral("type=Opaque"), QStringLiteral("secrets")).ok());
    const auto refused =
        FieldQuery::parse(QStringLiteral("metadata.name=x,spec.nodeName=n"), QStringLiteral("services"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message(), QStringLiteral("field label not supported: spec.nodeName"));
    QVERIFY(!FieldQuery::parse(QStringLiteral("data.k=v"), QStringLiteral("configmaps")).ok());
    QVERIFY(
        FieldQuery::parse(QStringLiteral("data.k=v")).ok()); // no resource: any path (the store's own use)
}

void TestSandboxApiUnits::strategicMergePatch_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("expected");
    QTest::newRow("maps merge, null deletes") << R"({"metadata":{"labels":{"a":"1","b":"2"}}})"
                                              << R"({"metadata":{"labels":{"b":null,"c":"3"}}})"
                                              << R"({"metadata":{"labels":{"a":"1","c":"3"}}})";
    QTest::newRow("containers merge by name")
        << R"({"containers":[{"name":"redis","image":"redis:5"},{"name":"sidecar","image":"busybox"}]})"
        << R"({"containers":[{"name":"redis","image":"redis:7"}]})"
        << R"({"containers":[{"name":"redis","image":"redis:7"},{"name":"sidecar","image":"busybox"}]})";
    QTest::newRow("container ports merge by containerPort")
        << R"({"ports":[{"containerPort":6379,"name":"redis"},{"containerPort":16379,"name":"gossip"}]})"
        << R"({"ports":[{"containerPort":16379,"name":"bus"}]})"
        << R"({"ports":[{"containerPort":6379,"name":"redis"},{"containerPort":16379,"name":"bus"}]})";
    QTest::newRow("service ports merge by port")
        << R"({"ports":[{"port":6379,"nodePort":30379,"protocol":"TCP"}]})"
        << R"({"ports":[{"port":6379,"targetPort":6380}]})"
        << R"({"ports":[{"port":6379,"nodePort":30379,"protocol":"TCP","targetPort":6380}]})";
    QTest::newRow("env delete directive") << R"({"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]})"
                                          << R"({"env":[{"name":"A","$patch":"delete"}]})"
                                          << R"({"env":[{"name":"B","value":"2"}]})";
    QTest::newRow("set element order")
        << R"({"volumes":[{"name":"a"},{"name":"b"}]})"
        << R"({"$setElementOrder/volumes":[{"name":"c"},{"name":"b"},{"name":"a"}],"volumes":[{"name":"c"}]})"
        << R"({"volumes":[{"name":"c"},{"name":"b"},{"name":"a"}]})";
    QTest::newRow("other lists are replaced") << R"({"args":["a","b"],"command":["x"]})"
                                              << R"({"args":["c"]})"
                                              << R"({"args":["c"],"command":["x"]})";
    QTest::newRow("delete from primitive list") << R"({"finalizers":["a","b","c"]})"
                                                << R"({"$deleteFromPrimitiveList/finalizers":["b"]})"
                                                << R"({"finalizers":["a","c"]})";
    QTest::newRow("replace directive on a map") << R"({"selector":{"a":"1","b":"2"}})"
                                                << R"({"selector":{"$patch":"replace","c":"3"}})"
                                                << R"({"selector":{"c":"3"}})";
}

void TestSandboxApiUnits::strategicMergePatch()
{
    QFETCH(QString, target);
    QFETCH(QString, patch);
    QFETCH(QString, expected);
    QCOMPARE(applyStrategicMergePatch(obj(target.toUtf8().constData()), obj(patch.toUtf8().constData())),
             obj(expected.toUtf8().constData()));
}

void TestSandboxApiUnits::mergePatch()
{
    QCOMPARE(
        applyMergePatch(obj(R"({"a":{"b":1,"c":2},"l":[1,2]})"), obj(R"({"a":{"b":null,"d":3},"l":[3]})")),
        obj(R"({"a":{"c":2,"d":3},"l":[3]})"));
}

void TestSandboxApiUnits::jsonPatch_data()
{
    QTest::addColumn<QString>("operations");
    QTest::addColumn<QString>("expected"); // empty: the patch must fail
    QTest::newRow("replace in list")
        << R"([{"op":"replace","path":"/spec/ports/0/nodePort","value":30400}])"
        << R"({"spec":{"ports":[{"port":6379,"nodePort":30400}]},"m":{"a/b":1}})";
    QTest::newRow("add to end")
        << R"([{"op":"add","path":"/spec/ports/-","value":{"port":1}}])"
        << R"({"spec":{"ports":[{"port":6379,"nodePort":30379},{"port":1}]},"m":{"a/b":1}})";
    QTest::newRow("escaped key") << R"([{"op":"remove","path":"/m/a~1b"}])"
                                 << R"({"spec":{"ports":[{"port":6379,"nodePort":30379}]},"m":{}})";
    QTest::newRow("test passes then move")
        << R"([{"op":"test","path":"/m/a~1b","value":1},{"op":"move","from":"/m/a~1b","path":"/m/c"}])"
        << R"({"spec":{"ports":[{"port":6379,"nodePort":30379}]},"m":{"c":1}})";
    QTest::newRow("test fails") << R"([{"op":"test","path":"/m/a~1b","value":2}])"
                                << "";
    QTest::newRow("missing path") << R"([{"op":"replace","path":"/spec/missing/x","value":1}])"
                                  << "";
}

void TestSandboxApiUnits::jsonPatch()
{
    QFETCH(QString, operations);
    QFETCH(QString, expected);
    const QJsonObject target = obj(R"({"spec":{"ports":[{"port":6379,"nodePort":30379}]},"m":{"a/b":1}})");
    const auto result = applyJsonPatch(target, QJsonDocument::fromJson(operations.toUtf8()).array());
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message().isEmpty());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(*result, obj(expected.toUtf8().constData()));
}

void TestSandboxApiUnits::serverSideApplyOwnership()
{
    const QJsonObject first = obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},
        "spec":{"replicas":6,"template":{"spec":{"containers":[{"name":"redis","image":"redis:5"}]}}}})");
    ApplyOutcome created = serverSideApply({}, first, QStringLiteral("deployer"), false);
    QVERIFY(created.conflictFields.isEmpty());
    QCOMPARE(created.object.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(),
             6);

    // Another manager changing a field it does not own conflicts, unless forced.
    const QJsonObject other = obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},
        "spec":{"template":{"spec":{"containers":[{"name":"redis","image":"redis:7"}]}}}})");
    const ApplyOutcome conflict = serverSideApply(created.object, other, QStringLiteral("upgrader"), false);
    QCOMPARE(conflict.conflictFields,
             QStringList({QStringLiteral(".spec.template.spec.containers[name=\"redis\"].image")}));
    QCOMPARE(conflict.conflictManagers, QStringList({QStringLiteral("deployer")}));
    const ApplyOutcome forced = serverSideApply(created.object, other, QStringLiteral("upgrader"), true);
    QVERIFY(forced.conflictFields.isEmpty());

    // The first manager drops replicas from its configuration: nobody owns it any more, it goes.
    const QJsonObject shrunk = obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},
        "spec":{"template":{"spec":{"containers":[{"name":"redis"}]}}}})");
    const ApplyOutcome after = serverSideApply(forced.object, shrunk, QStringLiteral("deployer"), false);
    QVERIFY(after.conflictFields.isEmpty());
    const QJsonObject spec = after.object.value(QLatin1String("spec")).toObject();
    QVERIFY(!spec.contains(QLatin1String("replicas")));
    // The image now belongs to upgrader and stays.
    QCOMPARE(spec.value(QLatin1String("template"))
                 .toObject()
                 .value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("containers"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("image"))
                 .toString(),
             QStringLiteral("redis:7"));
}

void TestSandboxApiUnits::updateTakesOwnership()
{
    const QJsonObject applied = serverSideApply({}, obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet",
        "metadata":{"name":"s"},"spec":{"replicas":6}})"),
                                                QStringLiteral("kubectl"), false)
                                    .object;
    QJsonObject scaled = applied;
    scaled.insert(QStringLiteral("spec"), obj(R"({"replicas":7})"));
    const QJsonObject recorded =
        recordUpdate(applied, scaled, QStringLiteral("kubectl"), QStringLiteral("scale"));
    // Re-applying 6 now conflicts with the Update entry, even from the same manager name.
    const ApplyOutcome again = serverSideApply(recorded, obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet",
        "metadata":{"name":"s"},"spec":{"replicas":6}})"),
                                               QStringLiteral("kubectl"), false);
    QCOMPARE(again.conflictFields, QStringList({QStringLiteral(".spec.replicas")}));
}

void TestSandboxApiUnits::chunkedBody_data()
{
    QTest::addColumn<QByteArray>("wire");
    QTest::addColumn<qsizetype>("consumed");
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("two chunks") << QByteArray("5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\n\r\nNEXT")
                                << qsizetype(32) << QByteArray("hello world");
    QTest::newRow("incomplete") << QByteArray("5\r\nhel") << qsizetype(0) << QByteArray();
    QTest::newRow("no final blank line yet") << QByteArray("0\r\n") << qsizetype(0) << QByteArray();
    QTest::newRow("trailer") << QByteArray("1\r\na\r\n0\r\nX-T: 1\r\n\r\n") << qsizetype(19)
                             << QByteArray("a");
    QTest::newRow("bad size") << QByteArray("zz\r\n") << qsizetype(-1) << QByteArray();
}

void TestSandboxApiUnits::chunkedBody()
{
    QFETCH(QByteArray, wire);
    QFETCH(qsizetype, consumed);
    QFETCH(QByteArray, body);
    QByteArray decoded;
    QCOMPARE(decodeChunkedBody(wire, &decoded), consumed);
    if (consumed > 0)
        QCOMPARE(decoded, body);
}

void TestSandboxApiUnits::requestHead()
{
    const auto request =
        parseRequestHead("GET /api/v1/namespaces/demo/pods?labelSelector=app%3Dredis&watch=1 "
                         "HTTP/1.1\r\nHost: x\r\nAccept: a\r\naccept: b\r\nConnection: Upgrade\r\n"
                         "Upgrade: websocket");
    QVERIFY(request);
    QCOMPARE(request->method, QByteArray("GET"));
    QCOMPARE(request->path, QStringLiteral("/api/v1/namespaces/demo/pods"));
    QCOMPARE(request->queryValue(QStringLiteral("labelSelector")), QStringLiteral("app=redis"));
    QCOMPARE(request->header("accept"), QByteArray("a, b"));
    QVERIFY(request->isUpgrade());
    QVERIFY(!parseRequestHead("NOT HTTP"));
}

void TestSandboxApiUnits::protobufConfigMap()
{
    const QByteArray metadata =
        field(1, "settings") + field(3, "demo") + field(11, field(1, "app") + field(2, "redis"));
    const QByteArray raw = field(1, metadata) + field(2, field(1, "mode") + field(2, "fast")) +
                           field(3, field(1, "bin") + field(2, QByteArray("\x00\x01", 2)));
    const QByteArray body =
        QByteArray("k8s\0", 4) + field(1, field(1, "v1") + field(2, "ConfigMap")) + field(2, raw);
    const auto decoded = decodeProtobufObject(body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
    QCOMPARE(*decoded,
             obj(R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","namespace":"demo",
        "labels":{"app":"redis"}},"data":{"mode":"fast"},"binaryData":{"bin":"AAE="}})"));
}

void TestSandboxApiUnits::protobufServiceDropsZeroFields()
{
    // Go encodes every field of a struct; nodePort 0 and empty strings must not reach the object.
    const QByteArray port = field(1, "redis") + field(2, "TCP") + intField(3, 6379) +
                            field(4, intField(1, 0) + intField(2, 6380)) + intField(5, 0);
    const QByteArray spec = field(1, port) + field(3, "") + field(4, "NodePort");
    const QByteArray raw = field(1, field(1, "svc")) + field(2, spec);
    const QByteArray body =
        QByteArray("k8s\0", 4) + field(1, field(1, "v1") + field(2, "Service")) + field(2, raw);
    const auto decoded = decodeProtobufObject(body);
    QVERIFY2(decoded.ok(), qPrintable(decoded.error().message()));
    QCOMPARE(*decoded, obj(R"({"apiVersion":"v1","kind":"Service","metadata":{"name":"svc"},
        "spec":{"type":"NodePort","ports":[{"name":"redis","protocol":"TCP","port":6379,"targetPort":6380}]}})"));
}

void TestSandboxApiUnits::protobufUnsupportedKind()
{
    const QByteArray body =
        QByteArray("k8s\0", 4) + field(1, field(1, "apps/v1") + field(2, "Deployment")) + field(2, "");
    const auto decoded = decodeProtobufObject(body);
    QVERIFY(!decoded.ok());
    QVERIFY(decoded.error().message().contains(QLatin1String("kubectl create -f")));
    QVERIFY(!decodeProtobufObject("{\"kind\":\"ConfigMap\"}").ok());
    QVERIFY(!decodeProtobufObject(QByteArray("k8s\0\x0a\x7f", 6)).ok()); // truncated
}

void TestSandboxApiUnits::unknownFields_data()
{
    QTest::addColumn<QString>("plural");
    QTest::addColumn<QString>("object");
    QTest::addColumn<QStringList>("unknown");
    QTest::newRow("clean statefulset")
        << "statefulsets"
        << R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s","labels":{"a":"b"}},
              "spec":{"replicas":1,"serviceName":"s","template":{"metadata":{"labels":{"a":"b"}},
              "spec":{"containers":[{"name":"c","image":"i","ports":[{"containerPort":1}],
              "volumeMounts":[{"name":"v","mountPath":"/d"}]}]}},
              "volumeClaimTemplates":[{"metadata":{"name":"v"},"spec":{"accessModes":["ReadWriteOnce"]}}]}})"
        << QStringList();
    QTest::newRow("typos at every level")
        << "statefulsets"
        << R"({"apiVersion":"apps/v1","kind":"StatefulSet","metdata":{},"metadata":{"nme":"s"},
              "spec":{"replica":1,"template":{"spec":{"containers":[{"name":"c","imag":"i",
              "ports":[{"containerport":1}]}]}},"volumeClaimTemplates":[{"spec":{"storageclass":"x"}}]}})"
        << QStringList({QStringLiteral("metdata"), QStringLiteral("metadata.nme"),
                        QStringLiteral("spec.replica"),
                        QStringLiteral("spec.template.spec.containers[0].imag"),
                        QStringLiteral("spec.template.spec.containers[0].ports[0].containerport"),
                        QStringLiteral("spec.volumeClaimTemplates[0].spec.storageclass")});
    QTest::newRow("service port") << "services"
                                  << R"({"kind":"Service","spec":{"ports":[{"port":1,"nodeport":30000}]}})"
                                  << QStringList({QStringLiteral("spec.ports[0].nodeport")});
    QTest::newRow("configmap") << "configmaps"
                               << R"({"kind":"ConfigMap","data":{},"spec":{}})"
                               << QStringList({QStringLiteral("spec")});
    QTest::newRow("events are not checked") << "events"
                                            << R"({"kind":"Event","anything":1})" << QStringList();
}

void TestSandboxApiUnits::unknownFields()
{
    QFETCH(QString, plural);
    QFETCH(QString, object);
    QFETCH(QStringList, unknown);
    const ResourceType *type = findResourceTypeByPlural(plural);
    QVERIFY(type);
    const QJsonObject original = obj(object.toUtf8().constData());
    QStringList found = sandbox::unknownFields(*type, original);
    found.sort();
    unknown.sort();
    QCOMPARE(found, unknown);
    // Dropping them leaves nothing unknown, and nothing else removed.
    const QJsonObject cleaned = withoutFields(original, found);
    QVERIFY(sandbox::unknownFields(*type, cleaned).isEmpty());
    if (found.isEmpty())
        QCOMPARE(cleaned, original);
}

void TestSandboxApiUnits::humanDuration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds") << qint64(5) << "5s";
    QTest::newRow("under two minutes") << qint64(119) << "119s";
    QTest::newRow("minutes and seconds") << qint64(200) << "3m20s";
    QTest::newRow("minutes") << qint64(45 * 60) << "45m";
    QTest::newRow("hours and minutes") << qint64(5 * 3600 + 7 * 60) << "5h7m";
    QTest::newRow("hours") << qint64(20 * 3600) << "20h";
    QTest::newRow("days and hours") << qint64(3 * 86400 + 4 * 3600) << "3d4h";
    QTest::newRow("days") << qint64(40 * 86400) << "40d";
}

void TestSandboxApiUnits::humanDuration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(sandbox::humanDuration(seconds), text);
}

// Each data folder gets its own CA; a client certificate is trusted only when that CA issued it. The
// kubeconfig names context `sandbox` and embeds the CA and the token; a restart re-reads the files.
void TestSandboxApiUnits::credentialsTrustOnlyTheirCa()
{
    QTemporaryDir first;
    QTemporaryDir second;
    const auto a = Credentials::loadOrCreate(first.path());
    const auto b = Credentials::loadOrCreate(second.path());
    QVERIFY(a.ok() && b.ok());
    auto certificate = [](const QString &path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QSslCertificate(file.readAll(), QSsl::Pem)
                                              : QSslCertificate();
    };
    QVERIFY(a->isSignedByCa(certificate(a->clientCertificatePath())));
    QVERIFY(a->isSignedByCa(a->serverCertificate()));
    QVERIFY(!a->isSignedByCa(certificate(b->clientCertificatePath())));
    QVERIFY(!a->isSignedByCa(b->caCertificate()));
    QVERIFY(a->token() != b->token());
    QVERIFY(a->serverCertificate()
                .subjectAlternativeNames()
                .values(QSsl::IpAddressEntry)
                .contains(QStringLiteral("127.0.0.1")));

    const auto again = Credentials::loadOrCreate(first.path());
    QVERIFY(again.ok());
    QCOMPARE(again->token(), a->token());
    QCOMPARE(again->caCertificate(), a->caCertificate());

    const QString kubeconfig = first.filePath(QStringLiteral("kubeconfig"));
    QVERIFY(a->writeKubeconfig(kubeconfig, QStringLiteral("https://127.0.0.1:6443")).ok());
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("current-context: sandbox\n") && text.contains("server: https://127.0.0.1:6443") &&
                 text.contains(QByteArray(QByteArray("token: ") + a->token())) &&
                 text.contains("certificate-authority-data: "),
             text.constData());
}

// The pod Table's RESTARTS cell: the count, and once a container has restarted, how long ago.
void TestSandboxApiUnits::podRestartsCell()
{
    const QString finished = QDateTime::currentDateTimeUtc().addSecs(-41).toString(Qt::ISODate);
    const QByteArray restartedJson = QByteArray(R"({"metadata":{"name":"redis-app-0","namespace":"ns"},
        "spec":{"containers":[{"name":"redis"}]},
        "status":{"phase":"Running","containerStatuses":[{"name":"redis","ready":true,"restartCount":2,
          "lastState":{"terminated":{"exitCode":137,"reason":"Error","finishedAt":")" +
                                                finished.toUtf8() + R"("}}}]}})");
    const QJsonObject restarted = QJsonDocument::fromJson(restartedJson).object();
    const QJsonObject fresh = obj(R"({"metadata":{"name":"redis-app-1","namespace":"ns"},
        "spec":{"containers":[{"name":"redis"}]},
        "status":{"phase":"Running","containerStatuses":[{"name":"redis","ready":true,"restartCount":0}]}})");
    const QJsonObject table = toTable(*findResourceTypeByPlural(QStringLiteral("pods")), {restarted, fresh},
                                      QStringLiteral("1"), {}, {});
    const QJsonArray rows = table.value(QLatin1String("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    const QString cell = rows.at(0).toObject().value(QLatin1String("cells")).toArray().at(3).toString();
    QVERIFY2(cell == u"2 (41s ago)" || cell == u"2 (42s ago)", qPrintable(cell));
    QCOMPARE(rows.at(1).toObject().value(QLatin1String("cells")).toArray().at(3).toString(),
             QStringLiteral("0"));
}

void TestSandboxApiUnits::qosClass_data()
{
    QTest::addColumn<QString>("spec");
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << R"({"containers":[{"name":"redis"}]})"
                          << "BestEffort";
    QTest::newRow("the seed's requests") << R"({"containers":[{"name":"redis",
        "resources":{"requests":{"cpu":"100m","memory":"100Mi"}}}]})"
                                         << "Burstable";
    QTest::newRow("limits only") << R"({"containers":[{"name":"redis",
        "resources":{"limits":{"cpu":"1","memory":"1Gi"}}}]})"
                                 << "Guaranteed";
    QTest::newRow("equal") << R"({"containers":[{"name":"redis",
        "resources":{"requests":{"cpu":"1","memory":"1Gi"},"limits":{"cpu":"1","memory":"1Gi"}}}]})"
                           << "Guaranteed";
    QTest::newRow("memory limit only") << R"({"containers":[{"name":"redis",
        "resources":{"limits":{"memory":"1Gi"}}}]})"
                                       << "Burstable";
    QTest::newRow("one container without") << R"({"containers":[{"name":"a",
        "resources":{"limits":{"cpu":"1","memory":"1Gi"}}},{"name":"b"}]})"
                                           << "Burstable";
}

void TestSandboxApiUnits::qosClass()
{
    QFETCH(QString, spec);
    QFETCH(QString, expected);
    QCOMPARE(podQosClass(QJsonDocument::fromJson(spec.toUtf8()).object()), expected);
}

QTEST_GUILESS_MAIN(TestSandboxApiUnits)
#include "tst_sandbox_api_units.moc"
