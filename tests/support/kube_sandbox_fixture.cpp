#include "kube_sandbox_fixture.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"

namespace rcs::test {

KubeSandboxFixture::KubeSandboxFixture()
    : m_process(m_dir.isValid() ? m_dir.path() : QString())
{
    // RCS_KEEP_SANDBOX=1 keeps the data folder (pods' nodes.conf and logs) to read after a failure.
    if (qEnvironmentVariableIntValue("RCS_KEEP_SANDBOX") != 0) {
        m_dir.setAutoRemove(false);
        qInfo("kube-sandbox data folder kept: %s", qPrintable(m_dir.path()));
    }
}

KubeSandboxFixture::~KubeSandboxFixture() = default;

QString KubeSandboxFixture::caCertificatePath() const
{
    return m_dir.filePath(QStringLiteral("ca.crt"));
}

QString KubeSandboxFixture::clientCertificatePath() const
{
    return m_dir.filePath(QStringLiteral("client.crt"));
}

QString KubeSandboxFixture::clientKeyPath() const
{
    return m_dir.filePath(QStringLiteral("client.key"));
}

Result<void> KubeSandboxFixture::start(int nodes, int timeoutMs, const QStringList &extraArguments)
{
    m_process.setExtraArguments(QStringList{QStringLiteral("--nodes"), QString::number(nodes)} +
                                extraArguments);
    return m_process.start(timeoutMs);
}

Result<void> KubeSandboxFixture::restart(int timeoutMs)
{
    m_process.stop();
    return m_process.start(timeoutMs);
}

Result<KubeTarget> KubeSandboxFixture::target() const
{
    auto config = KubeConfig::loadFile(kubeconfigPath());
    if (!config)
        return config.error();
    return config->resolve(QStringLiteral("sandbox"));
}

Job *killPodsAtOnce(KubeClient *client, const QString &ns, const QString &selector)
{
    KubeRequest::Spec spec;
    spec.method = "DELETE";
    spec.verb = QStringLiteral("deletecollection");
    spec.path = QStringLiteral("/api/v1/namespaces/%1/pods").arg(ns);
    spec.query.addQueryItem(QStringLiteral("labelSelector"), selector);
    spec.query.addQueryItem(QStringLiteral("gracePeriodSeconds"), QStringLiteral("0"));
    return client->raw(spec);
}

} // namespace rcs::test
