#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace rcs::ui {

// Asks before a change, naming exactly what will change: a sentence, the list of affected objects,
// optional choices (e.g. "Also delete the PVCs"), and an accept button labelled with the verb.
class ConfirmationDialog final : public QDialog {
    Q_OBJECT
public:
    ConfirmationDialog(const QString &title, const QString &text, QWidget *parent = nullptr);

    void setItems(const QStringList &items);
    QStringList items() const;
    // A choice shown as a check box; its state is read back with isOptionChecked(key).
    void addOption(const QString &key, const QString &text, bool checked = false);
    bool isOptionChecked(const QString &key) const;
    void setAcceptText(const QString &text, bool destructive);
    QPushButton *acceptButton() const { return m_accept; }

Q_SIGNALS:
    // Emitted when an option changes, so the caller can refresh the list of items.
    void optionToggled(const QString &key, bool checked);

private:
    QLabel *m_text;
    QListWidget *m_items;
    QList<QCheckBox *> m_options;
    QPushButton *m_accept;
};

} // namespace rcs::ui
