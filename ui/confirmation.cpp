#include "confirmation.h"

#include <utility>

namespace rcs::ui {

Confirmation::Confirmation(QString name, QString title, QString text, QObject *parent)
    : QObject(parent)
    , m_name(std::move(name))
    , m_title(std::move(title))
    , m_text(std::move(text))
{
    setObjectName(m_name);
}

void Confirmation::setItems(const QStringList &items)
{
    m_items = items;
    Q_EMIT itemsChanged(m_items);
}

void Confirmation::addOption(const QString &key, const QString &text, bool checked)
{
    m_options.append({key, text, checked});
}

bool Confirmation::isOptionChecked(const QString &key) const
{
    for (const Option &option : m_options) {
        if (option.key == key)
            return option.checked;
    }
    return false;
}

void Confirmation::setOptionChecked(const QString &key, bool checked)
{
    for (Option &option : m_options) {
        if (option.key == key && option.checked != checked) {
            option.checked = checked;
            Q_EMIT optionToggled(key, checked);
        }
    }
}

void Confirmation::setAcceptText(const QString &text, bool destructive)
{
    m_acceptText = text;
    m_destructive = destructive;
    Q_EMIT acceptChanged();
}

void Confirmation::setAcceptEnabled(bool enabled)
{
    if (m_acceptEnabled == enabled)
        return;
    m_acceptEnabled = enabled;
    Q_EMIT acceptChanged();
}

bool Confirmation::answer()
{
    if (m_answered)
        return false;
    m_answered = true;
    deleteLater();
    return true;
}

void Confirmation::accept()
{
    // A disabled accept button cannot be pressed; a caller that answers anyway is refused the same way.
    if (!m_acceptEnabled || !answer())
        return;
    Q_EMIT accepted();
}

void Confirmation::reject()
{
    if (answer())
        Q_EMIT rejected();
}

} // namespace rcs::ui
