// The deploy wizard's last pages: Apply (the deployment running, pod by pod) and Finish (create the
// cluster now or later).
#include "deploy_wizard_pages.h"

#include "common/job.h"
#include "deploy_wizard.h"
#include "job_progress_panel.h"
#include "studio_backend.h"
#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rcs::ui {

ApplyPage::ApplyPage()
    : m_layout(new QVBoxLayout(this))
    , m_pods(new QTreeWidget(this))
    , m_message(new QLabel(this))
{
    setTitle(tr("Deploying"));
    setSubTitle(tr("Applying the manifests and waiting until every pod is Ready."));
    setCommitPage(true); // once applied, going back would not undo anything
    setButtonText(QWizard::CommitButton, tr("Next"));
    m_pods->setHeaderLabels({tr("Pod"), tr("Status")});
    m_pods->setRootIsDecorated(false);
    m_pods->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_pods->setObjectName(QStringLiteral("pods"));
    m_message->setWordWrap(true);
    m_layout->addWidget(m_pods, 1);
    m_layout->addWidget(m_message);
}

DeployWizard *ApplyPage::deployWizard() const
{
    return qobject_cast<DeployWizard *>(wizard());
}

void ApplyPage::initializePage()
{
    m_succeeded = false;
    m_pods->clear();
    const DeployParameters p = deployWizard()->parameters();
    for (int i = 0; i < p.pods; ++i) {
        auto *item = new QTreeWidgetItem(m_pods, {QStringLiteral("%1-%2").arg(p.name).arg(i), tr("waiting")});
        item->setForeground(1, Theme::mutedText());
    }
    QString why;
    rcs::Job *job = deployWizard()->backend()->createDeployJob(deployWizard()->deployedTarget(), p, &why);
    if (!job) {
        m_message->setText(Theme::colored(Theme::stateColor(NodeCard::State::Fail), why));
        Q_EMIT completeChanged();
        return;
    }
    if (job->title().isEmpty())
        job->setTitle(tr("Deploy %1/%2").arg(p.ns, p.name));
    m_job = job;
    delete m_run;
    m_run = new JobRunWidget(job, this);
    m_layout->insertWidget(0, m_run);
    connect(job, &rcs::Job::infoMessage, this, &ApplyPage::onInfo);
    connect(job, &rcs::Job::finished, this, [this](rcs::Job *finished) {
        m_succeeded = !finished->hasError();
        m_message->setText(m_succeeded ? tr("Every pod is Ready.") : QString());
        Q_EMIT completeChanged();
    });
    job->start();
}

void ApplyPage::onInfo(const QString &message)
{
    // Per-pod progress arrives as "redis-app-3 (10.244.1.5, Running, ready)" (or "redis-app-3: …");
    // anything else is a general message.
    static const QRegularExpression podLine(
        QStringLiteral("^([a-z0-9][-a-z0-9.]*-[0-9]+)(?::\\s*|\\s+\\()(.+?)\\)?$"));
    const QRegularExpressionMatch m = podLine.match(message);
    if (!m.hasMatch()) {
        m_message->setText(message.toHtmlEscaped());
        return;
    }
    const QString pod = m.captured(1);
    const QString status = m.captured(2);
    QList<QTreeWidgetItem *> items = m_pods->findItems(pod, Qt::MatchExactly, 0);
    QTreeWidgetItem *item = items.isEmpty() ? new QTreeWidgetItem(m_pods, {pod}) : items.first();
    item->setText(1, status);
    // The words come from rcs::describePod, in the language the studio speaks.
    const QString notReady = QCoreApplication::translate("rcs::PodState", "not ready");
    const bool ready = status.contains(QLatin1String("ready"), Qt::CaseInsensitive) &&
                       !status.contains(QLatin1String("not ready"), Qt::CaseInsensitive) &&
                       !status.contains(notReady, Qt::CaseInsensitive);
    const bool bad = status.contains(QRegularExpression(QStringLiteral("BackOff|Err|Fail|Unschedulable"),
                                                        QRegularExpression::CaseInsensitiveOption));
    item->setForeground(1, bad     ? Theme::stateColor(NodeCard::State::Fail)
                           : ready ? Theme::stateColor(NodeCard::State::Connected)
                                   : QApplication::palette().color(QPalette::Text));
}

void ApplyPage::cleanupPage()
{
    cancelRunning();
}

void ApplyPage::cancelRunning()
{
    if (m_job && !m_job->isFinished())
        m_job->cancel();
}

rcs::Job *ApplyPage::job() const
{
    return m_job;
}

bool ApplyPage::isComplete() const
{
    return m_succeeded;
}

// ---------------------------------------------------------------------------------------------- finish

FinishPage::FinishPage()
    : m_text(new QLabel(this))
    , m_createNow(
          new QCheckBox(tr("Create the cluster now (assign slots, join the nodes, attach replicas)"), this))
{
    setTitle(tr("Deployed"));
    m_text->setWordWrap(true);
    m_createNow->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addSpacing(12);
    layout->addWidget(m_createNow);
    layout->addStretch(1);
}

void FinishPage::initializePage()
{
    auto *w = qobject_cast<DeployWizard *>(wizard());
    const DeployParameters p = w->parameters();
    m_text->setText(tr("%1 pods of %2 run in namespace %3. They do not form a cluster yet: creating it makes "
                       "%4 masters with %5 replicas.")
                        .arg(p.pods)
                        .arg(p.name, p.ns)
                        .arg(p.masters())
                        .arg(p.replicas()));
}

bool FinishPage::createNow() const
{
    return m_createNow->isChecked();
}

} // namespace rcs::ui
