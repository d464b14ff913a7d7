#include "studio_fixtures.h"

#include "ui/confirmation.h"
#include "ui/theme.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

namespace rcs::ui::test {

void isolateSettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("RedisClusterStudioTest"));
    QSettings().clear();
}

void isolateStudioSettings()
{
    isolateSettings();
    Theme::apply(*qApp, Theme::Mode::Light);
}

bool settled(const TopologyView *view)
{
    return QTest::qWaitFor(
        [view] {
            QCoreApplication::sendPostedEvents();
            return !view || !view->relayoutPending();
        },
        5000);
}

void saveShot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("RCS_UI_SHOTS");
    if (!dir.isEmpty())
        widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

bool answerFileDialog(QObject *parent, const QString &name, const QString &path)
{
    QFileDialog *dialog = nullptr;
    if (!QTest::qWaitFor([&] { return (dialog = parent->findChild<QFileDialog *>(name)) != nullptr; }, 5000))
        return false;
    if (path.isEmpty()) {
        dialog->reject();
    } else {
        dialog->selectFile(path);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept (protected), as its button
    }
    return true;
}

Confirmation *nextQuestion(QSignalSpy &asked)
{
    if (asked.isEmpty() && !asked.wait(5000))
        return nullptr;
    return asked.takeFirst().at(0).value<Confirmation *>();
}

TopologySnapshot makeSnapshot(int masters, int replicasPerMaster, int kubeNodes, Situation situation)
{
    TopologySnapshot snapshot;
    snapshot.situation = situation;
    snapshot.clusterState = situation == Situation::Healthy ? QStringLiteral("ok") : QStringLiteral("fail");
    const int total = masters * (1 + replicasPerMaster);
    snapshot.knownNodes = total;
    snapshot.slotsOk = 16384;
    snapshot.slotsAssigned = 16384;
    snapshot.currentEpoch = total;
    const auto idOf = [](int i) { return QStringLiteral("%1").arg(i, 40, 16, QLatin1Char('0')); };
    for (int i = 0; i < total; ++i) {
        NodeCard card;
        card.id = idOf(i + 1);
        card.podName = QStringLiteral("redis-app-%1").arg(i);
        card.address = QStringLiteral("10.244.%1.%2:6379").arg(i / 250).arg(i % 250 + 1);
        card.hostGroup = QStringLiteral("worker-%1").arg(i % kubeNodes + 1);
        card.keys = 1000 + i;
        card.memoryBytes = 2 * 1024 * 1024 + i * 1024;
        card.server = QStringLiteral("redis 7.0.15");
        card.podPhase = QStringLiteral("Running");
        card.configEpoch = i + 1;
        if (i < masters) {
            card.role = NodeCard::Role::Master;
            const int first = int(qint64(16384) * i / masters);
            const int last = int(qint64(16384) * (i + 1) / masters) - 1;
            card.slotRanges = {{first, last}};
            card.slotsText = QStringLiteral("%1-%2").arg(first).arg(last);
            card.flags = QStringLiteral("master");
        } else {
            const int master = (i - masters) % masters;
            card.role = NodeCard::Role::Replica;
            card.masterId = idOf(master + 1);
            card.masterName = QStringLiteral("redis-app-%1").arg(master);
            card.flags = QStringLiteral("slave");
        }
        snapshot.nodes.append(card);
    }
    return snapshot;
}

ScriptedJob::ScriptedJob(QStringList steps, int stepMs, rcs::Error error, QObject *parent)
    : rcs::Job(parent)
    , m_steps(std::move(steps))
    , m_stepMs(stepMs)
    , m_error(std::move(error))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ScriptedJob::next);
}

void ScriptedJob::doStart()
{
    next();
}

void ScriptedJob::next()
{
    if (m_index < m_steps.size()) {
        setStep(m_steps.at(m_index));
        setProgress(m_index, m_steps.size());
        ++m_index;
        m_timer.start(m_stepMs);
        return;
    }
    if (m_error.isError()) {
        fail(m_error);
        return;
    }
    if (beforeSuccess)
        beforeSuccess();
    succeed();
}

void ScriptedJob::doCancel()
{
    m_cancelledInFlight = m_timer.isActive();
    m_timer.stop();
}

rcs::Job *FixtureBackend::createRefreshJob(const StudioTarget &, const SnapshotCallback &onSnapshot,
                                           QString *)
{
    ++refreshCount;
    auto *job = new ScriptedJob(
        {QStringLiteral("reading")}, 1,
        refreshError.isEmpty() ? rcs::Error() : rcs::Error(rcs::ErrorCode::ConnectionFailed, refreshError));
    const TopologySnapshot copy = snapshot;
    job->beforeSuccess = [onSnapshot, copy] { onSnapshot(copy); };
    return job;
}

rcs::Job *FixtureBackend::createActionJob(Action action, const StudioTarget &, const ActionRequest &request,
                                          QString *)
{
    actionsRun.append(action);
    requests.append(request);
    auto *job = new ScriptedJob({QStringLiteral("first step"), QStringLiteral("second step")}, actionStepMs,
                                actionError);
    job->setTitle(actionTitle(action));
    return job;
}

rcs::Job *FixtureBackend::createCleanupPlanJob(const StudioTarget &target, const ActionRequest &request,
                                               const NamesCallback &onPlan, QString *)
{
    QStringList plan = cleanupPlan;
    if (request.deletePvcs) {
        for (const NodeCard &card : std::as_const(snapshot.nodes))
            plan << QStringLiteral("pvc/redis-data-%1 (its data is lost)").arg(card.podName);
    }
    if (request.deleteNamespace)
        plan << QStringLiteral("namespace/%1 (with everything left in it)").arg(target.ns);
    auto *job = new ScriptedJob({QStringLiteral("probing")}, 1);
    job->beforeSuccess = [onPlan, plan] { onPlan(plan); };
    return job;
}

} // namespace rcs::ui::test
