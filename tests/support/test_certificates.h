#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

namespace rcs::test {

// A test PKI made with the openssl command line (EC P-256 keys, PEM files in one folder): a CA, a server
// certificate for the given DNS names (also usable as the servers' own client certificate on the cluster
// bus and replication links, as redis-server uses tls-cert-file for both), a client certificate, and an
// unrelated second CA. Certificates are valid for validDays from now; a negative value makes them
// already expired.
// The base64 body lines of a PEM text (keys, certificates): what a leak of it would show, as a log line
// may well hold one line of it.
QStringList pemBodyLines(const QByteArray &pem);

struct TestCertificates {
    QString caCert;
    QString caKey;
    QString serverCert;
    QString serverKey;
    QString clientCert;
    QString clientKey;
    QString otherCaCert; // a CA that signed none of the above
    QString otherCaKey;

    // InvalidInput naming the failed openssl command (and its output) when one fails; NotFound when
    // openssl is not installed.
    static Result<TestCertificates> make(const QString &folder, const QStringList &serverNames,
                                         int validDays = 2);
    // Another server certificate signed by the same CA (e.g. expired, or for other names) in folder
    // under the file names <name>.crt and <name>.key; returns the certificate's path. With keyFile, the
    // certificate is for that existing key (a server swaps certificates live only with its key).
    Result<QString> makeServerCertificate(const QString &name, const QStringList &serverNames, int validDays,
                                          const QString &keyFile = {}) const;
};

} // namespace rcs::test
