#pragma once

// TestSandboxImages's class and the helpers its parts share: one kube-sandbox started with an image
// map, a StatefulSet whose image changes between two real servers, and the real kubectl.
#include "sandbox_api_harness.h"
#include "support/kube_pod_info.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace sandbox_images_test {

inline const QString kNs = QStringLiteral("images");
inline const QString kSet = QStringLiteral("img");
inline const QString kOldImage = QStringLiteral("redis:5.0.5");
inline const QString kNewImage = QStringLiteral("redis:7.0");
inline const QString kUnmappedImage = QStringLiteral("example.com/unmapped:1");
inline constexpr int kReplicas = 4;
inline constexpr int kWaitMs = 120000;

// A server a mapped image runs: its binary, the cli beside it, and the redis_version it reports
// (empty when only the binary can tell it apart: a copy of the default server).
struct MappedServer {
    QString server;
    QString cli;
    QString version;
};

// The kubectl versions the rollout commands run with (the PATH's dispatcher and Debian's 1.20).
struct KubectlVersion {
    QString name;
    QString path;
    QString howToGet;
};
QList<KubectlVersion> kubectlVersions();

// The value at a path of nested objects ("spec", "template", …); an array step takes its first item.
inline QJsonValue fieldAt(const QJsonObject &object, std::initializer_list<const char *> path)
{
    QJsonValue value = object;
    for (const char *step : path) {
        if (value.isArray())
            value = value.toArray().at(0);
        value = value.toObject().value(QLatin1String(step));
    }
    return value;
}

inline QString revisionOf(const QJsonObject &pod)
{
    return fieldAt(pod, {"metadata", "labels", "controller-revision-hash"}).toString();
}

inline QString uidOf(const QJsonObject &object)
{
    return fieldAt(object, {"metadata", "uid"}).toString();
}

// Running, Ready and not terminating; at the given revision when one is named.
inline bool isReady(const QJsonObject &pod, const QString &revision = {})
{
    const rcs::test::KubePodInfo info = rcs::test::KubePodInfo::fromJson(pod);
    return info.phase == QLatin1String("Running") && info.ready &&
           (revision.isEmpty() || revisionOf(pod) == revision);
}

} // namespace sandbox_images_test

class TestSandboxImages final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void badImageMapIsRefused_data();
    void badImageMapIsRefused();
    void studioSandboxStartPassesTheMap();
    void mappedImageRunsItsServer();
    void onDeleteKeepsPodsUntilDeleted();
    void rolloutHistoryAndUndo_data();
    void rolloutHistoryAndUndo();
    void rollingUpdateTakesTwoPodsDownAtOnce();
    void rolloutRestartAndStatus_data();
    void rolloutRestartAndStatus();

private:
    rcs::test::ProgramRun kubectl(const QStringList &args, int timeoutMs = 90000) const;
    // The kubectl of the current row (columns binary, howToGet); nullopt, with why, when it is absent.
    std::optional<rcs::test::Kubectl> rowKubectl(QString *missing) const;
    rcs::test::HttpResult api(const QByteArray &method, const QString &path, const QByteArray &body = {},
                              const QByteArray &contentType = "application/json");
    QJsonObject statefulSet();
    // The set's pods by ordinal (absent ones missing).
    QMap<int, QJsonObject> setPods();
    // Waits until every pod of the set is Running and Ready at the set's update revision.
    bool waitForRolledOut(QString *why);
    // INFO server field of a pod's server, read from the test with the cli under test.
    QString serverInfo(const QJsonObject &pod, const QString &field);
    QString templateImage();

    QTemporaryDir m_dataDir;
    QTemporaryDir m_home;
    QTemporaryDir m_tools;
    sandbox_images_test::MappedServer m_old;
    sandbox_images_test::MappedServer m_new;
    QString m_defaultServer;
    std::unique_ptr<rcs::test::KubeSandboxProcess> m_sandbox;
    std::unique_ptr<rcs::test::ApiClient> m_api;
};
