// KubeClient against a local HTTP responder: every auth form, exec-plugin caching/expiry/401 refresh,
// retries, paging, error decoding, path prefixes and watch reconnects. No cluster needed.
// This part: the auth forms and exec plugins; requests and watches are in tst_kube_client_requests.cpp,
// proxies, CAs and keys in tst_kube_client_connection.cpp.
#include "tst_kube_client.h"

void TestKubeClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = new HttpResponder(this);
    QVERIFY(m_server->listen());
}

void TestKubeClient::init()
{
    m_server->clearRequests();
    m_server->setHandler([](const HttpResponder::Request &) { return ok(); });
}

void TestKubeClient::tokenAndImpersonation()
{
    KubeTarget t = target();
    t.user.token = QStringLiteral("static-token-1");
    t.user.impersonate = QStringLiteral("jane");
    t.user.impersonateGroups = {QStringLiteral("ops")};
    t.user.impersonateUid = QStringLiteral("42");
    KubeClient *c = client(t);
    QVERIFY(c);
    QVERIFY(run(
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")})));
    const auto request = m_server->requests().last();
    QCOMPARE(request.path, QByteArray("/api/v1/namespaces/demo/pods/p"));
    QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer static-token-1"));
    QCOMPARE(request.headers.value("impersonate-user"), QByteArray("jane"));
    QCOMPARE(request.headers.value("impersonate-group"), QByteArray("ops"));
    QCOMPARE(request.headers.value("impersonate-uid"), QByteArray("42"));
    QCOMPARE(Logger::instance().redact(QStringLiteral("static-token-1")), QStringLiteral("***"));
}

void TestKubeClient::tokenFileIsReread()
{
    const QString path = m_dir.filePath(QStringLiteral("token"));
    auto writeToken = [&](const QByteArray &token) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(token + "\n");
    };
    writeToken("first-token");
    KubeTarget t = target();
    t.user.tokenFile = path;
    KubeClient *c = client(t);
    QVERIFY(c);
    const KubeObjectRef ns{QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("demo")};
    QVERIFY(run(c->get(ns)));
    writeToken("rotated-token");
    QVERIFY(run(c->get(ns)));
    QCOMPARE(m_server->requests().at(0).headers.value("authorization"), QByteArray("Bearer first-token"));
    QCOMPARE(m_server->requests().at(1).headers.value("authorization"), QByteArray("Bearer rotated-token"));
    QCOMPARE(m_server->requests().at(0).path, QByteArray("/api/v1/namespaces/demo"));
}

void TestKubeClient::basicAuth()
{
    KubeTarget t = target();
    t.user.username = QStringLiteral("admin");
    t.user.password = QStringLiteral("pa55word");
    KubeClient *c = client(t);
    QVERIFY(run(
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")})));
    QCOMPARE(m_server->requests().last().headers.value("authorization"),
             "Basic " + QByteArray("admin:pa55word").toBase64());
}

void TestKubeClient::pathPrefix()
{
    KubeClient *c = client(target(QStringLiteral("/k8s/clusters/c-xyz/")));
    QVERIFY(run(c->get({QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), QStringLiteral("demo"),
                        QStringLiteral("redis")})));
    QCOMPARE(m_server->requests().last().path,
             QByteArray("/k8s/clusters/c-xyz/apis/apps/v1/namespaces/demo/statefulsets/redis"));
    // WebSockets (exec, port-forward) keep the prefix too.
    const QUrl forward =
        c->transport().webSocketUrl(QStringLiteral("/api/v1/namespaces/demo/pods/p/portforward?ports=6379"));
    QCOMPARE(forward.scheme(), QStringLiteral("ws"));
    QCOMPARE(forward.path(), QStringLiteral("/k8s/clusters/c-xyz/api/v1/namespaces/demo/pods/p/portforward"));
    QCOMPARE(forward.query(), QStringLiteral("ports=6379"));
}

void TestKubeClient::execPluginCachesUntilExpiry()
{
    KubeTarget t = pluginTarget(QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate));
    KubeClient *c = client(t);
    QVERIFY(c);
    const KubeObjectRef pod{QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"),
                            QStringLiteral("p")};
    // Three concurrent requests share one plugin run.
    QList<KubeRequest *> requests;
    for (int i = 0; i < 3; ++i)
        requests.append(c->get(pod));
    for (KubeRequest *r : requests) {
        r->setAutoDelete(false);
        r->start();
    }
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(requests.begin(), requests.end(), [](KubeRequest *r) { return r->isFinished(); }), 20000);
    for (KubeRequest *r : requests)
        QVERIFY2(!r->hasError(), qPrintable(r->errorString()));
    QVERIFY(run(c->get(pod)));
    QCOMPARE(pluginRuns(), 1);
    QCOMPARE(c->credentials()->execRuns(), 1);
    for (const auto &request : m_server->requests())
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer tok-1"));

    // What the plugin saw: args, env from the kubeconfig, and the cluster info.
    QFile info(m_pluginDir + QStringLiteral("/info.json"));
    QVERIFY(info.open(QIODevice::ReadOnly));
    const QJsonObject execInfo = QJsonDocument::fromJson(info.readAll()).object();
    QCOMPARE(execInfo[QStringLiteral("kind")].toString(), QStringLiteral("ExecCredential"));
    QCOMPARE(execInfo[QStringLiteral("spec")][QStringLiteral("interactive")].toBool(true), false);
    QCOMPARE(execInfo[QStringLiteral("spec")][QStringLiteral("cluster")][QStringLiteral("server")].toString(),
             m_server->url());
    QFile args(m_pluginDir + QStringLiteral("/args"));
    QVERIFY(args.open(QIODevice::ReadOnly));
    QCOMPARE(args.readAll().trimmed(), QByteArray("--region eu"));
    QFile env(m_pluginDir + QStringLiteral("/env"));
    QVERIFY(env.open(QIODevice::ReadOnly));
    QCOMPARE(env.readAll().trimmed(), QByteArray("from-config"));
    QCOMPARE(Logger::instance().redact(QStringLiteral("tok-1 x")), QStringLiteral("*** x"));
}

