// TestSandboxApi: errors as Status objects, server-side apply conflicts, the scale subresource.
#include "tst_sandbox_api.h"

void TestSandboxApi::errorsAreStatusObjects()
{
    // Bad token: 401 Unauthorized, for the HTTP client and for kubectl.
    ApiClient intruder(*m_server);
    intruder.setToken("not-the-token");
    const HttpResult unauthorized = intruder.send("GET", QStringLiteral("/api/v1/namespaces"));
    QCOMPARE(unauthorized.status, 401);
    QCOMPARE(unauthorized.json().value(QLatin1String("kind")).toString(), QStringLiteral("Status"));
    QCOMPARE(unauthorized.json().value(QLatin1String("reason")).toString(), QStringLiteral("Unauthorized"));
    const ProgramRun denied =
        kubectl().run({QStringLiteral("--token=wrong"), QStringLiteral("get"), QStringLiteral("ns")});
    QVERIFY(denied.exitCode != 0);
    QVERIFY2(denied.err.contains(QLatin1String("Unauthorized")) ||
                 denied.err.contains(QLatin1String("logged in")),
             qPrintable(denied.err));

    // Unknown namespace: 404 for kubectl and the HTTP client.
    const ProgramRun missing =
        kubectl().run({QStringLiteral("create"), QStringLiteral("configmap"), QStringLiteral("x"),
                       QStringLiteral("-n"), QStringLiteral("nowhere")});
    QVERIFY(missing.exitCode != 0);
    QVERIFY2(missing.err.contains(QLatin1String("namespaces \"nowhere\" not found")),
             qPrintable(missing.err));
    const QByteArray cm = R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"}})";
    const HttpResult notFound =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/nowhere/configmaps"), cm);
    QCOMPARE(notFound.status, 404);
    QCOMPARE(notFound.json().value(QLatin1String("reason")).toString(), QStringLiteral("NotFound"));
    QCOMPARE(
        notFound.json().value(QLatin1String("details")).toObject().value(QLatin1String("kind")).toString(),
        QStringLiteral("namespaces"));

    // Garbage bodies: 400 with the parser's message; kubectl refuses garbage YAML with a message.
    const HttpResult garbage = m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                                           "{this is: [not json", "application/json");
    QCOMPARE(garbage.status, 400);
    QCOMPARE(garbage.json().value(QLatin1String("reason")).toString(), QStringLiteral("BadRequest"));
    QVERIFY(!garbage.json().value(QLatin1String("message")).toString().isEmpty());
    const HttpResult badYaml =
        m_api->send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/y?fieldManager=t"),
                    "kind: ConfigMap\n  metadata: [oops\n", "application/apply-patch+yaml");
    QCOMPARE(badYaml.status, 400);
    QVERIFY2(badYaml.json().value(QLatin1String("message")).toString().contains(QLatin1String("yaml")),
             badYaml.body.constData());
    QTemporaryDir dir;
    const QString file = writeFile(dir, QStringLiteral("bad.yaml"),
                                   "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n");
    const ProgramRun rejected = kubectl().run({QStringLiteral("create"), QStringLiteral("-f"), file});
    QVERIFY(rejected.exitCode != 0);
    QVERIFY2(rejected.err.contains(QLatin1String("error")), qPrintable(rejected.err));
    // A misspelt field is a 400 under kubectl's default strict validation, a warning with --validate=warn.
    const QString typo =
        writeFile(dir, QStringLiteral("typo.yaml"),
                  "apiVersion: v1\nkind: Service\nmetadata:\n  name: typo\nspec:\n  type: NodePort\n"
                  "  ports:\n  - port: 6379\n    nodeport: 30999\n");
    const ProgramRun strict = kubectl().run({QStringLiteral("create"), QStringLiteral("-f"), typo});
    QVERIFY(strict.exitCode != 0);
    QVERIFY2(strict.err.contains(QLatin1String("unknown field \"spec.ports[0].nodeport\"")),
             qPrintable(strict.err));
    const ProgramRun warned = kubectl().run(
        {QStringLiteral("create"), QStringLiteral("--validate=warn"), QStringLiteral("-f"), typo});
    QVERIFY2(warned.exitCode == 0, qPrintable(warned.err));
    QVERIFY2(warned.err.contains(QLatin1String("Warning: unknown field \"spec.ports[0].nodeport\"")),
             qPrintable(warned.err));
    // ... and the unknown field is dropped, as the API server's decoder does.
    const QJsonObject stored =
        m_api->send("GET", QStringLiteral("/api/v1/namespaces/default/services/typo")).json();
    const QJsonObject port = stored.value(QLatin1String("spec"))
                                 .toObject()
                                 .value(QLatin1String("ports"))
                                 .toArray()
                                 .at(0)
                                 .toObject();
    QCOMPARE(port.value(QLatin1String("port")).toInt(), 6379);
    QVERIFY2(!port.contains(QLatin1String("nodeport")), QJsonDocument(stored).toJson().constData());

    // Wrong kind for the URL: 400. Apply without fieldManager: 422. Unknown patch type: 415.
    const HttpResult wrongKind =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/secrets"), cm);
    QCOMPARE(wrongKind.status, 400);
    const HttpResult noManager =
        m_api->send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/x"), cm,
                    "application/apply-patch+yaml");
    QCOMPARE(noManager.status, 422);
    QCOMPARE(noManager.firstCause().value(QLatin1String("field")).toString(), QStringLiteral("fieldManager"));
    QCOMPARE(m_api->send("PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/x"), cm, "text/plain")
                 .status,
             415);
    // Invalid object: 422 with causes.
    const HttpResult invalid =
        m_api->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                    R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"Bad_Name"}})");
    QCOMPARE(invalid.status, 422);
    QCOMPARE(invalid.firstCause().value(QLatin1String("field")).toString(), QStringLiteral("metadata.name"));
    // Read-only kinds: 405. Unknown paths: 404.
    QCOMPARE(m_api->send("DELETE", QStringLiteral("/api/v1/nodes/sandbox-node-1")).status, 405);
    QCOMPARE(m_api->send("GET", QStringLiteral("/api/v1/widgets")).status, 404);
    // Stale resourceVersion on update: 409 Conflict.
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/api/v1/namespaces/default/configmaps"),
                        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"stale"}})")
                 .status,
             201);
    const HttpResult stale = m_api->send(
        "PUT", QStringLiteral("/api/v1/namespaces/default/configmaps/stale"),
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"stale","resourceVersion":"1"}})");
    QCOMPARE(stale.status, 409);
    QCOMPARE(stale.json().value(QLatin1String("reason")).toString(), QStringLiteral("Conflict"));
}

