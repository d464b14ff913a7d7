// TestSandboxApi: the server itself: pagination, client certificates, injected faults, restarts and
// refused start-ups.
#include "tst_sandbox_api.h"

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
