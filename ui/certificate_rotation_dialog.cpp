#include "certificate_rotation_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace rcs::ui {

CertificateRotationDialog::CertificateRotationDialog(QWidget *parent)
    : QDialog(parent)
    , m_renew(new QRadioButton(tr("Renew the servers' certificate (signed by the studio's CA)"), this))
    , m_reload(new QRadioButton(tr("Only reload the files of the TLS Secret (your own certificates)"), this))
    , m_renewCa(new QCheckBox(tr("Renew the CA too"), this))
    , m_dropOldCas(new QCheckBox(tr("Stop trusting the old CAs"), this))
    , m_days(new QSpinBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("certificateRotationDialog"));
    setWindowTitle(tr("Rotate certificates"));
    m_renew->setObjectName(QStringLiteral("renew"));
    m_reload->setObjectName(QStringLiteral("reloadOnly"));
    m_renewCa->setObjectName(QStringLiteral("renewCa"));
    m_dropOldCas->setObjectName(QStringLiteral("dropOldCas"));
    m_days->setObjectName(QStringLiteral("days"));
    // Core's bounds (a validity of 1 to 3650 days) and default (one year).
    m_days->setRange(1, 3650);
    m_days->setValue(ActionRequest{}.certificateDays);
    m_days->setSuffix(tr(" days"));
    m_renewCa->setToolTip(tr("Every node trusts the new CA beside the old one first, so no link is refused "
                             "while the certificates change."));
    m_dropOldCas->setToolTip(tr("ca.crt keeps only the CA that signs now: whatever an old CA signed is "
                                "refused from then on. You confirm this with the plan in front of you."));
    m_reload->setToolTip(tr("For a deployment that uses your own CA and certificate: put the new files "
                            "into its Secret first; every node then loads them live."));
    m_renew->setChecked(true);

    auto *intro = new QLabel(tr("Every node loads the new certificate live (CONFIG SET tls-cert-file): no "
                                "restart, and links made before keep their session."),
                             this);
    intro->setWordWrap(true);
    auto *options = new QFormLayout;
    options->addRow(m_renewCa);
    options->addRow(m_dropOldCas);
    options->addRow(tr("Valid for:"), m_days);
    options->setContentsMargins(24, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_renew);
    layout->addLayout(options);
    layout->addWidget(m_reload);
    layout->addWidget(m_buttons);

    // OK's text follows the choices: wide enough for the longest from the start, so none is cut.
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    int widest = 0;
    for (const QString &text : {okText(true, true), okText(true, false), okText(false, false)}) {
        ok->setText(text);
        widest = std::max(widest, ok->sizeHint().width());
    }
    ok->setMinimumWidth(widest);
    connect(m_renew, &QRadioButton::toggled, this, &CertificateRotationDialog::updateState);
    connect(m_dropOldCas, &QCheckBox::toggled, this, &CertificateRotationDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT chosen(choices());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

ActionRequest CertificateRotationDialog::choices() const
{
    ActionRequest request;
    request.reloadOnly = m_reload->isChecked();
    // A reload makes nothing new: the renewal's choices do not apply (core refuses the combination).
    if (request.reloadOnly)
        return request;
    request.renewCa = m_renewCa->isChecked();
    request.dropOldCas = m_dropOldCas->isChecked();
    request.certificateDays = m_days->value();
    return request;
}

QString CertificateRotationDialog::okText(bool renew, bool drop)
{
    return renew && drop ? tr("Show the plan…") : renew ? tr("Renew") : tr("Reload");
}

void CertificateRotationDialog::updateState()
{
    const bool renew = m_renew->isChecked();
    for (QWidget *option : std::initializer_list<QWidget *>{m_renewCa, m_dropOldCas, m_days})
        option->setEnabled(renew);
    // Only a drop asks again (with the plan); the rest starts when OK is clicked.
    m_buttons->button(QDialogButtonBox::Ok)->setText(okText(renew, m_dropOldCas->isChecked()));
}

} // namespace rcs::ui
