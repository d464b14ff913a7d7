#include "deploy_parameters.h"

#include "kube/manifest_set.h"
#include "node_card.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace rcs::ui {

namespace {
// StatefulSet pods get a "controller-revision-hash" label of name + hash, which must fit in 63.
constexpr int kStatefulSetNameMax = 52;
} // namespace

bool isDnsLabel(const QString &name, int maxLength)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"));
    return !name.isEmpty() && name.size() <= maxLength && pattern.match(name).hasMatch();
}

bool isQuantity(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral("^([0-9]+(\\.[0-9]+)?|\\.[0-9]+)(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$"));
    return pattern.match(text).hasMatch();
}

QStringList DeployParameters::validate() const
{
    QStringList problems;
    if (!isDnsLabel(ns))
        problems
            << tr("The namespace \u201c%1\u201d is not a valid Kubernetes name: use at most 63 lowercase "
                  "letters, digits and '-', starting and ending with a letter or digit.")
                   .arg(ns);
    if (!isDnsLabel(name, kStatefulSetNameMax))
        problems << tr("The StatefulSet name \u201c%1\u201d is not valid: use at most 52 lowercase letters, "
                       "digits and '-', starting and ending with a letter or digit.")
                        .arg(name);
    if (replicasPerMaster < 0)
        problems << tr("The number of replicas per master cannot be negative.");
    else if (masters() < 3)
        problems << tr("%1 pods with %2 per master make only %3; a Redis Cluster needs at "
                       "least 3 masters, so use at least %4 pods.")
                        .arg(pods)
                        .arg(replicasPerMaster)
                        .arg(masters())
                        .arg(3 * (replicasPerMaster + 1));
    if (image.trimmed().isEmpty() || image.contains(QLatin1Char(' ')))
        problems << tr("Enter a container image such as redis:5.0.5 (no spaces).");
    if (persistent && !isQuantity(storageSize))
        problems
            << tr("The storage size \u201c%1\u201d is not a Kubernetes quantity; write it like 1Gi or 500Mi.")
                   .arg(storageSize);
    if (persistent && !storageClass.isEmpty() && !isDnsLabel(storageClass, 253))
        problems << tr("The storage class \u201c%1\u201d is not a valid name.").arg(storageClass);
    if (!cpu.isEmpty() && !isQuantity(cpu))
        problems
            << tr("The CPU request \u201c%1\u201d is not a quantity; write it like 100m or 0.5.").arg(cpu);
    if (!memory.isEmpty() && !isQuantity(memory))
        problems << tr("The memory request \u201c%1\u201d is not a quantity; write it like 512Mi or 1Gi.")
                        .arg(memory);
    if (password.contains(QRegularExpression(QStringLiteral("\\s"))) || password.contains(QLatin1Char('"')))
        problems << tr("The password cannot contain spaces or quotes: redis.conf would misread it.");
    if (tls) {
        if (const QString problem = ManifestSet::tlsImageProblem(image); !problem.isEmpty())
            problems << problem;
        const bool filesMissing = tlsCaFile.isEmpty() || tlsCertFile.isEmpty() || tlsKeyFile.isEmpty();
        if (tlsSource == TlsSource::Files && filesMissing)
            problems << tr("Give all three TLS files (CA, certificate and key), or choose another source.");
        if (tlsSource == TlsSource::Secret && !isDnsLabel(tlsSecret, 253))
            problems << tr("The Secret name \u201c%1\u201d is not a valid Kubernetes name.").arg(tlsSecret);
    }
    return problems;
}

} // namespace rcs::ui
