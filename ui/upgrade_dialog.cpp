#include "upgrade_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace rcs::ui {

UpgradeDialog::UpgradeDialog(QWidget *parent)
    : QDialog(parent)
    , m_upgrade(new QRadioButton(tr("Upgrade: change the Redis container"), this))
    , m_restart(new QRadioButton(tr("Restart only: every pod restarts, nothing changes"), this))
    , m_image(new QLineEdit(this))
    , m_cpu(new QLineEdit(this))
    , m_memory(new QLineEdit(this))
    , m_temporaryReplica(
          new QCheckBox(tr("Give a master without a replica a temporary one while it restarts"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("upgradeDialog"));
    setWindowTitle(tr("Upgrade / restart"));
    m_upgrade->setObjectName(QStringLiteral("upgrade"));
    m_restart->setObjectName(QStringLiteral("restartOnly"));
    m_image->setObjectName(QStringLiteral("image"));
    m_cpu->setObjectName(QStringLiteral("cpu"));
    m_memory->setObjectName(QStringLiteral("memory"));
    m_temporaryReplica->setObjectName(QStringLiteral("temporaryReplica"));
    m_temporaryReplica->setToolTip(tr(
        "Otherwise such a master is refused. An extra pod is added at the new revision, takes the slots "
        "over, hands them back once the master's pod is upgraded and in sync, and is removed at the end."));
    m_image->setPlaceholderText(tr("e.g. redis:7.2 (empty: keep it)"));
    m_cpu->setPlaceholderText(tr("e.g. 500m (empty: keep it)"));
    m_memory->setPlaceholderText(tr("e.g. 1Gi (empty: keep it)"));
    m_upgrade->setChecked(true);
    // Wide enough for the examples in every language (a placeholder is not elided, only cut).
    for (QLineEdit *edit : {m_image, m_cpu, m_memory})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 24);

    auto *intro = new QLabel(tr("One pod at a time, replicas first; each master hands its slots to an "
                                "in-sync replica by a failover before it restarts. You see the plan "
                                "before anything changes."),
                             this);
    intro->setWordWrap(true);
    auto *fields = new QFormLayout;
    fields->addRow(tr("Image:"), m_image);
    fields->addRow(tr("CPU request:"), m_cpu);
    fields->addRow(tr("Memory request:"), m_memory);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_upgrade);
    layout->addLayout(fields);
    layout->addWidget(m_restart);
    layout->addWidget(m_temporaryReplica);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Show the plan…"));

    for (QLineEdit *edit : {m_image, m_cpu, m_memory})
        connect(edit, &QLineEdit::textChanged, this, &UpgradeDialog::updateState);
    connect(m_upgrade, &QRadioButton::toggled, this, &UpgradeDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        Q_EMIT chosen(choices());
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

void UpgradeDialog::setCurrentImage(const QString &image)
{
    m_currentImage = image;
    m_image->setText(image);
}

ActionRequest UpgradeDialog::choices() const
{
    ActionRequest request;
    request.restartOnly = m_restart->isChecked();
    request.temporaryReplica = m_temporaryReplica->isChecked();
    if (request.restartOnly)
        return request;
    // The image the pods already run is no change: only a different one is asked for.
    const QString image = m_image->text().trimmed();
    if (image != m_currentImage)
        request.image = image;
    request.cpu = m_cpu->text().trimmed();
    request.memory = m_memory->text().trimmed();
    return request;
}

void UpgradeDialog::updateState()
{
    const bool upgrade = m_upgrade->isChecked();
    for (QLineEdit *edit : {m_image, m_cpu, m_memory})
        edit->setEnabled(upgrade);
    const ActionRequest request = choices();
    const bool something = request.restartOnly || !request.image.isEmpty() || !request.cpu.isEmpty() ||
                           !request.memory.isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(something);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(something ? QString()
                               : tr("Give a new image, CPU or memory request, or choose Restart only."));
}

} // namespace rcs::ui
