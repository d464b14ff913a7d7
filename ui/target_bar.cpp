#include "target_bar.h"

#include "kubeconfig_dialog.h"
#include "studio_backend.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace rcs::ui {

namespace {
QLabel *fieldLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

TargetBar::TargetBar(StudioBackend *backend, QWidget *parent)
    : QWidget(parent)
    , m_backend(backend)
    , m_kind(new QComboBox(this))
    , m_kubeconfigLabel(fieldLabel(this))
    , m_kubeconfig(new QLineEdit(this))
    , m_browse(new QToolButton(this))
    , m_contextLabel(fieldLabel(this))
    , m_context(new QComboBox(this))
    , m_namespaceLabel(fieldLabel(this))
    , m_namespace(new QLineEdit(this))
    , m_statefulSetLabel(fieldLabel(this))
    , m_statefulSet(new QLineEdit(this))
    , m_accessLabel(fieldLabel(this))
    , m_access(new QComboBox(this))
    , m_endpointsLabel(fieldLabel(this))
    , m_endpoints(new QLineEdit(this))
    , m_userLabel(fieldLabel(this))
    , m_user(new QLineEdit(this))
    , m_passwordLabel(fieldLabel(this))
    , m_password(new QLineEdit(this))
    , m_tls(new QCheckBox(this))
    , m_caFile(new QLineEdit(this))
    , m_certificateFile(new QLineEdit(this))
    , m_keyFile(new QLineEdit(this))
    , m_sni(new QLineEdit(this))
{
    m_kind->addItem(QIcon(QStringLiteral(":/icons/sandbox.svg")), QString(),
                    int(StudioTarget::Kind::Sandbox));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/kubernetes.svg")), QString(),
                    int(StudioTarget::Kind::Kubernetes));
    m_kind->addItem(QIcon(QStringLiteral(":/icons/nodes.svg")), QString(),
                    int(StudioTarget::Kind::Endpoints));
    // The kind names change with the language (View → Language): the box follows their width.
    m_kind->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_kubeconfig->setPlaceholderText(
        QDir::toNativeSeparators(QDir::homePath() + QStringLiteral("/.kube/config")));
    m_kubeconfig->setMinimumWidth(180);
    m_browse->setText(QStringLiteral("…"));
    m_browse->setObjectName(QStringLiteral("browseKubeconfig"));
    m_context->setMinimumContentsLength(14);
    m_context->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    const auto *dns = new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?")), this);
    m_namespace->setValidator(dns);
    m_namespace->setPlaceholderText(QStringLiteral("redis-cluster"));
    m_namespace->setMaximumWidth(170);
    m_statefulSet->setValidator(dns);
    m_statefulSet->setPlaceholderText(QStringLiteral("redis-app"));
    m_statefulSet->setMaximumWidth(150);
    m_endpoints->setPlaceholderText(QStringLiteral("10.0.0.1:6379,10.0.0.2:6379"));
    m_endpoints->setMinimumWidth(260);
    for (rcs::AccessMode mode : {rcs::AccessMode::Auto, rcs::AccessMode::Direct, rcs::AccessMode::Tunnel})
        m_access->addItem(QString(), rcs::accessModeName(mode));
    m_access->setObjectName(QStringLiteral("access"));
    m_access->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_user->setObjectName(QStringLiteral("user"));
    m_user->setMaximumWidth(120);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaximumWidth(140);
    m_tls->setObjectName(QStringLiteral("tls"));
    // File names (the placeholders say which) and a DNS name: redis-cli's --cacert, --cert, --key, --sni.
    const std::initializer_list<std::pair<QLineEdit *, const char *>> tlsFields{
        {m_caFile, "cacert"}, {m_certificateFile, "cert"}, {m_keyFile, "key"}, {m_sni, "sni"}};
    for (const auto &[field, name] : tlsFields) {
        field->setObjectName(QString::fromLatin1(name));
        field->setMaximumWidth(120);
    }
    m_caFile->setPlaceholderText(QStringLiteral("ca.crt"));
    m_certificateFile->setPlaceholderText(QStringLiteral("tls.crt"));
    m_keyFile->setPlaceholderText(QStringLiteral("tls.key"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->setSpacing(6);
    layout->addWidget(m_kind);
    layout->addSpacing(8);
    for (QWidget *w : {static_cast<QWidget *>(m_kubeconfigLabel), static_cast<QWidget *>(m_kubeconfig)})
        layout->addWidget(w);
    layout->addWidget(m_browse);
    layout->addSpacing(6);
    layout->addWidget(m_contextLabel);
    layout->addWidget(m_context);
    layout->addSpacing(6);
    layout->addWidget(m_namespaceLabel);
    layout->addWidget(m_namespace);
    layout->addSpacing(6);
    layout->addWidget(m_statefulSetLabel);
    layout->addWidget(m_statefulSet);
    layout->addSpacing(6);
    layout->addWidget(m_accessLabel);
    layout->addWidget(m_access);
    layout->addWidget(m_endpointsLabel);
    layout->addWidget(m_endpoints, 1);
    layout->addSpacing(6);
    layout->addWidget(m_userLabel);
    layout->addWidget(m_user);
    layout->addSpacing(6);
    layout->addWidget(m_passwordLabel);
    layout->addWidget(m_password);
    layout->addSpacing(6);
    for (QWidget *w : {static_cast<QWidget *>(m_tls), static_cast<QWidget *>(m_caFile),
                       static_cast<QWidget *>(m_certificateFile), static_cast<QWidget *>(m_keyFile),
                       static_cast<QWidget *>(m_sni)})
        layout->addWidget(w);
    layout->addStretch(0);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        updateVisibility();
        commit();
    });
    connect(m_browse, &QToolButton::clicked, this, &TargetBar::browseKubeconfig);
    connect(m_kubeconfig, &QLineEdit::editingFinished, this, [this] {
        reloadContexts();
        commit();
    });
    connect(m_context, &QComboBox::currentIndexChanged, this, &TargetBar::commit);
    connect(m_namespace, &QLineEdit::editingFinished, this, &TargetBar::commit);
    connect(m_statefulSet, &QLineEdit::editingFinished, this, &TargetBar::commit);
    connect(m_endpoints, &QLineEdit::editingFinished, this, &TargetBar::commit);
    connect(m_access, &QComboBox::currentIndexChanged, this, &TargetBar::commit);
    connect(m_user, &QLineEdit::editingFinished, this, &TargetBar::commit);
    connect(m_password, &QLineEdit::editingFinished, this, &TargetBar::commit);
    connect(m_tls, &QCheckBox::toggled, this, [this] {
        updateVisibility();
        commit();
    });
    for (QLineEdit *field : {m_caFile, m_certificateFile, m_keyFile, m_sni})
        connect(field, &QLineEdit::editingFinished, this, &TargetBar::commit);
    updateVisibility();
    retranslateUi();
}

