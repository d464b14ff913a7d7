#include "details_panel.h"

#include "theme.h"
#include "topology_adapter.h"
#include "topology_model.h"

#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rcs::ui {

DetailsPanel::DetailsPanel(TopologyModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_heading(new QLabel(this))
    , m_subheading(new QLabel(this))
    , m_form(new QFormLayout)
    , m_hint(new QLabel(this))
{
    QFont headingFont = m_heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() + 3);
    m_heading->setFont(headingFont);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subheading->setForegroundRole(QPalette::PlaceholderText);
    m_subheading->setWordWrap(true);
    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);
    m_form->setLabelAlignment(Qt::AlignRight);
    m_form->setFormAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(6);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);
    layout->addWidget(m_heading);
    layout->addWidget(m_subheading);
    layout->addSpacing(4);
    layout->addLayout(m_form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(model, &TopologyModel::selectionChanged, this, &DetailsPanel::refresh);
    connect(model, &TopologyModel::snapshotApplied, this, &DetailsPanel::refresh);
    refresh();
}

QString DetailsPanel::fieldText(const QString &label) const
{
    for (int row = 0; row < m_form->rowCount(); ++row) {
        auto *name = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::LabelRole)->widget());
        auto *value = qobject_cast<QLabel *>(m_form->itemAt(row, QFormLayout::FieldRole)->widget());
        if (name && value && name->text() == label)
            return value->text();
    }
    return {};
}

void DetailsPanel::setField(const QString &label, const QString &value)
{
    auto *name = new QLabel(label);
    name->setForegroundRole(QPalette::PlaceholderText);
    QString text = value.isEmpty() ? QStringLiteral("–") : value;
    // Node ids and long slot lists have no spaces: offer break points so the panel needs no scrolling.
    if (label == tr("Node id") || label == tr("Slots")) {
        QString breakable;
        for (qsizetype i = 0; i < text.size(); ++i) {
            breakable += text.at(i);
            if ((label == tr("Node id") && i % 8 == 7) || text.at(i) == QLatin1Char(','))
                breakable += QChar(0x200B);
        }
        text = breakable;
    }
    auto *field = new QLabel(text);
    field->setTextInteractionFlags(Qt::TextSelectableByMouse);
    field->setWordWrap(true);
    if (label == tr("Node id") || label == tr("Address") || label == tr("Slots"))
        field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_form->addRow(name, field);
}

void DetailsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

void DetailsPanel::refresh()
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);

    const NodeCard *card = m_model->node(m_model->selectedKey());
    if (!card) {
        const TopologySnapshot &summary = m_model->summary();
        m_heading->setText(situationTitle(summary.situation));
        m_heading->setStyleSheet(
            QStringLiteral("color: %1;").arg(Theme::situationColor(summary.situation).name()));
        m_subheading->setText(adviceText(summary));
        if (!m_model->isEmpty()) {
            setField(tr("Masters"), QString::number(m_model->masterCount()));
            setField(tr("Replicas"), QString::number(m_model->replicaCount()));
            setField(tr("Cluster state"), summary.clusterState);
            setField(tr("Slots ok"), summary.slotsOk < 0 ? QString() : QString::number(summary.slotsOk));
            setField(tr("Known nodes"),
                     summary.knownNodes < 0 ? QString() : QString::number(summary.knownNodes));
            setField(tr("Current epoch"),
                     summary.currentEpoch < 0 ? QString() : QString::number(summary.currentEpoch));
        }
        m_hint->setText(m_model->isEmpty() ? QString()
                                           : tr("Select a node in the picture to see its details."));
        m_hint->setVisible(!m_model->isEmpty());
        return;
    }

    m_heading->setStyleSheet({});
    m_heading->setText(card->displayName());
    m_subheading->setText(QStringLiteral("%1 · %2").arg(roleName(card->role), nodeStateName(card->state)));
    setField(tr("Role"), roleName(card->role));
    if (card->role == NodeCard::Role::Replica)
        setField(tr("Replica of"), card->masterName);
    setField(tr("State"), nodeStateName(card->state));
    setField(tr("Address"), card->address);
    setField(tr("Kubernetes node"), card->hostGroup);
    if (!card->podName.isEmpty()) {
        setField(tr("Pod"), card->podName);
        setField(tr("Pod phase"), card->podPhase + (card->podReady ? tr(", ready") : tr(", not ready")));
        setField(tr("Restarts"), QString::number(card->restarts));
        if (!card->revision.isEmpty())
            setField(tr("Revision"),
                     card->revisionState == NodeCard::Revision::Old   ? tr("%1 (old)").arg(card->revision)
                     : card->revisionState == NodeCard::Revision::New ? tr("%1 (new)").arg(card->revision)
                                                                      : card->revision);
    }
    setField(tr("Node id"), card->id);
    if (card->isMaster()) {
        setField(tr("Slots"), card->slotsText);
        setField(tr("Slot count"), QString::number(card->slotCount()));
    }
    if (card->migratingSlots > 0 || card->importingSlots > 0)
        setField(tr("Open slots"),
                 tr("%1 migrating, %2 importing").arg(card->migratingSlots).arg(card->importingSlots));
    setField(tr("Keys"), formatCount(card->keys));
    setField(tr("Memory"), formatBytes(card->memoryBytes));
    setField(tr("Server"), card->server.isEmpty() ? tr("unknown") : card->server);
    setField(tr("Config epoch"), QString::number(card->configEpoch));
    setField(tr("Flags"), card->flags);
    m_hint->setText(card->detail);
    m_hint->setVisible(!card->detail.isEmpty());
}

} // namespace rcs::ui
