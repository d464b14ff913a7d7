// TestKubeClient: how the connection is made: proxies from the environment or the kubeconfig, which CAs
// are trusted, private key forms, and an unreachable server.
#include "tst_kube_client.h"

void TestKubeClient::proxyFromEnvironment_data()
{
    QTest::addColumn<QString>("server");
    QTest::addColumn<QStringList>("environment");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("proxy"); // host:port, empty without a proxy

    const int http = QNetworkProxy::HttpProxy;
    const int socks = QNetworkProxy::Socks5Proxy;
    const int none = QNetworkProxy::NoProxy;
    const QString api = QStringLiteral("https://api.example:6443");
    QTest::newRow("HTTPS_PROXY") << api
                                 << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.example:3128")}
                                 << http << "proxy.example:3128";
    QTest::newRow("https_proxy socks5")
        << api << QStringList{QStringLiteral("https_proxy=socks5://socks.example")} << socks
        << "socks.example:1080";
    QTest::newRow("https proxy URL") << api
                                     << QStringList{QStringLiteral("HTTPS_PROXY=https://secure.example")}
                                     << http << "secure.example:443";
    QTest::newRow("http server uses HTTP_PROXY, no scheme means http")
        << "http://api.example:8080"
        << QStringList{QStringLiteral("HTTP_PROXY=proxy.example:8888"),
                       QStringLiteral("HTTPS_PROXY=http://other.example:1")}
        << http << "proxy.example:8888";
    QTest::newRow("https server ignores HTTP_PROXY")
        << api << QStringList{QStringLiteral("HTTP_PROXY=http://proxy.example:1")} << none << "";
    QTest::newRow("NO_PROXY domain suffix")
        << api
        << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.example:3128"),
                       QStringLiteral("NO_PROXY=corp.local, .example")}
        << none << "";
    QTest::newRow("no_proxy CIDR") << "https://10.1.2.3:6443"
                                   << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.example:3128"),
                                                  QStringLiteral("no_proxy=10.0.0.0/8")}
                                   << none << "";
    QTest::newRow("NO_PROXY for another host")
        << api
        << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.example:3128"),
                       QStringLiteral("NO_PROXY=other.org")}
        << http << "proxy.example:3128";
    QTest::newRow("loopback never proxied")
        << "https://127.0.0.1:6443" << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.example:3128")}
        << none << "";
}

void TestKubeClient::proxyFromEnvironment()
{
    QFETCH(QString, server);
    QFETCH(QStringList, environment);
    QFETCH(int, type);
    QFETCH(QString, proxy);
    const ProxyEnvironment scope(environment);
    KubeTarget t = target();
    t.cluster.server = server;
    KubeClient *c = client(t);
    QVERIFY(c);
    const QNetworkProxy chosen = c->transport().proxy;
    QCOMPARE(int(chosen.type()), type);
    if (!proxy.isEmpty())
        QCOMPARE(QStringLiteral("%1:%2").arg(chosen.hostName()).arg(chosen.port()), proxy);
    QCOMPARE(c->network()->proxy().type(), chosen.type());
    delete c;
}

void TestKubeClient::systemCasUnlessTheKubeconfigNamesOne()
{
    // No certificate-authority: Qt's default configuration, whose CA list is the system's roots
    // (loaded on demand at the first handshake on Linux), as client-go uses the system pool.
    // With one: only that CA, never the system roots added to it.
    KubeTarget t = target();
    t.cluster.server = QStringLiteral("https://api.example:6443");
    KubeClient *system = client(t);
    QVERIFY(system);
    QCOMPARE(system->transport().ssl.caCertificates(),
             QSslConfiguration::defaultConfiguration().caCertificates());
    QVERIFY(system->transport().ssl.peerVerifyMode() != QSslSocket::VerifyNone);
    delete system;

    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed: the test CA cannot be made.");
    const QString caKey = m_dir.filePath(QStringLiteral("own-ca.key"));
    const QString caCert = m_dir.filePath(QStringLiteral("own-ca.crt"));
    const QString failure = rcs::test::runToSuccess(
        QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
         QStringLiteral("-subj"), QStringLiteral("/CN=own-ca"), QStringLiteral("-days"), QStringLiteral("2"),
         QStringLiteral("-keyout"), caKey, QStringLiteral("-out"), caCert});
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    t.cluster.certificateAuthority = caCert;
    const QList<QSslCertificate> some = QSslCertificate::fromPath(caCert);
    QCOMPARE(some.size(), 1);
    KubeClient *own = client(t);
    QVERIFY(own);
    QCOMPARE(own->transport().ssl.caCertificates(), some);
    delete own;
}

