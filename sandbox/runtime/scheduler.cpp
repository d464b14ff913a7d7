#include "runtime/scheduler.h"

#include "store/label_selector.h"

#include <QHash>
#include <QJsonArray>

#include <limits>

namespace sandbox {

namespace {

const QString kHostname = QStringLiteral("kubernetes.io/hostname");

QString domainOf(const QString &node, const QString &topologyKey)
{
    return topologyKey == kHostname ? node : QStringLiteral("sandbox");
}

// How many of the existing pods match an affinity term within the node's topology domain.
int matchingPods(const QJsonObject &term, const QString &podNamespace, const QString &node,
                 const QList<QJsonObject> &existingPods)
{
    const QJsonObject selector = term.value(QLatin1String("labelSelector")).toObject();
    const QString topologyKey = term.value(QLatin1String("topologyKey")).toString();
    QStringList namespaces;
    for (const QJsonValue &value : term.value(QLatin1String("namespaces")).toArray())
        namespaces.append(value.toString());
    if (namespaces.isEmpty())
        namespaces.append(podNamespace);
    const QString domain = domainOf(node, topologyKey);
    int count = 0;
    for (const QJsonObject &other : existingPods) {
        const QJsonObject metadata = other.value(QLatin1String("metadata")).toObject();
        const QString otherNode =
            other.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString();
        if (domainOf(otherNode, topologyKey) != domain)
            continue;
        if (!namespaces.contains(metadata.value(QLatin1String("namespace")).toString()))
            continue;
        if (selectorMatches(selector, metadata.value(QLatin1String("labels")).toObject()))
            ++count;
    }
    return count;
}

} // namespace

SchedulingDecision schedulePod(const QJsonObject &pod, const QStringList &readyNodes,
                               const QList<QJsonObject> &existingPods, int totalNodes)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QString ns =
        pod.value(QLatin1String("metadata")).toObject().value(QLatin1String("namespace")).toString();
    const QJsonObject antiAffinity =
        spec.value(QLatin1String("affinity")).toObject().value(QLatin1String("podAntiAffinity")).toObject();
    const QJsonArray required =
        antiAffinity.value(QLatin1String("requiredDuringSchedulingIgnoredDuringExecution")).toArray();
    const QJsonArray preferred =
        antiAffinity.value(QLatin1String("preferredDuringSchedulingIgnoredDuringExecution")).toArray();
    const QJsonObject nodeSelector = spec.value(QLatin1String("nodeSelector")).toObject();

    QHash<QString, int> load;
    for (const QJsonObject &other : existingPods)
        ++load[other.value(QLatin1String("spec")).toObject().value(QLatin1String("nodeName")).toString()];

    QString best;
    long bestScore = std::numeric_limits<long>::max();
    int bestLoad = std::numeric_limits<int>::max();
    int selectorMisses = 0;
    int antiAffinityMisses = 0;
    for (const QString &node : readyNodes) {
        const QString wantedHost = nodeSelector.value(kHostname).toString();
        bool selected = wantedHost.isEmpty() || wantedHost == node;
        for (auto it = nodeSelector.begin(); it != nodeSelector.end() && selected; ++it) {
            if (it.key() != kHostname && it.key() != QLatin1String("kubernetes.io/os"))
                selected = false; // the simulated nodes carry no other labels a selector could ask for
        }
        if (!selected) {
            ++selectorMisses;
            continue;
        }
        bool excluded = false;
        for (const QJsonValue &term : required)
            excluded = excluded || matchingPods(term.toObject(), ns, node, existingPods) > 0;
        if (excluded) {
            ++antiAffinityMisses;
            continue;
        }
        long score = 0;
        for (const QJsonValue &value : preferred) {
            const QJsonObject weighted = value.toObject();
            score += long(weighted.value(QLatin1String("weight")).toInt(1)) *
                     matchingPods(weighted.value(QLatin1String("podAffinityTerm")).toObject(), ns, node,
                                  existingPods);
        }
        const int nodeLoad = load.value(node);
        if (score < bestScore || (score == bestScore && nodeLoad < bestLoad)) {
            best = node;
            bestScore = score;
            bestLoad = nodeLoad;
        }
    }
    if (!best.isEmpty())
        return {best, {}};

    QStringList reasons;
    if (const int notReady = totalNodes - int(readyNodes.size()); notReady > 0)
        reasons.append(QStringLiteral("%1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }")
                           .arg(notReady));
    if (selectorMisses > 0)
        reasons.append(
            QStringLiteral("%1 node(s) didn't match Pod's node affinity/selector").arg(selectorMisses));
    if (antiAffinityMisses > 0)
        reasons.append(
            QStringLiteral("%1 node(s) didn't match pod anti-affinity rules").arg(antiAffinityMisses));
    return {{},
            QStringLiteral("0/%1 nodes are available: %2. preemption: not eligible.")
                .arg(totalNodes)
                .arg(reasons.join(QStringLiteral(", ")))};
}

} // namespace sandbox
