#include "upgrade_dialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
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
    , m_settings(new QPlainTextEdit(this))
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
    m_settings->setObjectName(QStringLiteral("settings"));
    m_settings->setPlaceholderText(tr("e.g. maxmemory-policy allkeys-lru (one per line; empty: none)"));
    m_settings->setTabChangesFocus(true);
    // A few lines: the settings an upgrade changes are a handful.
    m_settings->setFixedHeight(m_settings->fontMetrics().lineSpacing() * 4 + 12);
    m_settings->setToolTip(tr("redis.conf settings. Those the servers accept through CONFIG SET are applied "
                              "live on every node without a restart; the others are read by the pods as "
                              "they restart one by one. The plan says which."));
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
    fields->addRow(tr("Settings:"), m_settings);
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
    connect(m_settings, &QPlainTextEdit::textChanged, this, &UpgradeDialog::updateState);
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
    if (const Result<QList<rcs::ConfigSetting>> settings =
            rcs::parseConfigSettingLines(m_settings->toPlainText()))
        request.settings = *settings;
    return request;
}

void UpgradeDialog::updateState()
{
    const bool upgrade = m_upgrade->isChecked();
    for (QLineEdit *edit : {m_image, m_cpu, m_memory})
        edit->setEnabled(upgrade);
    m_settings->setEnabled(upgrade);
    const ActionRequest request = choices();
    const Result<QList<rcs::ConfigSetting>> settings =
        rcs::parseConfigSettingLines(m_settings->toPlainText());
    const bool something = request.restartOnly || !request.image.isEmpty() || !request.cpu.isEmpty() ||
                           !request.memory.isEmpty() || !request.settings.isEmpty();
    const bool valid = request.restartOnly || settings.ok();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(something && valid);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setToolTip(!valid      ? settings.error().message()
                     : something ? QString()
                                 : tr("Give a new image, CPU or memory request, a setting, or choose Restart "
                                      "only."));
}

} // namespace rcs::ui
