// YAML → JSON as the Kubernetes API server reads it (sigs.k8s.io/yaml: YAML 1.1 over go-yaml v2), the one
// reader of the studio (manifests) and of kube-sandbox (apply bodies): both are checked on the same table.
#include "api/request_body.h"
#include "common/yaml_json.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rcs;

namespace {
QJsonValue valueOf(const QByteArray &yaml)
{
    const auto documents = yamljson::parseDocuments("v: " + yaml + '\n', QStringLiteral("test"));
    if (!documents || documents->size() != 1)
        return QJsonValue(QJsonValue::Undefined);
    return documents->first().value(QLatin1String("v"));
}

QJsonValue sandboxValueOf(const QByteArray &yaml)
{
    const auto body = sandbox::decodeObjectBody("v: " + yaml + '\n', true);
    return body ? body->value(QLatin1String("v")) : QJsonValue(QJsonValue::Undefined);
}
} // namespace

class TestYamlJson final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scalars_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QJsonValue>("json");
        QTest::newRow("integer") << QByteArray("6379") << QJsonValue(6379);
        QTest::newRow("negative integer") << QByteArray("-12") << QJsonValue(-12);
        QTest::newRow("plus sign") << QByteArray("+7") << QJsonValue(7);
        QTest::newRow("zero") << QByteArray("0") << QJsonValue(0);
        QTest::newRow("octal (YAML 1.1)") << QByteArray("0123") << QJsonValue(83);
        QTest::newRow("file mode (defaultMode: 0644)") << QByteArray("0644") << QJsonValue(420);
        QTest::newRow("0o octal") << QByteArray("0o17") << QJsonValue(15);
        QTest::newRow("hex") << QByteArray("0x1F") << QJsonValue(31);
        QTest::newRow("binary") << QByteArray("0b101") << QJsonValue(5);
        QTest::newRow("underscores") << QByteArray("1_000") << QJsonValue(1000);
        QTest::newRow("int64 max") << QByteArray("9223372036854775807")
                                   << QJsonValue(qint64(9223372036854775807LL));
        QTest::newRow("not octal: a float") << QByteArray("08") << QJsonValue(8.0);
        QTest::newRow("float") << QByteArray("1.5") << QJsonValue(1.5);
        QTest::newRow("exponent") << QByteArray("1e3") << QJsonValue(1000.0);
        QTest::newRow("leading dot") << QByteArray(".5") << QJsonValue(0.5);
        QTest::newRow("double-quoted number") << QByteArray("\"6379\"") << QJsonValue(QStringLiteral("6379"));
        QTest::newRow("single-quoted number") << QByteArray("'0123'") << QJsonValue(QStringLiteral("0123"));
        QTest::newRow("!!str number") << QByteArray("!!str 6379") << QJsonValue(QStringLiteral("6379"));
        QTest::newRow("!!str boolean") << QByteArray("!!str true") << QJsonValue(QStringLiteral("true"));
        QTest::newRow("!!str null") << QByteArray("!!str null") << QJsonValue(QStringLiteral("null"));
        QTest::newRow("true") << QByteArray("true") << QJsonValue(true);
        QTest::newRow("False") << QByteArray("False") << QJsonValue(false);
        QTest::newRow("yes (YAML 1.1)") << QByteArray("yes") << QJsonValue(true);
        QTest::newRow("off (YAML 1.1)") << QByteArray("off") << QJsonValue(false);
        QTest::newRow("quoted yes") << QByteArray("\"yes\"") << QJsonValue(QStringLiteral("yes"));
        QTest::newRow("null") << QByteArray("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("tilde") << QByteArray("~") << QJsonValue(QJsonValue::Null);
        QTest::newRow("empty") << QByteArray() << QJsonValue(QJsonValue::Null);
        QTest::newRow("quoted null") << QByteArray("'null'") << QJsonValue(QStringLiteral("null"));
        QTest::newRow("word") << QByteArray("redis-app") << QJsonValue(QStringLiteral("redis-app"));
        QTest::newRow("version-like") << QByteArray("1.2.3") << QJsonValue(QStringLiteral("1.2.3"));
        QTest::newRow("timestamp stays a string")
            << QByteArray("2001-12-14") << QJsonValue(QStringLiteral("2001-12-14"));
        QTest::newRow("memory quantity") << QByteArray("100Mi") << QJsonValue(QStringLiteral("100Mi"));
        QTest::newRow("option word") << QByteArray("--port") << QJsonValue(QStringLiteral("--port"));
    }

    void scalars()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QJsonValue, json);
        QCOMPARE(valueOf(yaml), json);
        QCOMPARE(sandboxValueOf(yaml), json);
    }

    void nestedMapsAndLists()
    {
        const QByteArray yaml = "apiVersion: apps/v1\n"
                                "kind: StatefulSet\n"
                                "spec:\n"
                                "  replicas: 6\n"
                                "  template:\n"
                                "    spec:\n"
                                "      containers:\n"
                                "      - name: redis\n"
                                "        ports:\n"
                                "        - containerPort: 6379\n"
                                "          name: \"6379\"\n"
                                "        env: []\n"
                                "        args: [\"--port\", 6379, !!str 16379, on]\n"
                                "      nodeSelector: {}\n"
                                "      hostname: ~\n";
        const QJsonObject expected = QJsonDocument::fromJson(R"({
            "apiVersion": "apps/v1", "kind": "StatefulSet",
            "spec": {"replicas": 6, "template": {"spec": {
                "containers": [{"name": "redis", "ports": [{"containerPort": 6379, "name": "6379"}],
                                "env": [], "args": ["--port", 6379, "16379", true]}],
                "nodeSelector": {}, "hostname": null}}}})")
                                         .object();
        const auto documents = yamljson::parseDocuments(yaml, QStringLiteral("test"));
        QVERIFY2(documents.ok(), qPrintable(documents.error().message()));
        QCOMPARE(documents->size(), 1);
        QCOMPARE(documents->first(), expected);
        const auto body = sandbox::decodeObjectBody(yaml, true);
        QVERIFY2(body.ok(), qPrintable(body.error().message()));
        QCOMPARE(*body, expected);
    }

    void stringsModeKeepsEveryScalar()
    {
        const auto documents = yamljson::parseDocuments(
            "token: 0123\nflag: yes\nnone: ~\n", QStringLiteral("kubeconfig"), yamljson::Scalars::Strings);
        QVERIFY2(documents.ok(), qPrintable(documents.error().message()));
        QCOMPARE(documents->first().value(QLatin1String("token")), QJsonValue(QStringLiteral("0123")));
        QCOMPARE(documents->first().value(QLatin1String("flag")), QJsonValue(QStringLiteral("yes")));
    }

    // toYaml quotes every string our reader would type otherwise, so the text reads back the same.
    void emittedStringsReadBackAsStrings()
    {
        QJsonObject object;
        const QStringList tricky{
            QStringLiteral("0123"),  QStringLiteral("yes"),  QStringLiteral("off"),  QStringLiteral("y"),
            QStringLiteral("1_000"), QStringLiteral("0x1F"), QStringLiteral("~"),    QString(),
            QStringLiteral(".inf"),  QStringLiteral("1e3"),  QStringLiteral("true"), QStringLiteral("plain")};
        for (qsizetype i = 0; i < tricky.size(); ++i)
            object.insert(QStringLiteral("k%1").arg(i), tricky.at(i));
        object.insert(QStringLiteral("number"), 83);
        const auto again =
            yamljson::parseDocuments(yamljson::toYaml({object}).toUtf8(), QStringLiteral("emitted"));
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE(again->first(), object);
    }

    void sandboxErrors()
    {
        const auto broken = sandbox::decodeObjectBody("a: [1, 2\n", true);
        QVERIFY(!broken.ok());
        QVERIFY2(broken.error().message().startsWith(QLatin1String("error converting YAML to JSON: ")),
                 qPrintable(broken.error().message()));
        // The API server's form: "error converting YAML to JSON: yaml: line 2: …".
        QVERIFY2(
            broken.error().message().startsWith(QLatin1String("error converting YAML to JSON: yaml: line ")),
            qPrintable(broken.error().message()));
        QVERIFY(!sandbox::decodeObjectBody("- a\n- b\n", true).ok());
        QVERIFY(!sandbox::decodeObjectBody("a: 1\n---\nb: 2\n", true).ok());
    }
};

QTEST_GUILESS_MAIN(TestYamlJson)
#include "tst_yaml_json.moc"
