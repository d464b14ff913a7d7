#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace rcs {
class KubeClient;
}

namespace rcs::test {

// kube-sandbox's fault injector (/sandbox/faults), driven through the client a test already holds.

// Adds a rule: the next matching requests fail or wait. False when the sandbox refused it; status
// and error (when given) say how.
bool postSandboxFault(KubeClient *client, const QJsonObject &rule, int *status = nullptr,
                      QString *error = nullptr);

// The rules not consumed yet (an empty list proves every injected fault fired); nullopt when the
// list could not be read.
std::optional<QJsonArray> pendingSandboxFaults(KubeClient *client);

// Drops every rule still pending.
bool clearSandboxFaults(KubeClient *client);

} // namespace rcs::test
