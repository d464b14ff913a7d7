#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace rcs::ui {

// Opens a non-modal file dialog on ~/.kube to pick a kubeconfig; onChosen gets the file once chosen.
// The dialog deletes itself when closed.
void chooseKubeconfig(QWidget *parent, std::function<void(const QString &path)> onChosen);

} // namespace rcs::ui
