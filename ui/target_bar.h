#pragma once

#include "studio_target.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace rcs::ui {

class StudioBackend;

// Chooses what the studio looks at: the local sandbox, a kubeconfig context and namespace, or plain
// Redis addresses, with every option the command line takes for them (how pods are reached; the ACL
// user and password of plain nodes). Emits targetChanged once an edit is complete, never per keystroke.
class TargetBar final : public QWidget {
    Q_OBJECT
public:
    explicit TargetBar(StudioBackend *backend, QWidget *parent = nullptr);

    StudioTarget target() const;
    void setTarget(const StudioTarget &target);

Q_SIGNALS:
    void targetChanged(const rcs::ui::StudioTarget &target);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateVisibility();
    void reloadContexts();
    void browseKubeconfig();
    void commit();

    StudioBackend *m_backend;
    QComboBox *m_kind;
    QLabel *m_kubeconfigLabel;
    QLineEdit *m_kubeconfig;
    QToolButton *m_browse;
    QLabel *m_contextLabel;
    QComboBox *m_context;
    QLabel *m_namespaceLabel;
    QLineEdit *m_namespace;
    QLabel *m_statefulSetLabel;
    QLineEdit *m_statefulSet;
    QLabel *m_accessLabel;
    QComboBox *m_access; // the command line's --access: auto, direct, tunnel
    QLabel *m_endpointsLabel;
    QLineEdit *m_endpoints;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;        // shown as dots; kept for the session only (StudioTarget::password)
    QCheckBox *m_tls;             // the command line's --tls; the fields below show while it is on
    QLineEdit *m_caFile;          // --cacert
    QLineEdit *m_certificateFile; // --cert
    QLineEdit *m_keyFile;         // --key
    QLineEdit *m_sni;             // --sni
    QString m_contextError;       // why the kubeconfig gave no contexts, shown as the tooltip
    StudioTarget m_committed;
    bool m_loading = false;
};

} // namespace rcs::ui
