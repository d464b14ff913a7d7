#pragma once

// TestKubeClient's class and the responses and helpers its parts share.
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

namespace kube_client_test {

inline QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray podJson(const QString &name, const QString &rv)
{
    return json(
        {{QStringLiteral("kind"), QStringLiteral("Pod")},
         {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                  {QStringLiteral("namespace"), QStringLiteral("demo")},
                                                  {QStringLiteral("resourceVersion"), rv}}}});
}

inline HttpResponder::Response ok(const QByteArray &body = "{}")
{
    HttpResponder::Response r;
    r.body = body;
    return r;
}

inline HttpResponder::Response status(int code, const QByteArray &body)
{
    HttpResponder::Response r;
    r.status = code;
    r.body = body;
    return r;
}

// Runs the job to completion (bounded) and returns whether it succeeded.
inline bool run(Job *job, int timeoutMs = 20000)
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

} // namespace kube_client_test

using namespace kube_client_test;

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
    void initTestCase();
    void init();
    void tokenAndImpersonation();
    void tokenFileIsReread();
    void basicAuth();
    void pathPrefix();
    void execPluginCachesUntilExpiry();
    void execPluginExpiredCredentialIsRefreshed();
    void execPluginRerunOnceAfter401();
    void execPluginMissingShowsInstallHint();
    void execPluginNeedingATerminalIsRefused();
    void execPluginFailureQuotesStderr();
    void retriesAfter429AndServerErrors();
    void retryAfterForms_data();
    void retryAfterForms();
    void retryAfterHttpDateIsHonoured();
    void warningHeadersAreLogged();
    void listFollowsContinue();
    void applyAndScaleSendWhatKubectlSends();
    void discoveryForUnknownKinds();
    void watchReconnectsAndRelistsAfter410();
    void watchRelistsAfterHttp410();
    void watchFailsOnForbidden();
    void proxyFromEnvironment_data();
    void proxyFromEnvironment();
    void systemCasUnlessTheKubeconfigNamesOne();
    void proxyUrlWinsOverTheEnvironment();
    void privateKeyForms();
    void unreachableServerFailsFast();
};
