// The pure parts of kube-sandbox's API half: selectors, patches, server-side apply bookkeeping, HTTP
// framing, protobuf bodies, Table ages.
// This part: selectors, patches and server-side apply bookkeeping; the wire and the tables are in
// tst_sandbox_api_units_wire.cpp.
#include "tst_sandbox_api_units.h"

void TestSandboxApiUnits::labelQuery_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<QString>("labels");
    QTest::addColumn<bool>("matches");
    QTest::newRow("empty matches all") << ""
                                       << R"({"a":"b"})" << true;
    QTest::newRow("equals") << "app=redis"
                            << R"({"app":"redis"})" << true;
    QTest::newRow("double equals") << "app==redis"
                                   << R"({"app":"redis"})" << true;
    QTest::newRow("equals other value") << "app=redis"
                                        << R"({"app":"web"})" << false;
    QTest::newRow("equals missing") << "app=redis"
                                    << R"({})" << false;
    QTest::newRow("not equals missing") << "app!=redis"
                                        << R"({})" << true;
    QTest::newRow("not equals same") << "app!=redis"
                                     << R"({"app":"redis"})" << false;
    QTest::newRow("in") << "tier in (cache, db)"
                        << R"({"tier":"db"})" << true;
    QTest::newRow("in, other") << "tier in (cache,db)"
                               << R"({"tier":"web"})" << false;
    QTest::newRow("notin missing") << "tier notin (cache)"
                                   << R"({})" << true;
    QTest::newRow("notin listed") << "tier notin (cache)"
                                  << R"({"tier":"cache"})" << false;
    QTest::newRow("exists") << "app"
                            << R"({"app":""})" << true;
    QTest::newRow("does not exist") << "!app"
                                    << R"({"app":"x"})" << false;
    QTest::newRow("all terms") << "a=b,c!=d,e in (x,y),!f"
                               << R"({"a":"b","c":"z","e":"y"})" << true;
    QTest::newRow("one term fails") << "a=b,c!=d,e in (x,y),!f"
                                    << R"({"a":"b","c":"z","e":"y","f":"1"})" << false;
}

void TestSandboxApiUnits::labelQuery()
{
    QFETCH(QString, selector);
    QFETCH(QString, labels);
    QFETCH(bool, matches);
    const auto query = LabelQuery::parse(selector);
    QVERIFY2(query.ok(), qPrintable(query.error().message()));
    QCOMPARE(query->matches(obj(labels.toUtf8().constData())), matches);
}

void TestSandboxApiUnits::labelQueryErrors()
{
    QVERIFY(!LabelQuery::parse(QStringLiteral("tier in (a,b")).ok());
    QVERIFY(!LabelQuery::parse(QStringLiteral("tier within (a)")).ok());
}

void TestSandboxApiUnits::fieldQuery_data()
{
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("matches");
    QTest::newRow("name") << "metadata.name=redis-0" << true;
    QTest::newRow("namespace") << "metadata.namespace==demo" << true;
    QTest::newRow("phase not") << "status.phase!=Running" << false;
    QTest::newRow("node") << "spec.nodeName=sandbox-node-2" << true;
    QTest::newRow("two terms") << "metadata.name=redis-0,spec.nodeName=sandbox-node-1" << false;
    QTest::newRow("missing field equals empty") << "status.podIP=" << true;
}

void TestSandboxApiUnits::fieldQuery()
{
    QFETCH(QString, selector);
    QFETCH(bool, matches);
    const QJsonObject pod = obj(R"({"metadata":{"name":"redis-0","namespace":"demo"},
        "spec":{"nodeName":"sandbox-node-2"},"status":{"phase":"Running"}})");
    const auto query = FieldQuery::parse(selector);
    QVERIFY(query.ok());
    QCOMPARE(query->matches(pod), matches);
}

// kube-apiserver refuses field labels a resource does not index ("field label not supported").
void TestSandboxApiUnits::fieldLabelsPerResource()
{
    QVERIFY(FieldQuery::parse(QStringLiteral("spec.nodeName=n,status.phase!=Running"), QStringLiteral("pods"))
                .ok());
    QVERIFY(FieldQuery::parse(QStringLiteral("metadata.name=x"), QStringLiteral("configmaps")).ok());
    QVERIFY(FieldQuery::parse(QStringLiteral("involvedObject.name=redis-app-0,type=Warning"),
                              QStringLiteral("events"))
                .ok());
    QVERIFY(FieldQuery::parse(QStringLiteral("type=Opaque"), QStringLiteral("secrets")).ok());
    const auto refused =
        FieldQuery::parse(QStringLiteral("metadata.name=x,spec.nodeName=n"), QStringLiteral("services"));
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message(), QStringLiteral("field label not supported: spec.nodeName"));
    QVERIFY(!FieldQuery::parse(QStringLiteral("data.k=v"), QStringLiteral("configmaps")).ok());
    QVERIFY(
        FieldQuery::parse(QStringLiteral("data.k=v")).ok()); // no resource: any path (the store's own use)
}

