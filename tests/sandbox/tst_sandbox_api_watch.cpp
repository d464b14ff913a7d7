// TestSandboxApi: watches (events in order, selector transitions, bookmarks and timeouts).
#include "tst_sandbox_api.h"

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
