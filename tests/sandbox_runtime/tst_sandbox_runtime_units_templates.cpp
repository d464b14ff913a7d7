// TestSandboxRuntimeUnits: what is made from a StatefulSet's templates: pods and claims, the pod's
// volumes and environment, and the controller revisions rollout history reads.
#include "tst_sandbox_runtime_units.h"

void TestSandboxRuntimeUnits::statefulSetPodAndClaimTemplates()
{
    const QJsonObject set = json(R"({"metadata":{"name":"redis-app","namespace":"redis-cluster","uid":"u-1"},
          "spec":{"serviceName":"redis-service","selector":{"matchLabels":{"app":"redis","appCluster":"redis-cluster"}},
          "template":{"metadata":{"labels":{"app":"redis","appCluster":"redis-cluster"}},
                      "spec":{"containers":[{"name":"redis","volumeMounts":[{"name":"redis-data","mountPath":"/var/lib/redis"}]}]}},
          "volumeClaimTemplates":[{"metadata":{"name":"redis-data"},"spec":{"accessModes":["ReadWriteOnce"],
                                   "resources":{"requests":{"storage":"1Gi"}}}}]}})");
    const QJsonObject pod = StatefulSetController::podFor(set, 4);
    const QJsonObject metadata = pod.value(QLatin1String("metadata")).toObject();
    QCOMPARE(metadata.value(QLatin1String("name")).toString(), QStringLiteral("redis-app-4"));
    const QJsonObject owner = metadata.value(QLatin1String("ownerReferences")).toArray().first().toObject();
    QCOMPARE(owner.value(QLatin1String("uid")).toString(), QStringLiteral("u-1"));
    QCOMPARE(owner.value(QLatin1String("kind")).toString(), QStringLiteral("StatefulSet"));
    QCOMPARE(metadata.value(QLatin1String("labels"))
                 .toObject()
                 .value(QLatin1String("statefulset.kubernetes.io/pod-name"))
                 .toString(),
             QStringLiteral("redis-app-4"));
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    QCOMPARE(spec.value(QLatin1String("hostname")).toString(), QStringLiteral("redis-app-4"));
    QCOMPARE(spec.value(QLatin1String("subdomain")).toString(), QStringLiteral("redis-service"));
    QCOMPARE(spec.value(QLatin1String("volumes"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("persistentVolumeClaim"))
                 .toObject()
                 .value(QLatin1String("claimName"))
                 .toString(),
             QStringLiteral("redis-data-redis-app-4"));

    const QJsonObject claim =
        StatefulSetController::claimFor(set,
                                        set.value(QLatin1String("spec"))
                                            .toObject()
                                            .value(QLatin1String("volumeClaimTemplates"))
                                            .toArray()
                                            .first()
                                            .toObject(),
                                        4);
    const QJsonObject claimMetadata = claim.value(QLatin1String("metadata")).toObject();
    QCOMPARE(claimMetadata.value(QLatin1String("name")).toString(), QStringLiteral("redis-data-redis-app-4"));
    QCOMPARE(claimMetadata.value(QLatin1String("labels")).toObject(),
             json(R"({"app":"redis","appCluster":"redis-cluster"})"));
    QVERIFY(!claimMetadata.contains(QLatin1String("ownerReferences")));
}

void TestSandboxRuntimeUnits::podContextMaterialisesVolumesAndEnv()
{
    QTemporaryDir dir;
    MemoryStore store;
    QVERIFY(
        store
            .create(QStringLiteral("configmaps"), json(R"({"metadata":{"name":"redis-conf","namespace":"ns"},
                                      "data":{"redis.conf":"port 6379\n","other":"x"}})"))
            .ok());
    QVERIFY(store
                .create(QStringLiteral("secrets"),
                        json(R"({"metadata":{"name":"redis-auth","namespace":"ns"},
                                      "data":{"password":"czNjcmV0"}})")) // "s3cret"
                .ok());
    QVERIFY(store
                .create(QStringLiteral("persistentvolumeclaims"),
                        json(R"({"metadata":{"name":"data-0","namespace":"ns"}})"))
                .ok());
    const QJsonObject pod = json(R"({"metadata":{"name":"p","namespace":"ns","uid":"0123456789"},
          "spec":{"nodeName":"sandbox-node-1","volumes":[
            {"name":"conf","configMap":{"name":"redis-conf","items":[{"key":"redis.conf","path":"redis.conf"}]}},
            {"name":"auth","secret":{"secretName":"redis-auth"}},
            {"name":"data","persistentVolumeClaim":{"claimName":"data-0"}},
            {"name":"scratch","emptyDir":{}}]}})");
    const QJsonObject container = json(R"x({"name":"redis",
          "env":[{"name":"REDIS_PASSWORD","valueFrom":{"secretKeyRef":{"name":"redis-auth","key":"password"}}},
                 {"name":"POD_IP","valueFrom":{"fieldRef":{"fieldPath":"status.podIP"}}},
                 {"name":"GREETING","value":"hello $(POD_IP)"
}],
          "volumeMounts":[{"name":"conf","mountPath":"/etc/redis/"},{"name":"auth","mountPath":"/etc/auth"},
                          {"name":"data","mountPath":"/var/lib/redis"},{"name":"scratch","mountPath":"/tmp/x"}]
})x");
    auto context = preparePodContext(pod, container, store, dir.path(), QStringLiteral("127.77.0.5"));
    QVERIFY2(context.ok(), qPrintable(context.error().message()));
    QFile config(context->mapPath(QStringLiteral("/etc/redis/redis.conf")));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QCOMPARE(config.readAll(), QByteArray("port 6379\n"));
    QVERIFY(!QFile::exists(context->mapPath(QStringLiteral("/etc/redis/other")))); // only the listed item
    QFile password(context->mapPath(QStringLiteral("/etc/auth/password")));
    QVERIFY(password.open(QIODevice::ReadOnly));
    QCOMPARE(password.readAll(), QByteArray("s3cret"));
    // The claim's volume is named after the claim and its uid (a claim made again gets a new one).
    const QString claimUid =
        store.get(QStringLiteral("persistentvolumeclaims"), QStringLiteral("ns"), QStringLiteral("data-0"))
            ->value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("uid"))
            .toString();
    QVERIFY(!claimUid.isEmpty());
    const QString volume = dir.path() + QStringLiteral("/pvc/ns/data-0-") + claimUid;
    QCOMPARE(context->mapPath(QStringLiteral("/var/lib/redis/nodes.conf")),
             volume + QStringLiteral("/nodes.conf"));
    QCOMPARE(context->workDir, volume);
    QCOMPARE(context->env.value(QStringLiteral("REDIS_PASSWORD")), QStringLiteral("s3cret"));
    QCOMPARE(context->env.value(QStringLiteral("GREETING")), QStringLiteral("hello 127.77.0.5"));
    QCOMPARE(context->env.value(QStringLiteral("HOSTNAME")), QStringLiteral("p"));

    // A missing ConfigMap is explained, naming it, the volume and the namespace.
    QVERIFY(
        store.remove(QStringLiteral("configmaps"), QStringLiteral("ns"), QStringLiteral("redis-conf")).ok());
    context = preparePodContext(pod, container, store, dir.path(), QStringLiteral("127.77.0.5"));
    QVERIFY(!context.ok());
    QVERIFY2(context.error().message().contains(QStringLiteral("configmap \"redis-conf\" not found")),
             qPrintable(context.error().message()));
}

