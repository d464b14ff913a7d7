#include "studio_controller.h"

#include "common/job.h"
#include "common/logger.h"
#include "deploy_parameters.h"
#include "operations/operation_job.h"
#include "sequence_job.h"
#include "studio_backend.h"
#include "target_settings.h"
#include "topology_adapter.h"
#include "topology_model.h"

#include <QSettings>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace rcs::ui {

namespace {
constexpr int kRefreshTimeoutMs = 20'000;
constexpr int kPodChangeDelayMs = 300;
const QString kCategory = QStringLiteral("ui");
} // namespace

StudioController::StudioController(StudioBackend *backend, QObject *parent)
    : QObject(parent)
    , m_backend(backend)
    , m_model(new TopologyModel(this))
    , m_refreshTimer(new QTimer(this))
    , m_podChangeDelay(new QTimer(this))
{
    connect(m_refreshTimer, &QTimer::timeout, this, &StudioController::refresh);
    m_podChangeDelay->setSingleShot(true);
    m_podChangeDelay->setInterval(kPodChangeDelayMs);
    connect(m_podChangeDelay, &QTimer::timeout, this, &StudioController::refresh);
    connect(m_model, &TopologyModel::situationChanged, this, [this] {
        Q_EMIT actionsChanged();
        updateQuickDeploy();
    });
    connect(m_model, &TopologyModel::selectionChanged, this, &StudioController::actionsChanged);
    connect(m_model, &TopologyModel::summaryChanged, this, &StudioController::statusChanged);
}

StudioController::~StudioController()
{
    // A refresh in flight must not hand its snapshot to a model that is gone.
    if (m_refreshJob) {
        m_refreshJob->disconnect(this);
        m_refreshJob->cancel();
    }
}

void StudioController::readSettings()
{
    m_target = loadTarget();
    m_refreshInterval = QSettings().value(QStringLiteral("refresh/intervalMs"), 2000).toInt();
}

void StudioController::writeSettings() const
{
    saveTarget(m_target);
    QSettings().setValue(QStringLiteral("refresh/intervalMs"), m_refreshInterval);
}

void StudioController::setTarget(const StudioTarget &target)
{
    // Before anything can log it: a password never reaches the log, the panel or a saved file.
    if (!target.password.isEmpty())
        rcs::Logger::instance().addSecret(target.password);
    const bool changed = target != m_target;
    m_target = target;
    if (changed) {
        // The old picture says nothing about the new target.
        if (m_refreshJob)
            m_refreshJob->cancel();
        m_refreshJob = nullptr;
        m_refreshAgain = false;
        m_model->clear();
        m_everRefreshed = false;
        delete m_podWatch; // it watched the previous target's pods
        m_lastRefreshError.clear();
        rcs::Logger::instance().info(kCategory, tr("Looking at %1.").arg(target.displayName()));
        Q_EMIT targetChanged(target);
    }
    writeSettings();
    Q_EMIT actionsChanged();
    Q_EMIT statusChanged();
    refresh();
    setRefreshInterval(m_refreshInterval);
}

void StudioController::setRefreshInterval(int ms)
{
    m_refreshInterval = std::max(0, ms);
    if (m_refreshInterval > 0 && m_target.isSet())
        m_refreshTimer->start(m_refreshInterval);
    else
        m_refreshTimer->stop();
    QSettings().setValue(QStringLiteral("refresh/intervalMs"), m_refreshInterval);
}

void StudioController::refresh()
{
    if (!m_target.isSet())
        return;
    if (m_refreshJob) {
        m_refreshAgain = true; // one at a time; the next starts when this one ends
        return;
    }
    QString why;
    const StudioTarget target = m_target;
    const QPointer<StudioController> self = this; // the job may outlive the studio
    rcs::Job *job = m_backend->createRefreshJob(
        target,
        [self, target](const TopologySnapshot &snapshot) {
            if (!self || target != self->m_target)
                return; // an answer about the previous target
            self->m_model->setSnapshot(snapshot);
        },
        &why);
    if (!job) {
        m_lastRefreshError = why;
        m_refreshOutcome = RefreshOutcome::NotStarted;
        Q_EMIT statusChanged();
        Q_EMIT refreshed(false);
        return;
    }
    if (job->timeout() == 0)
        job->setTimeout(kRefreshTimeoutMs);
    m_refreshJob = job;
    connect(job, &rcs::Job::finished, this, &StudioController::refreshFinished);
    job->start();
}

