// TestKubeClient: what requests do on the wire: retries and Retry-After, warnings, paging, apply and
// scale as kubectl sends them, discovery, and watches that reconnect, relist or fail.
#include "tst_kube_client.h"

void TestKubeClient::retriesAfter429AndServerErrors()
{
    int calls = 0;
    m_server->setHandler([&calls](const HttpResponder::Request &) {
        ++calls;
        if (calls == 1) {
            HttpResponder::Response r = status(429, kTooManyRequests);
            r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
            return r;
        }
        if (calls == 2)
            return status(503, "<html>unavailable</html>");
        return ok(kPodBody);
    });
    KubeClient *c = client(target());
    QVERIFY(getPodRetried(c, 3) >= 900); // Retry-After: 1 was honoured

    // A write is not retried on 5xx: it may have been applied.
    calls = 10;
    m_server->setHandler(
        [](const HttpResponder::Request &) { return status(503, "<html>unavailable</html>"); });
    KubeRequest *create = c->create(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                                 {QStringLiteral("namespace"), QStringLiteral("demo")}}}});
    QVERIFY(!run(create));
    QCOMPARE(create->attempts(), 1);
    QVERIFY2(create->errorString().contains(QStringLiteral("503")), qPrintable(create->errorString()));
    QVERIFY(create->errorString().contains(QStringLiteral("unavailable")));
}

void TestKubeClient::retryAfterForms_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<int>("expectedMs"); // -1: not readable, the caller's own back-off applies
    QTest::newRow("seconds") << QByteArray("2") << 2000;
    QTest::newRow("seconds with spaces") << QByteArray(" 1 ") << 1000;
    QTest::newRow("zero") << QByteArray("0") << 0;
    QTest::newRow("capped") << QByteArray("3600") << 30000;
    QTest::newRow("negative") << QByteArray("-5") << -1;
    QTest::newRow("http date ahead") << QByteArray("Fri, 27 Nov 2026 10:00:07 GMT") << 7000;
    QTest::newRow("http date past") << QByteArray("Fri, 27 Nov 2026 09:59:00 GMT") << 0;
    QTest::newRow("http date far") << QByteArray("Sat, 28 Nov 2026 10:00:00 GMT") << 30000;
    QTest::newRow("empty") << QByteArray() << -1;
    QTest::newRow("garbage") << QByteArray("soon") << -1;
}

