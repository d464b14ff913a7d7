#pragma once

#include "common/result.h"
#include "kube/manifest_set.h"

#include <QString>

namespace rcs {

// Fills parameters.tls's PEM texts before the manifests render, when TLS is on and no existing Secret
// is named: the user's CA, certificate and key files when given (all three, the certificate signed by
// the CA and the key its own), else a new CA and a server certificate for set's pod and service names,
// both valid one year (ManifestSet::render registers the keys with the Logger as secrets). Errors: a
// file that cannot be read or does not fit (one sentence naming it), OpenSSL failing to make a key.
Result<void> prepareTlsMaterial(ManifestParameters &parameters, const ManifestSet &set);

// One line for the plan: the TLS settings redis.conf gets and where the certificates come from
// (without any key). Empty when TLS is off.
QString tlsPlanSummary(const ManifestParameters &parameters, const ManifestSet &set);

} // namespace rcs
