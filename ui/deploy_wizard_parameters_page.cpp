// The deploy wizard's parameters page: names, sizes, storage class and image, checked as they are typed.
#include "deploy_wizard_pages.h"

#include "common/job.h"
#include "deploy_wizard.h"
#include "studio_backend.h"
#include "theme.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace rcs::ui {

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
    , m_tls(new QCheckBox(tr("TLS for clients, replication and the cluster bus (Redis 6.0 or later)"), this))
    , m_tlsAuthClients(new QComboBox(this))
    , m_tlsSource(new QComboBox(this))
    , m_tlsCaFile(new QLineEdit(this))
    , m_tlsCertFile(new QLineEdit(this))
    , m_tlsKeyFile(new QLineEdit(this))
    , m_tlsSecret(new QLineEdit(this))
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
    m_tlsAuthClients->addItem(tr("not asked for"), QStringLiteral("no"));
    m_tlsAuthClients->addItem(tr("checked when given"), QStringLiteral("optional"));
    m_tlsAuthClients->addItem(tr("required"), QStringLiteral("yes"));
    m_tlsAuthClients->setToolTip(tr("tls-auth-clients: whether clients must show a certificate"));
    m_tlsSource->addItem(tr("a new CA and certificate, valid one year"));
    m_tlsSource->addItem(tr("my CA, certificate and key files"));
    m_tlsSource->addItem(tr("an existing Secret"));
    m_tlsCaFile->setPlaceholderText(tr("CA certificate file (PEM)"));
    m_tlsCertFile->setPlaceholderText(tr("server certificate file (PEM)"));
    m_tlsKeyFile->setPlaceholderText(tr("private key file (PEM)"));
    m_tlsSecret->setPlaceholderText(tr("Secret with ca.crt, tls.crt and tls.key"));
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
    form->addRow(QString(), m_tls);
    form->addRow(tr("Client certificates:"), m_tlsAuthClients);
    form->addRow(tr("Certificates:"), m_tlsSource);
    form->addRow(QString(), m_tlsCaFile);
    form->addRow(QString(), m_tlsCertFile);
    form->addRow(QString(), m_tlsKeyFile);
    form->addRow(QString(), m_tlsSecret);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(m_problems);
    layout->addStretch(1);

    for (QLineEdit *edit : {m_name, m_namespace, m_image, m_storageSize, m_cpu, m_memory, m_password,
                            m_tlsCaFile, m_tlsCertFile, m_tlsKeyFile, m_tlsSecret})
        connect(edit, &QLineEdit::textChanged, this, &ParametersPage::onChanged);
    connect(m_tls, &QCheckBox::toggled, this, &ParametersPage::onChanged);
    connect(m_tlsAuthClients, &QComboBox::currentIndexChanged, this, &ParametersPage::onChanged);
    connect(m_tlsSource, &QComboBox::currentIndexChanged, this, &ParametersPage::onChanged);
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
    m_tls->setChecked(p.tls);
    m_tlsAuthClients->setCurrentIndex(std::max(0, m_tlsAuthClients->findData(p.tlsAuthClients)));
    m_tlsSource->setCurrentIndex(int(p.tlsSource));
    m_tlsCaFile->setText(p.tlsCaFile);
    m_tlsCertFile->setText(p.tlsCertFile);
    m_tlsKeyFile->setText(p.tlsKeyFile);
    m_tlsSecret->setText(p.tlsSecret);
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
    // Only the chosen source's fields count; the others keep their text for a change of mind.
    p.tls = m_tls->isChecked();
    p.tlsAuthClients = m_tlsAuthClients->currentData().toString();
    p.tlsSource = DeployParameters::TlsSource(m_tlsSource->currentIndex());
    const bool files = p.tls && p.tlsSource == DeployParameters::TlsSource::Files;
    const bool secret = p.tls && p.tlsSource == DeployParameters::TlsSource::Secret;
    p.tlsCaFile = files ? m_tlsCaFile->text().trimmed() : QString();
    p.tlsCertFile = files ? m_tlsCertFile->text().trimmed() : QString();
    p.tlsKeyFile = files ? m_tlsKeyFile->text().trimmed() : QString();
    p.tlsSecret = secret ? m_tlsSecret->text().trimmed() : QString();
    m_tlsAuthClients->setEnabled(p.tls);
    m_tlsSource->setEnabled(p.tls);
    for (QLineEdit *edit : {m_tlsCaFile, m_tlsCertFile, m_tlsKeyFile})
        edit->setVisible(files);
    m_tlsSecret->setVisible(secret);
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
                    Theme::colored(Theme::stateColor(NodeCard::State::Fail), QStringLiteral("✖ ") + problem) +
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

} // namespace rcs::ui
