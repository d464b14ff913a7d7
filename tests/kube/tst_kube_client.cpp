// KubeClient against a local HTTP responder: every auth form, exec-plugin caching/expiry/401 refresh,
// retries, paging, error decoding, path prefixes and watch reconnects. No cluster needed.
#include "common/logger.h"
#include "http_responder.h"
#include "kube/kube_client.h"
#include "kube/kube_credentials.h"
#include "kube/kube_watch.h"
#include "kube/retry_after.h"
#include "kube_client_samples.h"
#include "support/program_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray podJson(const QString &name, const QString &rv)
{
    return json(
        {{QStringLiteral("kind"), QStringLiteral("Pod")},
         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("namespace"), QStringLiteral("demo")},
                                                  {QStringLiteral("resourceVersion"), rv}}}});
}

HttpResponder::Response ok(const QByteArray &body = "{}")
{
    HttpResponder::Response r;
    r.body = body;
    return r;
}

HttpResponder::Response status(int code, const QByteArray &body)
{
    HttpResponder::Response r;
    r.status = code;
    r.body = body;
    return r;
}

// Runs the job to completion (bounded) and returns whether it succeeded.
bool run(Job *job, int timeoutMs = 20000)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Job::finished);
    job->start();
    return spy.wait(timeoutMs) && !job->hasError();
}

// Sets proxy variables for one test and restores the previous environment afterwards.
class ProxyEnvironment final {
public:
    explicit ProxyEnvironment(const QStringList &assignments)
    {
        for (const char *name : kNames) {
            if (qEnvironmentVariableIsSet(name))
                m_saved.append({name, qgetenv(name)});
            qunsetenv(name);
        }
        for (const QString &assignment : assignments)
            qputenv(assignment.section(QLatin1Char('='), 0, 0).toLatin1().constData(),
                    assignment.section(QLatin1Char('='), 1).toUtf8());
    }
    ~ProxyEnvironment()
    {
        for (const char *name : kNames)
            qunsetenv(name);
        for (const auto &[name, value] : m_saved)
            qputenv(name, value);
    }
    ProxyEnvironment(const ProxyEnvironment &) = delete;
    ProxyEnvironment &operator=(const ProxyEnvironment &) = delete;

private:
    static constexpr const char *kNames[] = {"HTTPS_PROXY", "https_proxy", "HTTP_PROXY",
                                             "http_proxy",  "NO_PROXY",    "no_proxy"};
    QList<std::pair<const char *, QByteArray>> m_saved;
};

} // namespace

