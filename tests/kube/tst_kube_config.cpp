#include "kube/kube_config.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(text);
}

const QByteArray kFirst = R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: shared
  cluster:
    server: https://first.example:6443/k8s/clusters/c-1
    certificate-authority: certs/ca.pem
    tls-server-name: api.local
- name: only-first
  cluster:
    server: https://only-first:6443
users:
- name: alice
  user:
    token: "0123"
    as: admin
    as-groups: [system:masters]
- name: files
  user:
    client-certificate: certs/alice.crt
    client-key: ../keys/alice.key
    tokenFile: token.txt
contexts:
- name: dev
  context: {cluster: shared, user: alice, namespace: demo}
- name: nouser
  context: {cluster: shared}
- name: badcluster
  context: {cluster: missing, user: alice}
- name: baduser
  context: {cluster: shared, user: ghost}
- name: files
  context: {cluster: only-first, user: files}
)";

const QByteArray kSecond = R"(apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: shared
  cluster:
    server: https://second.example:6443
    insecure-skip-tls-verify: true
- name: only-second
  cluster:
    server: https://only-second:6443
    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==
    proxy-url: socks5://127.0.0.1:1080
users:
- name: alice
  user:
    token: second-token
- name: bob
  user:
    username: bob
    password: hunter22
- name: plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1
      command: ./bin/get-token
      args: [--cluster, prod]
      env: [{name: A, value: "1"}]
      installHint: Install get-token.
      provideClusterInfo: true
      interactiveMode: Never
- name: bare-plugin
  user:
    exec:
      apiVersion: client.authentication.k8s.io/v1beta1
      command: gke-gcloud-auth-plugin
contexts:
- name: dev
  context: {cluster: only-second, user: bob}
- name: prod
  context: {cluster: only-second, user: bob, namespace: prod}
- name: plugin
  context: {cluster: only-second, user: plugin}
- name: bare-plugin
  context: {cluster: only-second, user: bare-plugin}
)";

} // namespace

