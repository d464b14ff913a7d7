#include "kubeconfig_dialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>

namespace rcs::ui {

void chooseKubeconfig(QWidget *parent, std::function<void(const QString &path)> onChosen)
{
    auto *dialog = new QFileDialog(
        parent, QCoreApplication::translate("rcs::ui::KubeconfigDialog", "Choose a kubeconfig"),
        QDir::homePath() + QStringLiteral("/.kube"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QFileDialog::fileSelected, parent, std::move(onChosen));
    dialog->open();
}

} // namespace rcs::ui
