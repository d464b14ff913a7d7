// TestKubeSandbox: namespaces, apply, watches, StatefulSet pods, injected faults, scaling, deletion,
// PVCs and a password-protected deployment.
#include "tst_kube_sandbox.h"

void TestKubeSandbox::missingNamespace()
{
    const QJsonObject map{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                          {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                          {QStringLiteral("metadata"),
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                       {QStringLiteral("namespace"), QStringLiteral("no-such-ns")}}},
                          {QStringLiteral("data"), QJsonObject{{QStringLiteral("a"), QStringLiteral("b")}}}};
    KubeRequest *apply = m_client->apply(map);
    QVERIFY(!run(apply));
    QCOMPARE(apply->error().code(), ErrorCode::NotFound);
    QVERIFY2(apply->errorString().contains(QStringLiteral("no-such-ns")), qPrintable(apply->errorString()));

    KubeRequest *get = m_client->get(
        {QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), QStringLiteral("no-such-ns"), kSts});
    QVERIFY(!run(get));
    QCOMPARE(get->error().code(), ErrorCode::NotFound);
}

void TestKubeSandbox::createNamespaceTwice()
{
    const QString ns = QStringLiteral("kube-created");
    KubeRequest *create = m_client->createNamespace(ns);
    QVERIFY2(run(create), qPrintable(create->errorString()));
    QCOMPARE(create->httpStatus(), 201);
    KubeRequest *again = m_client->createNamespace(ns);
    QVERIFY(!run(again));
    QCOMPARE(again->error().code(), ErrorCode::Conflict);
    QVERIFY2(again->errorString().contains(QStringLiteral("already exists")),
             qPrintable(again->errorString()));
    Job *remove = m_client->removeNamespaceAndWait(ns, 60000);
    QVERIFY2(run(remove, 90000), qPrintable(remove->errorString()));
}

void TestKubeSandbox::applyTwiceIsIdempotent()
{
    const auto set = ManifestSet::embedded();
    QVERIFY2(set.ok(), qPrintable(set.error().message()));
    ManifestParameters parameters;
    parameters.ns = kNs;
    parameters.replicas = 3;
    const auto objects = set->render(parameters);
    QVERIFY2(objects.ok(), qPrintable(objects.error().message()));

    QList<int> first;
    const auto created = applyAll(*objects, &first);
    QCOMPARE(created.size(), objects->size());
    QVERIFY(first.contains(201));
    const QJsonObject sts = created.last();
    QCOMPARE(sts[QStringLiteral("kind")].toString(), QStringLiteral("StatefulSet"));

    QList<int> second;
    const auto again = applyAll(*objects, &second);
    QCOMPARE(again.size(), objects->size());
    QVERIFY(!second.contains(201)); // nothing created the second time
    QCOMPARE(again.last()[QStringLiteral("metadata")][QStringLiteral("generation")].toInt(),
             sts[QStringLiteral("metadata")][QStringLiteral("generation")].toInt());
    QCOMPARE(again.last()[QStringLiteral("metadata")][QStringLiteral("uid")].toString(),
             sts[QStringLiteral("metadata")][QStringLiteral("uid")].toString());
}

void TestKubeSandbox::watchSeesPodsBecomeReady()
{
    KubeListOptions options;
    options.labelSelector = QStringLiteral("app=redis");
    m_pods = m_client->watch(QStringLiteral("v1"), QStringLiteral("Pod"), kNs, options, nullptr);
    QSignalSpy events(m_pods, &KubeWatch::eventReceived);
    QSignalSpy failed(m_pods, &KubeWatch::failed);
    m_pods->start();
    QTRY_VERIFY_WITH_TIMEOUT(readyPods(m_pods->objects()) == 3 || !failed.isEmpty(), 120000);
    QVERIFY(failed.isEmpty());
    QVERIFY(events.size() > 0); // readiness arrived as watch events, not only in the first list
    QStringList ips;
    for (const QJsonObject &pod : m_pods->objects())
        ips.append(pod[QStringLiteral("status")][QStringLiteral("podIP")].toString());
    ips.removeDuplicates();
    QCOMPARE(ips.size(), 3);
}

void TestKubeSandbox::statefulSetPods()
{
    auto *job = new test::StatefulSetPodsJob(m_client, kNs, kSts, this);
    QVERIFY2(run(job), qPrintable(job->errorString()));
    QCOMPARE(job->selector(), QStringLiteral("app=redis,appCluster=redis-cluster"));
    QCOMPARE(job->desiredReplicas(), 3);
    QCOMPARE(job->pods().size(), 3);
    for (int i = 0; i < 3; ++i) {
        const test::KubePodInfo &pod = job->pods().at(i);
        QCOMPARE(pod.name, QStringLiteral("redis-app-%1").arg(i));
        QVERIFY(pod.ready);
        QVERIFY(!pod.ip.isEmpty());
        QVERIFY(pod.nodeName.startsWith(QStringLiteral("sandbox-node-")));
    }
    auto *missing = new test::StatefulSetPodsJob(m_client, QStringLiteral("no-such-ns"), kSts, this);
    QVERIFY(!run(missing));
    QCOMPARE(missing->error().code(), ErrorCode::NotFound);
    QVERIFY(missing->errorString().contains(QStringLiteral("deploy")));
}

