#include "sandbox_api_harness.h"

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

QString Kubectl::executable()
{
    return QStandardPaths::findExecutable(QStringLiteral("kubectl"));
}

Kubectl::Kubectl(QString kubeconfig, QString home, QString program)
    : m_kubeconfig(std::move(kubeconfig))
    , m_home(std::move(home))
    , m_program(std::move(program))
{}

ProgramRun Kubectl::run(const QStringList &arguments, int timeoutMs) const
{
    ProgramOptions options;
    options.timeoutMs = timeoutMs;
    options.environment = QProcessEnvironment::systemEnvironment();
    options.environment.insert(QStringLiteral("HOME"), m_home);
    options.environment.remove(QStringLiteral("KUBECONFIG"));
    return runProgram(m_program, QStringList{QStringLiteral("--kubeconfig"), m_kubeconfig} + arguments,
                      options);
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

ApiClient::ApiClient(const KubeSandboxProcess &server)
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
