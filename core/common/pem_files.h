#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace rcs {

// Certificates and keys as kubeconfigs, Secrets and the studio's TLS options give them: PEM, inline
// (data) or in a file; the data wins when both are set. "what" names them in errors ("client key"); a
// key's content never appears in an error.

// Reads PEM certificates from file or inline data.
Result<QList<QSslCertificate>> loadCertificates(const QByteArray &data, const QString &file,
                                                const QString &what);
// Reads an RSA or EC private key in PEM (PKCS#1, SEC1 or PKCS#8).
Result<QSslKey> loadPrivateKey(const QByteArray &data, const QString &file, const QString &what);

} // namespace rcs
