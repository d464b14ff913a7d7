#include "kube_credentials.h"

#include "common/logger.h"
#include "kube_transport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTimer>

namespace rcs {

namespace {
const QString kCategory = QStringLiteral("kube");
} // namespace

KubeCredentials::KubeCredentials(const KubeTarget &target, QObject *parent)
    : QObject(parent)
    , m_target(target)
{}

KubeCredentials::~KubeCredentials()
{
    if (m_process) {
        // The child QProcess is deleted with us and reaps the killed plugin itself.
        m_process->disconnect(this);
        m_process->kill();
    }
}

Result<KubeCredentials *> KubeCredentials::create(const KubeTarget &target, QObject *parent)
{
    const KubeUser &user = target.user;
    const QString where = tr("%1: user \"%2\": ").arg(user.definedIn, user.name);
    QList<QSslCertificate> chain;
    QSslKey key;
    if (!user.clientCertificate.isEmpty() || !user.clientCertificateData.isEmpty()) {
        auto certs =
            loadCertificates(user.clientCertificateData, user.clientCertificate, tr("client certificate"));
        if (!certs)
            return certs.error().withContext(where);
        auto loadedKey = loadPrivateKey(user.clientKeyData, user.clientKey, tr("client key"));
        if (!loadedKey)
            return loadedKey.error().withContext(where);
        chain = *certs;
        key = *loadedKey;
    }
    for (const QString &secret : {user.token, user.password})
        Logger::instance().addSecret(secret);
    auto *credentials = new KubeCredentials(target, parent);
    credentials->m_certificateChain = chain;
    credentials->m_key = key;
    return credentials;
}

bool KubeCredentials::usesExecPlugin() const
{
    const KubeUser &user = m_target.user;
    // A static token wins over exec, as client-go leaves an Authorization header already set.
    return user.exec.isSet() && user.token.isEmpty() && user.tokenFile.isEmpty();
}

Result<KubeAuth> KubeCredentials::staticAuth() const
{
    const KubeUser &user = m_target.user;
    KubeAuth auth;
    auth.clientCertificateChain = m_certificateChain;
    auth.clientKey = m_key;
    if (!user.tokenFile.isEmpty()) {
        QFile file(user.tokenFile);
        if (!file.open(QIODevice::ReadOnly))
            return Error(ErrorCode::Io,
                         tr("%1: user \"%2\": cannot read the tokenFile %3: %4.")
                             .arg(user.definedIn, user.name, user.tokenFile, file.errorString()));
        const QByteArray token = file.readAll().trimmed();
        if (token.isEmpty())
            return Error(ErrorCode::InvalidInput, tr("%1: user \"%2\": the tokenFile %3 is empty.")
                                                      .arg(user.definedIn, user.name, user.tokenFile));
        Logger::instance().addSecret(QString::fromUtf8(token));
        auth.authorization = "Bearer " + token;
    } else if (!user.token.isEmpty()) {
        auth.authorization = "Bearer " + user.token.toUtf8();
    } else if (!user.username.isEmpty() || !user.password.isEmpty()) {
        auth.authorization =
            "Basic " + (user.username + QLatin1Char(':') + user.password).toUtf8().toBase64();
    } else if (!user.authProvider.isEmpty()) {
        const QString idToken = user.authProviderConfig.value(QStringLiteral("id-token")).toString();
        if (idToken.isEmpty())
            return Error(ErrorCode::Unauthorized,
                         tr("%1: user \"%2\" uses the oidc auth-provider without an id-token; log in "
                            "with kubectl (or kubelogin) first, or use an exec plugin.")
                             .arg(user.definedIn, user.name));
        Logger::instance().addSecret(idToken);
        auth.authorization = "Bearer " + idToken.toUtf8();
    }
    return auth;
}

void KubeCredentials::obtain(QObject *context, Callback done)
{
    const bool cached =
        m_haveExec && (!m_execExpiry.isValid() || QDateTime::currentDateTimeUtc() < m_execExpiry);
    if (!usesExecPlugin() || cached) {
        Result<KubeAuth> result = staticAuth();
        if (result && usesExecPlugin()) {
            KubeAuth auth = result.value();
            if (!m_execAuth.authorization.isEmpty())
                auth.authorization = m_execAuth.authorization;
            if (!m_execAuth.clientCertificateChain.isEmpty()) {
                auth.clientCertificateChain = m_execAuth.clientCertificateChain;
                auth.clientKey = m_execAuth.clientKey;
            }
            auth.fromExecPlugin = true;
            result = auth;
        }
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, done, result] {
            if (guard)
                done(result);
        });
        return;
    }
    m_waiters.append({QPointer<QObject>(context), std::move(done)});
    if (!m_process)
        runPlugin();
}

