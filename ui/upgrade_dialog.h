#pragma once

#include "studio_backend.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace rcs::ui {

// The choices of Upgrade / restart: a new image, CPU or memory request for the Redis container,
// redis.conf settings ("key value", one a line: core says which apply live), or a restart with nothing
// changed. OK is offered once there is something to do (an upgrade that changes
// nothing is refused by core as by the command line); the window then asks the controller to show
// core's plan before anything runs.
class UpgradeDialog final : public QDialog {
    Q_OBJECT
public:
    explicit UpgradeDialog(QWidget *parent = nullptr);

    // Prefills the image field (the image the pods run, when the studio knows it).
    void setCurrentImage(const QString &image);
    // The request the choices make: restartOnly, or the non-empty fields, trimmed. Settings that do not
    // parse are left out (OK is disabled meanwhile, its tooltip saying why).
    ActionRequest choices() const;

Q_SIGNALS:
    void chosen(const rcs::ui::ActionRequest &choices);

private:
    void updateState();

    QRadioButton *m_upgrade;
    QRadioButton *m_restart;
    QLineEdit *m_image;
    QLineEdit *m_cpu;
    QLineEdit *m_memory;
    QPlainTextEdit *m_settings;
    QCheckBox *m_temporaryReplica;
    QDialogButtonBox *m_buttons;
    QString m_currentImage;
};

} // namespace rcs::ui
