// The window's part of Back up, Verify backup and Restore: the file dialogs. They are opened, not
// exec()'d, so the refreshes go on while the user picks a file; the answer goes to the controller.
#include "main_window.h"
#include "studio_controller.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>

namespace rcs::ui {

namespace {
const QString kFolderKey = QStringLiteral("backup/folder");

QString backupFolder()
{
    return QSettings().value(kFolderKey, QDir::homePath()).toString();
}

QString backupFilter()
{
    return MainWindow::tr("Studio backups (*.rcsbackup);;All files (*)");
}

// An existing archive to open (Verify backup, Restore).
QFileDialog *openBackupDialog(QWidget *parent, const QString &title, const QString &name)
{
    auto *dialog = new QFileDialog(parent, title, backupFolder(), backupFilter());
    dialog->setObjectName(name);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    return dialog;
}
} // namespace

void MainWindow::askBackupFile(const QString &suggestedName)
{
    auto *dialog =
        new QFileDialog(this, tr("Back up to"), QDir(backupFolder()).filePath(suggestedName), backupFilter());
    dialog->setObjectName(QStringLiteral("backupFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave); // asks before it replaces a file
    dialog->setDefaultSuffix(QStringLiteral("rcsbackup"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QSettings().setValue(kFolderKey, QFileInfo(path).absolutePath());
        m_controller->backUpTo(path);
    });
    // No file: an action waiting for its backup does not start.
    connect(dialog, &QDialog::rejected, m_controller, [this] { m_controller->backUpTo(QString()); });
    dialog->open();
}

void MainWindow::verifyBackupWithDialog()
{
    QFileDialog *dialog = openBackupDialog(this, tr("Verify backup"), QStringLiteral("verifyBackupDialog"));
    connect(dialog, &QFileDialog::fileSelected, m_controller, &StudioController::verifyBackup);
    dialog->open();
}

void MainWindow::askRestoreFile()
{
    QFileDialog *dialog = openBackupDialog(this, tr("Restore from"), QStringLiteral("restoreFileDialog"));
    connect(dialog, &QFileDialog::fileSelected, m_controller, &StudioController::confirmRestore);
    dialog->open();
}

} // namespace rcs::ui
