// The deploy wizard's review page: the manifests Deploy applies and the kubectl lines a person would type.
#include "deploy_wizard_pages.h"

#include "deploy_wizard.h"
#include "studio_backend.h"
#include "theme.h"
#include "yaml_highlighter.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace rcs::ui {

ReviewPage::ReviewPage()
    : m_yaml(new QPlainTextEdit(this))
    , m_commands(new QPlainTextEdit(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Review"));
    setSubTitle(
        tr("These manifests will be applied (server-side, forced). The commands below do the same by hand."));
    setButtonText(QWizard::NextButton, tr("Deploy"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_yaml->setReadOnly(true);
    m_yaml->setFont(mono);
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setObjectName(QStringLiteral("yaml"));
    new YamlHighlighter(m_yaml->document());
    m_commands->setReadOnly(true);
    m_commands->setFont(mono);
    m_commands->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_commands->setMaximumHeight(90);
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_yaml, 1);
    layout->addWidget(m_error);
    layout->addWidget(new QLabel(tr("Equivalent commands:"), this));
    layout->addWidget(m_commands);
}

DeployWizard *ReviewPage::deployWizard() const
{
    return qobject_cast<DeployWizard *>(wizard());
}

void ReviewPage::initializePage()
{
    const auto rendered = deployWizard()->backend()->renderManifests(deployWizard()->deployedTarget(),
                                                                     deployWizard()->parameters());
    m_rendered = rendered.ok();
    m_yaml->setPlainText(rendered.ok() ? rendered.value() : QString());
    m_yaml->setVisible(rendered.ok());
    m_error->setVisible(!rendered.ok());
    if (!rendered.ok())
        m_error->setText(
            Theme::colored(Theme::stateColor(NodeCard::State::Fail), rendered.error().message()));
    m_commands->setPlainText(
        deployWizard()
            ->backend()
            ->deployCommands(deployWizard()->deployedTarget(), deployWizard()->parameters())
            .join(QLatin1Char('\n')));
    Q_EMIT completeChanged();
}

bool ReviewPage::isComplete() const
{
    return m_rendered;
}

QString ReviewPage::yaml() const
{
    return m_yaml->toPlainText();
}

QString ReviewPage::commands() const
{
    return m_commands->toPlainText();
}

} // namespace rcs::ui
