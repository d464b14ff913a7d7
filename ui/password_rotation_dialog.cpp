#include "password_rotation_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace rcs::ui {

namespace {
// Shorter passwords are refused here: core registers secrets of 4 characters and more for redaction,
// and a password worth rotating to is longer than that anyway.
constexpr int kMinimumLength = 8;
} // namespace

PasswordRotationDialog::PasswordRotationDialog(QWidget *parent)
    : QDialog(parent)
    , m_user(new QComboBox(this))
    , m_generate(new QRadioButton(tr("Generate a new password"), this))
    , m_type(new QRadioButton(tr("Type the new password:"), this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("passwordRotationDialog"));
    setWindowTitle(tr("Rotate password"));
    m_user->setObjectName(QStringLiteral("user"));
    // Empty: core's choice, the operator user when the deployment has one (else default).
    m_user->addItem(tr("The user the studio logs in as (the operator; 'default' where there is none)"),
                    QString());
    m_user->addItem(tr("'default' (the user the applications log in as)"), QStringLiteral("default"));
    // The items' own width and a little more: the combo's hint leaves no room for a wide script's ink.
    m_user->setMinimumWidth(m_user->sizeHint().width() + m_user->fontMetrics().averageCharWidth() * 2);
    m_generate->setObjectName(QStringLiteral("generate"));
    m_type->setObjectName(QStringLiteral("type"));
    m_password->setObjectName(QStringLiteral("password"));
    m_repeat->setObjectName(QStringLiteral("repeat"));
    for (QLineEdit *edit : {m_password, m_repeat}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMinimumWidth(edit->fontMetrics().averageCharWidth() * 32);
    }
    m_password->setPlaceholderText(tr("at least %1 characters").arg(kMinimumLength));
    m_repeat->setPlaceholderText(tr("the same again"));
    m_generate->setToolTip(tr("A random password; it is kept in the deployment's Secret, where the "
                              "applications' configuration can read it."));
    m_generate->setChecked(true);

    auto *intro = new QLabel(tr("Every node accepts the new password beside the old one while the "
                                "replicas and the Secret change over, so no replication link drops; "
                                "then the old one is removed. You see the plan before anything changes."),
                             this);
    intro->setWordWrap(true);
    auto *who = new QFormLayout;
    who->addRow(tr("User:"), m_user);
    auto *typed = new QFormLayout;
    typed->addRow(tr("New password:"), m_password);
    typed->addRow(tr("Repeat:"), m_repeat);
    typed->setContentsMargins(24, 0, 0, 0);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(who);
    layout->addWidget(m_generate);
    layout->addWidget(m_type);
    layout->addLayout(typed);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Show the plan…"));

    for (QLineEdit *edit : {m_password, m_repeat})
        connect(edit, &QLineEdit::textChanged, this, &PasswordRotationDialog::updateState);
    connect(m_type, &QRadioButton::toggled, this, &PasswordRotationDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT chosen(choices());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

ActionRequest PasswordRotationDialog::choices() const
{
    ActionRequest request;
    request.rotateUser = m_user->currentData().toString();
    if (m_type->isChecked())
        request.newPassword = m_password->text();
    return request;
}

void PasswordRotationDialog::updateState()
{
    const bool typed = m_type->isChecked();
    m_password->setEnabled(typed);
    m_repeat->setEnabled(typed);
    QString problem;
    if (typed) {
        if (m_password->text().size() < kMinimumLength)
            problem = tr("Type a password of at least %1 characters, or let the studio generate one.")
                          .arg(kMinimumLength);
        else if (m_password->text() != m_repeat->text())
            problem = tr("The two passwords differ: type the same one twice.");
    }
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(problem.isEmpty());
    ok->setToolTip(problem);
}

} // namespace rcs::ui
