#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

#include <optional>

namespace rcs {

// What the TLS Secret of a deployment holds (ca.crt may hold several CAs during a CA rotation).
struct TlsMaterial {
    QByteArray caBundlePem;
    QByteArray certificatePem;
    QByteArray keyPem; // a secret
};

// The CA that signs the servers' certificates (the studio's Secret redis-app-tls-ca).
struct SigningAuthority {
    QByteArray certificatePem;
    QByteArray keyPem; // a secret
};

struct RotationOptions {
    bool renewCa = false;    // a new CA signs the new certificate
    bool dropOldCas = false; // ca.crt keeps only the signing CA
    int validityDays = 365;
};

// One Secret update followed by a live reload on every node. Each phase installs a certificate with a
// new serial number, so that a node serving it proves it loaded this phase's files (the kubelet
// writes a Secret's files together): that is how the rotation knows a node trusts the new bundle
// before the next phase makes peers present certificates only that bundle accepts.
struct RotationPhase {
    enum class Kind {
        Trust,   // the new CA joins ca.crt; the certificate is renewed by the CA the nodes trust today
        Reissue, // a new certificate from the signing CA
        Drop     // ca.crt keeps only the signing CA (and a renewed certificate)
    };
    Kind kind = Kind::Reissue;
    TlsMaterial material; // the TLS Secret's content after this phase
};

struct RotationPlan {
    QList<RotationPhase> phases;
    // Written to the CA Secret once every phase is done (only when the CA was renewed).
    std::optional<SigningAuthority> newAuthority;
    QStringList droppedCas; // subjects of the CAs a Drop phase removes from ca.crt
    QStringList warnings;   // e.g. the signing CA expires before the new certificate
};

// The phases that take current to a renewed certificate (and CA when asked), keeping every node able
// to talk to every other at each step. The new certificate carries the names of the current
// one, usable by the server and as a client (Redis presents it on replication and cluster-bus links).
// InvalidInput (one sentence) when current or authority cannot be read, or the signing CA is not
// among the CAs ca.crt holds (the nodes would reject what it signs).
Result<RotationPlan> planCertificateRotation(const TlsMaterial &current, const SigningAuthority &authority,
                                             const RotationOptions &options);

// The certificates of a PEM bundle, in order (an unreadable block is skipped).
QList<QSslCertificate> certificatesOf(const QByteArray &pem);
// The same certificate (by SHA-256 digest).
bool sameCertificate(const QSslCertificate &a, const QSslCertificate &b);
// The certificates of both PEM bundles, each once, a's first.
QByteArray mergedBundle(const QByteArray &a, const QByteArray &b);
// One line for a certificate in messages: "CN=…, serial 1a:2b…, valid until 2027-12-07".
QString describeCertificate(const QSslCertificate &certificate);
// What a phase does, for the plan and the progress.
QString describePhase(const RotationPhase &phase);

} // namespace rcs
