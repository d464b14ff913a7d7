#include "confirmation_dialog.h"

#include "theme.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace rcs::ui {

ConfirmationDialog::ConfirmationDialog(const QString &title, const QString &text, QWidget *parent)
    : QDialog(parent)
    , m_text(new QLabel(text, this))
    , m_items(new QListWidget(this))
    , m_accept(new QPushButton(tr("Continue"), this))
{
    setWindowTitle(title);
    setModal(true);
    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(40, 40));
    icon->setAlignment(Qt::AlignTop);
    auto *heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() + 2);
    heading->setFont(headingFont);
    m_text->setWordWrap(true);
    m_items->setSelectionMode(QAbstractItemView::NoSelection);
    m_items->setFocusPolicy(Qt::NoFocus);
    m_items->setMinimumHeight(120);
    // A plan's sentences are long: wrapped to the dialog's width rather than scrolled sideways.
    m_items->setWordWrap(true);
    m_items->setResizeMode(QListView::Adjust);
    m_items->setSpacing(2);
    m_items->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_accept, QDialogButtonBox::AcceptRole);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setDefault(true); // a stray Enter must not delete anything
    m_accept->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *textColumn = new QVBoxLayout;
    textColumn->setSpacing(8);
    textColumn->addWidget(heading);
    textColumn->addWidget(m_text);
    auto *top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(icon);
    top->addLayout(textColumn, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 16);
    layout->setSpacing(12);
    layout->addLayout(top);
    layout->addWidget(m_items, 1);
    layout->setObjectName(QStringLiteral("mainLayout"));
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

void ConfirmationDialog::setItems(const QStringList &items)
{
    m_items->clear();
    bool hasCommands = false;
    for (const QString &item : items) {
        auto *row = new QListWidgetItem(item, m_items);
        row->setData(Qt::UserRole, item); // the item as given, whatever the row shows
        // Data goes with these: core's plans name them "pvc/…" and "namespace/…" (kubectl's forms).
        if (item.startsWith(QLatin1String("pvc/")) || item.startsWith(QLatin1String("namespace/")))
            row->setForeground(Theme::stateColor(NodeCard::State::Fail));
        // A plan's equivalent commands ("$ redis-cli …", as the command line prints them) read as
        // what a person would type: fixed width on a shaded row, under their step.
        if (item.startsWith(QLatin1String("$ "))) {
            row->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
            row->setBackground(palette().color(QPalette::AlternateBase));
            hasCommands = true;
        }
    }
    m_items->setVisible(!items.isEmpty());
    // Room for a plan's long command lines, so that they wrap less and the steps need less scrolling.
    if (hasCommands)
        resize(qMax(width(), 760), qMax(height(), 560));
}

QStringList ConfirmationDialog::items() const
{
    QStringList list;
    for (int i = 0; i < m_items->count(); ++i)
        list.append(m_items->item(i)->data(Qt::UserRole).toString());
    return list;
}

void ConfirmationDialog::addOption(const QString &key, const QString &text, bool checked)
{
    auto *box = new QCheckBox(text, this);
    box->setObjectName(key);
    box->setChecked(checked);
    connect(box, &QCheckBox::toggled, this, [this, key](bool on) { Q_EMIT optionToggled(key, on); });
    // Options go right above the buttons.
    if (auto *layout = qobject_cast<QVBoxLayout *>(this->layout()))
        layout->insertWidget(layout->count() - 1, box);
    m_options.append(box);
}

bool ConfirmationDialog::isOptionChecked(const QString &key) const
{
    for (const QCheckBox *box : m_options) {
        if (box->objectName() == key)
            return box->isChecked();
    }
    return false;
}

void ConfirmationDialog::setAcceptText(const QString &text, bool destructive)
{
    m_accept->setText(text);
    if (destructive) {
        const QColor red = Theme::stateColor(NodeCard::State::Fail);
        m_accept->setStyleSheet(
            QStringLiteral("QPushButton { color: white; background: %1; border: 1px solid %2;"
                           " border-radius: 4px; padding: 5px 14px; }"
                           "QPushButton:hover { background: %2; }")
                .arg(red.name(), red.darker(115).name()));
    }
}

} // namespace rcs::ui
