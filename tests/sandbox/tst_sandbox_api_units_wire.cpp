// TestSandboxApiUnits: what travels and is shown: HTTP framing, protobuf bodies, unknown fields, Table
// cells (ages, restarts, QoS) and the credentials' trust.
#include "tst_sandbox_api_units.h"

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