void TestSandboxApiUnits::strategicMergePatch_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("patch");
    QTest::addColumn<QString>("expected");
    QTest::newRow("maps merge, null deletes") << R"({"metadata":{"labels":{"a":"1","b":"2"}}})"
                                              << R"({"metadata":{"labels":{"b":null,"c":"3"}}})"
                                              << R"({"metadata":{"labels":{"a":"1","c":"3"}}})";
    QTest::newRow("containers merge by name")
        << R"({"containers":[{"name":"redis","image":"redis:5"},{"name":"sidecar","image":"busybox"}]})"
        << R"({"containers":[{"name":"redis","image":"redis:7"}]})"
        << R"({"containers":[{"name":"redis","image":"redis:7"},{"name":"sidecar","image":"busybox"}]})";
    QTest::newRow("container ports merge by containerPort")
        << R"({"ports":[{"containerPort":6379,"name":"redis"},{"containerPort":16379,"name":"gossip"}]})"
        << R"({"ports":[{"containerPort":16379,"name":"bus"}]})"
        << R"({"ports":[{"containerPort":6379,"name":"redis"},{"containerPort":16379,"name":"bus"}]})";
    QTest::newRow("service ports merge by port")
        << R"({"ports":[{"port":6379,"nodePort":30379,"protocol":"TCP"}]})"
        << R"({"ports":[{"port":6379,"targetPort":6380}]})"
        << R"({"ports":[{"port":6379,"nodePort":30379,"protocol":"TCP","targetPort":6380}]})";
    QTest::newRow("env delete directive") << R"({"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}]})"
                                          << R"({"env":[{"name":"A","$patch":"delete"}]})"
                                          << R"({"env":[{"name":"B","value":"2"}]})";
    QTest::newRow("set element order")
        << R"({"volumes":[{"name":"a"},{"name":"b"}]})"
        << R"({"$setElementOrder/volumes":[{"name":"c"},{"name":"b"},{"name":"a"}],"volumes":[{"name":"c"}]})"
        << R"({"volumes":[{"name":"c"},{"name":"b"},{"name":"a"}]})";
    QTest::newRow("other lists are replaced") << R"({"args":["a","b"],"command":["x"]})"
                                              << R"({"args":["c"]})"
                                              << R"({"args":["c"],"command":["x"]})";
    QTest::newRow("delete from primitive list") << R"({"finalizers":["a","b","c"]})"
                                                << R"({"$deleteFromPrimitiveList/finalizers":["b"]})"
                                                << R"({"finalizers":["a","c"]})";
    QTest::newRow("replace directive on a map") << R"({"selector":{"a":"1","b":"2"}})"
                                                << R"({"selector":{"$patch":"replace","c":"3"}})"
                                                << R"({"selector":{"c":"3"}})";
}

void TestSandboxApiUnits::strategicMergePatch()
{
    QFETCH(QString, target);
    QFETCH(QString, patch);
    QFETCH(QString, expected);
    QCOMPARE(applyStrategicMergePatch(obj(target.toUtf8().constData()), obj(patch.toUtf8().constData())),
             obj(expected.toUtf8().constData()));
}

void TestSandboxApiUnits::mergePatch()
{
    QCOMPARE(
        applyMergePatch(obj(R"({"a":{"b":1,"c":2},"l":[1,2]})"), obj(R"({"a":{"b":null,"d":3},"l":[3]})")),
        obj(R"({"a":{"c":2,"d":3},"l":[3]})"));
}

