// kube-sandbox's /openapi/v2: the protobuf wire writer against the encodings the protobuf
// documentation spells out, gnostic's openapi_v2.Document field by field, and the served document
// read back as kubectl's kube-openapi reads it (definitions, references, x-kubernetes extensions).
#include "api/gnostic_protobuf.h"
#include "api/openapi_v2.h"
#include "api/protobuf_writer.h"
#include "api/resource_types.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMultiMap>
#include <QTest>

using namespace sandbox;

namespace {

// A protobuf message read back without a schema: field number → raw values (varints as numbers,
// length-delimited fields as bytes), enough to walk gnostic's messages in the test.
struct Fields {
    QMultiMap<int, QByteArray> bytes;
    QMultiMap<int, quint64> numbers;
    bool ok = true;

    QList<QByteArray> all(int field) const
    {
        QList<QByteArray> values = bytes.values(field);
        std::reverse(values.begin(), values.end()); // QMultiMap returns the newest first
        return values;
    }
    QByteArray one(int field) const { return bytes.value(field); }
};

Fields parse(const QByteArray &data)
{
    Fields out;
    qsizetype pos = 0;
    const auto varint = [&](quint64 *value) {
        *value = 0;
        for (int shift = 0; shift < 64 && pos < data.size(); shift += 7) {
            const quint8 byte = quint8(data.at(pos++));
            *value |= quint64(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return true;
        }
        return false;
    };
    while (pos < data.size()) {
        quint64 key = 0;
        if (!varint(&key)) {
            out.ok = false;
            return out;
        }
        const int field = int(key >> 3);
        quint64 value = 0;
        switch (key & 7) {
        case 0:
            out.ok = out.ok && varint(&value);
            out.numbers.insert(field, value);
            break;
        case 1:
            out.bytes.insert(field, data.mid(pos, 8));
            pos += 8;
            break;
        case 2:
            if (!varint(&value) || pos + qsizetype(value) > data.size()) {
                out.ok = false;
                return out;
            }
            out.bytes.insert(field, data.mid(pos, qsizetype(value)));
            pos += qsizetype(value);
            break;
        default:
            out.ok = false;
            return out;
        }
    }
    return out;
}

// NamedX messages (name = 1, value = 2) of a repeated field, by name.
QMap<QString, QByteArray> named(const Fields &message, int field)
{
    QMap<QString, QByteArray> out;
    for (const QByteArray &entry : message.all(field)) {
        const Fields pair = parse(entry);
        out.insert(QString::fromUtf8(pair.one(1)), pair.one(2));
    }
    return out;
}

// Vendor extensions (a Schema's field 31 unless told) with the YAML (here JSON) text of each value.
QMap<QString, QString> extensions(const QByteArray &message, int field = 31)
{
    QMap<QString, QString> out;
    const QMap<QString, QByteArray> entries = named(parse(message), field);
    for (auto it = entries.begin(); it != entries.end(); ++it)
        out.insert(it.key(), QString::fromUtf8(parse(it.value()).one(2)));
    return out;
}

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

} // namespace

class TestSandboxOpenApiV2 final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void varints_data();
    void varints();
    void wireFormatAsDocumented();
    void proto3LeavesDefaultsOut();
    void gnosticDocumentFieldByField();
    void gnosticSchemaKeepsPresenceAndExtensions();
    void gnosticParametersAndResponses();
    void servedDocumentIsComplete();
    void servedProtobufReadsBack();
    void acceptNegotiation_data();
    void acceptNegotiation();
};

void TestSandboxOpenApiV2::varints_data()
{
    QTest::addColumn<quint64>("value");
    QTest::addColumn<QByteArray>("encoded");
    QTest::newRow("0") << quint64(0) << hex("00");
    QTest::newRow("1") << quint64(1) << hex("01");
    QTest::newRow("127") << quint64(127) << hex("7f");
    QTest::newRow("128") << quint64(128) << hex("8001");
    QTest::newRow("150") << quint64(150) << hex("9601");
    QTest::newRow("300") << quint64(300) << hex("ac02");
    QTest::newRow("-1 as int64") << quint64(-1) << hex("ffffffffffffffffff01");
}

