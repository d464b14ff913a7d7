#pragma once

// TestSandboxRuntimeUnits's class and the pods and contexts its parts share.
#include "memory_store.h"
#include "runtime/cidr_allocator.h"
#include "runtime/container_command.h"
#include "runtime/controller_revisions.h"
#include "runtime/pod_context.h"
#include "runtime/redis_config_rewriter.h"
#include "runtime/scheduler.h"
#include "runtime/simulated_nodes.h"
#include "runtime/statefulset_controller.h"
#include "store/label_selector.h"
#include "streams/spdy_codec.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace sandbox;

namespace sandbox_runtime_units_test {

inline QStringList sl(std::initializer_list<const char *> words)
{
    QStringList result;
    for (const char *word : words)
        result.append(QString::fromUtf8(word));
    return result;
}

inline QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

inline PodContext redisContext(const QString &root)
{
    PodContext context;
    context.podIp = QStringLiteral("127.77.0.9");
    context.podDir = root + QStringLiteral("/pod");
    context.workDir = root + QStringLiteral("/pvc");
    // longest first, as preparePodContext sorts them
    context.mounts = {{QStringLiteral("/var/lib/redis"), root + QStringLiteral("/pvc")},
                      {QStringLiteral("/etc/redis"), root + QStringLiteral("/conf")}};
    context.env = {{QStringLiteral("REDIS_PASSWORD"), QStringLiteral("s3cret")}};
    return context;
}

inline QJsonObject podOn(const QString &name, const QString &node, const QJsonObject &labels)
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), name},
                                                 {QStringLiteral("namespace"), QStringLiteral("ns")},
                                                 {QStringLiteral("labels"), labels}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("nodeName"), node}}}};
}

inline const char *kAntiAffinityPod =
    R"({"metadata":{"name":"redis-app-9","namespace":"ns","labels":{"app":"redis"}},
  "spec":{"affinity":{"podAntiAffinity":{"preferredDuringSchedulingIgnoredDuringExecution":[{"weight":100,
  "podAffinityTerm":{"labelSelector":{"matchExpressions":[{"key":"app","operator":"In","values":["redis"]}]},
  "topologyKey":"kubernetes.io/hostname"}}]}}}})";

} // namespace sandbox_runtime_units_test

using namespace sandbox_runtime_units_test;

class TestSandboxRuntimeUnits final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void configRewriteMapsMountedPaths();
    void pathMapping_data();
    void pathMapping();
    void mapTextKeepsOtherWords();
    void variableExpansion();
    void shellSplitting_data();
    void shellSplitting();
    void redisServerLaunchIsRewritten();
    void missingConfigFileIsExplained();
    void tlsOnlyServerListensOnTheTlsPort();
    void imageDefaults();
    void execTargetsThePod();
    void allocatorNeverReusesLivingAddresses();
    void allocatorSkipsDotZeroAndWraps();
    void schedulerSpreadsPerPreferredAntiAffinity();
    void schedulerHonoursRequiredAntiAffinity();
    void labelSelectors();
    void statefulSetPodAndClaimTemplates();
    void spdyHeaderBlocksRoundTrip();
    void spdyFramesSplitAcrossMessages();
    void podContextMaterialisesVolumesAndEnv();
    void simulatedNodes();
    void controllerRevisionsFollowTheTemplate();
};