void TestSandboxApiUnits::jsonPatch_data()
{
    QTest::addColumn<QString>("operations");
    QTest::addColumn<QString>("expected"); // empty: the patch must fail
    QTest::newRow("replace in list")
        << R"([{"op":"replace","path":"/spec/ports/0/nodePort","value":30400}])"
        << R"({"spec":{"ports":[{"port":6379,"nodePort":30400}]},"m":{"a/b":1}})";
    QTest::newRow("add to end")
        << R"([{"op":"add","path":"/spec/ports/-","value":{"port":1}}])"
        << R"({"spec":{"ports":[{"port":6379,"nodePort":30379},{"port":1}]},"m":{"a/b":1}})";
    QTest::newRow("escaped key") << R"([{"op":"remove","path":"/m/a~1b"}])"
                                 << R"({"spec":{"ports":[{"port":6379,"nodePort":30379}]},"m":{}})";
    QTest::newRow("test passes then move")
        << R"([{"op":"test","path":"/m/a~1b","value":1},{"op":"move","from":"/m/a~1b","path":"/m/c"}])"
        << R"({"spec":{"ports":[{"port":6379,"nodePort":30379}]},"m":{"c":1}})";
    QTest::newRow("test fails") << R"([{"op":"test","path":"/m/a~1b","value":2}])"
                                << "";
    QTest::newRow("missing path") << R"([{"op":"replace","path":"/spec/missing/x","value":1}])"
                                  << "";
}

void TestSandboxApiUnits::jsonPatch()
{
    QFETCH(QString, operations);
    QFETCH(QString, expected);
    const QJsonObject target = obj(R"({"spec":{"ports":[{"port":6379,"nodePort":30379}]},"m":{"a/b":1}})");
    const auto result = applyJsonPatch(target, QJsonDocument::fromJson(operations.toUtf8()).array());
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message().isEmpty());
        return;
    }
    QVERIFY2(result.ok(), qPrintable(result.error().message()));
    QCOMPARE(*result, obj(expected.toUtf8().constData()));
}

void TestSandboxApiUnits::serverSideApplyOwnership()
{
    const QJsonObject first = obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},
        "spec":{"replicas":6,"template":{"spec":{"containers":[{"name":"redis","image":"redis:5"}]}}}})");
    ApplyOutcome created = serverSideApply({}, first, QStringLiteral("deployer"), false);
    QVERIFY(created.conflictFields.isEmpty());
    QCOMPARE(created.object.value(QLatin1String("spec")).toObject().value(QLatin1String("replicas")).toInt(),
             6);

    // Another manager changing a field it does not own conflicts, unless forced.
    const QJsonObject other = obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},
        "spec":{"template":{"spec":{"containers":[{"name":"redis","image":"redis:7"}]}}}})");
    const ApplyOutcome conflict = serverSideApply(created.object, other, QStringLiteral("upgrader"), false);
    QCOMPARE(conflict.conflictFields,
             QStringList({QStringLiteral(".spec.template.spec.containers[name=\"redis\"].image")}));
    QCOMPARE(conflict.conflictManagers, QStringList({QStringLiteral("deployer")}));
    const ApplyOutcome forced = serverSideApply(created.object, other, QStringLiteral("upgrader"), true);
    QVERIFY(forced.conflictFields.isEmpty());

    // The first manager drops replicas from its configuration: nobody owns it any more, it goes.
    const QJsonObject shrunk = obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet","metadata":{"name":"s"},
        "spec":{"template":{"spec":{"containers":[{"name":"redis"}]}}}})");
    const ApplyOutcome after = serverSideApply(forced.object, shrunk, QStringLiteral("deployer"), false);
    QVERIFY(after.conflictFields.isEmpty());
    const QJsonObject spec = after.object.value(QLatin1String("spec")).toObject();
    QVERIFY(!spec.contains(QLatin1String("replicas")));
    // The image now belongs to upgrader and stays.
    QCOMPARE(spec.value(QLatin1String("template"))
                 .toObject()
                 .value(QLatin1String("spec"))
                 .toObject()
                 .value(QLatin1String("containers"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("image"))
                 .toString(),
             QStringLiteral("redis:7"));
}

void TestSandboxApiUnits::updateTakesOwnership()
{
    const QJsonObject applied = serverSideApply({}, obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet",
        "metadata":{"name":"s"},"spec":{"replicas":6}})"),
                                                QStringLiteral("kubectl"), false)
                                    .object;
    QJsonObject scaled = applied;
    scaled.insert(QStringLiteral("spec"), obj(R"({"replicas":7})"));
    const QJsonObject recorded =
        recordUpdate(applied, scaled, QStringLiteral("kubectl"), QStringLiteral("scale"));
    // Re-applying 6 now conflicts with the Update entry, even from the same manager name.
    const ApplyOutcome again = serverSideApply(recorded, obj(R"({"apiVersion":"apps/v1","kind":"StatefulSet",
        "metadata":{"name":"s"},"spec":{"replicas":6}})"),
                                               QStringLiteral("kubectl"), false);
    QCOMPARE(again.conflictFields, QStringList({QStringLiteral(".spec.replicas")}));
}

QTEST_GUILESS_MAIN(TestSandboxApiUnits)
