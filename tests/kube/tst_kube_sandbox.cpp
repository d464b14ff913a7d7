// KubeClient, KubeWatch, PortForward and the tests' PodExec against the real kube-sandbox executable: both
// auth forms, TLS and auth failures, server-side apply of the seed's manifests, readiness through a watch,
// exec, Redis traffic through the port-forward tunnel, scale, delete, PVCs and namespaces.
// This part: start-up and every way of authenticating; objects and pods are in tst_kube_sandbox_objects.cpp,
// exec and port-forward in tst_kube_sandbox_streams.cpp.
#include "tst_kube_sandbox.h"

void TestKubeSandbox::initTestCase()
{
    if (test::KubeSandboxFixture::executable().isEmpty())
        QSKIP("kube-sandbox is not built in this build tree (the sandbox target is absent).");
    const auto started = m_sandbox.start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
    const auto target = m_sandbox.target();
    QVERIFY2(target.ok(), qPrintable(target.error().message()));
    m_client = clientFor(*target);
    QVERIFY(m_client);
}

void TestKubeSandbox::cleanupTestCase()
{
    delete m_pods;
    m_sandbox.stop();
}

void TestKubeSandbox::tokenAuth()
{
    KubeRequest *nodes = m_client->list(QStringLiteral("v1"), QStringLiteral("Node"), {});
    QVERIFY2(run(nodes), qPrintable(nodes->errorString()));
    QCOMPARE(nodes->items().size(), 3);
}

void TestKubeSandbox::clientCertificateAuth()
{
    auto target = m_sandbox.target();
    QVERIFY(target.ok());
    target.value().user.token.clear();
    target.value().user.clientCertificate = m_sandbox.clientCertificatePath();
    target.value().user.clientKey = m_sandbox.clientKeyPath(); // an EC key
    KubeClient *client = clientFor(*target);
    QVERIFY(client);
    KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY2(run(list), qPrintable(list->errorString()));
    QVERIFY(!list->items().isEmpty());
}