void TestSandboxOpenApiV2::varints()
{
    QFETCH(quint64, value);
    QFETCH(QByteArray, encoded);
    QCOMPARE(ProtobufWriter::varint(value).toHex(), encoded.toHex());
}

// The examples of https://protobuf.dev/programming-guides/encoding/.
void TestSandboxOpenApiV2::wireFormatAsDocumented()
{
    ProtobufWriter test1;
    test1.addInt64(1, 150);
    QCOMPARE(test1.data().toHex(), QByteArray("089601"));

    ProtobufWriter test2;
    test2.addString(2, QStringLiteral("testing"));
    QCOMPARE(test2.data().toHex(), QByteArray("120774657374696e67"));

    ProtobufWriter test3;
    test3.addMessage(3, test1);
    QCOMPARE(test3.data().toHex(), QByteArray("1a03089601"));

    ProtobufWriter mixed;
    mixed.addBool(4, true);
    mixed.addDouble(5, 1.5); // fixed64, little-endian IEEE 754
    mixed.addInt64(200, 2);  // a field number above 15 takes a two-byte key
    QCOMPARE(mixed.data().toHex(), QByteArray("2001"
                                              "29000000000000f83f"
                                              "c00c02"));
}

void TestSandboxOpenApiV2::proto3LeavesDefaultsOut()
{
    ProtobufWriter writer;
    writer.addString(1, QString());
    writer.addBool(2, false);
    writer.addInt64(3, 0);
    writer.addDouble(4, 0.0);
    QVERIFY(writer.data().isEmpty());
    writer.addRepeatedString(5, QString()); // an element of a list is kept even when empty
    writer.addMessage(6, ProtobufWriter()); // so is a nested message
    QCOMPARE(writer.data().toHex(), QByteArray("2a00"
                                               "3200"));
}

// Hand-assembled from OpenAPIv2.proto: Document.swagger = 1, Document.definitions = 9,
// Definitions.additional_properties = 1, NamedSchema.name/value = 1/2, Schema.type = 22,
// TypeItem.value = 1.
void TestSandboxOpenApiV2::gnosticDocumentFieldByField()
{
    const QJsonObject swagger{{QStringLiteral("swagger"), QStringLiteral("2.0")},
                              {QStringLiteral("definitions"),
                               QJsonObject{{QStringLiteral("A"), QJsonObject{{QStringLiteral("type"),
                                                                              QStringLiteral("string")}}}}}};
    const QByteArray typeItem = hex("0a06") + "string";
    const QByteArray schema = hex("b201") + char(typeItem.size()) + typeItem;
    const QByteArray namedSchema = hex("0a0141") + hex("12") + char(schema.size()) + schema;
    const QByteArray definitions = hex("0a") + char(namedSchema.size()) + namedSchema;
    const QByteArray document = hex("0a03") + "2.0" + hex("4a") + char(definitions.size()) + definitions;
    QCOMPARE(encodeGnosticDocument(swagger).toHex(), document.toHex());
}

