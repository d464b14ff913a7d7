#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace rcs::ui {

// What the deploy wizard asks for. Validation is pure so it is tested without widgets.
struct DeployParameters {
    Q_DECLARE_TR_FUNCTIONS(rcs::ui::DeployParameters)
public:
    QString name = QStringLiteral("redis-app");
    QString ns = QStringLiteral("redis-cluster");
    int pods = 6;
    int replicasPerMaster = 1;
    QString image = QStringLiteral("redis:5.0.5");
    bool persistent = true;
    QString storageClass; // empty = the cluster's default class
    QString storageSize = QStringLiteral("1Gi");
    QString cpu = QStringLiteral("100m");
    QString memory = QStringLiteral("512Mi");
    QString password; // empty = no AUTH
    // TLS (Redis 6 or later): the studio's own CA and certificate, the user's files (all three), or
    // an existing Secret (ca.crt, tls.crt, tls.key).
    enum class TlsSource { Generated, Files, Secret };
    bool tls = false;
    TlsSource tlsSource = TlsSource::Generated;
    QString tlsAuthClients = QStringLiteral("no");
    QString tlsCaFile;
    QString tlsCertFile;
    QString tlsKeyFile;
    QString tlsSecret;

    int masters() const { return pods / (replicasPerMaster + 1); }
    int replicas() const { return pods - masters(); }
    // One sentence per problem (what is wrong and what to do); empty when the parameters are usable.
    QStringList validate() const;
};

// RFC 1123 label as Kubernetes checks namespace names: lowercase alphanumerics and '-', at most 63.
bool isDnsLabel(const QString &name, int maxLength = 63);
// A Kubernetes resource quantity such as 1Gi, 500Mi, 100m, 0.5.
bool isQuantity(const QString &text);

} // namespace rcs::ui
