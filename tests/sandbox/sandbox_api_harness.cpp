#include "sandbox_api_harness.h"

#include "support/loopback_range.h"
#include "support/server_under_test.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTest>

namespace rcs::test {

SandboxServer::SandboxServer(QString dataDir)
    : m_dataDir(std::move(dataDir))
{}

SandboxServer::~SandboxServer()
{
    if (m_process && m_process->state() != QProcess::NotRunning)
        stop();
}

Result<void> SandboxServer::start(int timeoutMs)
{
    if (!m_podAddresses) {
        auto range = LoopbackRange::reserve();
        if (!range)
            return range.error();
        m_podAddresses = *range;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_url.clear();
    const QStringList arguments =
        QStringList{QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--pod-network"),
                    QStringLiteral("127.0.%1.0/24").arg(m_podAddresses->block()),
                    QStringLiteral("--verbose")} +
        kubeSandboxServerArguments() + m_extraArguments;
    m_process->start(QStringLiteral(KUBE_SANDBOX_EXECUTABLE), arguments);
    QElapsedTimer timer;
    timer.start();
    while (m_url.isEmpty() && timer.elapsed() < timeoutMs) {
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(200);
        m_output += QString::fromUtf8(m_process->readAll());
        const qsizetype at = m_output.indexOf(QLatin1String("listening on "));
        if (at >= 0 && m_output.indexOf(u'\n', at) > at)
            m_url = m_output.mid(at + 13, m_output.indexOf(u'\n', at) - at - 13).trimmed();
    }
    if (m_url.isEmpty())
        return Error(ErrorCode::Timeout,
                     QStringLiteral("kube-sandbox did not start listening within %1 ms. Its output:\n%2")
                         .arg(timeoutMs)
                         .arg(m_output));
    // Keep reading so the pipe never fills up while the tests run.
    QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                     [this] { m_output += QString::fromUtf8(m_process->readAll()); });
    return {};
}

int SandboxServer::stop(int timeoutMs)
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(timeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(5000);
        return -1;
    }
    m_output += QString::fromUtf8(m_process->readAll());
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

QByteArray SandboxServer::token() const
{
    QFile file(m_dataDir + QStringLiteral("/token"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().trimmed();
}

QString Kubectl::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

Kubectl::Kubectl(QString kubeconfig, QString home)
    : m_kubeconfig(std::move(kubeconfig))
    , m_home(std::move(home))
{}

CommandResult Kubectl::run(const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), m_home);
    environment.remove(QStringLiteral("KUBECONFIG"));
    process.setProcessEnvironment(environment);
    process.start(executable(), QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig} + arguments);
    CommandResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err =
            QStringLiteral("kubectl %1 did not finish within %2 ms").arg(arguments.join(u' ')).arg(timeoutMs);
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QJsonObject HttpResult::firstCause() const
{
    return json()
        .value(QLatin1String("details"))
        .toObject()
        .value(QLatin1String("causes"))
        .toArray()
        .at(0)
        .toObject();
}

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ApiClient::ApiClient(const SandboxServer &server)
    : m_url(server.url())
    , m_token(server.token())
{
    m_ssl = QSslConfiguration::defaultConfiguration();
    m_ssl.setCaCertificates(QSslCertificate::fromPath(server.dataDir() + QStringLiteral("/ca.crt")));
    m_ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
}

void ApiClient::useClientCertificate(const QString &certificatePath, const QString &keyPath)
{
    QFile key(keyPath);
    key.open(QIODevice::ReadOnly);
    m_ssl.setLocalCertificate(QSslCertificate::fromPath(certificatePath).value(0));
    m_ssl.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
}

QNetworkRequest ApiClient::request(const QString &path, const QByteArray &contentType,
                                   const QByteArray &accept) const
{
    QNetworkRequest request(QUrl(m_url + path));
    request.setSslConfiguration(m_ssl);
    request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    request.setRawHeader("Accept", accept);
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(0);
    return request;
}

HttpResult ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
                           const QByteArray &contentType, const QByteArray &accept, int timeoutMs)
{
    QNetworkReply *reply = m_network.sendCustomRequest(request(path, contentType, accept), method, body);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    HttpResult result;
    if (!reply->isFinished() && !finished.wait(timeoutMs)) {
        reply->abort();
        reply->deleteLater();
        return result;
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

QNetworkReply *ApiClient::stream(const QString &path)
{
    return m_network.get(request(path, "application/json", "application/json"));
}

} // namespace rcs::test