void TestSandboxOpenApiV2::gnosticSchemaKeepsPresenceAndExtensions()
{
    const QJsonObject schema = QJsonDocument::fromJson(R"({
        "type": "object", "required": ["containers"], "properties": {
          "containers": {"type": "array", "items": {"$ref": "#/definitions/C"},
                         "x-kubernetes-patch-merge-key": "name", "x-kubernetes-patch-strategy": "merge"},
          "labels": {"type": "object", "additionalProperties": {"type": "string"}},
          "empty": {"type": "object", "properties": {}},
          "port": {"type": "integer", "format": "int32", "minimum": 1, "enum": [1, 2]}},
        "x-kubernetes-group-version-kind": [{"group": "", "kind": "Pod", "version": "v1"}]})")
                                   .object();
    const QByteArray encoded = encodeGnosticDocument(
        QJsonObject{{QStringLiteral("definitions"), QJsonObject{{QStringLiteral("P"), schema}}}});
    const QByteArray pod = named(parse(parse(encoded).one(9)), 1).value(QStringLiteral("P"));
    const Fields fields = parse(pod);
    QVERIFY(fields.ok);
    QCOMPARE(parse(fields.one(22)).all(1), QList<QByteArray>{"object"});
    QCOMPARE(fields.all(19), QList<QByteArray>{"containers"});
    QCOMPARE(extensions(pod).value(QStringLiteral("x-kubernetes-group-version-kind")),
             QStringLiteral(R"([{"group":"","kind":"Pod","version":"v1"}])"));

    const QMap<QString, QByteArray> properties = named(parse(fields.one(25)), 1);
    QCOMPARE(properties.keys(), (QStringList{QStringLiteral("containers"), QStringLiteral("empty"),
                                             QStringLiteral("labels"), QStringLiteral("port")}));
    const QByteArray containers = properties.value(QStringLiteral("containers"));
    const QByteArray item = parse(parse(containers).one(23)).one(1); // ItemsItem.schema
    QCOMPARE(parse(item).one(1), QByteArray("#/definitions/C"));
    QCOMPARE(extensions(containers).value(QStringLiteral("x-kubernetes-patch-merge-key")),
             QStringLiteral("\"name\""));
    QCOMPARE(extensions(containers).value(QStringLiteral("x-kubernetes-patch-strategy")),
             QStringLiteral("\"merge\""));
    // additionalProperties: the schema arm (1) of AdditionalPropertiesItem.
    const QByteArray labels = properties.value(QStringLiteral("labels"));
    QCOMPARE(parse(parse(parse(parse(labels).one(21)).one(1)).one(22)).one(1), QByteArray("string"));
    // An empty properties object is still there: kube-openapi tells kinds from maps by it.
    QVERIFY(parse(properties.value(QStringLiteral("empty"))).bytes.contains(25));
    QVERIFY(!parse(labels).bytes.contains(25));
    const Fields port = parse(properties.value(QStringLiteral("port")));
    QCOMPARE(port.one(2), QByteArray("int32"));
    QCOMPARE(port.one(9).toHex(), QByteArray("000000000000f03f")); // minimum 1.0
    QCOMPARE(port.all(20).size(), 2);                              // enum, one Any each
    QCOMPARE(parse(port.all(20).at(1)).one(2), QByteArray("2"));
}

void TestSandboxOpenApiV2::gnosticParametersAndResponses()
{
    const QJsonObject path = QJsonDocument::fromJson(R"({
        "patch": {"operationId": "patchX", "consumes": ["application/strategic-merge-patch+json"],
                  "parameters": [{"name": "fieldValidation", "in": "query", "type": "string", "uniqueItems": true},
                                 {"name": "name", "in": "path", "required": true, "type": "string"},
                                 {"name": "body", "in": "body", "required": true, "schema": {"$ref": "#/definitions/X"}}],
                  "responses": {"200": {"description": "OK", "schema": {"$ref": "#/definitions/X"}}},
                  "x-kubernetes-action": "patch"}})")
                                 .object();
    const QByteArray encoded = encodeGnosticDocument(
        QJsonObject{{QStringLiteral("paths"), QJsonObject{{QStringLiteral("/x"), path}}}});
    const QByteArray pathItem = named(parse(parse(encoded).one(8)), 2).value(QStringLiteral("/x"));
    const Fields patch = parse(parse(pathItem).one(8));
    QCOMPARE(patch.one(5), QByteArray("patchX"));
    QCOMPARE(patch.all(7), QList<QByteArray>{"application/strategic-merge-patch+json"});
    QCOMPARE(extensions(parse(pathItem).one(8), 13).value(QStringLiteral("x-kubernetes-action")),
             QStringLiteral("\"patch\""));
    const QList<QByteArray> parameters = patch.all(8);
    QCOMPARE(parameters.size(), 3);
    // ParametersItem.parameter → Parameter.non_body_parameter → NonBodyParameter.query_parameter_sub_schema.
    const Fields query = parse(parse(parse(parse(parameters.at(0)).one(1)).one(2)).one(3));
    QCOMPARE(query.one(4), QByteArray("fieldValidation"));
    QCOMPARE(query.one(2), QByteArray("query"));
    QCOMPARE(query.one(6), QByteArray("string"));  // type is 6 where allow_empty_value (5) exists
    QCOMPARE(query.numbers.value(20), quint64(1)); // unique_items
    const Fields pathParameter = parse(parse(parse(parse(parameters.at(1)).one(1)).one(2)).one(4));
    QCOMPARE(pathParameter.numbers.value(1), quint64(1)); // required
    QCOMPARE(pathParameter.one(5), QByteArray("string"));
    const Fields body = parse(parse(parse(parameters.at(2)).one(1)).one(1));
    QCOMPARE(body.one(3), QByteArray("body"));
    QCOMPARE(parse(body.one(5)).one(1), QByteArray("#/definitions/X"));
    // Responses.response_code → NamedResponseValue → ResponseValue.response → Response.schema →
    // SchemaItem.schema.
    const QByteArray ok = named(parse(patch.one(9)), 1).value(QStringLiteral("200"));
    const Fields response = parse(parse(ok).one(1));
    QCOMPARE(response.one(1), QByteArray("OK"));
    QCOMPARE(parse(parse(response.one(2)).one(1)).one(1), QByteArray("#/definitions/X"));
}

