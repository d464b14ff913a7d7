#pragma once

// Building a ClusterSurvey from CLUSTER NODES / CLUSTER INFO text, for the unit tests of what a
// workflow decides from it.
#include "redis/cluster_check.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "workflows/workflow.h"

#include <QtGlobal>

namespace rcs::test {

// The view of a reachable node; test data that does not parse stops the test.
inline NodeView parsedView(const NodeAddress &address, const QByteArray &clusterNodes,
                           const QByteArray &clusterInfo)
{
    const Result<QList<ClusterNodeInfo>> nodes = parseClusterNodes(clusterNodes);
    const Result<ClusterInfo> info = parseClusterInfo(clusterInfo);
    if (!nodes || !info)
        qFatal("test data does not parse: %s",
               qPrintable(nodes ? info.error().message() : nodes.error().message()));
    NodeView view;
    view.address = address;
    view.reachable = true;
    view.nodes = *nodes;
    view.info = *info;
    return view;
}

// The topology of views joined with found.pods, its check report and the situation.
inline void concludeSurvey(ClusterSurvey &found, const QList<NodeView> &views)
{
    found.topology = ClusterTopology::fromViews(views, podsByIp(found.pods));
    found.report = checkCluster(found.topology);
    found.assessment = assessSituation(found.deployment, found.topology, found.report, QStringLiteral("ns"));
}

} // namespace rcs::test