// What `kubectl rollout history/undo` read: a revision per template, numbered in the order the set
// ran them, the restoring patch, the change-cause, and a bounded history.
void TestSandboxRuntimeUnits::controllerRevisionsFollowTheTemplate()
{
    MemoryStore store;
    QJsonObject set = json(R"({"metadata":{"name":"web","namespace":"ns","uid":"set-1",
            "annotations":{"kubernetes.io/change-cause":"first"}},
          "spec":{"revisionHistoryLimit":1,"template":{"metadata":{"labels":{"app":"web"}},
                  "spec":{"containers":[{"name":"c","image":"redis:7"}]}}}})");
    const auto revisions = [&store] {
        QMap<QString, qint64> out;
        for (const QJsonObject &r : store.list(QStringLiteral("controllerrevisions"), QStringLiteral("ns")))
            out.insert(r.value(QLatin1String("metadata")).toObject().value(QLatin1String("name")).toString(),
                       qint64(r.value(QLatin1String("revision")).toDouble()));
        return out;
    };
    syncControllerRevisions(store, set, QStringLiteral("web-a"), {QStringLiteral("web-a")});
    syncControllerRevisions(store, set, QStringLiteral("web-a"), {QStringLiteral("web-a")}); // idempotent
    QCOMPARE(revisions(), (QMap<QString, qint64>{{QStringLiteral("web-a"), 1}}));
    const QJsonObject first =
        *store.get(QStringLiteral("controllerrevisions"), QStringLiteral("ns"), QStringLiteral("web-a"));
    QCOMPARE(first.value(QLatin1String("data"))
                 .toObject()
                 .value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("template"))
                 .toObject()
                 .value(QLatin1String("$patch"))
                 .toString(),
             QStringLiteral("replace"));
    const QJsonObject metadata = first.value(QLatin1String("metadata")).toObject();
    QCOMPARE(metadata.value(QLatin1String("annotations"))
                 .toObject()
                 .value(QLatin1String("kubernetes.io/change-cause")),
             QJsonValue(QStringLiteral("first")));
    QCOMPARE(
        metadata.value(QLatin1String("labels")).toObject().value(QLatin1String("controller-revision-hash")),
        QJsonValue(QStringLiteral("web-a")));
    QCOMPARE(metadata.value(QLatin1String("ownerReferences"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("uid")),
             QJsonValue(QStringLiteral("set-1")));

    // A new template while pods still run the old one: both kept, whatever the limit says.
    syncControllerRevisions(store, set, QStringLiteral("web-b"),
                            {QStringLiteral("web-a"), QStringLiteral("web-b")});
    QCOMPARE(revisions(),
             (QMap<QString, qint64>{{QStringLiteral("web-a"), 1}, {QStringLiteral("web-b"), 2}}));
    // Back to the first template (rollout undo): it is the newest again.
    syncControllerRevisions(store, set, QStringLiteral("web-a"),
                            {QStringLiteral("web-a"), QStringLiteral("web-b")});
    QCOMPARE(revisions(),
             (QMap<QString, qint64>{{QStringLiteral("web-a"), 3}, {QStringLiteral("web-b"), 2}}));
    // Once no pod runs web-b, the limit of one older revision keeps it; a third template drops it.
    syncControllerRevisions(store, set, QStringLiteral("web-c"), {QStringLiteral("web-c")});
    QCOMPARE(revisions(),
             (QMap<QString, qint64>{{QStringLiteral("web-a"), 3}, {QStringLiteral("web-c"), 4}}));
    // Another set's revisions are not counted; those of a deleted set are collected.
    collectControllerRevisions(store, {QStringLiteral("set-1")});
    QCOMPARE(revisions().size(), 2);
    collectControllerRevisions(store, {});
    QVERIFY(revisions().isEmpty());
}
