#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QTableView;
class QToolButton;
class QLabel;

namespace rcs::ui {

class LogModel;
class LogFilterModel;

// The log below the topology: what happened, and the kubectl / redis-cli line a person would have typed,
// ready to copy. Secrets never appear: the Logger redacts before anything reaches the model.
class LogPanel final : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget *parent = nullptr);

    LogModel *model() const { return m_model; }
    LogFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    // Writes the visible (filtered) rows; on failure returns false with a sentence in *error.
    bool saveToFile(const QString &path, QString *error) const;
    // The command of the current row, empty when it has none.
    QString currentCommand() const;

public Q_SLOTS:
    void copyCurrentCommand();
    void saveWithDialog();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void onCurrentChanged();
    void showContextMenu(const QPoint &pos);
    void onRowsInserted();

    LogModel *m_model;
    LogFilterModel *m_filter;
    QTableView *m_view;
    QComboBox *m_level;
    QLineEdit *m_search;
    QLineEdit *m_command;
    QToolButton *m_copy;
    QToolButton *m_save;
    QToolButton *m_clear;
    QWidget *m_commandStrip;
};

} // namespace rcs::ui
