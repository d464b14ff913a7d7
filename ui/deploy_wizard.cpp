#include "deploy_wizard.h"

#include "deploy_wizard_pages.h"

#include <QIcon>

namespace rcs::ui {

DeployWizard::DeployWizard(StudioBackend *backend, const StudioTarget &target, QWidget *parent)
    : QWizard(parent)
    , m_backend(backend)
    , m_target(target)
{
    setWindowTitle(tr("Deploy Redis Cluster"));
    setObjectName(QStringLiteral("deployWizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPixmap(QWizard::LogoPixmap, QIcon(QStringLiteral(":/icons/redis-cluster-studio.svg")).pixmap(48, 48));
    if (m_target.kind == StudioTarget::Kind::None || m_target.kind == StudioTarget::Kind::Endpoints)
        m_target.kind = StudioTarget::Kind::Sandbox;
    m_parameters.ns = m_target.ns;
    m_parameters.name = m_target.statefulSet;
    setPage(TargetPageId, new TargetPage);
    setPage(ParametersPageId, new ParametersPage);
    setPage(ReviewPageId, new ReviewPage);
    setPage(ApplyPageId, new ApplyPage);
    setPage(FinishPageId, new FinishPage);
    setStartId(TargetPageId);
    resize(820, 640);
}

StudioTarget DeployWizard::deployedTarget() const
{
    StudioTarget target = m_target;
    target.ns = m_parameters.ns;
    target.statefulSet = m_parameters.name;
    return target;
}

void DeployWizard::done(int result)
{
    // Closing the wizard while it applies cancels the deployment: nothing runs on unseen.
    if (auto *apply = qobject_cast<ApplyPage *>(page(ApplyPageId)))
        apply->cancelRunning();
    if (result == QDialog::Accepted) {
        const auto *finish = qobject_cast<FinishPage *>(page(FinishPageId));
        if (finish && finish->createNow())
            Q_EMIT createClusterRequested(deployedTarget());
        else
            Q_EMIT deployed(deployedTarget());
    }
    QWizard::done(result);
}

} // namespace rcs::ui
