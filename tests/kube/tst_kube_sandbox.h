#pragma once

// TestKubeSandbox's class and the helpers its parts share (running jobs, pods' readiness, RESP round
// trips through a tunnel).
#include "common/logger.h"
#include "connect_proxy.h"
#include "kube/kube_client.h"
#include "kube/kube_credentials.h"
#include "kube/kube_remove_jobs.h"
#include "kube/kube_watch.h"
#include "kube/manifest_set.h"
#include "kube/port_forward.h"
#include "kube_sandbox_samples.h"
#include "socks5_proxy.h"
#include "support/kube_sandbox_fixture.h"
#include "support/pod_exec.h"
#include "support/program_run.h"
#include "support/statefulset_pods_job.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace kube_sandbox_test {

// Writes an executable script (an exec credential plugin) to path.
inline bool writeExecutable(const QString &path, const QByteArray &content)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return false;
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

inline const QString kNs = QStringLiteral("kube-test");
inline const QString kSts = QStringLiteral("redis-app");

inline bool run(Job *job, int timeoutMs = 60000)
{
    job->setAutoDelete(false);
    QSignalSpy spy(job, &Job::finished);
    job->start();
    return (job->isFinished() || spy.wait(timeoutMs)) && !job->hasError();
}

inline bool isReady(const QJsonObject &pod)
{
    if (pod[QStringLiteral("metadata")].toObject().contains(QStringLiteral("deletionTimestamp")))
        return false;
    for (const QJsonValue &c : pod[QStringLiteral("status")][QStringLiteral("conditions")].toArray()) {
        if (c[QStringLiteral("type")].toString() == QLatin1String("Ready"))
            return c[QStringLiteral("status")].toString() == QLatin1String("True");
    }
    return false;
}

inline int readyPods(const QList<QJsonObject> &pods)
{
    return int(std::count_if(pods.begin(), pods.end(), isReady));
}

inline bool hasPod(const QList<QJsonObject> &pods, const QString &name)
{
    return std::any_of(pods.begin(), pods.end(), [&](const QJsonObject &p) {
        return p[QStringLiteral("metadata")][QStringLiteral("name")].toString() == name;
    });
}

inline QByteArray command(const QList<QByteArray> &words)
{
    QByteArray out = "*" + QByteArray::number(words.size()) + "\r\n";
    for (const QByteArray &word : words)
        out += "$" + QByteArray::number(word.size()) + "\r\n" + word + "\r\n";
    return out;
}

// Reads until the buffer holds at least `size` bytes (bounded).
inline bool readAtLeast(QTcpSocket &socket, QByteArray &buffer, qsizetype size, int timeoutMs = 30000)
{
    return QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            return buffer.size() >= size;
        },
        timeoutMs);
}

// Sends one command and reads one reply (simple, error, integer or bulk), bounded.
inline QByteArray roundTrip(QTcpSocket &socket, const QList<QByteArray> &words, int timeoutMs = 30000)
{
    socket.write(command(words));
    QByteArray buffer;
    const bool complete = QTest::qWaitFor(
        [&] {
            buffer += socket.readAll();
            const qsizetype eol = buffer.indexOf("\r\n");
            if (eol < 0)
                return false;
            if (!buffer.startsWith('$'))
                return true;
            const qsizetype length = buffer.mid(1, eol - 1).toLongLong();
            return length < 0 || buffer.size() >= eol + 2 + length + 2;
        },
        timeoutMs);
    return complete ? buffer : QByteArray();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace kube_sandbox_test

using namespace kube_sandbox_test;

class TestKubeSandbox final : public QObject {
    Q_OBJECT
private:
    test::KubeSandboxFixture m_sandbox;
    KubeClient *m_client = nullptr;
    KubeWatch *m_pods = nullptr;
    KubeObjectRef m_stsRef{QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), kNs, kSts};

    KubeClient *clientFor(const KubeTarget &target)
    {
        auto created = KubeClient::create(target, this);
        if (!created)
            qWarning() << created.error().message();
        return created ? *created : nullptr;
    }

    QList<QJsonObject> applyAll(const QList<QJsonObject> &objects, QList<int> *statuses = nullptr)
    {
        QList<QJsonObject> answers;
        for (const QJsonObject &object : objects) {
            KubeRequest *apply = m_client->apply(object);
            if (!run(apply)) {
                qWarning() << apply->errorString();
                return {};
            }
            answers.append(apply->object());
            if (statuses)
                statuses->append(apply->httpStatus());
        }
        return answers;
    }

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tokenAuth();
    void clientCertificateAuth();
    void kubeconfigFileForms();
    void execPluginClientCertificate();
    void execPluginTokenCachedExpiredAndRefreshedAfter401();
    void proxyUrl();
    void socks5ProxyUrl();
    void wrongTokenIsRejected();
    void wrongCaFailsFast();
    void tlsServerNameAndInsecure();
    void missingNamespace();
    void createNamespaceTwice();
    void applyTwiceIsIdempotent();
    void watchSeesPodsBecomeReady();
    void statefulSetPods();
    void injectedFaultsAreRetriedOrReported();
    void execInPod();
    void portForwardCarriesRedisTraffic();
    void portForwardErrorSurfaces();
    void portForwardToMissingPod();
    void portForwardClientGivesUpFirst();
    void scaleUpAndDown();
    void deleteStatefulSetThenPvcs();
    void passwordProtectedDeployment();
    void watchSurvivesApiServerRestart();
    void deleteNamespaceAndWait();
};