void TestKubeSandbox::injectedFaultsAreRetriedOrReported()
{
    auto inject = [this](const QJsonObject &rule) {
        KubeRequest::Spec spec;
        spec.method = "POST";
        spec.path = QStringLiteral("/sandbox/faults");
        spec.contentType = "application/json";
        spec.body = QJsonDocument(rule).toJson(QJsonDocument::Compact);
        return run(m_client->raw(spec));
    };
    const KubeObjectRef pod{QStringLiteral("v1"), QStringLiteral("Pod"), kNs, QStringLiteral("redis-app-0")};

    // Reads ride out 503s and 429s (Retry-After honoured).
    QVERIFY(inject({{QStringLiteral("verb"), QStringLiteral("get")},
                    {QStringLiteral("resource"), QStringLiteral("pods")},
                    {QStringLiteral("status"), 503},
                    {QStringLiteral("count"), 2}}));
    KubeRequest *get = m_client->get(pod);
    QVERIFY2(run(get), qPrintable(get->errorString()));
    QCOMPARE(get->attempts(), 3);
    QVERIFY(inject({{QStringLiteral("verb"), QStringLiteral("list")},
                    {QStringLiteral("resource"), QStringLiteral("pods")},
                    {QStringLiteral("status"), 429},
                    {QStringLiteral("count"), 1},
                    {QStringLiteral("retryAfter"), 1}}));
    QElapsedTimer timer;
    timer.start();
    KubeRequest *list = m_client->list(QStringLiteral("v1"), QStringLiteral("Pod"), kNs);
    QVERIFY2(run(list), qPrintable(list->errorString()));
    QCOMPARE(list->attempts(), 2);
    QVERIFY(timer.elapsed() >= 900);

    // A create that failed with 500 may or may not have happened: reported, not repeated.
    QVERIFY(inject({{QStringLiteral("verb"), QStringLiteral("create")},
                    {QStringLiteral("resource"), QStringLiteral("configmaps")},
                    {QStringLiteral("status"), 500},
                    {QStringLiteral("count"), 1}}));
    KubeRequest *create = m_client->create(QJsonObject{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("faulty")},
                                                 {QStringLiteral("namespace"), kNs}}}});
    QVERIFY(!run(create));
    QCOMPARE(create->attempts(), 1);
    QVERIFY2(create->errorString().contains(QStringLiteral("injected fault")),
             qPrintable(create->errorString()));
    KubeRequest::Spec clear;
    clear.method = "DELETE";
    clear.path = QStringLiteral("/sandbox/faults");
    QVERIFY(run(m_client->raw(clear)));
}