void TestSandboxApi::serverSideApplyConflicts()
{
    const QString path =
        QStringLiteral("/api/v1/namespaces/default/configmaps/owned?fieldManager=%1&force=%2");
    const QByteArray first =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{"a":"1","b":"1"}})";
    const QByteArray second =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{"a":"2"}})";
    QCOMPARE(m_api
                 ->send("PATCH", path.arg(QStringLiteral("alpha"), QStringLiteral("false")), first,
                        "application/apply-patch+yaml")
                 .status,
             201);
    const HttpResult conflict =
        m_api->send("PATCH", path.arg(QStringLiteral("beta"), QStringLiteral("false")), second,
                    "application/apply-patch+yaml");
    QCOMPARE(conflict.status, 409);
    const QJsonObject cause = conflict.firstCause();
    QCOMPARE(cause.value(QLatin1String("reason")).toString(), QStringLiteral("FieldManagerConflict"));
    QCOMPARE(cause.value(QLatin1String("field")).toString(), QStringLiteral(".data.a"));
    QVERIFY(conflict.json()
                .value(QLatin1String("message"))
                .toString()
                .contains(QLatin1String("conflict with \"alpha\"")));

    const HttpResult forced = m_api->send("PATCH", path.arg(QStringLiteral("beta"), QStringLiteral("true")),
                                          second, "application/apply-patch+yaml");
    QCOMPARE(forced.status, 200);
    QCOMPARE(forced.json().value(QLatin1String("data")).toObject().value(QLatin1String("a")).toString(),
             QStringLiteral("2"));

    // alpha stops applying b: it is removed, as nobody else owns it.
    const QByteArray alphaWithoutB =
        R"({"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"owned"},"data":{}})";
    const HttpResult shrunk = m_api->send("PATCH", path.arg(QStringLiteral("alpha"), QStringLiteral("false")),
                                          alphaWithoutB, "application/apply-patch+yaml");
    QCOMPARE(shrunk.status, 200);
    const QJsonObject data = shrunk.json().value(QLatin1String("data")).toObject();
    QVERIFY2(!data.contains(QLatin1String("b")), shrunk.body.constData());
    QCOMPARE(data.value(QLatin1String("a")).toString(), QStringLiteral("2"));
    QStringList managers;
    for (const QJsonValue &entry : shrunk.json()
                                       .value(QLatin1String("metadata"))
                                       .toObject()
                                       .value(QLatin1String("managedFields"))
                                       .toArray())
        managers.append(entry.toObject().value(QLatin1String("manager")).toString());
    QVERIFY2(managers.contains(QStringLiteral("beta")), qPrintable(managers.join(u',')));

    // Apply bodies may be YAML as well as JSON.
    const QByteArray yaml =
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\ndata:\n  port: \"6379\"\n";
    const HttpResult fromYaml = m_api->send(
        "PATCH", QStringLiteral("/api/v1/namespaces/default/configmaps/from-yaml?fieldManager=yaml"), yaml,
        "application/apply-patch+yaml");
    QCOMPARE(fromYaml.status, 201);
    QCOMPARE(fromYaml.json().value(QLatin1String("data")).toObject().value(QLatin1String("port")).toString(),
             QStringLiteral("6379"));
}