void TestKubeClient::execPluginExpiredCredentialIsRefreshed()
{
    // v1beta1 and an expiry in the past: every request needs a fresh run.
    KubeTarget t = pluginTarget(QDateTime::currentDateTimeUtc().addSecs(-5).toString(Qt::ISODate),
                                QStringLiteral("client.authentication.k8s.io/v1beta1"));
    KubeClient *c = client(t);
    const KubeObjectRef pod{QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"),
                            QStringLiteral("p")};
    QVERIFY(run(c->get(pod)));
    QVERIFY(run(c->get(pod)));
    QCOMPARE(pluginRuns(), 2);
    QCOMPARE(m_server->requests().at(1).headers.value("authorization"), QByteArray("Bearer tok-2"));
}

void TestKubeClient::execPluginRerunOnceAfter401()
{
    KubeTarget t = pluginTarget(QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate));
    KubeClient *c = client(t);
    m_server->setHandler([](const HttpResponder::Request &r) {
        if (r.headers.value("authorization") == "Bearer tok-1")
            return status(401, kUnauthorized);
        return ok();
    });
    const KubeObjectRef pod{QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"),
                            QStringLiteral("p")};
    KubeRequest *request = c->get(pod);
    QVERIFY2(run(request), qPrintable(request->errorString()));
    QCOMPARE(pluginRuns(), 2);
    QCOMPARE(m_server->requests().size(), 2);

    // A server that keeps refusing: one re-run, then a clear Unauthorized error.
    m_server->setHandler([](const HttpResponder::Request &) { return status(401, kUnauthorized); });
    KubeRequest *refused = c->get(pod);
    QVERIFY(!run(refused));
    QCOMPARE(refused->error().code(), ErrorCode::Unauthorized);
    QCOMPARE(pluginRuns(), 3);
}

void TestKubeClient::execPluginMissingShowsInstallHint()
{
    KubeTarget t = target();
    t.user.exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
    t.user.exec.command = QStringLiteral("no-such-auth-plugin-rcs");
    t.user.exec.installHint = QStringLiteral("Install it with: apt install no-such-auth-plugin");
    KubeClient *c = client(t);
    KubeRequest *request =
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
    QVERIFY(!run(request));
    QVERIFY2(request->errorString().contains(QStringLiteral("apt install no-such-auth-plugin")),
             qPrintable(request->errorString()));
    QVERIFY(m_server->requests().isEmpty());
}

void TestKubeClient::execPluginNeedingATerminalIsRefused()
{
    KubeTarget t = pluginTarget(QString());
    t.user.exec.interactiveMode = QStringLiteral("Always");
    KubeClient *c = client(t);
    KubeRequest *request =
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
    QVERIFY(!run(request));
    QVERIFY2(request->errorString().contains(QStringLiteral("interactive")),
             qPrintable(request->errorString()));
    QCOMPARE(pluginRuns(), 0);
}

void TestKubeClient::execPluginFailureQuotesStderr()
{
    KubeTarget t = pluginTarget(QString());
    t.user.exec.env.append({QStringLiteral("FAIL"), QStringLiteral("no session")});
    KubeClient *c = client(t);
    KubeRequest *request =
        c->get({QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
    QVERIFY(!run(request));
    QVERIFY2(request->errorString().contains(QStringLiteral("plugin broke: no session")),
             qPrintable(request->errorString()));
    QVERIFY(request->errorString().contains(QStringLiteral("exit code 3")));
}

QTEST_GUILESS_MAIN(TestKubeClient)