void TestKubeSandbox::scaleUpAndDown()
{
    KubeRequest *get = m_client->getScale(m_stsRef);
    QVERIFY2(run(get), qPrintable(get->errorString()));
    QCOMPARE(get->object()[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 3);

    KubeRequest *up = m_client->scale(m_stsRef, 4);
    QVERIFY2(run(up), qPrintable(up->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(readyPods(m_pods->objects()) == 4, 120000);
    QVERIFY(hasPod(m_pods->objects(), QStringLiteral("redis-app-3")));

    KubeRequest *down = m_client->scale(m_stsRef, 3);
    QVERIFY2(run(down), qPrintable(down->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(!hasPod(m_pods->objects(), QStringLiteral("redis-app-3")), 60000);
    KubeRequest *check = m_client->getScale(m_stsRef);
    QVERIFY(run(check));
    QCOMPARE(check->object()[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 3);
}

void TestKubeSandbox::deleteStatefulSetThenPvcs()
{
    KubeRequest *remove = m_client->remove(m_stsRef);
    QVERIFY2(run(remove), qPrintable(remove->errorString()));
    QTRY_VERIFY_WITH_TIMEOUT(m_pods->objects().isEmpty(), 60000);

    // The PVCs outlive the StatefulSet (one per ordinal ever created: 0..3).
    KubeListOptions options;
    options.labelSelector = QStringLiteral("app=redis");
    KubeRequest *pvcs =
        m_client->list(QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"), kNs, options);
    QVERIFY(run(pvcs));
    QCOMPARE(pvcs->items().size(), 4);

    auto *removePvcs = static_cast<KubeRemoveByLabelJob *>(
        m_client->removePersistentVolumeClaims(kNs, QStringLiteral("app=redis")));
    QVERIFY2(run(removePvcs), qPrintable(removePvcs->errorString()));
    QCOMPARE(removePvcs->removedNames().size(), 4);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            KubeRequest *again =
                m_client->list(QStringLiteral("v1"), QStringLiteral("PersistentVolumeClaim"), kNs, options);
            return run(again) && again->items().isEmpty();
        }(),
        30000);
}

void TestKubeSandbox::passwordProtectedDeployment()
{
    // A password Secret feeds requirepass/masterauth; redis-cli in the pod authenticates through
    // REDISCLI_AUTH; a client through the tunnel must AUTH. No volume claims: emptyDir.
    const QString ns = QStringLiteral("kube-auth");
    const auto set = ManifestSet::embedded();
    QVERIFY(set.ok());
    ManifestParameters parameters;
    parameters.ns = ns;
    parameters.statefulSetName = QStringLiteral("redis-auth");
    parameters.replicas = 1;
    parameters.persistentStorage = false;
    parameters.password = true;
    parameters.passwordValue = QStringLiteral("tunnel-secret-42");
    parameters.nodePort = -1; // 30379 belongs to the first deployment
    const auto objects = set->render(parameters);
    QVERIFY2(objects.ok(), qPrintable(objects.error().message()));
    QCOMPARE(applyAll(*objects).size(), objects->size());

    KubeListOptions options;
    options.labelSelector = QStringLiteral("app=redis");
    KubeWatch *pods = m_client->watch(QStringLiteral("v1"), QStringLiteral("Pod"), ns, options, this);
    pods->start();
    QTRY_VERIFY_WITH_TIMEOUT(readyPods(pods->objects()) == 1, 120000);
    pods->stop();

    test::PodExec *ping =
        new test::PodExec(m_client, ns, QStringLiteral("redis-auth-0"),
                          {QStringLiteral("redis-cli"), QStringLiteral("ping")}, {}, m_client);
    QVERIFY2(run(ping), qPrintable(ping->errorString()));
    QCOMPARE(ping->standardOutput().trimmed(), QByteArray("PONG"));

    PortForward *forward = m_client->portForward(ns, QStringLiteral("redis-auth-0"), 6379, this);
    QVERIFY(forward->listen().ok());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, forward->localPort());
    QVERIFY(QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 10000));
    QVERIFY(roundTrip(socket, {"PING"}).startsWith("-NOAUTH"));
    QCOMPARE(roundTrip(socket, {"AUTH", "tunnel-secret-42"}), QByteArray("+OK\r\n"));
    QCOMPARE(roundTrip(socket, {"PING"}), QByteArray("+PONG\r\n"));
    socket.disconnectFromHost();
    delete forward;

    Job *job = m_client->removeNamespaceAndWait(ns, 60000);
    QVERIFY2(run(job, 90000), qPrintable(job->errorString()));
}

void TestKubeSandbox::watchSurvivesApiServerRestart()
{
    KubeWatch *maps = m_client->watch(QStringLiteral("v1"), QStringLiteral("ConfigMap"), kNs, {}, this);
    QSignalSpy synced(maps, &KubeWatch::synced);
    QSignalSpy failed(maps, &KubeWatch::failed);
    maps->start();
    QVERIFY(synced.wait(30000));

    // Same data folder and port: the client keeps its URL, token and CA.
    const auto restarted = m_sandbox.restart();
    QVERIFY2(restarted.ok(), qPrintable(restarted.error().message()));
    const QJsonObject map{
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("after-restart")},
                                                 {QStringLiteral("namespace"), kNs}}},
        {QStringLiteral("data"), QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}}}};
    KubeRequest *apply = m_client->apply(map);
    QVERIFY2(run(apply), qPrintable(apply->errorString()));
    auto seen = [&] {
        const QList<QJsonObject> objects = maps->objects();
        return std::any_of(objects.begin(), objects.end(), [](const QJsonObject &o) {
            return o[QStringLiteral("metadata")][QStringLiteral("name")].toString() ==
                   QLatin1String("after-restart");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(seen() || !failed.isEmpty(), 60000);
    QVERIFY(failed.isEmpty());
    maps->stop();
    delete maps;
}

void TestKubeSandbox::deleteNamespaceAndWait()
{
    m_pods->stop();
    Job *job = m_client->removeNamespaceAndWait(kNs, 60000);
    QVERIFY2(run(job, 90000), qPrintable(job->errorString()));
    KubeRequest *get = m_client->get({QStringLiteral("v1"), QStringLiteral("Namespace"), {}, kNs});
    QVERIFY(!run(get));
    QCOMPARE(get->error().code(), ErrorCode::NotFound);

    // After all of the above, the bearer token appears nowhere in the user-visible log.
    const QString token = QString::fromUtf8(m_sandbox.token());
    QVERIFY(token.size() >= 16);
    for (const LogEntry &entry : Logger::instance().entries()) {
        QVERIFY(!entry.message.contains(token));
        QVERIFY(!entry.command.contains(token));
    }
}
