#pragma once

#include "common/result.h"
#include "support/kube_sandbox_process.h"
#include "support/program_run.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QPair>
#include <QSslConfiguration>
#include <QStringList>
#include <QTemporaryDir>

namespace rcs::test {

// Runs the real kubectl with --kubeconfig and a fresh HOME (its discovery cache lives there).
class Kubectl final {
public:
    // Empty when kubectl is not on PATH.
    static QString executable();
    // program: another kubectl than the one on PATH (e.g. Debian's 1.20 unpacked in the cache).
    Kubectl(QString kubeconfig, QString home, QString program = executable());
    ProgramRun run(const QStringList &arguments, int timeoutMs = 90000) const;

private:
    QString m_kubeconfig;
    QString m_home;
    QString m_program;
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
    explicit ApiClient(const KubeSandboxProcess &server);
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