void TargetBar::retranslateUi()
{
    m_kind->setItemText(m_kind->findData(int(StudioTarget::Kind::Sandbox)), tr("Local sandbox"));
    m_kind->setItemText(m_kind->findData(int(StudioTarget::Kind::Kubernetes)), tr("Kubernetes"));
    m_kind->setItemText(m_kind->findData(int(StudioTarget::Kind::Endpoints)), tr("Redis nodes"));
    m_kind->setToolTip(tr("Where the cluster runs: the built-in local sandbox, a Kubernetes cluster from a "
                          "kubeconfig, or Redis nodes reached at their addresses"));
    m_kubeconfigLabel->setText(tr("Kubeconfig"));
    m_kubeconfig->setToolTip(tr("The kubeconfig file; empty uses $KUBECONFIG or ~/.kube/config"));
    m_browse->setToolTip(tr("Choose a kubeconfig file"));
    m_contextLabel->setText(tr("Context"));
    m_context->setItemText(0, tr("(current context)"));
    if (m_contextError.isEmpty())
        m_context->setToolTip(tr("The kubeconfig context (cluster and user)"));
    m_namespaceLabel->setText(tr("Namespace"));
    m_statefulSetLabel->setText(tr("StatefulSet"));
    m_endpointsLabel->setText(tr("Nodes"));
    m_endpoints->setToolTip(
        tr("One or more node addresses; the rest of the cluster is discovered from them"));
    m_accessLabel->setText(tr("Access"));
    m_access->setItemText(m_access->findData(QStringLiteral("auto")), tr("Auto"));
    m_access->setItemText(m_access->findData(QStringLiteral("direct")), tr("Direct"));
    m_access->setItemText(m_access->findData(QStringLiteral("tunnel")), tr("Tunnel"));
    m_access->setToolTip(tr("How the studio reaches the pods: directly at their IPs, through a port-forward "
                            "over the Kubernetes API (tunnel), or directly where that works and tunnelled "
                            "elsewhere (auto)"));
    m_userLabel->setText(tr("User"));
    m_user->setPlaceholderText(tr("default"));
    m_user->setToolTip(tr("The ACL user name for AUTH (Redis 6 and newer); empty for the default user"));
    m_passwordLabel->setText(tr("Password"));
    m_password->setToolTip(tr("The password for AUTH; empty when the nodes need none. Kept until the studio "
                              "closes, never saved"));
    m_tls->setText(tr("Use TLS"));
    m_tls->setToolTip(tr("Speak TLS to the nodes (servers with tls-port, Redis 6 and newer)"));
    m_caFile->setToolTip(tr("The CA certificate file (PEM) the nodes' certificates must lead to; empty "
                            "trusts the system's CAs"));
    m_certificateFile->setToolTip(
        tr("A client certificate file (PEM), for nodes with tls-auth-clients yes; with its key"));
    m_keyFile->setToolTip(tr("The client certificate's private key file (PEM)"));
    m_sni->setPlaceholderText(tr("server name"));
    m_sni->setToolTip(tr("The name the nodes' certificate must carry; empty uses the address connected to"));
}

void TargetBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