void TestKubeClient::proxyUrlWinsOverTheEnvironment()
{
    const ProxyEnvironment scope({QStringLiteral("HTTPS_PROXY=http://proxy.example:3128")});
    KubeTarget t = target();
    t.cluster.server = QStringLiteral("https://api.example:6443");
    t.cluster.proxyUrl = QStringLiteral("socks5://127.0.0.1:1080");
    KubeClient *c = client(t);
    QVERIFY(c);
    QCOMPARE(c->transport().proxy.type(), QNetworkProxy::Socks5Proxy);
    QCOMPARE(c->transport().proxy.port(), quint16(1080));
    delete c;

    // An https:// proxy is reached with CONNECT over plain TCP (Qt cannot speak TLS to a proxy):
    // said as a warning, and refused when it carries a password that would cross in clear.
    Logger::instance().clear();
    t.cluster.proxyUrl = QStringLiteral("https://proxy.example:8443");
    c = client(t);
    QVERIFY(c);
    QCOMPARE(c->transport().proxy.type(), QNetworkProxy::HttpProxy);
    QCOMPARE(c->transport().proxy.port(), quint16(8443));
    bool warned = false;
    for (const LogEntry &entry : Logger::instance().entries())
        warned = warned ||
                 (entry.level == LogLevel::Warning && entry.message.contains(QStringLiteral("without TLS")));
    QVERIFY(warned);
    delete c;
    t.cluster.proxyUrl = QStringLiteral("https://user:s3cret@proxy.example:8443");
    const auto withPassword = KubeClient::create(t, this);
    QVERIFY(!withPassword.ok());
    QVERIFY2(withPassword.error().message().contains(QStringLiteral("without TLS")),
             qPrintable(withPassword.error().message()));
    QVERIFY(!withPassword.error().message().contains(QStringLiteral("s3cret")));

    t.cluster.proxyUrl = QStringLiteral("ftp://127.0.0.1:21");
    const auto refused = KubeClient::create(t, this);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message().contains(QStringLiteral("\"ftp\"")),
             qPrintable(refused.error().message()));
    QVERIFY(refused.error().message().contains(QStringLiteral("test-kubeconfig")));
}

void TestKubeClient::privateKeyForms()
{
    if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
        QSKIP("openssl is not installed: the test keys cannot be made.");
    const QString rsa = m_dir.filePath(QStringLiteral("rsa.key"));
    const QString ec = m_dir.filePath(QStringLiteral("ec.key"));
    for (const QStringList &args :
         {QStringList{QStringLiteral("genrsa"), QStringLiteral("-traditional"), QStringLiteral("-out"), rsa,
                      QStringLiteral("2048")},
          QStringList{QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"),
                      QStringLiteral("-genkey"), QStringLiteral("-noout"), QStringLiteral("-out"), ec},
          QStringList{QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt"),
                      QStringLiteral("-in"), rsa, QStringLiteral("-out"), rsa + QStringLiteral("8")},
          QStringList{QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-nocrypt"),
                      QStringLiteral("-in"), ec, QStringLiteral("-out"), ec + QStringLiteral("8")},
          QStringList{QStringLiteral("pkcs8"), QStringLiteral("-topk8"), QStringLiteral("-passout"),
                      QStringLiteral("pass:locked"), QStringLiteral("-in"), ec, QStringLiteral("-out"),
                      ec + QStringLiteral(".enc")}}) {
        const QString failure = rcs::test::runToSuccess(QStringLiteral("openssl"), args);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    // PKCS#1, SEC1 and PKCS#8 of both algorithms, from a file and inline.
    const QList<std::pair<QString, QSsl::KeyAlgorithm>> keys{{rsa, QSsl::Rsa},
                                                             {rsa + QStringLiteral("8"), QSsl::Rsa},
                                                             {ec, QSsl::Ec},
                                                             {ec + QStringLiteral("8"), QSsl::Ec}};
    for (const auto &[path, algorithm] : keys) {
        const auto fromFile = loadPrivateKey({}, path, QStringLiteral("client key"));
        QVERIFY2(fromFile.ok(), qPrintable(path + QStringLiteral(": ") + fromFile.error().message()));
        QCOMPARE(fromFile->algorithm(), algorithm);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto inlineData = loadPrivateKey(file.readAll(), {}, QStringLiteral("client key"));
        QVERIFY(inlineData.ok());
        QCOMPARE(inlineData->algorithm(), algorithm);
    }
    // An encrypted key cannot be used without a prompt: refused with the file's name.
    const auto locked = loadPrivateKey({}, ec + QStringLiteral(".enc"), QStringLiteral("client key"));
    QVERIFY(!locked.ok());
    QVERIFY2(locked.error().message().contains(QStringLiteral("ec.key.enc")),
             qPrintable(locked.error().message()));
    QVERIFY(locked.error().message().contains(QStringLiteral("unencrypted")));
}

void TestKubeClient::unreachableServerFailsFast()
{
    KubeTarget t = target();
    t.cluster.server = QStringLiteral("http://127.0.0.1:1"); // nothing listens on port 1
    KubeClient *c = client(t);
    KubeRequest *request =
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!run(request));
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(request->error().code(), ErrorCode::ConnectionFailed);
    QVERIFY2(request->errorString().contains(QStringLiteral("127.0.0.1:1")),
             qPrintable(request->errorString()));
}
