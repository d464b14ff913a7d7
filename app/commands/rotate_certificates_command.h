#pragma once

#include <QStringList>

namespace rcs::cli {

// `rotate-certificates [--ca] [--drop-old-ca --yes] [--reload] [--days N]`: a renewed certificate (and
// CA) loaded live by every node of a TLS deployment.
int runKubeRotateCertificates(const QStringList &args);

} // namespace rcs::cli