class TestKubeClient final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    HttpResponder *m_server = nullptr;

    KubeTarget target(const QString &prefix = {}) const
    {
        KubeTarget t;
        t.contextName = QStringLiteral("test");
        t.cluster.name = QStringLiteral("local");
        t.cluster.server = m_server->url() + prefix;
        t.cluster.definedIn = QStringLiteral("test-kubeconfig");
        t.user.name = QStringLiteral("tester");
        t.user.definedIn = QStringLiteral("test-kubeconfig");
        t.ns = QStringLiteral("demo");
        return t;
    }

    KubeClient *client(const KubeTarget &t)
    {
        auto created = KubeClient::create(t, this);
        if (!created) {
            qWarning() << created.error().message();
            return nullptr;
        }
        return *created;
    }

    KubeTarget pluginTarget(const QString &expiry,
                            const QString &api = QStringLiteral("client.authentication.k8s.io/v1"))
    {
        const QString dir =
            m_dir.filePath(QStringLiteral("plugin-%1")
                               .arg(QString::number(qHash(expiry + api + QString::number(++m_pluginDirs)))));
        QDir().mkpath(dir);
        const QString script = dir + QStringLiteral("/plugin.sh");
        QFile file(script);
        file.open(QIODevice::WriteOnly);
        file.write(kPluginScript);
        file.close();
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        KubeTarget t = target();
        t.user.exec.apiVersion = api;
        t.user.exec.command = script;
        t.user.exec.args = {QStringLiteral("--region"), QStringLiteral("eu")};
        t.user.exec.env = {{QStringLiteral("EXPIRY"), expiry},
                           {QStringLiteral("API"), api},
                           {QStringLiteral("PLUGIN_ENV"), QStringLiteral("from-config")}};
        t.user.exec.provideClusterInfo = true;
        t.user.exec.interactiveMode = QStringLiteral("Never");
        m_pluginDir = dir;
        return t;
    }

    int pluginRuns() const
    {
        QFile file(m_pluginDir + QStringLiteral("/count"));
        return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed().toInt() : 0;
    }

    QString m_pluginDir;
    int m_pluginDirs = 0;

    // Gets pod demo/p, which must succeed after exactly `attempts` attempts: the milliseconds it took,
    // or -1 (and a recorded failure) otherwise.
    qint64 getPodRetried(KubeClient *c, int attempts)
    {
        KubeRequest *request = c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
        QElapsedTimer timer;
        timer.start();
        const bool ok = run(request);
        const qint64 elapsed = timer.elapsed();
        if (!ok)
            QTest::qFail(qPrintable(request->errorString()), __FILE__, __LINE__);
        else if (request->attempts() != attempts)
            QTest::qFail(
                qPrintable(QStringLiteral("%1 attempts, expected %2").arg(request->attempts()).arg(attempts)),
                __FILE__, __LINE__);
        return ok && request->attempts() == attempts ? elapsed : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = new HttpResponder(this);
        QVERIFY(m_server->listen());
    }

    void init()
    {
        m_server->clearRequests();
        m_server->setHandler([](const HttpResponder::Request &) { return ok(); });
    }

    void tokenAndImpersonation()
    {
        KubeTarget t = target();
        t.user.token = QStringLiteral("static-token-1");
        t.user.impersonate = QStringLiteral("jane");
        t.user.impersonateGroups = {QStringLiteral("ops")};
        t.user.impersonateUid = QStringLiteral("42");
        KubeClient *c = client(t);
        QVERIFY(c);
        QVERIFY(run(c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")})));
        const auto request = m_server->requests().last();
        QCOMPARE(request.path, QByteArray("/api/v1/namespaces/demo/pods/p"));
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer static-token-1"));
        QCOMPARE(request.headers.value("impersonate-user"), QByteArray("jane"));
        QCOMPARE(request.headers.value("impersonate-group"), QByteArray("ops"));
        QCOMPARE(request.headers.value("impersonate-uid"), QByteArray("42"));
        QCOMPARE(Logger::instance().redact(QStringLiteral("static-token-1")), QStringLiteral("***"));
    }

    void tokenFileIsReread()
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
        QCOMPARE(m_server->requests().at(1).headers.value("authorization"),
                 QByteArray("Bearer rotated-token"));
        QCOMPARE(m_server->requests().at(0).path, QByteArray("/api/v1/namespaces/demo"));
    }

    void basicAuth()
    {
        KubeTarget t = target();
        t.user.username = QStringLiteral("admin");
        t.user.password = QStringLiteral("pa55word");
        KubeClient *c = client(t);
        QVERIFY(run(c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")})));
        QCOMPARE(m_server->requests().last().headers.value("authorization"),
                 "Basic " + QByteArray("admin:pa55word").toBase64());
    }

    void pathPrefix()
    {
        KubeClient *c = client(target(QStringLiteral("/k8s/clusters/c-xyz/")));
        QVERIFY(run(c->get({QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), QStringLiteral("demo"),
                            QStringLiteral("redis")})));
        QCOMPARE(m_server->requests().last().path,
                 QByteArray("/k8s/clusters/c-xyz/apis/apps/v1/namespaces/demo/statefulsets/redis"));
        // WebSockets (exec, port-forward) keep the prefix too.
        const QUrl forward = c->transport().webSocketUrl(
            QStringLiteral("/api/v1/namespaces/demo/pods/p/portforward?ports=6379"));
        QCOMPARE(forward.scheme(), QStringLiteral("ws"));
        QCOMPARE(forward.path(),
                 QStringLiteral("/k8s/clusters/c-xyz/api/v1/namespaces/demo/pods/p/portforward"));
        QCOMPARE(forward.query(), QStringLiteral("ports=6379"));
    }

    void execPluginCachesUntilExpiry()
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
            std::all_of(requests.begin(), requests.end(), [](KubeRequest *r) { return r->isFinished(); }),
            20000);
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
        QCOMPARE(
            execInfo[QStringLiteral("spec")][QStringLiteral("cluster")][QStringLiteral("server")].toString(),
            m_server->url());
        QFile args(m_pluginDir + QStringLiteral("/args"));
        QVERIFY(args.open(QIODevice::ReadOnly));
        QCOMPARE(args.readAll().trimmed(), QByteArray("--region eu"));
        QFile env(m_pluginDir + QStringLiteral("/env"));
        QVERIFY(env.open(QIODevice::ReadOnly));
        QCOMPARE(env.readAll().trimmed(), QByteArray("from-config"));
        QCOMPARE(Logger::instance().redact(QStringLiteral("tok-1 x")), QStringLiteral("*** x"));
    }

    void execPluginExpiredCredentialIsRefreshed()
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

    void execPluginRerunOnceAfter401()
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

    void execPluginMissingShowsInstallHint()
    {
        KubeTarget t = target();
        t.user.exec.apiVersion = QStringLiteral("client.authentication.k8s.io/v1");
        t.user.exec.command = QStringLiteral("no-such-auth-plugin-rcs");
        t.user.exec.installHint = QStringLiteral("Install it with: apt install no-such-auth-plugin");
        KubeClient *c = client(t);
        KubeRequest *request = c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
        QVERIFY(!run(request));
        QVERIFY2(request->errorString().contains(QStringLiteral("apt install no-such-auth-plugin")),
                 qPrintable(request->errorString()));
        QVERIFY(m_server->requests().isEmpty());
    }

    void execPluginNeedingATerminalIsRefused()
    {
        KubeTarget t = pluginTarget(QString());
        t.user.exec.interactiveMode = QStringLiteral("Always");
        KubeClient *c = client(t);
        KubeRequest *request = c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
        QVERIFY(!run(request));
        QVERIFY2(request->errorString().contains(QStringLiteral("interactive")),
                 qPrintable(request->errorString()));
        QCOMPARE(pluginRuns(), 0);
    }

    void execPluginFailureQuotesStderr()
    {
        KubeTarget t = pluginTarget(QString());
        t.user.exec.env.append({QStringLiteral("FAIL"), QStringLiteral("no session")});
        KubeClient *c = client(t);
        KubeRequest *request = c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
        QVERIFY(!run(request));
        QVERIFY2(request->errorString().contains(QStringLiteral("plugin broke: no session")),
                 qPrintable(request->errorString()));
        QVERIFY(request->errorString().contains(QStringLiteral("exit code 3")));
    }

    void retriesAfter429AndServerErrors()
    {
        int calls = 0;
        m_server->setHandler([&calls](const HttpResponder::Request &) {
            ++calls;
            if (calls == 1) {
                HttpResponder::Response r = status(429, kTooManyRequests);
                r.headers.append(qMakePair(QByteArray("Retry-After"), QByteArray("1")));
                return r;
            }
            if (calls == 2)
                return status(503, "<html>unavailable</html>");
            return ok(kPodBody);
        });
        KubeClient *c = client(target());
        QVERIFY(getPodRetried(c, 3) >= 900); // Retry-After: 1 was honoured

        // A write is not retried on 5xx: it may have been applied.
        calls = 10;
        m_server->setHandler(
            [](const HttpResponder::Request &) { return status(503, "<html>unavailable</html>"); });
        KubeRequest *create =
            c->create(QJsonObject{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                                  {QStringLiteral("kind"), QStringLiteral("ConfigMap")},
                                  {QStringLiteral("metadata"),
                                   QJsonObject{{QStringLiteral("name"), QStringLiteral("c")},
                                               {QStringLiteral("namespace"), QStringLiteral("demo")}}}});
        QVERIFY(!run(create));
        QCOMPARE(create->attempts(), 1);
        QVERIFY2(create->errorString().contains(QStringLiteral("503")), qPrintable(create->errorString()));
        QVERIFY(create->errorString().contains(QStringLiteral("unavailable")));
    }

    void retryAfterForms_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<int>("expectedMs"); // -1: not readable, the caller's own back-off applies
        QTest::newRow("seconds") << QByteArray("2") << 2000;
        QTest::newRow("seconds with spaces") << QByteArray(" 1 ") << 1000;
        QTest::newRow("zero") << QByteArray("0") << 0;
        QTest::newRow("capped") << QByteArray("3600") << 30000;
        QTest::newRow("negative") << QByteArray("-5") << -1;
        QTest::newRow("http date ahead") << QByteArray("Fri, 27 Nov 2026 10:00:07 GMT") << 7000;
        QTest::newRow("http date past") << QByteArray("Fri, 27 Nov 2026 09:59:00 GMT") << 0;
        QTest::newRow("http date far") << QByteArray("Sat, 28 Nov 2026 10:00:00 GMT") << 30000;
        QTest::newRow("empty") << QByteArray() << -1;
        QTest::newRow("garbage") << QByteArray("soon") << -1;
    }

    void retryAfterForms()
    {
        QFETCH(QByteArray, header);
        QFETCH(int, expectedMs);
        const QDateTime now(QDate(2026, 11, 27), QTime(10, 0), Qt::UTC);
        const std::optional<int> ms = rcs::retryAfterMs(header, now);
        QCOMPARE(ms.value_or(-1), expectedMs);
    }

    // A 503 whose Retry-After is an HTTP-date two seconds ahead: the read waits for it, then succeeds.
    void retryAfterHttpDateIsHonoured()
    {
        int calls = 0;
        m_server->setHandler([&calls](const HttpResponder::Request &) {
            if (++calls == 1) {
                HttpResponder::Response r = status(503, "<html>unavailable</html>");
                const QDateTime when = QDateTime::currentDateTimeUtc().addSecs(2);
                r.headers.append(
                    qMakePair(QByteArray("Retry-After"),
                              QLocale::c()
                                  .toString(when, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                                  .toLatin1()));
                return r;
            }
            return ok(kPodBody);
        });
        // The date has whole seconds: at least one full second was waited (the back-off alone is far
        // shorter).
        const qint64 elapsed = getPodRetried(client(target()), 2);
        QVERIFY2(elapsed >= 1000, qPrintable(QString::number(elapsed)));
    }

    void warningHeadersAreLogged()
    {
        m_server->setHandler([](const HttpResponder::Request &) {
            HttpResponder::Response r = ok();
            r.headers.append(qMakePair(QByteArray("Warning"), QByteArray(kDeprecationWarning)));
            return r;
        });
        KubeClient *c = client(target());
        Logger::instance().clear();
        QVERIFY(run(c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")})));
        bool found = false;
        for (const LogEntry &entry : Logger::instance().entries())
            found = found || entry.message.contains(QStringLiteral("PodDisruptionBudget is deprecated"));
        QVERIFY(found);
    }

    void listFollowsContinue()
    {
        m_server->setHandler([](const HttpResponder::Request &r) {
            const QString cont = r.query.queryItemValue(QStringLiteral("continue"));
            const bool first = cont.isEmpty();
            QJsonObject list{
                {QStringLiteral("kind"), QStringLiteral("PodList")},
                {QStringLiteral("metadata"),
                 QJsonObject{{QStringLiteral("resourceVersion"), QStringLiteral("77")},
                             {QStringLiteral("continue"), first ? QStringLiteral("page2") : QString()}}},
                {QStringLiteral("items"),
                 QJsonArray{
                     QJsonObject{{QStringLiteral("metadata"),
                                  QJsonObject{{QStringLiteral("name"),
                                               first ? QStringLiteral("a") : QStringLiteral("b")}}}}}}};
            return ok(json(list));
        });
        KubeClient *c = client(target());
        KubeListOptions options;
        options.labelSelector = QStringLiteral("app=redis");
        options.limit = 1;
        KubeRequest *list =
            c->list(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), options);
        QVERIFY(run(list));
        QCOMPARE(list->items().size(), 2);
        QCOMPARE(list->listResourceVersion(), QStringLiteral("77"));
        QCOMPARE(m_server->requests().size(), 2);
        QCOMPARE(m_server->requests().at(0).query.queryItemValue(QStringLiteral("labelSelector")),
                 QStringLiteral("app=redis"));
        QCOMPARE(m_server->requests().at(1).query.queryItemValue(QStringLiteral("continue")),
                 QStringLiteral("page2"));
    }

    void applyAndScaleSendWhatKubectlSends()
    {
        KubeClient *c = client(target());
        Logger::instance().clear();
        const QJsonObject sts{{QStringLiteral("apiVersion"), QStringLiteral("apps/v1")},
                              {QStringLiteral("kind"), QStringLiteral("StatefulSet")},
                              {QStringLiteral("metadata"),
                               QJsonObject{{QStringLiteral("name"), QStringLiteral("redis-app")},
                                           {QStringLiteral("namespace"), QStringLiteral("redis-cluster")},
                                           {QStringLiteral("managedFields"), QJsonArray{}}}}};
        QVERIFY(run(c->apply(sts)));
        const auto apply = m_server->requests().last();
        QCOMPARE(apply.method, QByteArray("PATCH"));
        QCOMPARE(apply.path, QByteArray("/apis/apps/v1/namespaces/redis-cluster/statefulsets/redis-app"));
        QCOMPARE(apply.headers.value("content-type"), QByteArray("application/apply-patch+yaml"));
        QCOMPARE(apply.query.queryItemValue(QStringLiteral("fieldManager")),
                 QStringLiteral("redis-cluster-studio"));
        QCOMPARE(apply.query.queryItemValue(QStringLiteral("force")), QStringLiteral("true"));
        QVERIFY(!apply.body.contains("managedFields"));

        const KubeObjectRef ref{QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"),
                                QStringLiteral("redis-cluster"), QStringLiteral("redis-app")};
        QVERIFY(run(c->scale(ref, 7)));
        const auto scale = m_server->requests().last();
        QCOMPARE(scale.path,
                 QByteArray("/apis/apps/v1/namespaces/redis-cluster/statefulsets/redis-app/scale"));
        QCOMPARE(scale.headers.value("content-type"), QByteArray("application/merge-patch+json"));
        QCOMPARE(QJsonDocument::fromJson(scale.body)
                     .object()[QStringLiteral("spec")][QStringLiteral("replicas")]
                     .toInt(),
                 7);

        QVERIFY(run(c->remove(ref, PropagationPolicy::Foreground)));
        const auto remove = m_server->requests().last();
        QCOMPARE(remove.method, QByteArray("DELETE"));
        QCOMPARE(
            QJsonDocument::fromJson(remove.body).object()[QStringLiteral("propagationPolicy")].toString(),
            QStringLiteral("Foreground"));

        QStringList commands;
        for (const LogEntry &entry : Logger::instance().entries())
            commands.append(entry.command);
        QVERIFY2(commands.contains(
                     QStringLiteral("kubectl -n redis-cluster scale statefulset redis-app --replicas=7")),
                 qPrintable(commands.join(QLatin1Char('\n'))));
        QVERIFY(commands.contains(
            QStringLiteral("kubectl -n redis-cluster delete statefulset redis-app --cascade=foreground")));
    }

    void discoveryForUnknownKinds()
    {
        m_server->setHandler([](const HttpResponder::Request &r) {
            if (r.path == "/apis/example.com/v1")
                return ok(kWidgetDiscovery);
            return ok();
        });
        KubeClient *c = client(target());
        QVERIFY(run(c->get({QStringLiteral("example.com/v1"), QStringLiteral("Widget"),
                            QStringLiteral("demo"), QStringLiteral("w")})));
        QCOMPARE(m_server->requests().last().path,
                 QByteArray("/apis/example.com/v1/namespaces/demo/widgets/w"));
        KubeRequest *unknown = c->get({QStringLiteral("example.com/v1"), QStringLiteral("Gadget"),
                                       QStringLiteral("demo"), QStringLiteral("g")});
        QVERIFY(!run(unknown));
        QVERIFY(unknown->errorString().contains(QStringLiteral("Gadget")));
    }

    void watchReconnectsAndRelistsAfter410()
    {
        int lists = 0;
        QStringList watchVersions;
        m_server->setHandler([&](const HttpResponder::Request &r) {
            if (r.query.queryItemValue(QStringLiteral("watch")) != QLatin1String("true")) {
                ++lists;
                const QString rv = lists == 1 ? QStringLiteral("10") : QStringLiteral("20");
                QJsonArray items{
                    QJsonDocument::fromJson(podJson(QStringLiteral("a"), QStringLiteral("9"))).object()};
                if (lists > 1)
                    items.append(
                        QJsonDocument::fromJson(podJson(QStringLiteral("c"), QStringLiteral("19"))).object());
                return ok(
                    json({{QStringLiteral("kind"), QStringLiteral("PodList")},
                          {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"), rv}}},
                          {QStringLiteral("items"), items}}));
            }
            const QString from = r.query.queryItemValue(QStringLiteral("resourceVersion"));
            watchVersions.append(from);
            HttpResponder::Response response;
            if (from == QLatin1String("10")) {
                const QByteArray added =
                    kAddedEventPrefix + podJson(QStringLiteral("b"), QStringLiteral("11")) + "}\n";
                response.chunks = {added.left(17), added.mid(17, 30), added.mid(47),
                                   QByteArray(kBookmarkEvent) + "\n"};
            } else if (from == QLatin1String("15")) {
                response.chunks = {QByteArray(kExpiredEvent) + "\n"};
            } else if (from == QLatin1String("20")) {
                response.chunks = {kModifiedEventPrefix + podJson(QStringLiteral("c"), QStringLiteral("21")) +
                                   "}\n"};
            } else {
                response.chunks = {"\n"};
            }
            return response;
        });
        KubeClient *c = client(target());
        KubeWatch *watch = c->watch(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
        QSignalSpy synced(watch, &KubeWatch::synced);
        QSignalSpy events(watch, &KubeWatch::eventReceived);
        QSignalSpy failed(watch, &KubeWatch::failed);
        watch->start();
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 20000);
        watch->stop();
        QCOMPARE(failed.size(), 0);
        QCOMPARE(synced.size(), 2);
        QCOMPARE(watch->relists(), 2);
        QCOMPARE(watchVersions.mid(0, 3),
                 (QStringList{QStringLiteral("10"), QStringLiteral("15"), QStringLiteral("20")}));
        const auto first = events.at(0).at(0).value<KubeWatchEvent>();
        QCOMPARE(first.type, KubeWatchEvent::Type::Added);
        QCOMPARE(first.object[QStringLiteral("metadata")][QStringLiteral("name")].toString(),
                 QStringLiteral("b"));
        QCOMPARE(watch->resourceVersion(), QStringLiteral("21"));
        QCOMPARE(watch->objects().size(), 2); // a and c after the re-list
    }

    void watchRelistsAfterHttp410()
    {
        int lists = 0;
        m_server->setHandler([&](const HttpResponder::Request &r) {
            if (r.query.queryItemValue(QStringLiteral("watch")) != QLatin1String("true")) {
                ++lists;
                return ok(json({{QStringLiteral("kind"), QStringLiteral("PodList")},
                                {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("resourceVersion"),
                                                                          QString::number(lists * 100)}}},
                                {QStringLiteral("items"), QJsonArray{}}}));
            }
            if (r.query.queryItemValue(QStringLiteral("resourceVersion")) == QLatin1String("100"))
                return status(410, kGone);
            HttpResponder::Response response;
            response.chunks = {QByteArray(kModifiedEventPrefix) +
                               podJson(QStringLiteral("x"), QStringLiteral("201")) + "}\n"};
            return response;
        });
        KubeClient *c = client(target());
        KubeWatch *watch = c->watch(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
        QSignalSpy events(watch, &KubeWatch::eventReceived);
        QSignalSpy failed(watch, &KubeWatch::failed);
        watch->start();
        QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 20000);
        watch->stop();
        QCOMPARE(failed.size(), 0);
        QCOMPARE(lists, 2);
        QCOMPARE(watch->resourceVersion(), QStringLiteral("201"));
    }

    void watchFailsOnForbidden()
    {
        m_server->setHandler([](const HttpResponder::Request &) { return status(403, kForbidden); });
        KubeClient *c = client(target());
        KubeWatch *watch = c->watch(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
        QSignalSpy failed(watch, &KubeWatch::failed);
        watch->start();
        QVERIFY(failed.wait(20000));
        QCOMPARE(failed.at(0).at(0).value<Error>().code(), ErrorCode::Forbidden);
        QVERIFY(!watch->isRunning());
    }

    void proxyFromEnvironment_data()
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
        QTest::newRow("https proxy URL")
            << api << QStringList{QStringLiteral("HTTPS_PROXY=https://secure.example")} << http
            << "secure.example:443";
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
            << "https://127.0.0.1:6443"
            << QStringList{QStringLiteral("HTTPS_PROXY=http://proxy.example:3128")} << none << "";
    }
    void proxyFromEnvironment()
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

    void systemCasUnlessTheKubeconfigNamesOne()
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
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"),
             QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=own-ca"),
             QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-keyout"), caKey,
             QStringLiteral("-out"), caCert});
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        t.cluster.certificateAuthority = caCert;
        const QList<QSslCertificate> some = QSslCertificate::fromPath(caCert);
        QCOMPARE(some.size(), 1);
        KubeClient *own = client(t);
        QVERIFY(own);
        QCOMPARE(own->transport().ssl.caCertificates(), some);
        delete own;
    }

    void proxyUrlWinsOverTheEnvironment()
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
            warned = warned || (entry.level == LogLevel::Warning &&
                                entry.message.contains(QStringLiteral("without TLS")));
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

    void privateKeyForms()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl is not installed: the test keys cannot be made.");
        const QString rsa = m_dir.filePath(QStringLiteral("rsa.key"));
        const QString ec = m_dir.filePath(QStringLiteral("ec.key"));
        for (const QStringList &args :
             {QStringList{QStringLiteral("genrsa"), QStringLiteral("-traditional"), QStringLiteral("-out"),
                          rsa, QStringLiteral("2048")},
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

    void unreachableServerFailsFast()
    {
        KubeTarget t = target();
        t.cluster.server = QStringLiteral("http://127.0.0.1:1"); // nothing listens on port 1
        KubeClient *c = client(t);
        KubeRequest *request = c->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("p")});
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!run(request));
        QVERIFY(timer.elapsed() < 10000);
        QCOMPARE(request->error().code(), ErrorCode::ConnectionFailed);
        QVERIFY2(request->errorString().contains(QStringLiteral("127.0.0.1:1")),
                 qPrintable(request->errorString()));
    }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kube_client.moc"
