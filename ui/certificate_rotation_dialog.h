#pragma once

#include "studio_backend.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QRadioButton;
class QSpinBox;

namespace rcs::ui {

// The choices of Rotate certificates: renew the servers' certificate (with the studio's CA; the CA too
// when asked, the old CAs dropped when asked, for how many days), or only have every node load the
// files the user's own TLS Secret holds now. OK runs a renewal at once (it takes no trust away);
// dropping the old CAs goes on to a confirmation with core's plan first.
class CertificateRotationDialog final : public QDialog {
    Q_OBJECT
public:
    explicit CertificateRotationDialog(QWidget *parent = nullptr);

    ActionRequest choices() const;

Q_SIGNALS:
    void chosen(const rcs::ui::ActionRequest &choices);

private:
    void updateState();
    // OK's text: what clicking it does next.
    static QString okText(bool renew, bool drop);

    QRadioButton *m_renew;
    QRadioButton *m_reload;
    QCheckBox *m_renewCa;
    QCheckBox *m_dropOldCas;
    QSpinBox *m_days;
    QDialogButtonBox *m_buttons;
};

} // namespace rcs::ui
