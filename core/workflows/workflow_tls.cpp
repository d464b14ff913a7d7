// Workflow's reading of the deployment's TLS (what the pods mount, the Secret's CA and client
// certificate), apart from workflow.cpp: every workflow's inspect() calls it after the password Secret.
#include "workflow.h"

#include "common/logger.h"
#include "deployment_tls.h"
#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube_session.h"

namespace rcs {

void Workflow::readTls(const Deployment &deployment, std::function<void()> next)
{
    const DeploymentTls tls = deploymentTlsOf(deployment.statefulSet);
    if (!tls.isEnabled()) {
        m_session->setRedisTls({}, {});
        next();
        return;
    }
    const QString ns = m_session->ns();
    m_session->access()->setPeerDomain(podDomain(tls.serviceName, ns));
    const KubeObjectRef secretRef{QStringLiteral("v1"), QStringLiteral("Secret"), ns, tls.secretName};
    runStep(tr("Reading the TLS Secret %1").arg(tls.secretName),
            allowNotFound(m_session->client()->get(secretRef)), [=, this](Job *job) {
                auto *request = static_cast<KubeRequest *>(job);
                RedisTlsOptions options;
                options.enabled = true;
                if (request->httpStatus() / 100 == 2) {
                    options = tlsOptionsFromSecret(request->object());
                } else {
                    // The pods cannot start without it either; the handshakes (against the system's CAs)
                    // then fail with their reason, and a cleanup still works.
                    Logger::instance().warning(
                        QStringLiteral("workflow"),
                        tr("The pods mount the TLS Secret %1, which does not exist in namespace %2: the "
                           "studio has no CA to verify them with.")
                            .arg(tls.secretName, ns));
                }
                const bool first = m_session->tlsSecretName() != tls.secretName;
                m_session->setRedisTls(options, tls.secretName);
                if (first)
                    Logger::instance().info(
                        QStringLiteral("workflow"),
                        tr("The pods speak TLS: the studio verifies them against ca.crt of Secret %1 and "
                           "their names under service %2; the redis-cli lines below read the files this "
                           "command writes.")
                            .arg(tls.secretName, tls.serviceName),
                        tlsFilesCommand(m_session->kubectl(), tls.secretName,
                                        !options.clientCertificate.isEmpty()));
                next();
            });
}

} // namespace rcs
