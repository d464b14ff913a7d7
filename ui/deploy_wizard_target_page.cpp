// The deploy wizard's first page: the Kubernetes target (kubeconfig, context, namespace) and a test of
// the connection before anything is deployed.
#include "deploy_wizard_pages.h"

#include "common/job.h"
#include "deploy_wizard.h"
#include "kubeconfig_dialog.h"
#include "studio_backend.h"
#include "theme.h"

#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

TargetPage::TargetPage()
    : m_kind(new QComboBox(this))
    , m_kubeconfig(new QLineEdit(this))
    , m_context(new QComboBox(this))
    , m_test(new QPushButton(tr("Test connection"), this))
    , m_result(new QLabel(this))
{
    setTitle(tr("Where to deploy"));
    setSubTitle(
        tr("Choose the Kubernetes cluster: the built-in local sandbox, or a context of a kubeconfig file."));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/sandbox.svg")), tr("Local sandbox"),
                    int(StudioTarget::Kind::Sandbox));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/kubernetes.svg")), tr("Kubernetes (kubeconfig)"),
                    int(StudioTarget::Kind::Kubernetes));
    m_kubeconfig->setPlaceholderText(QDir::homePath() + QStringLiteral("/.kube/config"));
    auto *browse = new QToolButton(this);
    browse->setText(tr("Browse…"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_kubeconfig, 1);
    fileRow->addWidget(browse);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setMinimumHeight(40);
    m_result->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto *form = new QFormLayout;
    form->setSpacing(10);
    form->addRow(tr("Cluster:"), m_kind);
    form->addRow(tr("Kubeconfig:"), fileRow);
    form->addRow(tr("Context:"), m_context);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(8);
    layout->addLayout(testRow);
    layout->addWidget(m_result);
    layout->addStretch(1);
    layout->addWidget(
        hintLabel(tr("The sandbox runs on this machine: its pods are real redis-server processes on "
                     "loopback addresses. It starts on demand."),
                  this));

    const auto updateKind = [this, browse] {
        const bool kube = StudioTarget::Kind(m_kind->currentData().toInt()) == StudioTarget::Kind::Kubernetes;
        m_kubeconfig->setEnabled(kube);
        browse->setEnabled(kube);
        m_context->setEnabled(kube);
        m_result->clear();
    };
    connect(m_kind, &QComboBox::currentIndexChanged, this, updateKind);
    connect(m_kubeconfig, &QLineEdit::editingFinished, this, &TargetPage::reloadContexts);
    connect(browse, &QToolButton::clicked, this, [this] {
        chooseKubeconfig(this, [this](const QString &path) {
            m_kubeconfig->setText(path);
            reloadContexts();
        });
    });
    connect(m_test, &QPushButton::clicked, this, &TargetPage::testConnection);
    updateKind();
}

DeployWizard *TargetPage::deployWizard() const
{
    return qobject_cast<DeployWizard *>(wizard());
}

void TargetPage::initializePage()
{
    const StudioTarget target = deployWizard()->target();
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(int(target.kind))));
    m_kubeconfig->setText(target.kubeconfig);
    reloadContexts();
    m_context->setCurrentIndex(std::max(0, m_context->findData(target.context)));
}

void TargetPage::reloadContexts()
{
    QString error;
    const QStringList contexts = deployWizard()->backend()->contexts(m_kubeconfig->text().trimmed(), &error);
    m_context->clear();
    m_context->addItem(tr("(current context)"), QString());
    for (const QString &context : contexts)
        m_context->addItem(context, context);
    if (!error.isEmpty() && m_kind->currentData().toInt() == int(StudioTarget::Kind::Kubernetes))
        showResult(false, error);
}

void TargetPage::showResult(bool ok, const QString &text)
{
    const QColor color = Theme::stateColor(ok ? NodeCard::State::Connected : NodeCard::State::Fail);
    m_result->setText(Theme::colored(color, (ok ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) + text));
}

void TargetPage::testConnection()
{
    if (m_testJob)
        return;
    StudioTarget target = deployWizard()->target();
    target.kind = StudioTarget::Kind(m_kind->currentData().toInt());
    target.kubeconfig = m_kubeconfig->text().trimmed();
    target.context = m_context->currentData().toString();
    QString why;
    rcs::Job *job = deployWizard()->backend()->createConnectionTestJob(target, &why);
    if (!job) {
        showResult(false, why);
        return;
    }
    m_testJob = job;
    m_test->setEnabled(false);
    m_result->setText(tr("Connecting…"));
    connect(job, &rcs::Job::finished, this, [this](rcs::Job *finished) {
        m_test->setEnabled(true);
        if (finished->hasError())
            showResult(false, finished->errorString());
        else
            showResult(true, tr("Connected: the API server answered and the credentials work."));
    });
    if (job->timeout() == 0)
        job->setTimeout(15'000);
    job->start();
}

bool TargetPage::validatePage()
{
    StudioTarget target = deployWizard()->target();
    target.kind = StudioTarget::Kind(m_kind->currentData().toInt());
    target.kubeconfig = m_kubeconfig->text().trimmed();
    target.context = m_context->currentData().toString();
    deployWizard()->setTarget(target);
    return true;
}

} // namespace rcs::ui