// Every reference resolves (kube-openapi refuses the whole document otherwise), and every kind the
// manifests use has its schema with the group-version-kind kubectl looks it up by.
void TestSandboxOpenApiV2::servedDocumentIsComplete()
{
    const QJsonObject swagger = openapi::v2Swagger();
    QCOMPARE(swagger.value(QLatin1String("swagger")).toString(), QStringLiteral("2.0"));
    const QJsonObject definitions = swagger.value(QLatin1String("definitions")).toObject();
    QVERIFY2(definitions.size() > 100, qPrintable(QString::number(definitions.size())));
    const QByteArray text = QJsonDocument(swagger).toJson(QJsonDocument::Compact);
    qsizetype refs = 0;
    for (qsizetype at = text.indexOf("\"$ref\":\""); at >= 0; at = text.indexOf("\"$ref\":\"", at + 1)) {
        const qsizetype start = at + 8;
        const QByteArray ref = text.mid(start, text.indexOf('"', start) - start);
        QVERIFY2(ref.startsWith("#/definitions/"), ref.constData());
        QVERIFY2(definitions.contains(QString::fromUtf8(ref.mid(14))), ref.constData());
        ++refs;
    }
    QVERIFY(refs > 200);
    const QList<std::pair<QString, QString>> kinds{
        {QStringLiteral("io.k8s.api.core.v1.Namespace"), QStringLiteral("Namespace")},
        {QStringLiteral("io.k8s.api.core.v1.ConfigMap"), QStringLiteral("ConfigMap")},
        {QStringLiteral("io.k8s.api.core.v1.Secret"), QStringLiteral("Secret")},
        {QStringLiteral("io.k8s.api.core.v1.Service"), QStringLiteral("Service")},
        {QStringLiteral("io.k8s.api.core.v1.PersistentVolumeClaim"), QStringLiteral("PersistentVolumeClaim")},
        {QStringLiteral("io.k8s.api.core.v1.Pod"), QStringLiteral("Pod")},
        {QStringLiteral("io.k8s.api.apps.v1.StatefulSet"), QStringLiteral("StatefulSet")}};
    for (const auto &[name, kind] : kinds) {
        const QJsonObject definition = definitions.value(name).toObject();
        const QJsonObject gvk =
            definition.value(QLatin1String("x-kubernetes-group-version-kind")).toArray().at(0).toObject();
        QCOMPARE(gvk.value(QLatin1String("kind")).toString(), kind);
        QVERIFY2(definition.value(QLatin1String("properties")).toObject().contains(QLatin1String("metadata")),
                 qPrintable(name));
    }
    // What strategic merge patch reads: containers merge by name, ports by containerPort.
    const QJsonObject podSpec = definitions.value(QLatin1String("io.k8s.api.core.v1.PodSpec"))
                                    .toObject()
                                    .value(QLatin1String("properties"))
                                    .toObject();
    QCOMPARE(podSpec.value(QLatin1String("containers"))
                 .toObject()
                 .value(QLatin1String("x-kubernetes-patch-merge-key")),
             QJsonValue(QStringLiteral("name")));
    // Every served resource has a path whose patch operation names its kind.
    const QJsonObject paths = swagger.value(QLatin1String("paths")).toObject();
    for (const ResourceType &type : resourceTypes()) {
        const QJsonObject item = paths.value(type.collectionPath() + QStringLiteral("/{name}")).toObject();
        const QJsonObject get = item.value(QLatin1String("get")).toObject();
        QCOMPARE(get.value(QLatin1String("x-kubernetes-group-version-kind"))
                     .toObject()
                     .value(QLatin1String("kind")),
                 QJsonValue(type.kind));
        if (!type.readOnly)
            QVERIFY2(item.value(QLatin1String("patch")).toObject().contains(QLatin1String("parameters")),
                     qPrintable(type.plural));
    }
}