class TestKubeConfig final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_first;
    QString m_second;

    QString path(const QString &name) const { return m_dir.filePath(name); }
    Result<KubeConfig> merged() const
    {
        return KubeConfig::load({},
                                m_first + QDir::listSeparator() + path(QStringLiteral("missing.yaml")) +
                                    QDir::listSeparator() + m_second,
                                path(QStringLiteral("home")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_first = path(QStringLiteral("a/config"));
        m_second = path(QStringLiteral("b/config"));
        write(m_first, kFirst);
        write(m_second, kSecond);
    }

    void mergeFirstFileWins()
    {
        const auto config = merged();
        QVERIFY2(config.ok(), qPrintable(config.error().message()));
        QCOMPARE(config->currentContext(), QStringLiteral("dev"));
        QCOMPARE(config->files().size(), 2);
        QCOMPARE(config->warnings().size(), 1);
        QVERIFY(config->warnings().first().contains(QStringLiteral("missing.yaml")));

        const auto dev = config->resolve();
        QVERIFY2(dev.ok(), qPrintable(dev.error().message()));
        // The cluster "shared" comes whole from the first file: no insecure flag from the second.
        QCOMPARE(dev->cluster.server, QStringLiteral("https://first.example:6443/k8s/clusters/c-1"));
        QVERIFY(!dev->cluster.insecureSkipTlsVerify);
        QCOMPARE(dev->user.token, QStringLiteral("0123")); // stays a string
        QCOMPARE(dev->ns, QStringLiteral("demo"));
        QCOMPARE(dev->user.impersonate, QStringLiteral("admin"));
        QCOMPARE(dev->user.impersonateGroups, QStringList{QStringLiteral("system:masters")});

        // Entries only the second file defines are still there.
        const auto prod = config->resolve(QStringLiteral("prod"));
        QVERIFY2(prod.ok(), qPrintable(prod.error().message()));
        QCOMPARE(prod->ns, QStringLiteral("prod"));
        QCOMPARE(prod->user.username, QStringLiteral("bob"));
        QCOMPARE(prod->user.password, QStringLiteral("hunter22"));
        QCOMPARE(prod->cluster.proxyUrl, QStringLiteral("socks5://127.0.0.1:1080"));
        QVERIFY(prod->cluster.certificateAuthorityData.startsWith("-----BEGIN CERTIFICATE-----"));
    }

    void relativePathsResolveAgainstTheirFile()
    {
        const auto config = merged();
        QVERIFY(config.ok());
        const auto dev = config->resolve();
        QCOMPARE(dev->cluster.certificateAuthority, path(QStringLiteral("a/certs/ca.pem")));
        QCOMPARE(dev->cluster.tlsServerName, QStringLiteral("api.local"));
        const auto files = config->resolve(QStringLiteral("files"));
        QVERIFY2(files.ok(), qPrintable(files.error().message()));
        QCOMPARE(files->user.clientCertificate, path(QStringLiteral("a/certs/alice.crt")));
        QCOMPARE(files->user.clientKey, path(QStringLiteral("keys/alice.key")));
        QCOMPARE(files->user.tokenFile, path(QStringLiteral("a/token.txt")));
        QCOMPARE(files->ns, QStringLiteral("default"));

        const auto plugin = config->resolve(QStringLiteral("plugin"));
        QVERIFY2(plugin.ok(), qPrintable(plugin.error().message()));
        QCOMPARE(plugin->user.exec.command, path(QStringLiteral("b/bin/get-token")));
        QCOMPARE(plugin->user.exec.args, (QStringList{QStringLiteral("--cluster"), QStringLiteral("prod")}));
        QCOMPARE(plugin->user.exec.env.size(), 1);
        QCOMPARE(plugin->user.exec.env.first().second, QStringLiteral("1"));
        QVERIFY(plugin->user.exec.provideClusterInfo);
        QCOMPARE(plugin->user.exec.installHint, QStringLiteral("Install get-token."));
        // A bare command is looked up on PATH, not next to the file.
        const auto bare = config->resolve(QStringLiteral("bare-plugin"));
        QVERIFY2(bare.ok(), qPrintable(bare.error().message()));
        QCOMPARE(bare->user.exec.command, QStringLiteral("gke-gcloud-auth-plugin"));
    }

    void secondFileFirstChangesTheWinner()
    {
        const auto config =
            KubeConfig::load({}, m_second + QDir::listSeparator() + m_first, path(QStringLiteral("home")));
        QVERIFY(config.ok());
        QCOMPARE(config->currentContext(), QStringLiteral("prod"));
        const auto dev = config->resolve(QStringLiteral("dev"));
        QVERIFY(dev.ok());
        QCOMPARE(dev->user.name, QStringLiteral("bob"));
    }

    void currentContextFromTheFirstFileThatSetsIt()
    {
        // A file without current-context does not hide a later file's.
        const QString bare = path(QStringLiteral("c/config"));
        write(bare, "contexts: [{name: other, context: {cluster: shared, user: alice}}]\n");
        const auto config =
            KubeConfig::load({}, bare + QDir::listSeparator() + m_second + QDir::listSeparator() + m_first,
                             path(QStringLiteral("home")));
        QVERIFY2(config.ok(), qPrintable(config.error().message()));
        QCOMPARE(config->currentContext(), QStringLiteral("prod"));
        QCOMPARE(config->files().size(), 3);
        // The context only the first file defines names entries of the later files.
        const auto other = config->resolve(QStringLiteral("other"));
        QVERIFY2(other.ok(), qPrintable(other.error().message()));
        QCOMPARE(other->cluster.server, QStringLiteral("https://second.example:6443"));
        QCOMPARE(other->user.token, QStringLiteral("second-token"));
    }

    void explicitFileIsLoadedAlone()
    {
        const auto config = KubeConfig::load(m_second, m_first, path(QStringLiteral("home")));
        QVERIFY(config.ok());
        QCOMPARE(config->files(), QStringList{m_second});
        QCOMPARE(config->currentContext(), QStringLiteral("prod"));
    }

    void defaultFileInHome()
    {
        write(path(QStringLiteral("home/.kube/config")), kSecond);
        const auto config = KubeConfig::load({}, {}, path(QStringLiteral("home")));
        QVERIFY2(config.ok(), qPrintable(config.error().message()));
        QCOMPARE(config->currentContext(), QStringLiteral("prod"));
    }

    void inlineDataForms()
    {
        // *-data fields hold base64 PEM; they are decoded, and a file form next to them is kept as a path.
        const QByteArray cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
        const QByteArray key = "-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----\n";
        const QString file = path(QStringLiteral("inline/config"));
        write(file, "current-context: c\nclusters: [{name: k, cluster: {server: 'https://h', "
                    "certificate-authority-data: " +
                        cert.toBase64() +
                        "}}]\n"
                        "users: [{name: u, user: {client-certificate-data: " +
                        cert.toBase64() + ", client-key-data: " + key.toBase64() +
                        ", tokenFile: t}}]\n"
                        "contexts: [{name: c, context: {cluster: k, user: u}}]\n");
        const auto config = KubeConfig::load(file, {}, path(QStringLiteral("home")));
        QVERIFY2(config.ok(), qPrintable(config.error().message()));
        const auto target = config->resolve();
        QVERIFY2(target.ok(), qPrintable(target.error().message()));
        QCOMPARE(target->cluster.certificateAuthorityData, cert);
        QVERIFY(target->cluster.certificateAuthority.isEmpty());
        QCOMPARE(target->user.clientCertificateData, cert);
        QCOMPARE(target->user.clientKeyData, key);
        QCOMPARE(target->user.tokenFile, path(QStringLiteral("inline/t")));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("file"); // written with content, or "" for none
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("context");
        QTest::addColumn<QStringList>("mentions");

        QTest::newRow("missing explicit file")
            << "nope/config" << QByteArray() << ""
            << QStringList{QStringLiteral("nope/config"), QStringLiteral("does not exist")};
        QTest::newRow("yaml error with line")
            << "bad-yaml" << QByteArray("apiVersion: v1\nkind: Config\ncurrent-context: a: b\nusers: []\n")
            << "" << QStringList{QStringLiteral("bad-yaml"), QStringLiteral("line 3")};
        QTest::newRow("unknown context")
            << "first" << kFirst << "staging"
            << QStringList{QStringLiteral("no context named \"staging\""), QStringLiteral("dev"),
                           QStringLiteral("errors/first")};
        QTest::newRow("missing cluster")
            << "first" << kFirst << "badcluster"
            << QStringList{QStringLiteral("cluster \"missing\""), QStringLiteral("first")};
        QTest::newRow("missing user")
            << "first" << kFirst << "baduser"
            << QStringList{QStringLiteral("user \"ghost\""), QStringLiteral("errors/first")};
        QTest::newRow("no current context")
            << "nocurrent" << QByteArray("apiVersion: v1\nkind: Config\ncontexts: []\n") << ""
            << QStringList{QStringLiteral("current-context")};
        QTest::newRow("token and basic")
            << "both"
            << QByteArray("current-context: c\nclusters: [{name: k, cluster: {server: 'https://h'}}]\n"
                          "users: [{name: u, user: {token: abcd, username: a, password: b}}]\n"
                          "contexts: [{name: c, context: {cluster: k, user: u}}]\n")
            << "" << QStringList{QStringLiteral("both a token and a username")};
        QTest::newRow("insecure with ca")
            << "insecure"
            << QByteArray("current-context: c\nclusters: [{name: k, cluster: {server: 'https://h', "
                          "insecure-skip-tls-verify: true, certificate-authority: ca.pem}}]\n"
                          "contexts: [{name: c, context: {cluster: k}}]\n")
            << "" << QStringList{QStringLiteral("insecure-skip-tls-verify")};
        QTest::newRow("bad base64") << "b64"
                                    << QByteArray("clusters: [{name: k, cluster: {server: 'https://h', "
                                                  "certificate-authority-data: '@@@'}}]\n")
                                    << ""
                                    << QStringList{QStringLiteral("base64"),
                                                   QStringLiteral("certificate-authority-data")};
        QTest::newRow("exec v1alpha1")
            << "alpha"
            << QByteArray(
                   "users: [{name: u, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, "
                   "command: x}}}]\n")
            << "" << QStringList{QStringLiteral("v1alpha1"), QStringLiteral("v1beta1")};
        QTest::newRow("gcp auth provider")
            << "gcp"
            << QByteArray("current-context: c\nclusters: [{name: k, cluster: {server: 'https://h'}}]\n"
                          "users: [{name: u, user: {auth-provider: {name: gcp}}}]\n"
                          "contexts: [{name: c, context: {cluster: k, user: u}}]\n")
            << "" << QStringList{QStringLiteral("gcp"), QStringLiteral("exec plugin")};
        QTest::newRow("cert without key")
            << "nokey"
            << QByteArray("current-context: c\nclusters: [{name: k, cluster: {server: 'https://h'}}]\n"
                          "users: [{name: u, user: {client-certificate: a.crt}}]\n"
                          "contexts: [{name: c, context: {cluster: k, user: u}}]\n")
            << "" << QStringList{QStringLiteral("without its key")};
    }
    void errors()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, context);
        QFETCH(QStringList, mentions);
        const QString full = path(QStringLiteral("errors/") + file);
        if (!content.isEmpty())
            write(full, content);
        const auto config = KubeConfig::load(full, {}, path(QStringLiteral("home")));
        Error error;
        if (!config) {
            error = config.error();
        } else {
            const auto target = config->resolve(context);
            QVERIFY(!target.ok());
            error = target.error();
        }
        for (const QString &mention : mentions)
            QVERIFY2(error.message().contains(mention), qPrintable(error.message()));
    }

    void noKubeconfigAtAll()
    {
        const auto config = KubeConfig::load({}, {}, path(QStringLiteral("empty-home")));
        QVERIFY(!config.ok());
        // The way out (a kubeconfig option, the sandbox) is the front end's to phrase (KubeSession).
        QVERIFY2(config.error().message().contains(QStringLiteral(".kube/config")) &&
                     config.error().message().contains(QStringLiteral("KUBECONFIG")),
                 qPrintable(config.error().message()));
        const auto none = KubeConfig::load(
            {}, path(QStringLiteral("x1")) + QDir::listSeparator() + path(QStringLiteral("x2")),
            path(QStringLiteral("empty-home")));
        QVERIFY(!none.ok());
        QVERIFY(none.error().message().contains(QStringLiteral("x2")));
    }
};

QTEST_GUILESS_MAIN(TestKubeConfig)
#include "tst_kube_config.moc"
