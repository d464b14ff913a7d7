// TestSandboxRuntimePods: what the StatefulSet controller and the scheduler decide: rollouts, missing
// storage, Secrets, failed nodes, PVC retention, adoption and garbage collection.
#include "tst_sandbox_runtime_pods.h"

void TestSandboxRuntimePods::templateChangeRollsOut()
{
    QStringList deleted;
    const auto connection =
        connect(&m_store, &ObjectStore::changed, this, [&deleted](const WatchEvent &event) {
            if (event.resource == QLatin1String("pods") && event.type == WatchEvent::Type::Deleted)
                deleted.append(event.object.value(QLatin1String("metadata"))
                                   .toObject()
                                   .value(QLatin1String("name"))
                                   .toString());
        });
    auto set = *m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"));
    QJsonObject spec = set.value(QLatin1String("spec")).toObject();
    QJsonObject templ = spec.value(QLatin1String("template")).toObject();
    QJsonObject podSpec = templ.value(QLatin1String("spec")).toObject();
    QJsonArray containers = podSpec.value(QLatin1String("containers")).toArray();
    QJsonObject container = containers.first().toObject();
    QJsonArray command = container.value(QLatin1String("command")).toArray();
    command.append(QStringLiteral("--maxmemory"));
    command.append(QStringLiteral("64mb"));
    container.insert(QStringLiteral("command"), command);
    containers.replace(0, container);
    podSpec.insert(QStringLiteral("containers"), containers);
    templ.insert(QStringLiteral("spec"), podSpec);
    spec.insert(QStringLiteral("template"), templ);
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.update(QStringLiteral("statefulsets"), set, false).ok());

    auto status = [this] {
        return statusOf(*m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")));
    };
    const int generation =
        set.value(QLatin1String("metadata")).toObject().value(QLatin1String("generation")).toInt();
    // The set's metadata.generation after the spec change (the store bumps it).
    const int newGeneration = m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"))
                                  ->value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("generation"))
                                  .toInt();
    QVERIFY(newGeneration > generation);
    QTRY_VERIFY_WITH_TIMEOUT(status().value(QLatin1String("observedGeneration")).toInt() == newGeneration &&
                                 status().value(QLatin1String("updatedReplicas")).toInt() == 2 &&
                                 status().value(QLatin1String("readyReplicas")).toInt() == 2 &&
                                 status().value(QLatin1String("currentRevision")) ==
                                     status().value(QLatin1String("updateRevision")),
                             kPodTimeoutMs);
    disconnect(connection);
    QCOMPARE(deleted,
             (QStringList{QStringLiteral("redis-app-1"), QStringLiteral("redis-app-0")})); // highest first
    QCOMPARE(status().value(QLatin1String("currentRevision")),
             status().value(QLatin1String("updateRevision")));
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-0"))) &&
                                 ready(pod(QStringLiteral("redis-app-1"))),
                             kPodTimeoutMs);
    QCOMPARE(redisCli(ipOf(pod(QStringLiteral("redis-app-0"))),
                      {QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("maxmemory")}),
             QStringLiteral("maxmemory\n67108864"));
    QCOMPARE(redisCli(ipOf(pod(QStringLiteral("redis-app-1"))),
                      {QStringLiteral("get"), QStringLiteral("greeting")}),
             QStringLiteral("ni hao")); // the claim came along
}

void TestSandboxRuntimePods::missingStorageClassKeepsPodPending()
{
    QVERIFY(
        m_store
            .create(
                QStringLiteral("persistentvolumeclaims"),
                json(
                    R"({"apiVersion":"v1","kind":"PersistentVolumeClaim","metadata":{"name":"fast-data","namespace":"redis-cluster"},
                                   "spec":{"storageClassName":"fast","accessModes":["ReadWriteOnce"],"resources":{"requests":{"storage":"1Gi"}}}})"))
            .ok());
    QVERIFY(
        m_store
            .create(
                QStringLiteral("pods"),
                json(
                    R"({"apiVersion":"v1","kind":"Pod","metadata":{"name":"waiting","namespace":"redis-cluster"},
                                   "spec":{"containers":[{"name":"redis","image":"redis"}],
                                   "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"fast-data"}}]}})"))
            .ok());
    auto scheduled = [this] {
        return statusOf(*pod(QStringLiteral("waiting")))
            .value(QLatin1String("conditions"))
            .toArray()
            .first()
            .toObject();
    };
    QTRY_COMPARE_WITH_TIMEOUT(scheduled().value(QLatin1String("reason")).toString(),
                              QStringLiteral("Unschedulable"), 10000);
    QCOMPARE(scheduled().value(QLatin1String("type")).toString(), QStringLiteral("PodScheduled"));
    QVERIFY2(scheduled()
                 .value(QLatin1String("message"))
                 .toString()
                 .contains(QLatin1String("storage class \"fast\"")),
             qPrintable(scheduled().value(QLatin1String("message")).toString()));
    QCOMPARE(statusOf(*pod(QStringLiteral("waiting"))).value(QLatin1String("phase")).toString(),
             QStringLiteral("Pending"));
    QCOMPARE(
        statusOf(*m_store.get(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("fast-data")))
            .value(QLatin1String("phase"))
            .toString(),
        QStringLiteral("Pending"));
    QVERIFY(eventReasons(QStringLiteral("waiting")).contains(QStringLiteral("FailedScheduling")));
    QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QStringLiteral("waiting")).ok());
    QVERIFY(m_store.remove(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("fast-data")).ok());
}

