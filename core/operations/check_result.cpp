#include "check_result.h"

#include "result_forms.h"

#include <QJsonArray>

namespace rcs::ops {

bool CheckResult::healthy() const
{
    return assessment ? assessment->situation == Situation::Healthy : report.isHealthy();
}

QJsonObject checkToJson(const CheckResult &check)
{
    QJsonObject json = checkReportToJson(check.report);
    json.insert(QStringLiteral("healthy"), check.healthy());
    if (check.fixed)
        json.insert(QStringLiteral("fixed"), QJsonArray::fromStringList(*check.fixed));
    if (!check.clusterState.isEmpty())
        json.insert(QStringLiteral("cluster_state"), check.clusterState);
    if (check.assessment)
        json.insert(QStringLiteral("situation"), situationName(check.assessment->situation));
    return json;
}

QString checkToText(const CheckResult &check)
{
    QString text;
    if (check.fixed && !check.fixesShown) {
        for (const QString &fix : *check.fixed)
            text += fix + QLatin1Char('\n');
    }
    const QString findings = checkReportToText(check.report);
    if (!check.assessment)
        return text + findings;
    return text + findings.trimmed() + QLatin1Char('\n') + situationSentence(*check.assessment) +
           QLatin1Char('\n');
}

} // namespace rcs::ops
