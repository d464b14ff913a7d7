#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rcs {

// TLS for clients, replication and the cluster bus. The certificates sit in a Secret (ca.crt, tls.crt,
// tls.key) mounted at ManifestSet::kTlsMountPath: one the deploy makes (from the PEM texts below) or
// an existing one the user names.
struct TlsParameters {
    bool enabled = false;
    QString authClients = QStringLiteral("no"); // tls-auth-clients: no | optional | yes
    QString existingSecret;                     // mount this Secret instead of making one
    // The Secret's contents (the deploy workflow fills them: generated, or read from the user's files).
    QByteArray caPem;
    QByteArray certificatePem;
    QByteArray keyPem;   // a secret: never logged or shown
    QByteArray caKeyPem; // the studio's own CA only: kept in a Secret of its own, never mounted
    // The user's own files (read by the deploy); empty: the studio makes a CA and a certificate.
    QString caFile;
    QString certificateFile;
    QString keyFile;
};

// What a deployment may change in the manifests. Empty strings leave the template's value.
struct ManifestParameters {
    QString ns = QStringLiteral("redis-cluster");
    QString statefulSetName = QStringLiteral("redis-app");
    int replicas = 6;
    QString image; // e.g. "redis:7.0"
    bool persistentStorage =
        true;             // false: an emptyDir instead of the volumeClaimTemplate (data dies with the pod)
    QString storageClass; // empty: the cluster's default class
    QString storageSize;  // e.g. "1Gi"
    QString cpuRequest;
    QString memoryRequest;
    QString cpuLimit;
    QString memoryLimit;
    int clusterNodeTimeoutMs = 0; // 0: keep redis.conf's value
    int nodePort = 0;             // NodePort services: 0 keeps the template's port, -1 lets the cluster pick
    bool password = false;        // a Secret feeding requirepass and masterauth
    QString passwordValue;        // generated when empty
    // The operator ACL user (Redis 6 and later, needs password): unset, on when the image's tag says
    // Redis/Valkey 6 or later (operatorUserByDefault); the replicas then authenticate as the operator.
    std::optional<bool> operatorUser;
    QString operatorPasswordValue; // generated when empty
    TlsParameters tls;
};

// The seed's manifests (namespace, ConfigMap with redis.conf, Services, StatefulSet), read from the
// embedded manifests/ folder or a user folder of multi-document YAML, edited with parameters, and
// emitted as JSON objects for server-side apply and as YAML for review.
class ManifestSet final {
public:
    static constexpr const char *kSecretKey = "password";
    static constexpr const char *kTlsMountPath = "/etc/redis-tls";
    // The operator user: its password and the include file with its `user` line, in the password
    // Secret; the file is mounted at kAclMountPath and redis.conf includes it.
    static constexpr const char *kOperatorSecretKey = "operator-password";
    static constexpr const char *kAclFileKey = "users.conf";
    static constexpr const char *kAclMountPath = "/etc/redis-acl";

    // The manifests compiled into the application (":/manifests").
    static Result<ManifestSet> embedded();
    // Every *.yaml / *.yml file of the folder, in file-name order.
    static Result<ManifestSet> fromDirectory(const QString &path);
    // fromDirectory(path), or embedded() when path is empty (no --manifests folder was given).
    static Result<ManifestSet> load(const QString &path);
    static Result<ManifestSet> fromYaml(const QByteArray &yaml, const QString &sourceName);

    QList<QJsonObject> documents() const { return m_documents; }

    // The objects to apply, in dependency order (Namespace, Secret, ConfigMap, Service, StatefulSet,
    // others). Errors: no StatefulSet, replicas < 1, an invalid namespace or name. The generated
    // password (if any) is registered with the Logger as a secret.
    Result<QList<QJsonObject>> render(const ManifestParameters &parameters) const;
    // YAML for review; Secret values are shown as "<hidden>" unless revealSecrets.
    static QString toYaml(const QList<QJsonObject> &objects, bool revealSecrets = false);
    // The name of the Secret that holds the password of a StatefulSet.
    static QString secretName(const QString &statefulSetName);
    // The decoded value of key in a Secret object as the API returns it (data is base64); empty when
    // absent.
    static QByteArray secretValue(const QJsonObject &secret, const QString &key);
    // The name of the Secret a TLS deployment makes for its certificates.
    static QString tlsSecretName(const QString &statefulSetName);
    // The Secret that keeps the key of the CA the studio made (for renewing the certificate later).
    static QString tlsCaSecretName(const QString &statefulSetName);
    // The names a server certificate must cover for the pods of these manifests: every pod under the
    // headless service (*.SERVICE.NS.svc.cluster.local and its shorter forms) and the other services
    // (the access service), each in its short and qualified forms, plus localhost.
    QStringList certificateDnsNames(const ManifestParameters &parameters) const;
    // Why image cannot run TLS (its tag says Redis 5, which has none), or empty when it can.
    static QString tlsImageProblem(const QString &image);
    // Whether a deploy with these parameters makes the operator user: asked for, or by default with a
    // password and an image whose tag names Redis or Valkey 6 or later. An unknown tag: off (Redis 5
    // refuses the `user` line and would crash-loop).
    bool operatorUserEnabled(const ManifestParameters &parameters) const;
    // A new random password (32 letters and digits, no look-alikes), for deploy and rotate-password.
    static QString generatePassword();
    // Why image cannot run the operator user (its tag says Redis 5, which has no ACL), or empty.
    static QString aclImageProblem(const QString &image);
    // The redis.conf lines TLS sets, in the order they are written ("tls-port 6379", …).
    static QStringList tlsConfigLines(const TlsParameters &tls);
    // The label selector of the rendered StatefulSet (spec.selector.matchLabels), e.g. "app=redis".
    static QString selectorOf(const QJsonObject &statefulSet);

private:
    QList<QJsonObject> m_documents;
};

} // namespace rcs