void TestKubeSandbox::kubeconfigFileForms()
{
    // A kubeconfig file as operators have them: the CA and an RSA client certificate and key
    // (PKCS#1) as files named relative to the kubeconfig, an RSA key in PKCS#8 and the sandbox's EC
    // certificate and key inline as *-data. The RSA certificate is signed by the sandbox's CA.
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QSKIP("openssl is not installed: the RSA client certificate cannot be made.");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("pki")) &&
            QDir(dir.path()).mkpath(QStringLiteral("conf")));
    const QString pki = dir.filePath(QStringLiteral("pki/"));
    QVERIFY(QFile::copy(m_sandbox.caCertificatePath(), pki + QStringLiteral("ca.crt")));
    const QString caKey = m_sandbox.dataDir() + QStringLiteral("/ca.key");
    QString failure = test::runToSuccess(openssl, {QStringLiteral("genrsa"), QStringLiteral("-traditional"),
                                                   QStringLiteral("-out"), pki + QStringLiteral("rsa.key"),
                                                   QStringLiteral("2048")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(readFile(pki + QStringLiteral("rsa.key")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    failure =
        test::runToSuccess(openssl, {QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-key"),
                                     pki + QStringLiteral("rsa.key"), QStringLiteral("-subj"),
                                     QStringLiteral("/O=system:masters/CN=rsa-admin"), QStringLiteral("-out"),
                                     pki + QStringLiteral("rsa.csr")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = test::runToSuccess(
        openssl, {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                  pki + QStringLiteral("rsa.csr"), QStringLiteral("-CA"), m_sandbox.caCertificatePath(),
                  QStringLiteral("-CAkey"), caKey, QStringLiteral("-set_serial"), QStringLiteral("4242"),
                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-sha256"),
                  QStringLiteral("-out"), pki + QStringLiteral("rsa.crt")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    failure = test::runToSuccess(openssl, {QStringLiteral("pkcs8"), QStringLiteral("-topk8"),
                                           QStringLiteral("-nocrypt"), QStringLiteral("-in"),
                                           pki + QStringLiteral("rsa.key"), QStringLiteral("-out"),
                                           pki + QStringLiteral("rsa.pk8")});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(readFile(pki + QStringLiteral("rsa.pk8")).startsWith("-----BEGIN PRIVATE KEY-----"));

    auto data = [](const QByteArray &pem) { return QString::fromLatin1(pem.toBase64()); };
    const QString kubeconfig = dir.filePath(QStringLiteral("conf/kubeconfig"));
    QFile file(kubeconfig);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QStringLiteral(
                   "apiVersion: v1\nkind: Config\ncurrent-context: rsa\nclusters:\n"
                   "- name: sandbox\n  cluster:\n    server: %1\n    certificate-authority: ../pki/ca.crt\n"
                   "users:\n"
                   "- name: rsa\n  user:\n    client-certificate: ../pki/rsa.crt\n"
                   "    client-key: ../pki/rsa.key\n"
                   "- name: rsa-pkcs8\n  user:\n    client-certificate-data: %2\n    client-key-data: %3\n"
                   "- name: ec\n  user:\n    client-certificate-data: %4\n    client-key-data: %5\n"
                   "- name: nobody\n  user: {}\n"
                   "contexts:\n"
                   "- {name: rsa, context: {cluster: sandbox, user: rsa}}\n"
                   "- {name: rsa-pkcs8, context: {cluster: sandbox, user: rsa-pkcs8}}\n"
                   "- {name: ec, context: {cluster: sandbox, user: ec}}\n"
                   "- {name: nobody, context: {cluster: sandbox, user: nobody}}\n")
                   .arg(m_sandbox.target()->cluster.server, data(readFile(pki + QStringLiteral("rsa.crt"))),
                        data(readFile(pki + QStringLiteral("rsa.pk8"))),
                        data(readFile(m_sandbox.clientCertificatePath())),
                        data(readFile(m_sandbox.clientKeyPath())))
                   .toUtf8());
    file.close();
    const auto config = KubeConfig::load(kubeconfig);
    QVERIFY2(config.ok(), qPrintable(config.error().message()));

    for (const QString &context :
         {QStringLiteral("rsa"), QStringLiteral("rsa-pkcs8"), QStringLiteral("ec")}) {
        const auto target = config->resolve(context);
        QVERIFY2(target.ok(), qPrintable(target.error().message()));
        QVERIFY(target->user.token.isEmpty());
        KubeClient *client = clientFor(*target);
        QVERIFY2(client, qPrintable(context));
        KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
        QVERIFY2(run(list), qPrintable(context + QStringLiteral(": ") + list->errorString()));
        QVERIFY(!list->items().isEmpty());
        delete client;
    }
    // Without a certificate the same server refuses: the certificates above did authenticate.
    KubeClient *anonymous = clientFor(*config->resolve(QStringLiteral("nobody")));
    QVERIFY(anonymous);
    KubeRequest *refused = anonymous->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY(!run(refused));
    QCOMPARE(refused->error().code(), ErrorCode::Unauthorized);
    delete anonymous;
}

void TestKubeSandbox::execPluginClientCertificate()
{
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("cert-plugin.sh"));
    QVERIFY(writeExecutable(script, kCertificatePlugin));
    auto target = m_sandbox.target();
    target.value().user.token.clear();
    target.value().user.exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    target.value().user.exec.command = script;
    target.value().user.exec.interactiveMode = QStringLiteral("Never");
    target.value().user.exec.env = {{QStringLiteral("CERT"), m_sandbox.clientCertificatePath()},
                                    {QStringLiteral("KEY"), m_sandbox.clientKeyPath()}};
    KubeClient *client = clientFor(*target);
    QVERIFY(client);
    KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY2(run(list), qPrintable(list->errorString()));
    QCOMPARE(client->credentials()->execRuns(), 1);
}

void TestKubeSandbox::execPluginTokenCachedExpiredAndRefreshedAfter401()
{
    // A v1beta1 plugin counting its runs, against the real API server's token check.
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("token-plugin.sh"));
    QVERIFY(writeExecutable(script, kTokenPlugin));
    auto pluginTarget = [&](const QString &runs, const QDateTime &expiry, bool firstRevoked) {
        QDir().mkpath(dir.filePath(runs));
        auto target = m_sandbox.target();
        target.value().user.token.clear();
        KubeExecConfig &exec = target.value().user.exec;
        exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1beta1");
        exec.command = script;
        exec.interactiveMode = QStringLiteral("Never");
        exec.env = {{QStringLiteral("DIR"), dir.filePath(runs)},
                    {QStringLiteral("TOKEN"), QString::fromUtf8(m_sandbox.token())},
                    {QStringLiteral("EXPIRY"), expiry.toUTC().toString(Qt::ISODate)}};
        if (firstRevoked)
            exec.env.append({QStringLiteral("FIRST_REVOKED"), QStringLiteral("1")});
        return *target;
    };
    auto runs = [&](const QString &name) {
        return readFile(dir.filePath(name + QStringLiteral("/count"))).trimmed().toInt();
    };
    auto listNamespaces = [&](KubeClient *client) {
        KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
        const bool ok = run(list);
        if (!ok)
            qWarning() << list->errorString();
        return ok;
    };
    const QDateTime inAnHour = QDateTime::currentDateTimeUtc().addSecs(3600);

    // The first token is refused (401): the plugin runs once more and the call succeeds; then the
    // new token is cached until its expiry.
    KubeClient *refreshed = clientFor(pluginTarget(QStringLiteral("refresh"), inAnHour, true));
    QVERIFY(refreshed);
    QVERIFY(listNamespaces(refreshed));
    QCOMPARE(runs(QStringLiteral("refresh")), 2);
    QVERIFY(listNamespaces(refreshed));
    QVERIFY(listNamespaces(refreshed));
    QCOMPARE(runs(QStringLiteral("refresh")), 2);
    delete refreshed;

    // An expired credential is never reused: every call runs the plugin.
    KubeClient *expired = clientFor(
        pluginTarget(QStringLiteral("expired"), QDateTime::currentDateTimeUtc().addSecs(-60), false));
    QVERIFY(expired);
    QVERIFY(listNamespaces(expired));
    QVERIFY(listNamespaces(expired));
    QCOMPARE(runs(QStringLiteral("expired")), 2);
    delete expired;
}

void TestKubeSandbox::proxyUrl()
{
    ConnectProxy proxy;
    QVERIFY(proxy.listen());
    auto target = m_sandbox.target();
    target.value().cluster.proxyUrl = QStringLiteral("http://127.0.0.1:%1").arg(proxy.port());
    KubeClient *client = clientFor(*target);
    QVERIFY(client);
    KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY2(run(list), qPrintable(list->errorString()));
    QCOMPARE(proxy.targets().size(), 1);
    QCOMPARE(proxy.targets().first(), client->transport().server.authority());
    delete client;
}

void TestKubeSandbox::socks5ProxyUrl()
{
    Socks5Proxy proxy;
    QVERIFY(proxy.listen());
    auto target = m_sandbox.target();
    target.value().cluster.proxyUrl = QStringLiteral("socks5://127.0.0.1:%1").arg(proxy.port());
    KubeClient *client = clientFor(*target);
    QVERIFY(client);
    KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY2(run(list), qPrintable(list->errorString()));
    QVERIFY(!proxy.targets().isEmpty());
    QCOMPARE(proxy.targets().first(), client->transport().server.authority());
    delete client;
}

void TestKubeSandbox::wrongTokenIsRejected()
{
    auto target = m_sandbox.target();
    target.value().user.token = QStringLiteral("not-the-token");
    KubeClient *client = clientFor(*target);
    KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Pod"), kNs);
    QVERIFY(!run(list));
    QCOMPARE(list->error().code(), ErrorCode::Unauthorized);
    QVERIFY2(list->errorString().contains(QStringLiteral("401")), qPrintable(list->errorString()));
}

void TestKubeSandbox::wrongCaFailsFast()
{
    auto target = m_sandbox.target();
    // A certificate that did not issue the server's: verification must fail, quickly and clearly.
    QFile other(m_sandbox.clientCertificatePath());
    QVERIFY(other.open(QIODevice::ReadOnly));
    target.value().cluster.certificateAuthorityData = other.readAll();
    KubeClient *client = clientFor(*target);
    QVERIFY(client);
    KubeRequest *list = client->list(QStringLiteral("v1"), QStringLiteral("Pod"), kNs);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!run(list, 30000));
    QVERIFY(timer.elapsed() < 15000);
    QCOMPARE(list->error().code(), ErrorCode::ConnectionFailed);
    QVERIFY2(list->errorString().contains(QStringLiteral("TLS")), qPrintable(list->errorString()));
    QVERIFY(list->errorString().contains(QStringLiteral("certificate-authority")));
}

void TestKubeSandbox::tlsServerNameAndInsecure()
{
    // The server certificate names 127.0.0.1 and localhost: tls-server-name picks the name checked.
    auto target = m_sandbox.target();
    target.value().cluster.tlsServerName = QStringLiteral("localhost");
    KubeClient *named = clientFor(*target);
    KubeRequest *ok = named->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY2(run(ok), qPrintable(ok->errorString()));

    target.value().cluster.tlsServerName = QStringLiteral("api.elsewhere.example");
    KubeClient *wrong = clientFor(*target);
    KubeRequest *refused = wrong->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY(!run(refused, 30000));
    QCOMPARE(refused->error().code(), ErrorCode::ConnectionFailed);

    // insecure-skip-tls-verify works without the CA, and says loudly what it costs.
    auto insecure = m_sandbox.target();
    insecure.value().cluster.certificateAuthorityData.clear();
    insecure.value().cluster.insecureSkipTlsVerify = true;
    Logger::instance().clear();
    KubeClient *unchecked = clientFor(*insecure);
    KubeRequest *list = unchecked->list(QStringLiteral("v1"), QStringLiteral("Namespace"), {});
    QVERIFY2(run(list), qPrintable(list->errorString()));
    bool warned = false;
    for (const LogEntry &entry : Logger::instance().entries())
        warned = warned ||
                 (entry.level == LogLevel::Warning && entry.message.contains(QStringLiteral("NOT checked")));
    QVERIFY(warned);
}

QTEST_GUILESS_MAIN(TestKubeSandbox)
