#pragma once

#include "common/result.h"
#include "deploy_parameters.h"
#include "node_card.h"
#include "operations/operation_request.h"
#include "situation.h"
#include "studio_target.h"
#include "workflows/upgrade_config.h"

#include <QStringList>

#include <functional>

namespace rcs {
class Job;
}

namespace rcs::observe {
class ClusterMetrics;
}

namespace rcs::ui {

// What an action needs beyond the target: the node the user picked and the choices of its dialog.
struct ActionRequest {
    QString nodeKey; // the selected card (failover, remove node)
    QString podName;
    QString address;
    QString role; // add node: "master" or "replica"
    bool deletePvcs = false;
    bool deleteNamespace = false;
    // upgrade: the new image and resource requests (empty: kept); restartOnly makes it a rolling restart.
    QString image;
    QString cpu;
    QString memory;
    QList<rcs::ConfigSetting> settings; // redis.conf settings (upgrade --set)
    bool restartOnly = false;
    // upgrade and restart: a master without a replica gets a temporary one (--temporary-replica).
    bool temporaryReplica = false;
    // The rotations' choices, passed on as OperationRequest's fields of the same names (which say what
    // they mean and hold the defaults). newPassword empty: core generates one.
    QString rotateUser;
    QString newPassword;
    bool renewCa = false;
    bool dropOldCas = false;
    bool reloadOnly = false;
    int certificateDays = rcs::ops::OperationRequest{}.certificateDays;
    // backup: the archive to write; the file dialog asked before an existing file is replaced.
    // restore: the archive to read, and what to do with keys the cluster holds already (core's
    // OperationRequest::restoreMerge and restoreReplace).
    QString backupPath;
    bool restoreMerge = false;
    bool restoreReplace = false;
    // List the plan and change nothing (what a confirmation shows first): remove node unconfirmed,
    // a rebalance dry run.
    bool planOnly = false;
};

// The seam between the windows and the core: every button becomes an rcs::Job made here, so the
// windows never reach hiredis or the Kubernetes API themselves, and tests can drive the windows with
// jobs of their own.
class StudioBackend {
public:
    virtual ~StudioBackend() = default;

    using SnapshotCallback = std::function<void(const TopologySnapshot &snapshot)>;
    // A job that reads the target once; on success it hands a snapshot to onSnapshot before finishing.
    // Returns nullptr with a sentence in *why when the target cannot be read.
    virtual rcs::Job *createRefreshJob(const StudioTarget &target, const SnapshotCallback &onSnapshot,
                                       QString *why) = 0;
    // A job that runs the action; nullptr with a sentence in *why when it is not available.
    virtual rcs::Job *createActionJob(Action action, const StudioTarget &target, const ActionRequest &request,
                                      QString *why) = 0;
    // Why the action cannot work on this kind of target at all (e.g. scaling without a StatefulSet);
    // empty when it can. Shown as the disabled action's tooltip.
    virtual QString unsupportedReason(Action action, const StudioTarget &target) const;
    using NamesCallback = std::function<void(const QStringList &names)>;
    // A job that finds what Cleanup would delete with these choices (core's CleanupWorkflow plan: the
    // objects Deploy created that exist, and, when asked, the PVCs and the namespace) and hands the
    // list to onPlan before succeeding; it deletes nothing. nullptr with *why when unavailable.
    virtual rcs::Job *createCleanupPlanJob(const StudioTarget &target, const ActionRequest &request,
                                           const NamesCallback &onPlan, QString *why);
    using ReplyCallback = std::function<void(const QString &reply)>;
    // The console: a job that sends one command (core's exec operation; request.kind is Exec) and hands
    // the reply in redis-cli's text form (the redirects followed first) to onReply before it finishes,
    // also when the server answered an error (the job then fails with the server's words). nullptr with
    // *why when the target cannot take it (or the command needs a confirmation it did not get).
    virtual rcs::Job *createExecJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                                    const ReplyCallback &onReply, QString *why);
    // Kubernetes: a job that reads the last tailLines lines of a pod's log (pods/log) and hands them to
    // onText before it succeeds. nullptr with *why on plain endpoints.
    virtual rcs::Job *createPodLogJob(const StudioTarget &target, const QString &pod, int tailLines,
                                      const ReplyCallback &onText, QString *why);
    // The contexts of a kubeconfig file, the current one first; empty with *error when unreadable.
    virtual QStringList contexts(const QString &kubeconfig, QString *error) const;
    // Watches the target's pods and calls onChange when one is added, changes or goes, so the picture
    // follows the cluster between polls. The returned object owns the watch (delete it to stop);
    // nullptr when the target has no pods to watch or cannot be reached yet.
    virtual QObject *watchPods(const StudioTarget &target, const std::function<void()> &onChange);

    // A read-only observe operation (bigkeys, hotkeys, slot-heat, slowlog: request.kind) on the target:
    // the catalogue's rcs::ops::OperationJob, whose keyScan()/slotHeat() (slowlog: resultJson()) hold the
    // result once it succeeded.
    // nullptr with *why when unavailable.
    virtual rcs::Job *createObserveJob(const StudioTarget &target, const rcs::ops::OperationRequest &request,
                                       QString *why);

    // --- the deploy wizard ---
    // A job that succeeds when the target's API server answers with the credentials given; its error
    // message says what failed and what to do.
    virtual rcs::Job *createConnectionTestJob(const StudioTarget &target, QString *why);
    // Lists the target's StorageClasses (the default one first).
    virtual rcs::Job *createStorageClassesJob(const StudioTarget &target, const NamesCallback &onNames,
                                              QString *why);
    // The manifests Deploy would apply, as YAML.
    virtual rcs::Result<QString> renderManifests(const StudioTarget &target,
                                                 const DeployParameters &parameters) const;
    // The kubectl lines a person would type for the same deployment.
    virtual QStringList deployCommands(const StudioTarget &target, const DeployParameters &parameters) const;
    // Applies the manifests and follows the pods until Ready; infoMessage() carries per-pod progress.
    virtual rcs::Job *createDeployJob(const StudioTarget &target, const DeployParameters &parameters,
                                      QString *why);

    // --- metrics ---
    // The history every refresh fed (the Metrics dock's charts), living as long as the backend; null
    // when the backend keeps none.
    virtual const rcs::observe::ClusterMetrics *metrics() const { return nullptr; }
};

} // namespace rcs::ui
