#include "log_model.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QFontDatabase>
#include <QPalette>

namespace rcs::ui {

namespace {
QColor levelColor(rcs::LogLevel level)
{
    switch (level) {
    case rcs::LogLevel::Debug:
        return QColor(0x8a, 0x91, 0x99);
    case rcs::LogLevel::Info:
        return {};
    case rcs::LogLevel::Warning:
        return QColor(0xd0, 0x8c, 0x00);
    case rcs::LogLevel::Error:
        return QColor(0xd9, 0x3b, 0x30);
    }
    return {};
}
} // namespace

// The level as the panel shows it; the saved log keeps logLevelName's English words (scripts read it).
QString LogModel::levelText(rcs::LogLevel level)
{
    switch (level) {
    case rcs::LogLevel::Debug:
        return tr("debug");
    case rcs::LogLevel::Info:
        return tr("info");
    case rcs::LogLevel::Warning:
        return tr("warning");
    case rcs::LogLevel::Error:
        return tr("error");
    }
    return tr("info");
}

void LogModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0, LevelColumn), index(int(m_entries.size()) - 1, LevelColumn));
}

LogModel::LogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    rcs::Logger &logger = rcs::Logger::instance();
    m_entries = logger.entries();
    // Auto connection: direct from the GUI thread, queued when a worker thread logs.
    connect(&logger, &rcs::Logger::entryAdded, this, &LogModel::append);
}

void LogModel::append(const rcs::LogEntry &entry)
{
    if (m_entries.size() >= m_maxRows) {
        const int drop = int(m_entries.size()) - m_maxRows + 1;
        beginRemoveRows({}, 0, drop - 1);
        m_entries.remove(0, drop);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(entry);
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QString LogModel::toText(const QList<int> &rows) const
{
    QString text;
    for (int row : rows) {
        const rcs::LogEntry &e = m_entries.at(row);
        text += e.time.toString(Qt::ISODateWithMs) + QLatin1Char(' ') + logLevelName(e.level).toUpper() +
                QLatin1Char(' ') + e.category + QStringLiteral(": ") + e.message + QLatin1Char('\n');
        if (!e.command.isEmpty())
            text += QStringLiteral("    $ ") + e.command + QLatin1Char('\n');
    }
    return text;
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const rcs::LogEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return e.time.toString(QStringLiteral("HH:mm:ss.zzz"));
        case LevelColumn:
            return levelText(e.level);
        case CategoryColumn:
            return e.category;
        case MessageColumn:
            return e.message;
        case CommandColumn:
            return e.command;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == CommandColumn && !e.command.isEmpty())
            return tr("Equivalent command (double-click or Ctrl+C to copy):\n%1").arg(e.command);
        if (index.column() == MessageColumn)
            return e.message;
        if (index.column() == TimeColumn)
            return e.time.toString(Qt::ISODateWithMs);
        break;
    case Qt::FontRole:
        if (index.column() == CommandColumn || index.column() == TimeColumn)
            return QFontDatabase::systemFont(QFontDatabase::FixedFont);
        break;
    case Qt::ForegroundRole:
        if (index.column() == LevelColumn || e.level == rcs::LogLevel::Error) {
            const QColor color = levelColor(e.level);
            if (color.isValid())
                return QBrush(color);
        }
        if (index.column() == TimeColumn || index.column() == CategoryColumn)
            return QBrush(QApplication::palette().color(QPalette::PlaceholderText));
        break;
    case LevelRole:
        return int(e.level);
    case CommandRole:
        return e.command;
    }
    return {};
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case CategoryColumn:
        return tr("Category");
    case MessageColumn:
        return tr("Message");
    case CommandColumn:
        return tr("Equivalent command");
    }
    return {};
}

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void LogFilterModel::setMinimumLevel(rcs::LogLevel level)
{
    if (m_minimum == level)
        return;
    m_minimum = level;
    invalidateFilter();
}

void LogFilterModel::setSearchText(const QString &text)
{
    if (m_search == text)
        return;
    m_search = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (index.data(LogModel::LevelRole).toInt() < int(m_minimum))
        return false;
    if (m_search.isEmpty())
        return true;
    for (int column : {LogModel::MessageColumn, LogModel::CommandColumn, LogModel::CategoryColumn}) {
        const QString text = sourceModel()->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(m_search, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace rcs::ui