void KubeCredentials::invalidateExecCredential()
{
    m_haveExec = false;
    m_execAuth = {};
}

QByteArray KubeCredentials::execInfo() const
{
    const KubeExecConfig &exec = m_target.user.exec;
    QJsonObject spec{{QStringLiteral("interactive"), false}};
    if (exec.provideClusterInfo) {
        const KubeCluster &c = m_target.cluster;
        QJsonObject cluster{{QStringLiteral("server"), c.server}};
        if (!c.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), c.tlsServerName);
        if (c.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        QByteArray ca = c.certificateAuthorityData;
        if (ca.isEmpty() && !c.certificateAuthority.isEmpty()) {
            QFile file(c.certificateAuthority);
            if (file.open(QIODevice::ReadOnly))
                ca = file.readAll();
        }
        if (!ca.isEmpty())
            cluster.insert(QStringLiteral("certificate-authority-data"), QString::fromLatin1(ca.toBase64()));
        if (!c.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), c.proxyUrl);
        if (c.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        if (!c.execExtension.isEmpty())
            cluster.insert(QStringLiteral("config"), c.execExtension);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject info{{QStringLiteral("apiVersion"), exec.apiVersion},
                           {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                           {QStringLiteral("spec"), spec}};
    return QJsonDocument(info).toJson(QJsonDocument::Compact);
}

void KubeCredentials::runPlugin()
{
    const KubeExecConfig &exec = m_target.user.exec;
    if (exec.interactiveMode == QLatin1String("Always")) {
        deliver(Error(ErrorCode::Unauthorized,
                      tr("The credential plugin %1 of user \"%2\" needs an interactive terminal "
                         "(interactiveMode: Always), which this application does not have. Log in "
                         "from a terminal first, or change interactiveMode.")
                          .arg(exec.command, m_target.user.name)));
        return;
    }
    auto *process = new QProcess(this);
    m_process = process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &pair : exec.env)
        env.insert(pair.first, pair.second);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(execInfo()));
    process->setProcessEnvironment(env);
    process->setStandardInputFile(QProcess::nullDevice()); // never interactive
    process->setProgram(exec.command);
    process->setArguments(exec.args);
    ++m_execRuns;

    auto *timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [this, process] {
        process->disconnect(this);
        process->kill();
        process->deleteLater();
        deliver(Error(ErrorCode::Timeout, tr("The credential plugin %1 did not answer within %2 s.")
                                              .arg(m_target.user.exec.command)
                                              .arg(m_execTimeoutMs / 1000)));
    });
    timer->start(m_execTimeoutMs);
    connect(process, &QProcess::finished, this, [this, process] { pluginFinished(process); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error != QProcess::FailedToStart)
            return; // crashes end in finished()
        process->disconnect(this);
        process->deleteLater();
        const KubeExecConfig &e = m_target.user.exec;
        QString message = tr("The credential plugin \"%1\" of user \"%2\" could not be started: %3.")
                              .arg(e.command, m_target.user.name, process->errorString());
        if (!e.installHint.isEmpty())
            message += QLatin1Char(' ') + e.installHint.trimmed();
        deliver(Error(ErrorCode::Unauthorized, message));
    });
    process->start();
}

