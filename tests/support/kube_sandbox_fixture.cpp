#include "kube_sandbox_fixture.h"

#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "support/server_under_test.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

namespace rcs::test {

KubeSandboxFixture::KubeSandboxFixture() = default;

KubeSandboxFixture::~KubeSandboxFixture()
{
    stop();
}

QString KubeSandboxFixture::executable()
{
    const QString path = qEnvironmentVariable("RCS_BINARY_DIR") + QStringLiteral("/sandbox/kube-sandbox");
    return QFileInfo(path).isExecutable() ? path : QString();
}

QString KubeSandboxFixture::kubeconfigPath() const
{
    return m_dir.filePath(QStringLiteral("kubeconfig"));
}

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

QByteArray KubeSandboxFixture::token() const
{
    QFile file(m_dir.filePath(QStringLiteral("token")));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

QString KubeSandboxFixture::podNetwork() const
{
    return m_range ? QStringLiteral("127.0.%1.0/24").arg(m_range->block()) : QString();
}

QString KubeSandboxFixture::output() const
{
    return m_process ? m_process->property("rcsOutput").toString() : QString();
}

bool KubeSandboxFixture::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

Result<void> KubeSandboxFixture::start(int nodes, int timeoutMs)
{
    if (executable().isEmpty())
        return Error(ErrorCode::Io, QStringLiteral("kube-sandbox was not built (looked in %1/sandbox).")
                                        .arg(qEnvironmentVariable("RCS_BINARY_DIR")));
    if (!m_dir.isValid())
        return Error(ErrorCode::Io, QStringLiteral("Cannot create a temporary folder for kube-sandbox."));
    if (!m_range) {
        auto range = LoopbackRange::reserve();
        if (!range)
            return range.error();
        m_range = *range;
    }
    m_nodes = nodes;
    return launch(timeoutMs);
}

Result<void> KubeSandboxFixture::restart(int timeoutMs)
{
    stop();
    return launch(timeoutMs);
}

Result<void> KubeSandboxFixture::launch(int timeoutMs)
{
    QFile::remove(kubeconfigPath());
    delete m_process;
    m_process = new QProcess;
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    QProcess *process = m_process;
    QObject::connect(process, &QProcess::readyRead, process, [process] {
        const QString output =
            process->property("rcsOutput").toString() + QString::fromUtf8(process->readAll());
        process->setProperty("rcsOutput", output);
    });
    m_process->start(executable(),
                     QStringList{QStringLiteral("--data-dir"), m_dir.path(), QStringLiteral("--listen"),
                                 QStringLiteral("127.0.0.1:0"), QStringLiteral("--nodes"),
                                 QString::number(m_nodes), QStringLiteral("--pod-network"), podNetwork()} +
                         kubeSandboxServerArguments());
    const bool ready = QTest::qWaitFor(
        [&] {
            return output().contains(QStringLiteral("listening on")) ||
                   m_process->state() == QProcess::NotRunning;
        },
        timeoutMs);
    if (m_process->state() == QProcess::NotRunning)
        return Error(ErrorCode::Io,
                     QStringLiteral("kube-sandbox exited at start: %1").arg(output().trimmed()));
    if (!ready || !QFileInfo::exists(kubeconfigPath()))
        return Error(ErrorCode::Timeout,
                     QStringLiteral("kube-sandbox did not write its kubeconfig within %1 s: %2")
                         .arg(timeoutMs / 1000)
                         .arg(output().trimmed()));
    return {};
}

void KubeSandboxFixture::stop(int timeoutMs)
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate(); // SIGTERM: the sandbox stops its pods and saves its state
        if (!QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, timeoutMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    delete m_process;
    m_process = nullptr;
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
