#include "deploy_wizard_pages.h"

#include "common/job.h"
#include "deploy_wizard.h"
#include "job_progress_panel.h"
#include "kubeconfig_dialog.h"
#include "studio_backend.h"
#include "theme.h"
#include "yaml_highlighter.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QToolButton>
#include <QTreeWidget>
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

QString colored(const QColor &color, const QString &text)
{
    return QStringLiteral("<span style='color:%1'>%2</span>").arg(color.name(), text.toHtmlEscaped());
}
} // namespace

// ---------------------------------------------------------------------------------------------- target

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
    m_result->setText(colored(color, (ok ? QStringLiteral("✔ ") : QStringLiteral("✖ ")) + text));
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

// ------------------------------------------------------------------------------------------ parameters

ParametersPage::ParametersPage()
    : m_name(new QLineEdit(this))
    , m_namespace(new QLineEdit(this))
    , m_pods(new QSpinBox(this))
    , m_replicas(new QSpinBox(this))
    , m_layout(new QLabel(this))
    , m_image(new QLineEdit(this))
    , m_persistent(new QCheckBox(tr("Keep data on PersistentVolumeClaims"), this))
    , m_storageClass(new QComboBox(this))
    , m_storageSize(new QLineEdit(this))
    , m_cpu(new QLineEdit(this))
    , m_memory(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_problems(new QLabel(this))
{
    setTitle(tr("Parameters"));
    setSubTitle(tr("What to deploy. The defaults are the classic 3 masters with one replica each."));
    m_pods->setRange(1, 999);
    m_pods->setSuffix(tr(" pods"));
    m_replicas->setRange(0, 5);
    m_replicas->setSuffix(tr(" per master"));
    m_layout->setForegroundRole(QPalette::PlaceholderText);
    m_storageClass->setEditable(true);
    m_storageClass->setToolTip(tr("Empty uses the cluster's default StorageClass"));
    m_storageClass->lineEdit()->setPlaceholderText(tr("cluster default"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("none (no AUTH)"));
    m_password->setToolTip(tr("Set as requirepass and masterauth; never shown in the log"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::RichText);
    m_problems->setObjectName(QStringLiteral("problems"));

    auto *replicasRow = new QHBoxLayout;
    replicasRow->addWidget(m_pods);
    replicasRow->addSpacing(8);
    replicasRow->addWidget(new QLabel(tr("Replicas:"), this));
    replicasRow->addWidget(m_replicas);
    replicasRow->addStretch(1);
    auto *storageRow = new QHBoxLayout;
    storageRow->addWidget(m_storageClass, 1);
    storageRow->addWidget(new QLabel(tr("Size:"), this));
    storageRow->addWidget(m_storageSize);
    m_storageSize->setMaximumWidth(90);
    auto *resourcesRow = new QHBoxLayout;
    resourcesRow->addWidget(new QLabel(tr("CPU"), this));
    resourcesRow->addWidget(m_cpu);
    resourcesRow->addSpacing(8);
    resourcesRow->addWidget(new QLabel(tr("Memory"), this));
    resourcesRow->addWidget(m_memory);
    resourcesRow->addStretch(1);
    m_cpu->setMaximumWidth(90);
    m_memory->setMaximumWidth(90);

    auto *form = new QFormLayout;
    form->setSpacing(9);
    form->addRow(tr("StatefulSet name:"), m_name);
    form->addRow(tr("Namespace:"), m_namespace);
    form->addRow(tr("Pods:"), replicasRow);
    form->addRow(QString(), m_layout);
    form->addRow(tr("Image:"), m_image);
    form->addRow(QString(), m_persistent);
    form->addRow(tr("Storage class:"), storageRow);
    form->addRow(tr("Requests:"), resourcesRow);
    form->addRow(tr("Password:"), m_password);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_problems);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_name, m_namespace, m_image, m_storageSize, m_cpu, m_memory, m_password})
        connect(edit, &QLineEdit::textChanged, this, &ParametersPage::onChanged);
    connect(m_pods, &QSpinBox::valueChanged, this, &ParametersPage::onChanged);
    connect(m_replicas, &QSpinBox::valueChanged, this, &ParametersPage::onChanged);
    connect(m_persistent, &QCheckBox::toggled, this, &ParametersPage::onChanged);
    connect(m_storageClass, &QComboBox::currentTextChanged, this, &ParametersPage::onChanged);
}

DeployWizard *ParametersPage::deployWizard() const
{
    return qobject_cast<DeployWizard *>(wizard());
}

void ParametersPage::initializePage()
{
    const DeployParameters p = deployWizard()->parameters();
    m_name->setText(p.name);
    m_namespace->setText(p.ns);
    m_pods->setValue(p.pods);
    m_replicas->setValue(p.replicasPerMaster);
    m_image->setText(p.image);
    m_persistent->setChecked(p.persistent);
    m_storageClass->setEditText(p.storageClass);
    m_storageSize->setText(p.storageSize);
    m_cpu->setText(p.cpu);
    m_memory->setText(p.memory);
    m_password->setText(p.password);
    loadStorageClasses();
    onChanged();
}