void KubeCredentials::pluginFinished(QProcess *process)
{
    process->deleteLater();
    const QString command = m_target.user.exec.command;
    const QByteArray errors = process->readAllStandardError().trimmed();
    if (!errors.isEmpty())
        Logger::instance().warning(kCategory,
                                   tr("Credential plugin %1: %2").arg(command, QString::fromUtf8(errors)));
    if (process->exitStatus() != QProcess::NormalExit || process->exitCode() != 0) {
        const QString last = QString::fromUtf8(errors).section(QLatin1Char('\n'), -1).trimmed();
        deliver(Error(ErrorCode::Unauthorized,
                      tr("The credential plugin %1 failed (exit code %2)%3.")
                          .arg(command)
                          .arg(process->exitCode())
                          .arg(last.isEmpty() ? QString() : QStringLiteral(": ") + last)));
        return;
    }
    deliver(parsePluginOutput(process->readAllStandardOutput()));
}

Result<KubeAuth> KubeCredentials::parsePluginOutput(const QByteArray &output)
{
    const KubeExecConfig &exec = m_target.user.exec;
    QJsonParseError parseError;
    const QJsonObject root = QJsonDocument::fromJson(output, &parseError).object();
    const QString what = tr("The credential plugin %1").arg(exec.command);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::Protocol,
                     tr("%1 printed something that is not JSON: %2.").arg(what, parseError.errorString()));
    if (root.value(QStringLiteral("kind")).toString() != QLatin1String("ExecCredential") ||
        root.value(QStringLiteral("apiVersion")).toString() != exec.apiVersion)
        return Error(ErrorCode::Protocol,
                     tr("%1 must print an ExecCredential of apiVersion %2, not kind \"%3\" of \"%4\".")
                         .arg(what, exec.apiVersion, root.value(QStringLiteral("kind")).toString(),
                              root.value(QStringLiteral("apiVersion")).toString()));
    const QJsonObject status = root.value(QStringLiteral("status")).toObject();
    KubeAuth auth;
    const QString token = status.value(QStringLiteral("token")).toString();
    const QByteArray certPem = status.value(QStringLiteral("clientCertificateData")).toString().toUtf8();
    const QByteArray keyPem = status.value(QStringLiteral("clientKeyData")).toString().toUtf8();
    if (certPem.isEmpty() != keyPem.isEmpty())
        return Error(ErrorCode::Protocol,
                     tr("%1 returned a client certificate without its key, or a key without its "
                        "certificate.")
                         .arg(what));
    if (token.isEmpty() && certPem.isEmpty())
        return Error(ErrorCode::Protocol,
                     tr("%1 returned neither a token nor a client certificate.").arg(what));
    if (!token.isEmpty()) {
        Logger::instance().addSecret(token);
        auth.authorization = "Bearer " + token.toUtf8();
    }
    if (!certPem.isEmpty()) {
        auto chain = loadCertificates(certPem, {}, tr("plugin client certificate"));
        if (!chain)
            return chain.error();
        auto key = loadPrivateKey(keyPem, {}, tr("plugin client key"));
        if (!key)
            return key.error();
        auth.clientCertificateChain = *chain;
        auth.clientKey = *key;
    }
    QDateTime expiry;
    const QString expiration = status.value(QStringLiteral("expirationTimestamp")).toString();
    if (!expiration.isEmpty()) {
        expiry = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!expiry.isValid())
            return Error(ErrorCode::Protocol,
                         tr("%1 returned the expirationTimestamp \"%2\", which is not RFC 3339.")
                             .arg(what, expiration));
    }
    auth.fromExecPlugin = true;
    m_haveExec = true;
    m_execAuth = auth;
    m_execExpiry = expiry.toUTC();
    return auth;
}

void KubeCredentials::deliver(const Result<KubeAuth> &result)
{
    m_process = nullptr;
    Result<KubeAuth> merged = result;
    if (result) {
        // The plugin's answer replaces only what it provides; a kubeconfig certificate stays.
        auto base = staticAuth();
        if (!base) {
            merged = base.error();
        } else {
            KubeAuth auth = base.value();
            if (!result->authorization.isEmpty())
                auth.authorization = result->authorization;
            if (!result->clientCertificateChain.isEmpty()) {
                auth.clientCertificateChain = result->clientCertificateChain;
                auth.clientKey = result->clientKey;
            }
            auth.fromExecPlugin = true;
            merged = auth;
        }
    }
    const QList<Waiter> waiters = std::exchange(m_waiters, {});
    for (const Waiter &waiter : waiters) {
        if (waiter.context)
            waiter.done(merged);
    }
}

} // namespace rcs
