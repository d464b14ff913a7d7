#pragma once

#include "common/result.h"
#include "kube_config.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslKey>

#include <functional>

class QProcess;

namespace rcs {

// What one request presents: an Authorization header value and/or a client certificate.
struct KubeAuth {
    QByteArray authorization; // "Bearer …" / "Basic …", or empty
    QList<QSslCertificate> clientCertificateChain;
    QSslKey clientKey;
    bool fromExecPlugin = false; // a 401 with this credential re-runs the plugin once
};

// The credentials of one kubeconfig user: client certificate and key, token or tokenFile (re-read on
// every use since it may rotate), basic auth, or an exec plugin run asynchronously with QProcess and
// cached until its expirationTimestamp. Every secret is registered with Logger::addSecret.
class KubeCredentials final : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const Result<KubeAuth> &)>;

    // Loads the static material now; errors name the unreadable or invalid file.
    static Result<KubeCredentials *> create(const KubeTarget &target, QObject *parent = nullptr);
    ~KubeCredentials() override;

    // Delivers the auth to done (always later, from the event loop, and only while context lives).
    // Concurrent calls while the exec plugin runs share the one run.
    void obtain(QObject *context, Callback done);
    // Drops a cached exec credential after a 401 so that the next obtain() runs the plugin again.
    void invalidateExecCredential();

    // How often the exec plugin has been started (tests, diagnostics).
    int execRuns() const { return m_execRuns; }
    void setExecTimeout(int ms) { m_execTimeoutMs = ms; }
    bool usesExecPlugin() const;

private:
    explicit KubeCredentials(const KubeTarget &target, QObject *parent);
    Result<KubeAuth> staticAuth() const;
    void runPlugin();
    void pluginFinished(QProcess *process);
    void deliver(const Result<KubeAuth> &result);
    QByteArray execInfo() const;
    Result<KubeAuth> parsePluginOutput(const QByteArray &output);

    KubeTarget m_target;
    QList<QSslCertificate> m_certificateChain;
    QSslKey m_key;

    struct Waiter {
        QPointer<QObject> context;
        Callback done;
    };
    QList<Waiter> m_waiters;
    QPointer<QProcess> m_process;
    bool m_haveExec = false;
    KubeAuth m_execAuth;
    QDateTime m_execExpiry; // invalid = valid for the process lifetime
    int m_execRuns = 0;
    int m_execTimeoutMs = 120000;
};

} // namespace rcs
