#include "operation_job.h"

#include <utility>

namespace rcs::ops {

OperationJob::OperationJob(OperationRequest request, QObject *parent)
    : Job(parent)
    , m_request(std::move(request))
{
    switch (m_request.kind) {
    case OperationKind::Check:
    case OperationKind::CheckFix:
        setTitle(tr("Check"));
        break;
    case OperationKind::Create:
        setTitle(tr("Create cluster"));
        break;
    case OperationKind::Recover:
        setTitle(tr("Recover"));
        break;
    case OperationKind::AddNode:
        setTitle(tr("Add node"));
        break;
    case OperationKind::RemoveNode:
        setTitle(tr("Remove node"));
        break;
    case OperationKind::Rebalance:
        setTitle(tr("Rebalance"));
        break;
    case OperationKind::Reshard:
        setTitle(tr("Reshard"));
        break;
    case OperationKind::Failover:
        setTitle(tr("Failover"));
        break;
    case OperationKind::Status:
        setTitle(tr("Refresh"));
        break;
    case OperationKind::Top:
        setTitle(tr("Metrics"));
        break;
    case OperationKind::SlowLog:
        setTitle(tr("Slow log"));
        break;
    case OperationKind::Exec:
        setTitle(tr("Console"));
        break;
    case OperationKind::BigKeys:
        setTitle(tr("Big keys"));
        break;
    case OperationKind::HotKeys:
        setTitle(tr("Hot keys"));
        break;
    case OperationKind::SlotHeat:
        setTitle(tr("Slot heat"));
        break;
    case OperationKind::Deploy:
        setTitle(tr("Deploy"));
        break;
    case OperationKind::Cleanup:
        setTitle(m_request.previewOnly ? tr("Finding what Cleanup would delete") : tr("Cleanup"));
        break;
    case OperationKind::Upgrade:
        setTitle(tr("Upgrade"));
        break;
    case OperationKind::RollingRestart:
        setTitle(tr("Rolling restart"));
        break;
    case OperationKind::RotatePassword:
        setTitle(tr("Rotate password"));
        break;
    case OperationKind::RotateCertificates:
        setTitle(tr("Rotate the certificates"));
        break;
    case OperationKind::Backup:
        setTitle(tr("Backup"));
        break;
    case OperationKind::Restore:
        setTitle(tr("Restore"));
        break;
    }
}

OperationJob::~OperationJob() = default;

QString OperationJob::needsStatefulSet(OperationKind kind)
{
    return tr("%1 works on a StatefulSet: choose a Kubernetes target or the local sandbox.")
        .arg(operationName(kind));
}

void OperationJob::doCancel()
{
    if (m_child)
        m_child->cancel();
}

void OperationJob::runEngine(Job *child, const std::function<void(Job *)> &done)
{
    m_child = child;
    connect(child, &Job::stepChanged, this, [this](const QString &step) { setStep(step); });
    connect(child, &Job::progress, this, [this](qint64 at, qint64 total) { setProgress(at, total); });
    connect(child, &Job::infoMessage, this, [this](const QString &message) { info(message); });
    runChild(child, done);
}

void OperationJob::finishWith(const QString &summary, const QJsonObject &json, const QString &text,
                              bool announce)
{
    keepResult(json, text);
    m_summary = summary;
    if (announce)
        info(summary);
    succeed();
}

void OperationJob::finishWithStatus(StatusReport status, RedisPool *pool)
{
    if (m_request.kind == OperationKind::Top || m_request.kind == OperationKind::SlowLog ||
        m_request.kind == OperationKind::BigKeys || m_request.kind == OperationKind::HotKeys ||
        m_request.kind == OperationKind::SlotHeat)
        return observeAfterStatus(std::move(status), pool);
    if (m_request.kind == OperationKind::Exec)
        return execAfterStatus(std::move(status), pool);
    if (m_request.kind == OperationKind::Backup)
        return backupAfterStatus(std::move(status), pool);
    if (m_request.kind == OperationKind::Restore)
        return restoreAfterStatus(std::move(status), pool);
    m_summary = phrasedAdvice(status.assessment); // the JSON's "advice"
    m_status = std::move(status);
    m_hasResult = true;
    m_formsFromStatus = true;
    succeed();
}

const QJsonObject &OperationJob::resultJson() const
{
    buildStatusForms();
    return m_json;
}

const QString &OperationJob::resultText() const
{
    buildStatusForms();
    return m_text;
}

void OperationJob::buildStatusForms() const
{
    if (!std::exchange(m_formsFromStatus, false))
        return;
    m_json = statusToJson(*m_status);
    m_text = statusToText(*m_status);
}

void OperationJob::finishWithCheck(const CheckResult &check, const QString &summary, bool announce)
{
    m_report = check.report;
    const QJsonObject json = checkToJson(check);
    const QString text = checkToText(check);
    if (check.healthy())
        return finishWith(summary, json, text, announce);
    keepResult(json, text);
    QStringList findings;
    for (const CheckFinding &finding : check.report.findings)
        findings << QStringLiteral("[%1] %2").arg(checkSeverityName(finding.severity), finding.text);
    fail(ErrorCode::Unhealthy, summary, findings.join(QLatin1Char('\n')));
}

void OperationJob::keepResult(const QJsonObject &json, const QString &text)
{
    m_hasResult = true;
    m_formsFromStatus = false;
    m_json = json;
    m_text = text;
}

} // namespace rcs::ops