void TestSandboxApi::scaleSubresource()
{
    const Kubectl k = kubectl();
    QVERIFY(k.run({QStringLiteral("create"), QStringLiteral("ns"), QStringLiteral("scaled")}).exitCode == 0);
    QCOMPARE(m_api
                 ->send("POST", QStringLiteral("/apis/apps/v1/namespaces/scaled/statefulsets"),
                        QByteArray(kStatefulSet).replace("NS", "scaled"))
                 .status,
             201);
    const QString scalePath = QStringLiteral("/apis/apps/v1/namespaces/scaled/statefulsets/web/scale");
    HttpResult scale = m_api->send("GET", scalePath);
    QCOMPARE(scale.status, 200);
    QCOMPARE(scale.json().value(QLatin1String("kind")).toString(), QStringLiteral("Scale"));
    QCOMPARE(scale.json().value(QLatin1String("apiVersion")).toString(), QStringLiteral("autoscaling/v1"));
    QCOMPARE(scale.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(),
             0);
    QCOMPARE(
        scale.json().value(QLatin1String("status")).toObject().value(QLatin1String("selector")).toString(),
        QStringLiteral("app=web"));

    // kubectl scale PATCHes the scale subresource with a merge patch (reference §5).
    ProgramRun r = k.run({QStringLiteral("scale"), QStringLiteral("statefulset"), QStringLiteral("web"),
                          QStringLiteral("-n"), QStringLiteral("scaled"), QStringLiteral("--replicas=0")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QLatin1String("statefulset.apps/web scaled")), qPrintable(r.out));

    // PUT with the current resourceVersion works; with a stale one it is a 409.
    QJsonObject body = scale.json();
    QJsonObject spec{{QStringLiteral("replicas"), 0}};
    body.insert(QStringLiteral("spec"), spec);
    scale = m_api->send("GET", scalePath);
    body.insert(QStringLiteral("metadata"), scale.json().value(QLatin1String("metadata")));
    QCOMPARE(m_api->send("PUT", scalePath, QJsonDocument(body).toJson()).status, 200);
    QJsonObject metadata = body.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("resourceVersion"), QStringLiteral("1"));
    body.insert(QStringLiteral("metadata"), metadata);
    QCOMPARE(m_api->send("PUT", scalePath, QJsonDocument(body).toJson()).status, 409);
    // Negative replicas: 422.
    QCOMPARE(
        m_api->send("PATCH", scalePath, R"({"spec":{"replicas":-1}})", "application/merge-patch+json").status,
        422);
    const HttpResult sts =
        m_api->send("GET", QStringLiteral("/apis/apps/v1/namespaces/scaled/statefulsets/web"));
    QCOMPARE(sts.json().value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(), 0);
}
