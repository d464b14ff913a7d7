#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace rcs {

// users[].user.exec: a client-go credential plugin (client.authentication.k8s.io v1 / v1beta1).
struct KubeExecConfig {
    QString apiVersion;
    QString command; // absolute when the kubeconfig named a relative path containing '/'
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // Never | IfAvailable | Always

    bool isSet() const { return !command.isEmpty(); }
};

struct KubeCluster {
    QString name;
    QString server;                      // may carry a path prefix (Rancher: https://host/k8s/clusters/c-x)
    QByteArray certificateAuthorityData; // PEM, decoded from certificate-authority-data
    QString certificateAuthority;        // absolute path
    QString tlsServerName;
    bool insecureSkipTlsVerify = false;
    QString proxyUrl;
    bool disableCompression = false;
    QJsonObject execExtension; // extensions[name=client.authentication.k8s.io/exec].extension
    QString definedIn;         // the kubeconfig file, for messages
};

struct KubeUser {
    QString name;
    QByteArray clientCertificateData; // PEM
    QString clientCertificate;        // absolute path
    QByteArray clientKeyData;         // PEM
    QString clientKey;                // absolute path
    QString token;
    QString tokenFile; // absolute path, re-read on every use because it may rotate
    QString username;
    QString password;
    KubeExecConfig exec;
    QString authProvider; // legacy auth-provider name (oidc, gcp, azure)
    QJsonObject authProviderConfig;
    QString impersonate;
    QStringList impersonateGroups;
    QString impersonateUid;
    QString definedIn;
};

struct KubeContext {
    QString name;
    QString cluster;
    QString user;
    QString ns; // empty in the file means "default"
    QString definedIn;
};

// Everything needed to talk to one cluster as one user: the resolved context (API address, CA,
// credentials). Not a target the user chooses (that is the operations layer's Target, whose
// Kubernetes part names a kubeconfig file and context): this is what such a choice resolves to.
struct KubeTarget {
    QString contextName;
    KubeCluster cluster;
    KubeUser user;
    QString ns = QStringLiteral("default");
};

// The merged kubeconfig, loaded the way kubectl does (reference kubernetes-api.md §1):
// an explicit file alone (it must exist); else every file of KUBECONFIG (missing ones skipped with a
// warning; the first file to set current-context or to define a named cluster/user/context wins,
// and a named entry is taken whole); else ~/.kube/config. Relative paths inside a file are resolved
// against that file's folder.
//
// Errors (ErrorCode::InvalidInput / Io) name the file and the problem: a missing file, a YAML
// error with its line, an unknown context, a context naming a missing cluster or user.
class KubeConfig final {
public:
    static Result<KubeConfig> load(const QString &explicitFile = {});
    // The same with the environment made explicit (tests): kubeconfigEnv is the KUBECONFIG value,
    // homeDir the user's home.
    static Result<KubeConfig> load(const QString &explicitFile, const QString &kubeconfigEnv,
                                   const QString &homeDir);
    static Result<KubeConfig> loadFile(const QString &file);

    QStringList files() const { return m_files; }
    QString currentContext() const { return m_currentContext; }
    QList<KubeContext> contexts() const { return m_contexts; }
    QList<KubeCluster> clusters() const { return m_clusters; }
    QList<KubeUser> users() const { return m_users; }
    // Warnings met while loading (skipped files), to show the user.
    QStringList warnings() const { return m_warnings; }

    // Resolves a context (the current one when contextName is empty) into cluster + user + namespace,
    // and checks the combination (token and basic auth together, a CA with insecure-skip-tls-verify).
    Result<KubeTarget> resolve(const QString &contextName = {}) const;

private:
    void merge(const KubeConfig &later);

    QStringList m_files;
    QString m_currentContext;
    QList<KubeContext> m_contexts;
    QList<KubeCluster> m_clusters;
    QList<KubeUser> m_users;
    QStringList m_warnings;
};

} // namespace rcs
