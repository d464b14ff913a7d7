#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

namespace rcs::ui {

// A question the studio asks before a change, free of widgets: the sentence, the objects affected,
// optional choices and the verb of the accept button. The controller fills it in and waits for
// accept() or reject(); the window shows it as a ConfirmationDialog, a test answers it directly. The
// controller may change the items and the accept button while it is open (Cleanup's plan follows the
// choices); the window follows these signals. It deletes itself (later) once answered.
class Confirmation final : public QObject {
    Q_OBJECT
public:
    struct Option {
        QString key;
        QString text;
        bool checked = false;
    };

    // name identifies the question ("cleanupConfirmation"); the window uses it as the dialog's name.
    Confirmation(QString name, QString title, QString text, QObject *parent = nullptr);

    QString name() const { return m_name; }
    QString title() const { return m_title; }
    QString text() const { return m_text; }

    QStringList items() const { return m_items; }
    void setItems(const QStringList &items);

    const QList<Option> &options() const { return m_options; }
    void addOption(const QString &key, const QString &text, bool checked = false);
    bool isOptionChecked(const QString &key) const;
    // The answerer's choice; emits optionToggled when it changes.
    void setOptionChecked(const QString &key, bool checked);

    QString acceptText() const { return m_acceptText; }
    bool isDestructive() const { return m_destructive; }
    void setAcceptText(const QString &text, bool destructive);
    // False while the question cannot be answered yes yet (Cleanup's plan is still being found).
    bool isAcceptEnabled() const { return m_acceptEnabled; }
    void setAcceptEnabled(bool enabled);

    bool isAnswered() const { return m_answered; }

public Q_SLOTS:
    // Each answers once; a second answer is ignored.
    void accept();
    void reject();

Q_SIGNALS:
    void itemsChanged(const QStringList &items);
    void acceptChanged();
    void optionToggled(const QString &key, bool checked);
    void accepted();
    void rejected();

private:
    bool answer();

    QString m_name;
    QString m_title;
    QString m_text;
    QStringList m_items;
    QList<Option> m_options;
    QString m_acceptText;
    bool m_destructive = false;
    bool m_acceptEnabled = true;
    bool m_answered = false;
};

} // namespace rcs::ui