void ParametersPage::loadStorageClasses()
{
    if (m_classesJob)
        return;
    QString why;
    rcs::Job *job = deployWizard()->backend()->createStorageClassesJob(
        deployWizard()->target(),
        [this](const QStringList &names) {
            const QString current = m_storageClass->currentText();
            m_storageClass->clear();
            m_storageClass->addItems(names);
            m_storageClass->setEditText(current);
        },
        &why);
    if (!job)
        return; // the class stays a free text field
    m_classesJob = job;
    if (job->timeout() == 0)
        job->setTimeout(15'000);
    job->start();
}

void ParametersPage::onChanged()
{
    DeployParameters p = deployWizard() ? deployWizard()->parameters() : DeployParameters();
    p.name = m_name->text().trimmed();
    p.ns = m_namespace->text().trimmed();
    p.pods = m_pods->value();
    p.replicasPerMaster = m_replicas->value();
    p.image = m_image->text().trimmed();
    p.persistent = m_persistent->isChecked();
    p.storageClass = m_storageClass->currentText().trimmed();
    p.storageSize = m_storageSize->text().trimmed();
    p.cpu = m_cpu->text().trimmed();
    p.memory = m_memory->text().trimmed();
    p.password = m_password->text();
    m_storageClass->setEnabled(p.persistent);
    m_storageSize->setEnabled(p.persistent);
    if (deployWizard())
        deployWizard()->setParameters(p);

    const int extra = p.pods - p.masters() * (p.replicasPerMaster + 1);
    QString layout = countOf(p.masters(), tr("master", "count"), tr("masters", "count")) +
                     QStringLiteral(" + ") +
                     countOf(p.replicas(), tr("replica", "count"), tr("replicas", "count"));
    if (extra > 0 && p.masters() >= 3)
        layout += extra == 1 ? tr(" (one master gets an extra replica)")
                             : tr(" (%1 masters get an extra replica)").arg(extra);
    m_layout->setText(layout);

    const QStringList problems = p.validate();
    if (problems.isEmpty()) {
        m_problems->clear();
    } else {
        QString html;
        for (const QString &problem : problems)
            html += QStringLiteral("<p style='margin:2px 0'>") +
                    colored(Theme::stateColor(NodeCard::State::Fail), QStringLiteral("✖ ") + problem) +
                    QStringLiteral("</p>");
        m_problems->setText(html);
    }
    Q_EMIT completeChanged();
}

bool ParametersPage::isComplete() const
{
    return deployWizard() && deployWizard()->parameters().validate().isEmpty();
}

bool ParametersPage::validatePage()
{
    return isComplete();
}

// ---------------------------------------------------------------------------------------------- review

ReviewPage::ReviewPage()
    : m_yaml(new QPlainTextEdit(this))
    , m_commands(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Review"));
    setSubTitle(
        tr("These manifests will be applied (server-side, forced). The commands below do the same by hand."));
    setButtonText(QWizard::NextButton, tr("Deploy"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_yaml->setReadOnly(true);
    m_yaml->setFont(mono);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setObjectName(QStringLiteral("yaml"));
    new YamlHighlighter(m_yaml->document());
    m_commands->setReadOnly(true);
    m_commands->setFont(mono);
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_commands->setMaximumHeight(90);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_yaml, 1);
    layout->addWidget(m_error);
    layout->addWidget(new QLabel(tr("Equivalent commands:"), this));
    layout->addWidget(m_commands);
}

DeployWizard *ReviewPage::deployWizard() const
{
    return qobject_cast<DeployWizard *>(wizard());
}

void ReviewPage::initializePage()
{
    const auto rendered = deployWizard()->backend()->renderManifests(deployWizard()->deployedTarget(),
                                                                     deployWizard()->parameters());
    m_rendered = rendered.ok();
    m_yaml->setPlainText(rendered.ok() ? rendered.value() : QString());
    m_yaml->setVisible(rendered.ok());
    m_error->setVisible(!rendered.ok());
    if (!rendered.ok())
        m_error->setText(colored(Theme::stateColor(NodeCard::State::Fail), rendered.error().message()));
    m_commands->setPlainText(
        deployWizard()
            ->backend()
            ->deployCommands(deployWizard()->deployedTarget(), deployWizard()->parameters())
            .join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

bool ReviewPage::isComplete() const
{
    return m_rendered;
}

QString ReviewPage::yaml() const
{
    return m_yaml->toPlainText();
}

QString ReviewPage::commands() const
{
    return m_commands->toPlainText();
}

// ----------------------------------------------------------------------------------------------- apply

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
        m_message->setText(colored(Theme::stateColor(NodeCard::State::Fail), why));
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