void StudioController::refreshFinished(rcs::Job *job)
{
    m_refreshJob = nullptr; // it deletes itself later; a new refresh may start now
    const bool ok = !job->hasError();
    if (ok) {
        m_everRefreshed = true;
        m_refreshedAt = QTime::currentTime();
        m_refreshOutcome = RefreshOutcome::Refreshed;
        if (!m_podWatch) { // the target answered: follow its pods from now on
            m_podWatch = m_backend->watchPods(m_target, [this] { m_podChangeDelay->start(); });
            if (m_podWatch)
                m_podWatch->setParent(this);
        }
        m_lastRefreshError.clear();
    } else if (job->error().code() != rcs::ErrorCode::Cancelled) {
        const QString message = job->errorString();
        if (message != m_lastRefreshError) // once, not every two seconds
            rcs::Logger::instance().warning(kCategory, message);
        m_lastRefreshError = message;
        m_refreshOutcome = RefreshOutcome::Failed;
    }
    Q_EMIT actionsChanged();
    Q_EMIT statusChanged();
    updateQuickDeploy();
    Q_EMIT refreshed(ok);
    if (std::exchange(m_refreshAgain, false))
        refresh();
}

QString StudioController::statusLine() const
{
    const TopologySnapshot &s = m_model->summary();
    if (!m_target.isSet())
        return tr("Choose a target above.");
    if (m_model->isEmpty())
        return m_lastRefreshError.isEmpty() ? adviceText(s) : m_lastRefreshError;
    QStringList parts;
    parts << tr("cluster_state: %1").arg(s.clusterState.isEmpty() ? tr("unknown") : s.clusterState);
    if (s.slotsOk >= 0)
        parts << tr("slots ok: %1").arg(s.slotsOk);
    if (s.knownNodes >= 0)
        parts << tr("known nodes: %1").arg(s.knownNodes);
    if (s.currentEpoch >= 0)
        parts << tr("current epoch: %1").arg(s.currentEpoch);
    parts << tr("%1, %2", "masters, replicas")
                 .arg(countOf(m_model->masterCount(), tr("master", "count"), tr("masters", "count")),
                      countOf(m_model->replicaCount(), tr("replica", "count"), tr("replicas", "count")));
    return parts.join(QStringLiteral("  ·  "));
}

QString StudioController::advice() const
{
    return adviceText(m_model->summary());
}

QString StudioController::placeholderText() const
{
    if (!m_target.isSet())
        return tr("Choose a target above to see a cluster.");
    if (!m_lastRefreshError.isEmpty())
        return m_lastRefreshError;
    return m_everRefreshed ? advice() : tr("Reading the cluster…");
}

bool StudioController::showsAdvice() const
{
    // The picture's placeholder says it when there are no cards; a healthy cluster needs no advice.
    const Situation situation = m_model->situation();
    return m_target.isSet() && !m_model->isEmpty() && situation != Situation::Healthy &&
           situation != Situation::Unknown;
}

ActionState StudioController::actionState(Action action) const
{
    ActionState state = ActionPolicy::state(action, m_model->situation(), m_busyWith);
    if (const QString unsupported = m_backend->unsupportedReason(action, m_target); !unsupported.isEmpty())
        return {false, false, unsupported};
    const bool selected = m_model->node(m_model->selectedKey()) != nullptr;
    if (state.enabled && action == Action::Failover && !selected)
        return {false, false, tr("Select the master (or the replica) to fail over in the picture.")};
    // On plain addresses there is no StatefulSet ordinal: the node to remove is the one selected.
    if (state.enabled && action == Action::RemoveNode && !m_target.usesKubernetes() && !selected)
        return {false, false, tr("Select the node to remove in the picture.")};
    return state;
}

bool StudioController::offersQuickDeploy() const
{
    return m_offersQuickDeploy;
}

void StudioController::updateQuickDeploy()
{
    const bool offer = m_target.kind == StudioTarget::Kind::Sandbox && m_everRefreshed &&
                       m_model->situation() == Situation::NotDeployed && m_busyWith.isEmpty();
    if (offer != m_offersQuickDeploy) {
        m_offersQuickDeploy = offer;
        Q_EMIT quickDeployOfferChanged(offer);
    }
    if (offer && m_autoDeployDefault) {
        m_autoDeployDefault = false; // once
        deployDefaultCluster();
    }
}

