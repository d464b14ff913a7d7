#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QProcess>
#include <QSslConfiguration>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace rcs::test {

class LoopbackRange;

// The built kube-sandbox executable running on a data folder owned by the test.
class SandboxServer final {
public:
    explicit SandboxServer(QString dataDir);
    ~SandboxServer();

    // Starts and waits (bounded) for the "listening on" line. Errors quote the sandbox's output.
    Result<void> start(int timeoutMs = 60000);
    // Arguments added to the next start(), e.g. {"--nodes", "5"}.
    void setExtraArguments(const QStringList &arguments) { m_extraArguments = arguments; }
    // SIGTERM, then waits for a clean exit; returns the exit code (-1 on timeout or crash).
    int stop(int timeoutMs = 30000);

    QString dataDir() const { return m_dataDir; }
    QString kubeconfig() const { return m_dataDir + QStringLiteral("/kubeconfig"); }
    QString url() const { return m_url; }
    QByteArray token() const;
    QString output() const { return m_output; }

private:
    QString m_dataDir;
    QString m_url;
    QString m_output;
    QStringList m_extraArguments;
    std::shared_ptr<LoopbackRange> m_podAddresses;
    std::unique_ptr<QProcess> m_process;
};

struct CommandResult {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the real kubectl with --kubeconfig and a fresh HOME (its discovery cache lives there).
class Kubectl final {
public:
    // Empty when kubectl is not on PATH.
    static QString executable();
    Kubectl(QString kubeconfig, QString home);
    CommandResult run(const QStringList &arguments, int timeoutMs = 90000) const;

private:
    QString m_kubeconfig;
    QString m_home;
};

struct HttpResult {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QJsonObject json() const;
    // details.causes[0] of a Status answer (empty when there is none).
    QJsonObject firstCause() const;
    QByteArray header(const QByteArray &name) const;
};

// Plain HTTPS requests to the sandbox with the CA from its data folder.
class ApiClient final {
public:
    explicit ApiClient(const SandboxServer &server);
    void setToken(const QByteArray &token) { m_token = token; }
    void useClientCertificate(const QString &certificatePath, const QString &keyPath);

    HttpResult send(const QByteArray &method, const QString &path, const QByteArray &body = {},
                    const QByteArray &contentType = "application/json",
                    const QByteArray &accept = "application/json", int timeoutMs = 30000);
    // Starts a request whose answer streams (watch); the caller owns the reply.
    QNetworkReply *stream(const QString &path);

private:
    QNetworkRequest request(const QString &path, const QByteArray &contentType,
                            const QByteArray &accept) const;

    QString m_url;
    QByteArray m_token;
    QSslConfiguration m_ssl;
    QNetworkAccessManager m_network;
};

} // namespace rcs::test
