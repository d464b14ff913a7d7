#pragma once

#include "deploy_parameters.h"
#include "studio_target.h"

#include <QWizard>

namespace rcs::ui {

class StudioBackend;

// Deploy in four steps: target (with a connection test) → parameters → review (the YAML and the
// equivalent kubectl commands) → apply (live progress, Cancel) → finish, which offers to create the
// cluster right away.
class DeployWizard final : public QWizard {
    Q_OBJECT
public:
    enum PageId { TargetPageId, ParametersPageId, ReviewPageId, ApplyPageId, FinishPageId };

    DeployWizard(StudioBackend *backend, const StudioTarget &target, QWidget *parent = nullptr);

    StudioBackend *backend() const { return m_backend; }
    StudioTarget target() const { return m_target; }
    void setTarget(const StudioTarget &target) { m_target = target; }
    DeployParameters parameters() const { return m_parameters; }
    void setParameters(const DeployParameters &parameters) { m_parameters = parameters; }
    // The target the deployment lands in: the chosen kubeconfig/context with the namespace and name
    // from the parameters.
    StudioTarget deployedTarget() const;

Q_SIGNALS:
    void deployed(const rcs::ui::StudioTarget &target);
    void createClusterRequested(const rcs::ui::StudioTarget &target);

public:
    void done(int result) override;

private:
    StudioBackend *m_backend;
    StudioTarget m_target;
    DeployParameters m_parameters;
};

} // namespace rcs::ui
