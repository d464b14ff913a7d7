#include "log_panel.h"

#include "log_model.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSaveFile>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace rcs::ui {

LogPanel::LogPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new LogModel(this))
    , m_filter(new LogFilterModel(this))
    , m_view(new QTableView(this))
    , m_level(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_command(new QLineEdit(this))
    , m_copy(new QToolButton(this))
    , m_commandStrip(new QWidget(this))
{
    m_filter->setSourceModel(m_model);

    for (rcs::LogLevel level :
         {rcs::LogLevel::Debug, rcs::LogLevel::Info, rcs::LogLevel::Warning, rcs::LogLevel::Error})
        m_level->addItem(QString(), int(level));
    m_level->setCurrentIndex(1);
    // The level names change with the language (View → Language): the box follows their width.
    m_level->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_level, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setMinimumLevel(rcs::LogLevel(m_level->currentData().toInt())); });

    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    connect(m_search, &QLineEdit::textChanged, m_filter, &LogFilterModel::setSearchText);

    auto *save = new QToolButton(this);
    m_save = save;
    save->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    save->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    save->setAutoRaise(true);
    connect(save, &QToolButton::clicked, this, &LogPanel::saveWithDialog);
    auto *clear = new QToolButton(this);
    m_clear = clear;
    clear->setIcon(QIcon::fromTheme(QStringLiteral("edit-clear")));
    clear->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    clear->setAutoRaise(true);
    connect(clear, &QToolButton::clicked, m_model, &LogModel::clear);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(6, 4, 6, 0);
    bar->setSpacing(8);
    bar->addWidget(m_level);
    bar->addWidget(m_search, 1);
    bar->addStretch(0);
    bar->addWidget(save);
    bar->addWidget(clear);

    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::MessageColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(LogModel::CommandColumn, QHeaderView::Interactive);
    const int charWidth = m_view->fontMetrics().averageCharWidth();
    const int monoWidth = QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont))
                              .horizontalAdvance(QStringLiteral("00:00:00.000"));
    m_view->setColumnWidth(LogModel::TimeColumn, monoWidth + 16);
    m_view->setColumnWidth(LogModel::LevelColumn, charWidth * 10);
    m_view->setColumnWidth(LogModel::CategoryColumn, charWidth * 11);
    m_view->setColumnWidth(LogModel::CommandColumn, charWidth * 60);
    m_view->setFrameShape(QFrame::NoFrame);
    connect(m_view, &QTableView::customContextMenuRequested, this, &LogPanel::showContextMenu);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (index.column() == LogModel::CommandColumn)
            copyCurrentCommand();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LogPanel::onCurrentChanged);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &LogPanel::onRowsInserted);

    // The command of the selected row, in full, monospace, with a copy button.
    auto *promptLabel = new QLabel(QStringLiteral("$"), m_commandStrip);
    promptLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_command->setReadOnly(true);
    m_command->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    connect(m_copy, &QToolButton::clicked, this, &LogPanel::copyCurrentCommand);
    auto *strip = new QHBoxLayout(m_commandStrip);
    strip->setContentsMargins(6, 0, 6, 4);
    strip->addWidget(promptLabel);
    strip->addWidget(m_command, 1);
    strip->addWidget(m_copy);
    m_commandStrip->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_commandStrip);
    retranslateUi();
}

void LogPanel::retranslateUi()
{
    const QString levels[] = {tr("All messages"), tr("Info and above"), tr("Warnings and errors"),
                              tr("Errors only")};
    for (int i = 0; i < m_level->count(); ++i)
        m_level->setItemText(i, levels[i]);
    m_level->setToolTip(tr("Show messages at or above this level"));
    m_search->setPlaceholderText(tr("Filter messages and commands"));
    m_save->setText(tr("Save…"));
    m_save->setToolTip(tr("Save the shown messages to a text file"));
    m_clear->setText(tr("Clear"));
    m_clear->setToolTip(tr("Clear the panel (the saved history stays in memory)"));
    m_command->setAccessibleName(tr("Equivalent command"));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the command to the clipboard"));
    m_model->retranslate();
}

void LogPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString LogPanel::currentCommand() const
{
    const QModelIndex index = m_view->currentIndex();
    return index.isValid() ? index.data(LogModel::CommandRole).toString() : QString();
}

void LogPanel::onCurrentChanged()
{
    const QString command = currentCommand();
    m_command->setText(command);
    m_command->setCursorPosition(0);
    m_commandStrip->setVisible(!command.isEmpty());
}

void LogPanel::onRowsInserted()
{
    // Follow the tail unless the user scrolled up to read.
    QScrollBar *bar = m_view->verticalScrollBar();
    if (bar->value() >= bar->maximum() - 2)
        QMetaObject::invokeMethod(m_view, &QTableView::scrollToBottom, Qt::QueuedConnection);
}

void LogPanel::copyCurrentCommand()
{
    const QString command = currentCommand();
    if (!command.isEmpty())
        QApplication::clipboard()->setText(command);
}

void LogPanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    QMenu menu(this);
    QAction *copyCommand = menu.addAction(QIcon::fromTheme(QStringLiteral("edit-copy")), tr("Copy command"));
    copyCommand->setEnabled(index.isValid() && !index.data(LogModel::CommandRole).toString().isEmpty());
    connect(copyCommand, &QAction::triggered, this,
            [index] { QApplication::clipboard()->setText(index.data(LogModel::CommandRole).toString()); });
    QAction *copyMessage = menu.addAction(tr("Copy message"));
    copyMessage->setEnabled(index.isValid());
    connect(copyMessage, &QAction::triggered, this, [index] {
        QApplication::clipboard()->setText(index.siblingAtColumn(LogModel::MessageColumn).data().toString());
    });
    QAction *copyRows = menu.addAction(tr("Copy selected rows"));
    copyRows->setEnabled(m_view->selectionModel()->hasSelection());
    connect(copyRows, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &selected : m_view->selectionModel()->selectedRows())
            rows.append(m_filter->mapToSource(selected).row());
        std::sort(rows.begin(), rows.end());
        QApplication::clipboard()->setText(m_model->toText(rows));
    });
    menu.addSeparator();
    connect(menu.addAction(tr("Save log…")), &QAction::triggered, this, &LogPanel::saveWithDialog);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

bool LogPanel::saveToFile(const QString &path, QString *error) const
{
    QList<int> rows;
    for (int row = 0; row < m_filter->rowCount(); ++row)
        rows.append(m_filter->mapToSource(m_filter->index(row, 0)).row());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = tr("Could not open %1 for writing: %2.").arg(path, file.errorString());
        return false;
    }
    file.write(m_model->toText(rows).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2.").arg(path, file.errorString());
        return false;
    }
    return true;
}

void LogPanel::saveWithDialog()
{
    // A non-native dialog opened with open() keeps the event loop ours: refreshes go on meanwhile.
    auto *dialog = new QFileDialog(this, tr("Save log"), QStringLiteral("redis-cluster-studio.log"),
                                   tr("Log files (*.log *.txt);;All files (*)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!saveToFile(path, &error))
            QMessageBox::warning(this, tr("Save log"), error);
    });
    dialog->open();
}

} // namespace rcs::ui
