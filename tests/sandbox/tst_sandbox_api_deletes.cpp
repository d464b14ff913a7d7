// TestSandboxApi: deleting namespaces, collections, with propagation policies and grace periods.
#include "tst_sandbox_api.h"

void TestSandboxApi::deleteNamespaceRemovesContents()
{
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("app.yaml"), manifests("doomed", 30382));
    const Kubectl k = kubectl();
    const QStringList apply{QStringLiteral("apply"), QStringLiteral("--server-side"), QStringLiteral("-f"),
                            file};
    const ProgramRun applied = k.run(apply);
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.err + applied.out));

    // kubectl delete -f deletes the namespace first and then each object in it; as on a real cluster
    // the objects are still there while the namespace terminates, so every delete succeeds.
    ProgramRun r = k.run({QStringLiteral("delete"), QStringLiteral("-f"), file});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("namespace \"doomed\" deleted")), qPrintable(r.out));
    QVERIFY2(r.out.contains(QLatin1String("service \"redis-access-service\" deleted")), qPrintable(r.out));
    QTRY_COMPARE_WITH_TIMEOUT(m_api->send("GET", QStringLiteral("/api/v1/namespaces/doomed")).status, 404,
                              30000);

    // Deleting only the namespace removes what is inside; meanwhile creates get 403.
    const ProgramRun reapplied = k.run(apply);
    QVERIFY2(reapplied.exitCode == 0, qPrintable(reapplied.err + reapplied.out));
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
