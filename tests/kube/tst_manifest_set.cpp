// Long on purpose: one test class for the whole manifest set (render, parameters, TLS, the operator user),
// each function one rule of the rendered objects; split by topic it would repeat the fixtures in every file.
#include "common/logger.h"
#include "common/operator_acl.h"
#include "common/yaml_json.h"
#include "kube/manifest_set.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {

// A seed-like set: the shape of manifests/, independent of that folder's exact content.
const QByteArray kFixture = R"(apiVersion: v1
kind: Namespace
metadata:
  name: redis-cluster
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis-app
  namespace: redis-cluster
spec:
  serviceName: redis-service
  replicas: 6
  selector:
    matchLabels:
      app: redis
      appCluster: redis-cluster
  template:
    metadata:
      labels: {app: redis, appCluster: redis-cluster}
    spec:
      containers:
      - name: redis
        image: "redis:5.0.5"
        command: [redis-server]
        args: [/etc/redis/redis.conf, --protected-mode, "no"]
        ports: [{name: redis, containerPort: 6379}]
        volumeMounts:
        - {name: redis-conf, mountPath: /etc/redis}
        - {name: redis-data, mountPath: /var/lib/redis}
      volumes:
      - name: redis-conf
        configMap: {name: redis-conf}
  volumeClaimTemplates:
  - metadata: {name: redis-data}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 1Gi}}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: redis-conf
  namespace: redis-cluster
data:
  redis.conf: |
    appendonly yes
    cluster-enabled yes
    cluster-config-file /var/lib/redis/nodes.conf
    cluster-node-timeout 5000
    dir /var/lib/redis
    port 6379
---
apiVersion: v1
kind: Service
metadata:
  name: redis-service
  namespace: redis-cluster
spec:
  clusterIP: None
  selector: {app: redis, appCluster: redis-cluster}
  ports: [{name: redis-port, port: 6379}]
)";

QJsonObject byKind(const QList<QJsonObject> &objects, const QString &kind)
{
    for (const QJsonObject &o : objects) {
        if (o.value(QStringLiteral("kind")).toString() == kind)
            return o;
    }
    return {};
}

QJsonObject firstContainer(const QJsonObject &sts)
{
    return sts[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral("spec")]
              [QStringLiteral("containers")]
                  .toArray()
                  .at(0)
                  .toObject();
}

} // namespace

