#pragma once

#include "redis/redis_tls_options.h"

#include <QJsonObject>
#include <QString>

namespace rcs {

// Whether the pods of a deployment speak TLS, read from its StatefulSet: the pod template mounts a
// Secret at ManifestSet::kTlsMountPath (what `deploy --tls` renders, with the Secret it made or the
// user's --tls-secret). The mount, not redis.conf, is what the workflows read: it names the Secret to
// take the CA from, whatever the Secret is called.
struct DeploymentTls {
    QString secretName;  // the mounted Secret; empty: the pods speak plain TCP
    QString serviceName; // spec.serviceName, the headless service the pods' DNS names live under

    bool isEnabled() const { return !secretName.isEmpty(); }
};
DeploymentTls deploymentTlsOf(const QJsonObject &statefulSet);

// The client options from the TLS Secret: ca.crt as the only trusted root, and tls.crt / tls.key as the
// client certificate when both are there. The studio's server certificate is usable as a client
// certificate, and a server with tls-auth-clients no never asks for one, so presenting it whenever
// the Secret holds it works for every tls-auth-clients mode without reading redis.conf. The key is
// registered with the Logger as a secret (PEM and base64).
RedisTlsOptions tlsOptionsFromSecret(const QJsonObject &secret);

// The domain of the pods' DNS names under the headless service ("redis-service.NS.svc.cluster.local"):
// a pod's name is "POD." before it, the name its certificate carries (*.SERVICE.NS.svc.cluster.local).
QString podDomain(const QString &service, const QString &ns);

// The shell lines that write the Secret's files the equivalent redis-cli lines name (ca.crt, and
// tls.crt / tls.key when withClientCertificate), for a person to run before them.
QString tlsFilesCommand(const QString &kubectl, const QString &secretName, bool withClientCertificate);

} // namespace rcs
