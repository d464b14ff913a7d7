#pragma once

#include <QPointer>
#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QVBoxLayout;

namespace rcs {
class Job;
}

namespace rcs::ui {

class DeployWizard;
class JobRunWidget;

// Kubeconfig, context (or the local sandbox) and a connection test.
class TargetPage final : public QWizardPage {
    Q_OBJECT
public:
    TargetPage();
    void initializePage() override;
    bool validatePage() override;
    QLabel *testResult() const { return m_result; }
    QPushButton *testButton() const { return m_test; }

private:
    DeployWizard *deployWizard() const;
    void reloadContexts();
    void testConnection();
    void showResult(bool ok, const QString &text);

    QComboBox *m_kind;
    QLineEdit *m_kubeconfig;
    QComboBox *m_context;
    QPushButton *m_test;
    QLabel *m_result;
    QPointer<rcs::Job> m_testJob;
};

// Name, namespace, pods and replicas per master (with the resulting masters), image, storage, resources,
// password. Next stays disabled while a value is invalid, and the reason is shown.
class ParametersPage final : public QWizardPage {
    Q_OBJECT
public:
    ParametersPage();
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *namespaceEdit() const { return m_namespace; }
    QSpinBox *podsSpin() const { return m_pods; }
    QSpinBox *replicasSpin() const { return m_replicas; }
    QLabel *problemsLabel() const { return m_problems; }
    QLabel *layoutLabel() const { return m_layout; }
    QLineEdit *imageEdit() const { return m_image; }
    QCheckBox *tlsCheck() const { return m_tls; }

private:
    DeployWizard *deployWizard() const;
    void loadStorageClasses();
    void onChanged();

    QLineEdit *m_name;
    QLineEdit *m_namespace;
    QSpinBox *m_pods;
    QSpinBox *m_replicas;
    QLabel *m_layout;
    QLineEdit *m_image;
    QCheckBox *m_persistent;
    QComboBox *m_storageClass;
    QLineEdit *m_storageSize;
    QLineEdit *m_cpu;
    QLineEdit *m_memory;
    QLineEdit *m_password;
    QCheckBox *m_tls;
    QComboBox *m_tlsAuthClients;
    QComboBox *m_tlsSource; // the studio's CA, the user's files, an existing Secret
    QLineEdit *m_tlsCaFile;
    QLineEdit *m_tlsCertFile;
    QLineEdit *m_tlsKeyFile;
    QLineEdit *m_tlsSecret;
    QLabel *m_problems;
    QPointer<rcs::Job> m_classesJob;
};

// The manifests that will be applied, read-only and coloured, and the equivalent kubectl commands.
class ReviewPage final : public QWizardPage {
    Q_OBJECT
public:
    ReviewPage();
    void initializePage() override;
    bool isComplete() const override;
    QString yaml() const;
    QString commands() const;

private:
    DeployWizard *deployWizard() const;

    QPlainTextEdit *m_yaml;
    QPlainTextEdit *m_commands;
    QLabel *m_error;
    bool m_rendered = false;
};

// Applies and follows the pods; Cancel stops the job.
class ApplyPage final : public QWizardPage {
    Q_OBJECT
public:
    ApplyPage();
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    void cancelRunning();
    rcs::Job *job() const;

private:
    DeployWizard *deployWizard() const;
    void onInfo(const QString &message);

    QVBoxLayout *m_layout;
    QTreeWidget *m_pods;
    QLabel *m_message;
    QPointer<JobRunWidget> m_run;
    QPointer<rcs::Job> m_job;
    bool m_succeeded = false;
};

// Offers to create the cluster now.
class FinishPage final : public QWizardPage {
    Q_OBJECT
public:
    FinishPage();
    void initializePage() override;
    bool createNow() const;

private:
    QLabel *m_text;
    QCheckBox *m_createNow;
};

} // namespace rcs::ui
