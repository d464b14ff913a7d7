#include "kube_sandbox_process.h"

#include "common/child_process.h"
#include "support/server_under_test.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

namespace rcs::test {

namespace {
constexpr int KillTimeoutMs = 5000;
const QLatin1String Listening("listening on ");
} // namespace

KubeSandboxProcess::KubeSandboxProcess(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

KubeSandboxProcess::~KubeSandboxProcess()
{
    stop();
}

QString KubeSandboxProcess::executable()
{
    const QString path = qEnvironmentVariable("RCS_BINARY_DIR") + QStringLiteral("/sandbox/kube-sandbox");
    return QFileInfo(path).isExecutable() ? path : QString();
}

bool KubeSandboxProcess::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

QByteArray KubeSandboxProcess::token() const
{
    QFile file(m_dataDir + QStringLiteral("/token"));
    return file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
}

QString KubeSandboxProcess::podNetwork() const
{
    return m_range ? QStringLiteral("127.0.%1.0/24").arg(m_range->block()) : QString();
}

Result<void> KubeSandboxProcess::start(int timeoutMs)
{
    if (executable().isEmpty())
        return Error(ErrorCode::Io, QStringLiteral("kube-sandbox was not built (looked in %1/sandbox); build "
                                                   "the kube-sandbox target.")
                                        .arg(qEnvironmentVariable("RCS_BINARY_DIR")));
    if (m_dataDir.isEmpty())
        return Error(ErrorCode::Io,
                     QStringLiteral("No data folder for kube-sandbox (a temporary folder could "
                                    "not be created)."));
    if (isRunning())
        return Error(ErrorCode::Internal, QStringLiteral("kube-sandbox is already running."));
    if (!m_range) {
        Result<std::shared_ptr<LoopbackRange>> range = LoopbackRange::reserve();
        if (!range)
            return range.error();
        m_range = range.value();
    }
    m_url.clear();
    const qsizetype runStart = m_output.size();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // A test killed on timeout leaves no sandbox behind (SIGTERM: it stops its pods first).
    rcs::endWithParent(*m_process);
    QProcess *process = m_process.get();
    // Read as it comes, for the whole run: a full pipe would stop the sandbox in write().
    QObject::connect(process, &QProcess::readyRead, process,
                     [this, process] { m_output += QString::fromUtf8(process->readAll()); });
    process->start(executable(),
                   QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--listen"),
                               QStringLiteral("127.0.0.1:0"), QStringLiteral("--pod-network"), podNetwork()} +
                       kubeSandboxServerArguments() + m_extraArguments);
    const auto listeningLine = [&] {
        const qsizetype at = m_output.indexOf(Listening, runStart);
        const qsizetype end = at >= 0 ? m_output.indexOf(u'\n', at) : -1;
        if (end > at)
            m_url = m_output.mid(at + Listening.size(), end - at - Listening.size()).trimmed();
        return !m_url.isEmpty();
    };
    const bool ended = QTest::qWaitFor(
        [&] { return listeningLine() || process->state() == QProcess::NotRunning; }, timeoutMs);
    if (ended && !m_url.isEmpty() && QFileInfo::exists(kubeconfigPath()))
        return {};
    if (process->state() == QProcess::NotRunning) {
        m_output += QString::fromUtf8(process->readAll());
        return Error(ErrorCode::Io, QStringLiteral("kube-sandbox exited at start (%1). Its output:\n%2")
                                        .arg(process->errorString(), m_output.mid(runStart).trimmed()));
    }
    return Error(ErrorCode::Timeout,
                 QStringLiteral("kube-sandbox did not start listening and write its kubeconfig within %1 s. "
                                "Its output:\n%2")
                     .arg(timeoutMs / 1000)
                     .arg(m_output.mid(runStart).trimmed()));
}

int KubeSandboxProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return -1;
    m_process->terminate(); // SIGTERM: the sandbox stops its pods and saves its state
    const bool exited =
        QTest::qWaitFor([this] { return m_process->state() == QProcess::NotRunning; }, timeoutMs);
    if (!exited) {
        m_process->kill();
        m_process->waitForFinished(KillTimeoutMs);
    }
    m_output += QString::fromUtf8(m_process->readAll());
    return exited && m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

} // namespace rcs::test