void TestKubeClient::retryAfterForms()
{
    QFETCH(QByteArray, header);
    QFETCH(int, expectedMs);
    const QDateTime now(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
    const std::optional<int> ms = rcs::retryAfterMs(header, now);
    QCOMPARE(ms.value_or(-1), expectedMs);
}

// A 503 whose Retry-After is an HTTP-date two seconds ahead: the read waits for it, then succeeds.
void TestKubeClient::retryAfterHttpDateIsHonoured()
{
    int calls = 0;
    m_server->setHandler([&calls](const HttpResponder::Request &) {
        if (++calls == 1) {
            HttpResponder::Response r = status(503, "<html>unavailable</html>");
            const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(2);
            r.headers.append(qMakePair(
                QByteArray("Retry-After"),
                QLocale::c().toString(when, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1()));
            return r;
        }
        return ok(kPodBody);
    });
    // The date has whole seconds: at least one full second was waited (the back-off alone is far
    // shorter).
    const qint64 elapsed = getPodRetried(client(target()), 2);
    QVERIFY2(elapsed >= 1000, qPrintable(QString::number(elapsed)));
}

void TestKubeClient::warningHeadersAreLogged()
{
    m_server->setHandler([](const HttpResponder::Request &) {
        HttpResponder::Response r = ok();
        r.headers.append(qMakePair(QByteArray("Warning"), QByteArray(kDeprecationWarning)));
        return r;
    });
    KubeClient *c = client(target());
    Logger::instance().clear();
    QVERIFY(run(
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")})));
    bool found = false;
    for (const LogEntry &entry : Logger::instance().entries())
        found = found || entry.message.contains(QStringLiteral("PodDisruptionBudget is deprecated"));
    QVERIFY(found);
}

void TestKubeClient::listFollowsContinue()
{
    m_server->setHandler([](const HttpResponder::Request &r) {
        const QString cont = r.query.queryItemValue(QStringLiteral("continue"));
        const bool first = cont.isEmpty();
        QJsonObject list{
            {QStringLiteral("kind"), QStringLiteral("PodList")},
            {QStringLiteral("metadata"),
             QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("77")},
                         {QStringLiteral("continue"), first ? QStringLiteral("page2") : QString()}}},
            {QStringLiteral("items"),
             QJsonArray{QJsonObject{{QStringLiteral("metadata"),
                                     QJsonObject{{QStringLiteral("name"),
                                                  first ? QStringLiteral("a") : QStringLiteral("b")}}}}}}};
        return ok(json(list));
    });
    KubeClient *c = client(target());
    KubeListOptions options;
    options.labelSelector = QStringLiteral("app=redis");
    options.limit = 1;
    KubeRequest *list = c->list(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), options);
    QVERIFY(run(list));
    QCOMPARE(list->items().size(), 2);
    QCOMPARE(list->listResourceVersion(), QStringLiteral("77"));
    QCOMPARE(m_server->requests().size(), 2);
    QCOMPARE(m_server->requests().at(0).query.queryItemValue(QStringLiteral("labelSelector")),
             QStringLiteral("app=redis"));
    QCOMPARE(m_server->requests().at(1).query.queryItemValue(QStringLiteral("continue")),
             QStringLiteral("page2"));
}

void TestKubeClient::applyAndScaleSendWhatKubectlSends()
{
    KubeClient *c = client(target());
    Logger::instance().clear();
    const QJsonObject sts{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                          {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                          {QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("redis-app")},
                                       {QStringLiteral("namespace"), QStringLiteral("redis-cluster")},
                                       {QStringLiteral("managedFields"), QJsonArray{}}}}};
    QVERIFY(run(c->apply(sts)));
    const auto apply = m_server->requests().last();
    QCOMPARE(apply.method, QByteArray("PATCH"));
    QCOMPARE(apply.path, QByteArray("/apis/apps/v1/namespaces/redis-cluster/statefulsets/redis-app"));
    QCOMPARE(apply.headers.value("content-type"), QByteArray("application/apply-patch+yaml"));
    QCOMPARE(apply.query.queryItemValue(QStringLiteral("fieldManager")),
             QStringLiteral("redis-cluster-studio"));
    QCOMPARE(apply.query.queryItemValue(QStringLiteral("force")), QStringLiteral("true"));
    QVERIFY(!apply.body.contains("managedFields"));

    const KubeObjectRef ref{QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"),
                            QStringLiteral("redis-cluster"), QStringLiteral("redis-app")};
    QVERIFY(run(c->scale(ref, 7)));
    const auto scale = m_server->requests().last();
    QCOMPARE(scale.path, QByteArray("/apis/apps/v1/namespaces/redis-cluster/statefulsets/redis-app/scale"));
    QCOMPARE(scale.headers.value("content-type"), QByteArray("application/merge-patch+json"));
    QCOMPARE(QJsonDocument::fromJson(scale.body)
                 .object()[QStringLiteral("spec")][QStringLiteral("replicas")]
                 .toInt(),
             7);

    QVERIFY(run(c->remove(ref, PropagationPolicy::Foreground)));
    const auto remove = m_server->requests().last();
    QCOMPARE(remove.method, QByteArray("DELETE"));
    QCOMPARE(QJsonDocument::fromJson(remove.body).object()[QStringLiteral("propagationPolicy")].toString(),
             QStringLiteral("Foreground"));

    QStringList commands;
    for (const LogEntry &entry : Logger::instance().entries())
        commands.append(entry.command);
    QVERIFY2(commands.contains(
                 QStringLiteral("kubectl -n redis-cluster scale statefulset redis-app --replicas=7")),
             qPrintable(commands.join(QLatin1Char('\n'))));
    QVERIFY(commands.contains(
        QStringLiteral("kubectl -n redis-cluster delete statefulset redis-app --cascade=foreground")));
}

void TestKubeClient::discoveryForUnknownKinds()
{
    m_server->setHandler([](const HttpResponder::Request &r) {
        if (r.path == "/apis/example.com/v1")
            return ok(kWidgetDiscovery);
        return ok();
    });
    KubeClient *c = client(target());
    QVERIFY(run(c->get({QStringLiteral("example.com/v1"), QStringLiteral("Widget"), QStringLiteral("demo"),
                        QStringLiteral("w")})));
    QCOMPARE(m_server->requests().last().path, QByteArray("/apis/example.com/v1/namespaces/demo/widgets/w"));
    KubeRequest *unknown = c->get({QStringLiteral("example.com/v1"), QStringLiteral("Gadget"),
                                   QStringLiteral("demo"), QStringLiteral("g")});
    QVERIFY(!run(unknown));
    QVERIFY(unknown->errorString().contains(QStringLiteral("Gadget")));
}