void StudioController::deployDefaultCluster()
{
    const StudioTarget target = m_target;
    DeployParameters parameters;
    parameters.ns = target.ns;
    parameters.name = target.statefulSet;
    StudioBackend *backend = m_backend;
    auto *job = new SequenceJob({[backend, target, parameters](QString *why) {
                                     return backend->createDeployJob(target, parameters, why);
                                 },
                                 [backend, target](QString *why) {
                                     return backend->createActionJob(Action::CreateCluster, target,
                                                                     ActionRequest{}, why);
                                 }});
    job->setTitle(tr("Deploy and create the default cluster"));
    runJob(job);
}

void StudioController::triggerAction(Action action)
{
    const ActionState state = ActionPolicy::state(action, m_model->situation(), m_busyWith);
    if (!state.enabled && action != Action::Refresh) {
        Q_EMIT message(state.reason, 5000);
        return;
    }
    switch (action) {
    case Action::Refresh:
        refresh();
        return;
    case Action::ExportPicture:
        Q_EMIT exportPictureRequested();
        return;
    case Action::Deploy:
        Q_EMIT deployWizardRequested();
        return;
    case Action::Cleanup:
        confirmCleanup();
        return;
    case Action::RemoveNode:
        confirmRemoveNode();
        return;
    case Action::Failover:
        confirmFailover();
        return;
    case Action::AddNode:
        confirmAddNode();
        return;
    case Action::Upgrade:
        Q_EMIT upgradeRequested();
        return;
    case Action::RotatePassword:
        Q_EMIT passwordRotationRequested();
        return;
    case Action::RotateCertificates:
        Q_EMIT certificateRotationRequested();
        return;
    case Action::Backup:
        m_afterBackup.reset(); // a plain backup: nothing waits for it
        Q_EMIT backupFileRequested(suggestedBackupName());
        return;
    case Action::Restore:
        Q_EMIT restoreFileRequested();
        return;
    case Action::CreateCluster:
    case Action::Recover:
    case Action::Rebalance:
    case Action::Check:
        runAction(action, selectionRequest());
        return;
    }
}

void StudioController::warn(const QString &text, int timeoutMs)
{
    rcs::Logger::instance().warning(kCategory, text);
    Q_EMIT message(text, timeoutMs);
}

void StudioController::runAction(Action action, const ActionRequest &request)
{
    QString why;
    rcs::Job *job = m_backend->createActionJob(action, m_target, request, &why);
    if (!job) {
        warn(why.isEmpty() ? tr("%1 is not available.").arg(actionTitle(action)) : why, 8000);
        return;
    }
    if (job->title().isEmpty())
        job->setTitle(actionTitle(action));
    runJob(job, ActionPolicy::changesCluster(action));
}

void StudioController::runJob(rcs::Job *job, bool changesCluster)
{
    const QString title = job->title();
    if (changesCluster) {
        m_busyWith = title;
        Q_EMIT actionsChanged();
        updateQuickDeploy();
    }
    Q_EMIT jobStarted(job);
    connect(job, &rcs::Job::finished, this, [this, changesCluster, title](rcs::Job *finished) {
        const bool ok = !finished->hasError();
        if (changesCluster)
            m_busyWith.clear();
        // An operation's one-line result (what a backup wrote, what a restore left as it was) is what
        // the user wants to read next, in the status bar and kept in the log.
        const auto *operation = qobject_cast<const rcs::ops::OperationJob *>(finished);
        const QString summary = ok && operation ? operation->summary() : QString();
        rcs::Logger &log = rcs::Logger::instance();
        if (ok)
            log.info(kCategory, summary.isEmpty() ? tr("%1 finished.").arg(title)
                                                  : tr("%1 finished: %2").arg(title, summary));
        else
            log.error(kCategory, tr("%1 failed: %2").arg(title, finished->errorString()));
        Q_EMIT message(!ok                 ? finished->errorString()
                       : summary.isEmpty() ? tr("%1 finished.").arg(title)
                                           : summary,
                       summary.isEmpty() ? 10000 : 15000);
        Q_EMIT actionsChanged();
        Q_EMIT jobFinished(title, ok);
        refresh();
    });
    job->start();
}

} // namespace rcs::ui
