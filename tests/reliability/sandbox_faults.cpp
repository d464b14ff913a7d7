#include "sandbox_faults.h"

#include "kube/kube_client.h"
#include "reliability_support.h"

#include <QJsonDocument>
#include <QtDebug>

#include <memory>

namespace rcs::test {

namespace {

const QString kFaultsPath = QStringLiteral("/sandbox/faults");

struct FaultsAnswer {
    std::unique_ptr<KubeRequest> request; // for its status and body
    bool ok = false;
};

// Runs one request to /sandbox/faults to its end.
FaultsAnswer runFaultsRequest(KubeClient *client, const QByteArray &method, const QByteArray &body = {})
{
    KubeRequest::Spec spec;
    spec.method = method;
    spec.path = kFaultsPath;
    if (!body.isEmpty()) {
        spec.contentType = "application/json";
        spec.body = body;
    }
    FaultsAnswer answer{std::unique_ptr<KubeRequest>(client->raw(spec))};
    answer.ok = runJob(answer.request.get());
    if (!answer.ok)
        qWarning("%s %s failed: %s", method.constData(), qPrintable(kFaultsPath),
                 qPrintable(answer.request->errorString()));
    return answer;
}

} // namespace

bool postSandboxFault(KubeClient *client, const QJsonObject &rule, int *status, QString *error)
{
    const FaultsAnswer answer =
        runFaultsRequest(client, "POST", QJsonDocument(rule).toJson(QJsonDocument::Compact));
    if (status)
        *status = answer.request->httpStatus();
    if (error)
        *error = answer.request->errorString();
    return answer.ok;
}

std::optional<QJsonArray> pendingSandboxFaults(KubeClient *client)
{
    const FaultsAnswer answer = runFaultsRequest(client, "GET");
    if (!answer.ok)
        return std::nullopt;
    return answer.request->object()[QStringLiteral("faults")].toArray();
}

bool clearSandboxFaults(KubeClient *client)
{
    return runFaultsRequest(client, "DELETE").ok;
}

} // namespace rcs::test