StudioTarget TargetBar::target() const
{
    StudioTarget target;
    target.kind = StudioTarget::Kind(m_kind->currentData().toInt());
    target.kubeconfig = m_kubeconfig->text().trimmed();
    target.context = m_context->currentData().toString();
    target.ns = m_namespace->text().trimmed().isEmpty() ? m_namespace->placeholderText()
                                                        : m_namespace->text().trimmed();
    target.statefulSet = m_statefulSet->text().trimmed().isEmpty() ? m_statefulSet->placeholderText()
                                                                   : m_statefulSet->text().trimmed();
    target.endpoints = m_endpoints->text().trimmed();
    target.access = rcs::parseAccessMode(m_access->currentData().toString()).value_or(rcs::AccessMode::Auto);
    target.user = m_user->text().trimmed();
    target.password = m_password->text();
    target.tls = m_tls->isChecked();
    target.caFile = m_caFile->text().trimmed();
    target.certificateFile = m_certificateFile->text().trimmed();
    target.keyFile = m_keyFile->text().trimmed();
    target.sni = m_sni->text().trimmed();
    if (target.kind == StudioTarget::Kind::Endpoints && target.endpoints.isEmpty())
        target.kind = StudioTarget::Kind::None;
    return target;
}

void TargetBar::setTarget(const StudioTarget &target)
{
    m_loading = true;
    const int kindIndex = m_kind->findData(
        int(target.kind == StudioTarget::Kind::None ? StudioTarget::Kind::Sandbox : target.kind));
    m_kind->setCurrentIndex(std::max(0, kindIndex));
    m_kubeconfig->setText(target.kubeconfig);
    m_namespace->setText(target.ns == m_namespace->placeholderText() ? QString() : target.ns);
    m_statefulSet->setText(target.statefulSet == m_statefulSet->placeholderText() ? QString()
                                                                                  : target.statefulSet);
    m_endpoints->setText(target.endpoints);
    m_access->setCurrentIndex(std::max(0, m_access->findData(rcs::accessModeName(target.access))));
    m_user->setText(target.user);
    m_password->setText(target.password);
    m_tls->setChecked(target.tls);
    m_caFile->setText(target.caFile);
    m_certificateFile->setText(target.certificateFile);
    m_keyFile->setText(target.keyFile);
    m_sni->setText(target.sni);
    reloadContexts();
    const int contextIndex = m_context->findData(target.context);
    if (contextIndex >= 0)
        m_context->setCurrentIndex(contextIndex);
    updateVisibility();
    m_loading = false;
    m_committed = this->target();
}

void TargetBar::updateVisibility()
{
    const auto kind = StudioTarget::Kind(m_kind->currentData().toInt());
    const bool kube = kind == StudioTarget::Kind::Kubernetes;
    const bool endpoints = kind == StudioTarget::Kind::Endpoints;
    for (QWidget *w : {static_cast<QWidget *>(m_kubeconfigLabel), static_cast<QWidget *>(m_kubeconfig),
                       static_cast<QWidget *>(m_browse), static_cast<QWidget *>(m_contextLabel),
                       static_cast<QWidget *>(m_context)})
        w->setVisible(kube);
    for (QWidget *w : {static_cast<QWidget *>(m_namespaceLabel), static_cast<QWidget *>(m_namespace),
                       static_cast<QWidget *>(m_statefulSetLabel), static_cast<QWidget *>(m_statefulSet)})
        w->setVisible(!endpoints);
    m_accessLabel->setVisible(!endpoints);
    m_access->setVisible(!endpoints);
    for (QWidget *w : {static_cast<QWidget *>(m_endpointsLabel), static_cast<QWidget *>(m_endpoints),
                       static_cast<QWidget *>(m_userLabel), static_cast<QWidget *>(m_user),
                       static_cast<QWidget *>(m_passwordLabel), static_cast<QWidget *>(m_password),
                       static_cast<QWidget *>(m_tls)})
        w->setVisible(endpoints);
    for (QLineEdit *field : {m_caFile, m_certificateFile, m_keyFile, m_sni})
        field->setVisible(endpoints && m_tls->isChecked());
}

void TargetBar::reloadContexts()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const QString previous = m_context->currentData().toString();
    m_context->clear();
    QString error;
    const QStringList contexts =
        m_backend ? m_backend->contexts(m_kubeconfig->text().trimmed(), &error) : QStringList();
    m_contextError = error;
    m_context->addItem(tr("(current context)"), QString());
    for (const QString &context : contexts)
        m_context->addItem(context, context);
    m_context->setToolTip(error.isEmpty() ? tr("The kubeconfig context (cluster and user)") : error);
    const int index = m_context->findData(previous);
    m_context->setCurrentIndex(std::max(0, index));
    m_loading = wasLoading;
}

void TargetBar::browseKubeconfig()
{
    chooseKubeconfig(this, [this](const QString &path) {
        m_kubeconfig->setText(path);
        reloadContexts();
        commit();
    });
}

void TargetBar::commit()
{
    if (m_loading)
        return;
    const StudioTarget current = target();
    if (current == m_committed)
        return;
    m_committed = current;
    Q_EMIT targetChanged(current);
}

} // namespace rcs::ui