void TestSandboxOpenApiV2::servedProtobufReadsBack()
{
    const openapi::V2Document &document = openapi::v2Document();
    QCOMPARE(QJsonDocument::fromJson(document.json).object(), openapi::v2Swagger());
    QVERIFY(document.etag.startsWith('"') && document.etag.endsWith('"') && document.etag.size() == 130);
    const Fields root = parse(document.protobuf);
    QVERIFY(root.ok);
    QCOMPARE(root.one(1), QByteArray("2.0"));
    QCOMPARE(parse(root.one(2)).one(1), QByteArray("Kubernetes"));
    const QMap<QString, QByteArray> definitions = named(parse(root.one(9)), 1);
    QCOMPARE(definitions.size(), openapi::v2Swagger().value(QLatin1String("definitions")).toObject().size());
    const QByteArray statefulSet = definitions.value(QStringLiteral("io.k8s.api.apps.v1.StatefulSet"));
    QVERIFY(!statefulSet.isEmpty());
    const QJsonArray gvk =
        QJsonDocument::fromJson(
            extensions(statefulSet).value(QStringLiteral("x-kubernetes-group-version-kind")).toUtf8())
            .array();
    QCOMPARE(gvk.at(0).toObject().value(QLatin1String("group")).toString(), QStringLiteral("apps"));
    QCOMPARE(gvk.at(0).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("StatefulSet"));
    const QMap<QString, QByteArray> specFields =
        named(parse(parse(definitions.value(QStringLiteral("io.k8s.api.core.v1.PodSpec"))).one(25)), 1);
    const QByteArray volumes = specFields.value(QStringLiteral("volumes"));
    QCOMPARE(extensions(volumes).value(QStringLiteral("x-kubernetes-patch-strategy")),
             QStringLiteral("\"merge,retainKeys\""));
    QCOMPARE(parse(parse(parse(volumes).one(23)).one(1)).one(1),
             QByteArray("#/definitions/io.k8s.api.core.v1.Volume"));
    // IntOrString as v2 writes it: a string of format int-or-string.
    const Fields intOrString =
        parse(definitions.value(QStringLiteral("io.k8s.apimachinery.pkg.util.intstr.IntOrString")));
    QCOMPARE(intOrString.one(2), QByteArray("int-or-string"));
    QCOMPARE(parse(intOrString.one(22)).one(1), QByteArray("string"));
}

void TestSandboxOpenApiV2::acceptNegotiation_data()
{
    QTest::addColumn<QByteArray>("accept");
    QTest::addColumn<QByteArray>("format");
    QTest::newRow("kubectl") << QByteArray("application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
                             << QByteArray("protobuf");
    QTest::newRow("new name") << QByteArray("application/com.github.proto-openapi.spec.v2.v1.0+protobuf")
                              << QByteArray("protobuf");
    QTest::newRow("none") << QByteArray() << QByteArray("json");
    QTest::newRow("json") << QByteArray("application/json") << QByteArray("json");
    QTest::newRow("any") << QByteArray("*/*") << QByteArray("json");
    QTest::newRow("first listed wins")
        << QByteArray("application/json, application/com.github.proto-openapi.spec.v2@v1.0+protobuf")
        << QByteArray("json");
    QTest::newRow("yaml only") << QByteArray("application/yaml") << QByteArray();
}

void TestSandboxOpenApiV2::acceptNegotiation()
{
    QFETCH(QByteArray, accept);
    QFETCH(QByteArray, format);
    QCOMPARE(openapi::v2FormatFor(accept), format);
}

QTEST_GUILESS_MAIN(TestSandboxOpenApiV2)
#include "tst_sandbox_openapi_v2.moc"