void TestSandboxRuntimePods::secretPasswordReachesTheServer()
{
    QVERIFY(
        m_store
            .create(
                QStringLiteral("secrets"),
                json(
                    R"({"apiVersion":"v1","kind":"Secret","metadata":{"name":"auth","namespace":"redis-cluster"},
                                   "data":{"password":"czNjcmV0"}})"))
            .ok());
    QVERIFY(
        m_store
            .create(
                QStringLiteral("pods"),
                json(
                    R"x({"apiVersion":"v1","kind":"Pod","metadata":{"name":"locked","namespace":"redis-cluster"},
                                   "spec":{"containers":[{"name":"redis","image":"redis:7",
                                     "command":["redis-server","--requirepass","$(REDIS_PASSWORD)"],
                                     "env":[{"name":"REDIS_PASSWORD","valueFrom":{"secretKeyRef":{"name":"auth","key":"password"}}}]}]}})x"))
            .ok());
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("locked"))),
                             kPodTimeoutMs); // NOAUTH proves a live server
    const QString ip = ipOf(pod(QStringLiteral("locked")));
    QCOMPARE(redisCli(ip, {QStringLiteral("--no-auth-warning"), QStringLiteral("-a"),
                           QStringLiteral("s3cret"), QStringLiteral("ping")}),
             QStringLiteral("PONG"));
    QVERIFY(redisCli(ip, {QStringLiteral("ping")}).contains(QLatin1String("NOAUTH")));
    QVERIFY(m_store.remove(QStringLiteral("pods"), kNs, QStringLiteral("locked")).ok());
}

void TestSandboxRuntimePods::failedNodeMovesItsPods()
{
    const auto before = pod(QStringLiteral("redis-app-0"));
    const QString node =
        before->value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
    const QString oldIp = ipOf(before);
    QSignalSpy nodesChanged(m_runtime.get(), &Runtime::nodesChanged);
    QVERIFY(m_runtime->failNode(node).ok());
    QCOMPARE(nodesChanged.size(), 1);
    QVERIFY(!m_runtime->failNode(QStringLiteral("no-such-node")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-0"))) &&
                                 ipOf(pod(QStringLiteral("redis-app-0"))) != oldIp,
                             kPodTimeoutMs);
    const QString newNode = pod(QStringLiteral("redis-app-0"))
                                ->value(QLatin1String("spec"))
                                .toObject()
                                .value(QLatin1String("nodeName"))
                                .toString();
    QVERIFY2(newNode != node, qPrintable(newNode));
    const QJsonObject failed = *m_runtime->node(node);
    QCOMPARE(statusOf(failed)
                 .value(QLatin1String("conditions"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("status"))
                 .toString(),
             QStringLiteral("Unknown"));
    QVERIFY(m_runtime->recoverNode(node).ok());
}

void TestSandboxRuntimePods::retentionPolicyDeletesClaims()
{
    const QString ns = QStringLiteral("retain");
    QJsonObject configMap = json(kConfigMap);
    QJsonObject metadata{{QStringLiteral("name"), QStringLiteral("redis-conf")},
                         {QStringLiteral("namespace"), ns}};
    configMap.insert(QStringLiteral("metadata"), metadata);
    QVERIFY(m_store.create(QStringLiteral("configmaps"), configMap).ok());
    QJsonObject set = json(kStatefulSet);
    metadata.insert(QStringLiteral("name"), QStringLiteral("short-lived"));
    set.insert(QStringLiteral("metadata"), metadata);
    QJsonObject spec = set.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 2);
    spec.insert(QStringLiteral("podManagementPolicy"), QStringLiteral("Parallel"));
    spec.insert(QStringLiteral("persistentVolumeClaimRetentionPolicy"),
                QJsonObject{{QStringLiteral("whenDeleted"), QStringLiteral("Delete")},
                            {QStringLiteral("whenScaled"), QStringLiteral("Delete")}});
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.create(QStringLiteral("statefulsets"), set).ok());
    auto claims = [this, &ns] { return m_store.list(QStringLiteral("persistentvolumeclaims"), ns).size(); };
    QTRY_COMPARE_WITH_TIMEOUT(claims(), 2, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(ready(m_store.get(QStringLiteral("pods"), ns, QStringLiteral("short-lived-1"))),
                             kPodTimeoutMs);

    set = *m_store.get(QStringLiteral("statefulsets"), ns, QStringLiteral("short-lived"));
    spec = set.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), 1);
    set.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store.update(QStringLiteral("statefulsets"), set, false).ok());
    QTRY_COMPARE_WITH_TIMEOUT(claims(), 1, 20000);
    QVERIFY(m_store.get(QStringLiteral("persistentvolumeclaims"), ns,
                        QStringLiteral("redis-data-short-lived-0")));

    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), ns, QStringLiteral("short-lived")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(claims(), 0, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_store.list(QStringLiteral("pods"), ns).isEmpty(), 20000);
}

