#pragma once

#include "common/logger.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace rcs::ui {

// The rows of the log panel, fed by rcs::Logger (which has already redacted every secret).
class LogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, CategoryColumn, MessageColumn, CommandColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1, CommandRole };

    // Follows Logger::instance() when logger is null; the model starts with the entries logged so far.
    explicit LogModel(QObject *parent = nullptr);

    void append(const rcs::LogEntry &entry);
    const rcs::LogEntry &entry(int row) const { return m_entries.at(row); }
    void clear();
    // The rows as plain text, one per line with the command indented below: what "Save log" writes.
    QString toText(const QList<int> &rows) const;
    void setMaximumRows(int rows) { m_maxRows = rows; }
    // After a language change: the headers and the level words again.
    void retranslate();
    static QString levelText(rcs::LogLevel level);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<rcs::LogEntry> m_entries;
    int m_maxRows = 20000;
};

// Shows entries at or above a level whose text contains a search string.
class LogFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);

    void setMinimumLevel(rcs::LogLevel level);
    rcs::LogLevel minimumLevel() const { return m_minimum; }
    void setSearchText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    rcs::LogLevel m_minimum = rcs::LogLevel::Info;
    QString m_search;
};

} // namespace rcs::ui