class TestManifestSet final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void typedScalars()
    {
        const auto docs = yamljson::parseDocuments(
            "a: 1\nb: '1'\nc: true\nd: \"no\"\ne: no\nf: 1.5\ng: ~\nh: 1Gi\n", QStringLiteral("t"));
        QVERIFY(docs.ok());
        const QJsonObject o = docs->first();
        QVERIFY(o[QStringLiteral("a")].isDouble());
        QCOMPARE(o[QStringLiteral("b")].toString(), QStringLiteral("1"));
        QCOMPARE(o[QStringLiteral("c")].toBool(), true);
        QCOMPARE(o[QStringLiteral("d")].toString(), QStringLiteral("no"));
        // As the API server reads YAML (1.1): a plain no is a boolean (quote it for the string).
        QVERIFY(o[QStringLiteral("e")].isBool());
        QCOMPARE(o[QStringLiteral("e")].toBool(), false);
        QCOMPARE(o[QStringLiteral("f")].toDouble(), 1.5);
        QVERIFY(o[QStringLiteral("g")].isNull());
        QCOMPARE(o[QStringLiteral("h")].toString(), QStringLiteral("1Gi"));
    }

    void yamlRoundTrip()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        QVERIFY2(set.ok(), qPrintable(set.error().message()));
        const QString yaml = yamljson::toYaml(set->documents());
        const auto again = yamljson::parseDocuments(yaml.toUtf8(), QStringLiteral("emitted"));
        QVERIFY2(again.ok(), qPrintable(again.error().message()));
        QCOMPARE(*again, set->documents());
        QVERIFY(yaml.contains(QStringLiteral("\"no\""))); // a string that looks like a boolean stays quoted
    }

    void defaultsKeepTheSeed()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        QVERIFY(set.ok());
        const auto objects = set->render({});
        QVERIFY2(objects.ok(), qPrintable(objects.error().message()));
        QCOMPARE(objects->size(), 4);
        QCOMPARE(objects->at(0)[QStringLiteral("kind")].toString(), QStringLiteral("Namespace"));
        QCOMPARE(objects->at(1)[QStringLiteral("kind")].toString(), QStringLiteral("ConfigMap"));
        QCOMPARE(objects->at(3)[QStringLiteral("kind")].toString(), QStringLiteral("StatefulSet"));
        const QJsonObject sts = byKind(*objects, QStringLiteral("StatefulSet"));
        QCOMPARE(sts[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 6);
        QCOMPARE(firstContainer(sts)[QStringLiteral("image")].toString(), QStringLiteral("redis:5.0.5"));
        QCOMPARE(ManifestSet::selectorOf(sts), QStringLiteral("app=redis,appCluster=redis-cluster"));
    }

    void parametersAreApplied()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        QVERIFY(set.ok());
        ManifestParameters p;
        p.ns = QStringLiteral("cache");
        p.statefulSetName = QStringLiteral("redis-x");
        p.replicas = 9;
        p.image = QStringLiteral("redis:7.0.15");
        p.storageClass = QStringLiteral("fast");
        p.storageSize = QStringLiteral("5Gi");
        p.cpuRequest = QStringLiteral("100m");
        p.memoryRequest = QStringLiteral("256Mi");
        p.cpuLimit = QStringLiteral("2");
        p.memoryLimit = QStringLiteral("512Mi");
        p.clusterNodeTimeoutMs = 15000;
        const auto objects = set->render(p);
        QVERIFY2(objects.ok(), qPrintable(objects.error().message()));
        for (const QJsonObject &o : *objects) {
            const QJsonObject metadata = o[QStringLiteral("metadata")].toObject();
            if (o[QStringLiteral("kind")].toString() == QLatin1String("Namespace"))
                QCOMPARE(metadata[QStringLiteral("name")].toString(), QStringLiteral("cache"));
            else
                QCOMPARE(metadata[QStringLiteral("namespace")].toString(), QStringLiteral("cache"));
        }
        const QJsonObject sts = byKind(*objects, QStringLiteral("StatefulSet"));
        QCOMPARE(sts[QStringLiteral("metadata")][QStringLiteral("name")].toString(),
                 QStringLiteral("redis-x"));
        QCOMPARE(sts[QStringLiteral("spec")][QStringLiteral("replicas")].toInt(), 9);
        const QJsonObject container = firstContainer(sts);
        QCOMPARE(container[QStringLiteral("image")].toString(), QStringLiteral("redis:7.0.15"));
        QCOMPARE(container[QStringLiteral("resources")][QStringLiteral("requests")][QStringLiteral("cpu")]
                     .toString(),
                 QStringLiteral("100m"));
        QCOMPARE(container[QStringLiteral("resources")][QStringLiteral("limits")][QStringLiteral("memory")]
                     .toString(),
                 QStringLiteral("512Mi"));
        QCOMPARE(container[QStringLiteral("resources")][QStringLiteral("requests")][QStringLiteral("memory")]
                     .toString(),
                 QStringLiteral("256Mi"));
        QCOMPARE(container[QStringLiteral("resources")][QStringLiteral("limits")][QStringLiteral("cpu")]
                     .toString(),
                 QStringLiteral("2"));
        const QJsonObject claim =
            sts[QStringLiteral("spec")][QStringLiteral("volumeClaimTemplates")].toArray().at(0).toObject();
        QCOMPARE(claim[QStringLiteral("spec")][QStringLiteral("storageClassName")].toString(),
                 QStringLiteral("fast"));
        QCOMPARE(claim[QStringLiteral("spec")][QStringLiteral("resources")][QStringLiteral("requests")]
                      [QStringLiteral("storage")]
                          .toString(),
                 QStringLiteral("5Gi"));
        const QString conf =
            byKind(*objects,
                   QStringLiteral("ConfigMap"))[QStringLiteral("data")][QStringLiteral("redis.conf")]
                .toString();
        QVERIFY(conf.contains(QStringLiteral("cluster-node-timeout 15000\n")));
        QVERIFY(!conf.contains(QStringLiteral("cluster-node-timeout 5000")));
        QVERIFY(conf.contains(QStringLiteral("appendonly yes")));
    }

    void nodePort()
    {
        const QByteArray yaml = QByteArray(kFixture) +
                                "---\napiVersion: v1\nkind: Service\nmetadata: {name: access}\n"
                                "spec:\n  type: NodePort\n  ports: [{port: 6379, nodePort: 30379}]\n";
        const auto set = ManifestSet::fromYaml(yaml, QStringLiteral("fixture"));
        QVERIFY(set.ok());
        auto nodePortOf = [](const QList<QJsonObject> &objects) {
            for (const QJsonObject &o : objects) {
                if (o[QStringLiteral("metadata")][QStringLiteral("name")].toString() ==
                    QLatin1String("access"))
                    return o[QStringLiteral("spec")][QStringLiteral("ports")]
                        .toArray()
                        .at(0)[QStringLiteral("nodePort")]
                        .toInt(-1);
            }
            return -2;
        };
        ManifestParameters p;
        QCOMPARE(nodePortOf(*set->render(p)), 30379);
        p.nodePort = 31000;
        QCOMPARE(nodePortOf(*set->render(p)), 31000);
        p.nodePort = -1;
        QCOMPARE(nodePortOf(*set->render(p)), -1); // removed: the cluster allocates one
    }

    void noPersistentStorage()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        ManifestParameters p;
        p.persistentStorage = false;
        const auto objects = set->render(p);
        QVERIFY(objects.ok());
        const QJsonObject sts = byKind(*objects, QStringLiteral("StatefulSet"));
        QVERIFY(!sts[QStringLiteral("spec")].toObject().contains(QStringLiteral("volumeClaimTemplates")));
        const QJsonArray volumes = sts[QStringLiteral("spec")][QStringLiteral("template")]
                                      [QStringLiteral("spec")][QStringLiteral("volumes")]
                                          .toArray();
        QCOMPARE(volumes.size(), 2);
        QCOMPARE(volumes.at(1)[QStringLiteral("name")].toString(), QStringLiteral("redis-data"));
        QVERIFY(volumes.at(1).toObject().contains(QStringLiteral("emptyDir")));
    }

    void passwordSecret()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        ManifestParameters p;
        p.password = true;
        const auto objects = set->render(p);
        QVERIFY(objects.ok());
        QCOMPARE(objects->at(1)[QStringLiteral("kind")].toString(), QStringLiteral("Secret"));
        const QJsonObject secret = byKind(*objects, QStringLiteral("Secret"));
        QCOMPARE(secret[QStringLiteral("metadata")][QStringLiteral("name")].toString(),
                 QStringLiteral("redis-app-auth"));
        const QString password = QString::fromUtf8(QByteArray::fromBase64(
            secret[QStringLiteral("data")][QStringLiteral("password")].toString().toLatin1()));
        QCOMPARE(password.size(), 32);
        // The password is a secret: the Logger redacts it, and the review YAML hides it.
        QCOMPARE(Logger::instance().redact(QStringLiteral("x ") + password), QStringLiteral("x ***"));
        const QString review = ManifestSet::toYaml(*objects);
        QVERIFY(review.contains(QStringLiteral("<hidden>")));
        QVERIFY(!review.contains(secret[QStringLiteral("data")][QStringLiteral("password")].toString()));
        const QJsonObject container = firstContainer(byKind(*objects, QStringLiteral("StatefulSet")));
        const QJsonArray args = container[QStringLiteral("args")].toArray();
        QVERIFY(args.contains(QStringLiteral("--requirepass")));
        QVERIFY(args.contains(QStringLiteral("--masterauth")));
        QVERIFY(args.contains(QStringLiteral("$(REDIS_PASSWORD)")));
        QCOMPARE(container[QStringLiteral("env")].toArray().size(), 2);
        QVERIFY(!QString::fromUtf8(QJsonDocument(container).toJson()).contains(password));

        // A given password is used as is, and two renders generate different ones.
        p.passwordValue = QStringLiteral("s3cret-value");
        const auto given = set->render(p);
        QCOMPARE(byKind(*given, QStringLiteral("Secret"))[QStringLiteral("data")][QStringLiteral("password")]
                     .toString(),
                 QString::fromLatin1(QByteArray("s3cret-value").toBase64()));
    }

    // The operator user: on by default with a password on a 6+ image, its include file in the Secret
    // (a hash, not the password), mounted and included by redis.conf; the replicas authenticate as it.
    void operatorUser()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        ManifestParameters p;
        p.password = true;
        p.image = QStringLiteral("redis:7.0");
        p.operatorPasswordValue = QStringLiteral("operator-s3cret-value");
        const auto objects = set->render(p);
        QVERIFY2(objects.ok(), qPrintable(objects.ok() ? QString() : objects.error().message()));
        const QJsonObject data =
            byKind(*objects, QStringLiteral("Secret"))[QStringLiteral("data")].toObject();
        QCOMPARE(QByteArray::fromBase64(data[QStringLiteral("operator-password")].toString().toLatin1()),
                 QByteArray("operator-s3cret-value"));
        const QString file = QString::fromUtf8(
            QByteArray::fromBase64(data[QStringLiteral("users.conf")].toString().toLatin1()));
        QVERIFY2(file.startsWith(QStringLiteral("user studio-operator reset ") +
                                 operator_acl::passwordHash(QStringLiteral("operator-s3cret-value")) +
                                 QStringLiteral(" on ~* -@all +ping")),
                 qPrintable(file));
        QVERIFY(!file.contains(QStringLiteral("operator-s3cret-value")));
        for (const operator_acl::Permission &permission : operator_acl::permissions())
            QVERIFY2(file.contains(QStringLiteral(" +") + permission.command),
                     qPrintable(permission.command));
        const QString conf =
            byKind(*objects,
                   QStringLiteral("ConfigMap"))[QStringLiteral("data")][QStringLiteral("redis.conf")]
                .toString();
        QVERIFY2(conf.endsWith(QStringLiteral("\ninclude /etc/redis-acl/users.conf\n")), qPrintable(conf));
        const QJsonObject sts = byKind(*objects, QStringLiteral("StatefulSet"));
        const QJsonObject container = firstContainer(sts);
        const QJsonArray args = container[QStringLiteral("args")].toArray();
        const qsizetype user = args.toVariantList().indexOf(QStringLiteral("--masteruser"));
        QVERIFY(user >= 0);
        QCOMPARE(args.at(user + 1).toString(), QStringLiteral("studio-operator"));
        const qsizetype auth = args.toVariantList().indexOf(QStringLiteral("--masterauth"));
        QCOMPARE(args.at(auth + 1).toString(), QStringLiteral("$(REDIS_OPERATOR_PASSWORD)"));
        QVERIFY(!QString::fromUtf8(QJsonDocument(sts).toJson()).contains(QStringLiteral("operator-s3cret")));
        const QJsonArray volumes = sts[QStringLiteral("spec")][QStringLiteral("template")]
                                      [QStringLiteral("spec")][QStringLiteral("volumes")]
                                          .toArray();
        bool mounted = false;
        for (const QJsonValue &volume : volumes)
            mounted =
                mounted || volume[QStringLiteral("secret")][QStringLiteral("items")][0][QStringLiteral("key")]
                                   .toString() == QLatin1String("users.conf");
        QVERIFY(mounted);

        // Off: a Redis 5 tag, an unknown tag, or asked off; asked on with Redis 5: refused.
        for (const QString &image : {QStringLiteral("redis:5.0.5"), QStringLiteral("example/cache:latest")}) {
            p.image = image;
            const auto off = set->render(p);
            QVERIFY(off.ok());
            QVERIFY(!byKind(*off, QStringLiteral("Secret"))[QStringLiteral("data")].toObject().contains(
                QStringLiteral("operator-password")));
        }
        p.image = QStringLiteral("valkey/valkey:8.0.1");
        QVERIFY(set->operatorUserEnabled(p));
        p.operatorUser = false;
        QVERIFY(!set->operatorUserEnabled(p));
        p.operatorUser = true;
        p.image = QStringLiteral("redis:5.0.5");
        const auto refused = set->render(p);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QStringLiteral("Redis 5")),
                 qPrintable(refused.error().message()));
        // The operator user implies the password Secret.
        p.password = false;
        p.image = QStringLiteral("redis:7.0");
        QVERIFY(byKind(*set->render(p), QStringLiteral("Secret"))[QStringLiteral("data")].toObject().contains(
            QStringLiteral("password")));
    }

    void operatorAclList()
    {
        QStringList seen;
        for (const operator_acl::Permission &permission : operator_acl::permissions()) {
            QVERIFY2(!seen.contains(permission.command), qPrintable(permission.command));
            QCOMPARE(permission.command, permission.command.toLower());
            QVERIFY(!permission.why.isEmpty());
            seen << permission.command;
        }
        for (const char *needed : {"migrate", "restore-asking", "cluster|setslot", "cluster|bumpepoch",
                                   "flushall", "acl|setuser", "config|set", "psync", "replconf"})
            QVERIFY2(seen.contains(QLatin1String(needed)), needed);
        QVERIFY(!seen.contains(QStringLiteral("keys")));
        QCOMPARE(operator_acl::includeFile({}), QStringLiteral("user studio-operator reset off\n"));
        const QString two = operator_acl::includeFile({QStringLiteral("a"), QStringLiteral("b")});
        QVERIFY(two.contains(operator_acl::passwordHash(QStringLiteral("a")) + QLatin1Char(' ') +
                             operator_acl::passwordHash(QStringLiteral("b"))));
    }

    // The README prints the one list: every permission, with its reason, as a table row.
    void operatorAclListIsInTheReadme()
    {
        QFile readme(qEnvironmentVariable("RCS_SOURCE_DIR") + QStringLiteral("/README.md"));
        QVERIFY2(readme.open(QIODevice::ReadOnly), qPrintable(readme.fileName()));
        const QString text = QString::fromUtf8(readme.readAll());
        for (const operator_acl::Permission &permission : operator_acl::permissions()) {
            const QString row =
                QStringLiteral("| `%1` | %2 |")
                    .arg(QString(permission.command).replace(QLatin1Char('|'), QLatin1String("\\|")),
                         permission.why);
            QVERIFY2(text.contains(row), qPrintable(QStringLiteral("README.md lacks the row ") + row));
        }
    }

    // TLS: redis.conf, the Secret and its mount, the probe; Redis 5 refused; the names to certify.
    void tls()
    {
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        ManifestParameters p;
        p.tls.enabled = true;
        const auto refused = set->render(p);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message().contains(QLatin1String("TLS needs Redis 6.0 or later")),
                 qPrintable(refused.error().message()));
        p.image = QStringLiteral("redis:7.0");
        p.tls.authClients = QStringLiteral("always");
        QVERIFY(!set->render(p).ok());
        p.tls.authClients = QStringLiteral("optional");
        p.tls.caPem = "CA";
        p.tls.certificatePem = "CERT";
        p.tls.keyPem = "-----BEGIN PRIVATE KEY-----\nkey-material\n";
        p.tls.caKeyPem = "-----BEGIN PRIVATE KEY-----\nca-key-material\n";
        const auto objects = set->render(p);
        QVERIFY2(objects.ok(), qPrintable(objects.error().message()));
        const QString conf =
            byKind(*objects,
                   QStringLiteral("ConfigMap"))[QStringLiteral("data")][QStringLiteral("redis.conf")]
                .toString();
        for (const char *line :
             {"\nport 0\n", "tls-port 6379\n", "tls-cert-file /etc/redis-tls/tls.crt\n",
              "tls-key-file /etc/redis-tls/tls.key\n", "tls-ca-cert-file /etc/redis-tls/ca.crt\n",
              "tls-cluster yes\n", "tls-replication yes\n", "tls-auth-clients optional"})
            QVERIFY2(conf.contains(QLatin1String(line)), qPrintable(conf));
        QCOMPARE(conf.count(QLatin1String("\nport ")), 1);
        QStringList secrets;
        for (const QJsonObject &object : *objects)
            if (object[QStringLiteral("kind")].toString() == QLatin1String("Secret"))
                secrets << object[QStringLiteral("metadata")][QStringLiteral("name")].toString();
        QCOMPARE(secrets, (QStringList{QStringLiteral("redis-app-tls"), QStringLiteral("redis-app-tls-ca")}));
        const QJsonObject sts = byKind(*objects, QStringLiteral("StatefulSet"));
        const QString stsText = QString::fromUtf8(QJsonDocument(sts).toJson(QJsonDocument::Compact));
        QVERIFY2(stsText.contains(QLatin1String(R"("mountPath":"/etc/redis-tls")")), qPrintable(stsText));
        QVERIFY2(stsText.contains(QLatin1String(R"("secretName":"redis-app-tls")")), qPrintable(stsText));
        const QString review = ManifestSet::toYaml(*objects);
        QVERIFY(!review.contains(QLatin1String("key-material")));
        QVERIFY(!review.contains(QString::fromLatin1(p.tls.keyPem.toBase64())));
        QCOMPARE(Logger::instance().redact(QString::fromLatin1(p.tls.caKeyPem)), QStringLiteral("***"));

        // An existing Secret is mounted, and no Secret is made.
        p.tls.existingSecret = QStringLiteral("my-tls");
        const auto existing = set->render(p);
        QVERIFY(existing.ok());
        QVERIFY(byKind(*existing, QStringLiteral("Secret")).isEmpty());
        QVERIFY(
            QJsonDocument(byKind(*existing, QStringLiteral("StatefulSet"))).toJson().contains("\"my-tls\""));

        const QStringList names = set->certificateDnsNames(p);
        QVERIFY(names.contains(QStringLiteral("*.redis-service.redis-cluster.svc.cluster.local")));
        QVERIFY(names.contains(QStringLiteral("*.redis-service")));
        QVERIFY(!names.contains(QStringLiteral("redis-service.redis-cluster.svc.cluster.local")));
    }

    void invalidParameters_data()
    {
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("replicas");
        QTest::addColumn<QString>("mention");
        QTest::newRow("namespace") << "Bad_NS"
                                   << "redis-app" << 6 << "namespace";
        QTest::newRow("name") << "redis"
                              << "-x" << 6 << "StatefulSet";
        QTest::newRow("replicas") << "redis"
                                  << "redis-app" << 0 << "replicas";
    }
    void invalidParameters()
    {
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(int, replicas);
        QFETCH(QString, mention);
        const auto set = ManifestSet::fromYaml(kFixture, QStringLiteral("fixture"));
        ManifestParameters p;
        p.ns = ns;
        p.statefulSetName = name;
        p.replicas = replicas;
        const auto objects = set->render(p);
        QVERIFY(!objects.ok());
        QVERIFY2(objects.error().message().contains(mention), qPrintable(objects.error().message()));
    }

    void badInput()
    {
        const auto broken = ManifestSet::fromYaml("kind: A\n  bad: [\n", QStringLiteral("broken.yaml"));
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message().contains(QStringLiteral("broken.yaml")));
        QVERIFY(broken.error().message().contains(QStringLiteral("line")));
        const auto noKind = ManifestSet::fromYaml("metadata: {name: x}\n", QStringLiteral("nokind.yaml"));
        QVERIFY(!noKind.ok());
        const auto noSts = ManifestSet::fromYaml("apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n",
                                                 QStringLiteral("n"));
        QVERIFY(noSts.ok());
        QVERIFY(!noSts->render({}).ok());
        QVERIFY(!ManifestSet::fromDirectory(QStringLiteral("/nonexistent/manifests")).ok());
    }

    void userFolder()
    {
        QTemporaryDir dir;
        QFile a(dir.filePath(QStringLiteral("10-all.yaml")));
        QVERIFY(a.open(QIODevice::WriteOnly));
        a.write(kFixture);
        a.close();
        const auto set = ManifestSet::fromDirectory(dir.path());
        QVERIFY2(set.ok(), qPrintable(set.error().message()));
        QCOMPARE(set->documents().size(), 4);
        // load() takes the folder when one is given, the embedded set otherwise.
        const auto loaded = ManifestSet::load(dir.path());
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message()));
        QCOMPARE(loaded->documents().size(), 4);
        const auto fallback = ManifestSet::load(QString());
        const auto embedded = ManifestSet::embedded();
        QCOMPARE(fallback.ok(), embedded.ok());
        if (embedded.ok())
            QCOMPARE(fallback->documents().size(), embedded->documents().size());
    }

    void embeddedManifests()
    {
        // The embedded set is the repository's manifests/ folder, once it holds YAML files.
        const QDir source(qEnvironmentVariable("RCS_SOURCE_DIR") + QStringLiteral("/manifests"));
        const bool present = !source.entryList({QStringLiteral("*.yaml")}, QDir::Files).isEmpty();
        const auto set = ManifestSet::embedded();
        QCOMPARE(set.ok(), present);
        if (!present)
            return;
        const auto objects = set->render({});
        QVERIFY2(objects.ok(), qPrintable(objects.error().message()));
        QCOMPARE(objects->first()[QStringLiteral("kind")].toString(), QStringLiteral("Namespace"));
        QVERIFY(!byKind(*objects, QStringLiteral("StatefulSet")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestManifestSet)
#include "tst_manifest_set.moc"