// `kubectl delete statefulset --cascade=orphan` (the API strips the pods' owner references) and then
// the same set created again: its pods are adopted as they run, not deleted nor blocked on.
void TestSandboxRuntimePods::orphanedPodsAreAdopted()
{
    QJsonObject set = *m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app"));
    const int replicas = set.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt();
    QHash<QString, QString> uids;
    QHash<QString, QString> ips;
    for (int i = 0; i < replicas; ++i)
        QTRY_VERIFY_WITH_TIMEOUT(ready(pod(QStringLiteral("redis-app-%1").arg(i))), kPodTimeoutMs);
    // No event loop from here to the set's removal, as in the API's Orphan delete.
    for (int i = 0; i < replicas; ++i) {
        const QString name = QStringLiteral("redis-app-%1").arg(i);
        QJsonObject orphan = *pod(name);
        QJsonObject metadata = orphan.value(QLatin1String("metadata")).toObject();
        uids.insert(name, metadata.value(QLatin1String("uid")).toString());
        ips.insert(name, ipOf(orphan));
        metadata.remove(QStringLiteral("ownerReferences"));
        orphan.insert(QStringLiteral("metadata"), metadata);
        QVERIFY(m_store.update(QStringLiteral("pods"), orphan, false).ok());
    }
    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")).ok());

    QJsonObject metadata = set.value(QLatin1String("metadata")).toObject();
    for (const char *field : {"uid", "resourceVersion", "generation", "creationTimestamp"})
        metadata.remove(QLatin1String(field));
    set.insert(QStringLiteral("metadata"), metadata);
    set.remove(QStringLiteral("status"));
    const auto created = m_store.create(QStringLiteral("statefulsets"), set);
    QVERIFY(created.ok());
    const QString newUid =
        created->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    auto owner = [this](const QString &name) {
        return pod(name)
            ->value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("ownerReferences"))
            .toArray()
            .first()
            .toObject()
            .value(QLatin1String("uid"))
            .toString();
    };
    for (auto it = uids.begin(); it != uids.end(); ++it) {
        QTRY_COMPARE_WITH_TIMEOUT(owner(it.key()), newUid, 20000);
        QCOMPARE(
            pod(it.key())->value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString(),
            it.value());
        QCOMPARE(ipOf(pod(it.key())), ips.value(it.key()));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        statusOf(*m_store.get(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")))
            .value(QLatin1String("readyReplicas"))
            .toInt(),
        replicas, 20000);
}

void TestSandboxRuntimePods::deletingTheSetCollectsItsPods()
{
    const QString ip = ipOf(pod(QStringLiteral("redis-app-0")));
    QVERIFY(m_store.remove(QStringLiteral("statefulsets"), kNs, QStringLiteral("redis-app")).ok());
    QTRY_VERIFY_WITH_TIMEOUT(m_store.list(QStringLiteral("pods"), kNs).isEmpty(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(redisCli(ip, {QStringLiteral("ping")}) != QStringLiteral("PONG"), 20000);
    QCOMPARE(m_store.list(QStringLiteral("persistentvolumeclaims"), kNs).size(), 3); // claims outlive the set
    const QJsonObject claim0 =
        *m_store.get(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("redis-data-redis-app-0"));
    const QString claimFolder =
        m_dir.path() + QStringLiteral("/pvc/redis-cluster/redis-data-redis-app-0-") +
        claim0.value(QLatin1String("metadata")).toObject().value(QLatin1String("uid")).toString();
    QVERIFY(QDir(claimFolder).exists());
    QVERIFY(
        m_store
            .remove(QStringLiteral("persistentvolumeclaims"), kNs, QStringLiteral("redis-data-redis-app-0"))
            .ok());
    QTRY_VERIFY_WITH_TIMEOUT(!QDir(claimFolder).exists(), 10000);
}