void TestKubeClient::watchReconnectsAndRelistsAfter410()
{
    int lists = 0;
    QStringList watchVersions;
    m_server->setHandler([&](const HttpResponder::Request &r) {
        if (r.query.queryItemValue(QStringLiteral("watch")) != QLatin1String("true")) {
            ++lists;
            const QString rv = lists == 1 ? QStringLiteral("10") : QStringLiteral("20");
            QJsonArray items{
                QJsonDocument::fromJson(podJson(QStringLiteral("a"), QStringLiteral("9"))).object()};
            if (lists > 1)
                items.append(
                    QJsonDocument::fromJson(podJson(QStringLiteral("c"), QStringLiteral("19"))).object());
            return ok(
                json({{QStringLiteral("kind"), QStringLiteral("PodList")},
                      {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), rv}}},
                      {QStringLiteral("items"), items}}));
        }
        const QString from = r.query.queryItemValue(QStringLiteral("resourceVersion"));
        watchVersions.append(from);
        HttpResponder::Response response;
        if (from == QLatin1String("10")) {
            const QByteArray added =
                kAddedEventPrefix + podJson(QStringLiteral("b"), QStringLiteral("11")) + "}\n";
            response.chunks = {added.left(17), added.mid(17, 30), added.mid(47),
                               QByteArray(kBookmarkEvent) + "\n"};
        } else if (from == QLatin1String("15")) {
            response.chunks = {QByteArray(kExpiredEvent) + "\n"};
        } else if (from == QLatin1String("20")) {
            response.chunks = {kModifiedEventPrefix + podJson(QStringLiteral("c"), QStringLiteral("21")) +
                               "}\n"};
        } else {
            response.chunks = {"\n"};
        }
        return response;
    });
    KubeClient *c = client(target());
    KubeWatch *watch = c->watch(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
    QSignalSpy synced(watch, &KubeWatch::synced);
    QSignalSpy events(watch, &KubeWatch::eventReceived);
    QSignalSpy failed(watch, &KubeWatch::failed);
    watch->start();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 20000);
    watch->stop();
    QCOMPARE(failed.size(), 0);
    QCOMPARE(synced.size(), 2);
    QCOMPARE(watch->relists(), 2);
    QCOMPARE(watchVersions.mid(0, 3),
             (QStringList{QStringLiteral("10"), QStringLiteral("15"), QStringLiteral("20")}));
    const auto first = events.at(0).at(0).value<KubeWatchEvent>();
    QCOMPARE(first.type, KubeWatchEvent::Type::Added);
    QCOMPARE(first.object[QStringLiteral("metadata")][QStringLiteral("name")].toString(),
             QStringLiteral("b"));
    QCOMPARE(watch->resourceVersion(), QStringLiteral("21"));
    QCOMPARE(watch->objects().size(), 2); // a and c after the re-list
}

void TestKubeClient::watchRelistsAfterHttp410()
{
    int lists = 0;
    m_server->setHandler([&](const HttpResponder::Request &r) {
        if (r.query.queryItemValue(QStringLiteral("watch")) != QLatin1String("true")) {
            ++lists;
            return ok(json({{QStringLiteral("kind"), QStringLiteral("PodList")},
                            {QStringLiteral("metadata"),
                             QJsonObject{{QStringLiteral("resourceVersion"), QString::number(lists * 100)}}},
                            {QStringLiteral("items"), QJsonArray{}}}));
        }
        if (r.query.queryItemValue(QStringLiteral("resourceVersion")) == QLatin1String("100"))
            return status(410, kGone);
        HttpResponder::Response response;
        response.chunks = {QByteArray(kModifiedEventPrefix) +
                           podJson(QStringLiteral("x"), QStringLiteral("201")) + "}\n"};
        return response;
    });
    KubeClient *c = client(target());
    KubeWatch *watch = c->watch(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
    QSignalSpy events(watch, &KubeWatch::eventReceived);
    QSignalSpy failed(watch, &KubeWatch::failed);
    watch->start();
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 20000);
    watch->stop();
    QCOMPARE(failed.size(), 0);
    QCOMPARE(lists, 2);
    QCOMPARE(watch->resourceVersion(), QStringLiteral("201"));
}

void TestKubeClient::watchFailsOnForbidden()
{
    m_server->setHandler([](const HttpResponder::Request &) { return status(403, kForbidden); });
    KubeClient *c = client(target());
    KubeWatch *watch = c->watch(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
    QSignalSpy failed(watch, &KubeWatch::failed);
    watch->start();
    QVERIFY(failed.wait(20000));
    QCOMPARE(failed.at(0).at(0).value<Error>().code(), ErrorCode::Forbidden);
    QVERIFY(!watch->isRunning());
}
