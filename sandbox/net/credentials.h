#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace sandbox {

// A bearer token allowed only some verbs on some resources in some namespaces, like a
// ServiceAccount bound to a narrow Role (test hook for RBAC errors). Read from the optional file
// <data-dir>/tokens, one token per line: "TOKEN USER VERBS RESOURCES NAMESPACES", each list
// comma-separated, "*" for any; "pods/portforward" style for subresources; "" namespace (written
// "-") for cluster-scoped requests. Lines starting with # are comments.
struct LimitedToken {
    QByteArray token;
    QString user;
    QStringList verbs;
    QStringList resources;
    QStringList namespaces;

    bool allows(const QString &verb, const QString &resource, const QString &ns) const;
};

// The sandbox's PKI and bearer token, kept in the data folder so that a restart keeps the kubeconfig
// valid: ca.crt/ca.key (the cluster CA), server.crt/server.key (SAN 127.0.0.1, ::1, localhost),
// client.crt/client.key (an admin client certificate signed by the CA), token.
class Credentials final {
public:
    // Loads the files from dataDir, generating whichever are missing (EC P-256 keys, SHA-256).
    static rcs::Result<Credentials> loadOrCreate(const QString &dataDir);

    QSslCertificate caCertificate() const { return m_caCertificate; }
    QSslCertificate serverCertificate() const { return m_serverCertificate; }
    QSslKey serverKey() const { return m_serverKey; }
    QByteArray caPem() const { return m_caPem; }
    QByteArray token() const { return m_token; }
    // The limited token with this value, or nullptr.
    const LimitedToken *limitedToken(const QByteArray &token) const;
    QString clientCertificatePath() const { return m_clientCertificatePath; }
    QString clientKeyPath() const { return m_clientKeyPath; }

    // True when certificate was issued by our CA (signature and validity period checked).
    bool isSignedByCa(const QSslCertificate &certificate) const;

    // Writes a kubeconfig (cluster, user and context `sandbox`, CA embedded, bearer token) to path.
    rcs::Result<void> writeKubeconfig(const QString &path, const QString &serverUrl) const;

private:
    QSslCertificate m_caCertificate;
    QSslCertificate m_serverCertificate;
    QSslKey m_serverKey;
    QByteArray m_caPem;
    QByteArray m_token;
    QList<LimitedToken> m_limitedTokens;
    QString m_clientCertificatePath;
    QString m_clientKeyPath;
};

} // namespace sandbox
