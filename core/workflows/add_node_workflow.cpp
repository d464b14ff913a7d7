#include "add_node_workflow.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube_session.h"
#include "redis/replica_placement.h"

namespace rcs {

AddNodeWorkflow::AddNodeWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(QStringLiteral("Add a node"));
}

void AddNodeWorkflow::doStart()
{
    requireHealthy(QStringLiteral("Adding a node"), [this](const ClusterSurvey &found) {
        const int count = found.deployment.replicas;
        m_podName = QStringLiteral("%1-%2").arg(session()->target().statefulSet).arg(count);
        info(QStringLiteral("The new pod will be %1 (the StatefulSet grows from %2 to %3 pods).")
                 .arg(m_podName)
                 .arg(count)
                 .arg(count + 1));
        if (isDryRun()) {
            logDryRun(found);
            return;
        }
        runStep(
            QStringLiteral("Scaling StatefulSet %1 to %2 pods")
                .arg(session()->target().statefulSet)
                .arg(count + 1),
            session()->client()->scale(session()->statefulSetRef(), count + 1), [this, found, count](Job *) {
                info(QStringLiteral("Should %1 not start, undo with: %2 scale statefulset %3 --replicas=%4")
                         .arg(m_podName, session()->kubectl(), session()->target().statefulSet)
                         .arg(count));
                waitForPods(count + 1, QStringLiteral("Waiting for the new pod %1").arg(m_podName),
                            [this, found](const Deployment &ready) {
                                reach(ready.pods, [this, found, ready](const QList<NodeAddress> &all) {
                                    join(found, ready, all);
                                });
                            });
            });
    });
}

void AddNodeWorkflow::logDryRun(const ClusterSurvey &found)
{
    const int count = found.deployment.replicas;
    logCommand(QStringLiteral("kube"), QStringLiteral("Add pod %1").arg(m_podName),
               QStringLiteral("%1 scale statefulset %2 --replicas=%3")
                   .arg(session()->kubectl(), session()->target().statefulSet)
                   .arg(count + 1));
    // The new pod's IP is known only once it runs; the line reads it the way a person would.
    const QString newAddress = QStringLiteral("$(%1 get pod %2 -o jsonpath='{.status.podIP}'):6379")
                                   .arg(session()->kubectl(), m_podName);
    const QString seed = found.addresses.value(0).toString();
    const bool master = m_role == Role::Master;
    logCommand(QStringLiteral("redis"), QStringLiteral("Join %1 to the cluster").arg(m_podName),
               QStringLiteral("redis-cli --cluster add-node %1 %2%3")
                   .arg(newAddress, seed, master ? QString() : QStringLiteral(" --cluster-slave")));
    if (master) {
        logCommand(QStringLiteral("redis"), QStringLiteral("Move slots onto %1").arg(m_podName),
                   QStringLiteral("redis-cli --cluster rebalance %1 --cluster-use-empty-masters").arg(seed));
    }
    addResult(QStringLiteral("Dry run: %1 would be added as a %2%3; nothing was changed.")
                  .arg(m_podName, master ? QStringLiteral("master") : QStringLiteral("replica"),
                       master ? QStringLiteral(" and the slots rebalanced over %1 masters")
                                    .arg(found.topology.masters().size() + 1)
                              : QStringLiteral(" of the master with the fewest replicas on another "
                                               "Kubernetes node")));
    setChangedNothing(true);
    succeed();
}

void AddNodeWorkflow::join(const ClusterSurvey &before, const Deployment &ready,
                           const QList<NodeAddress> &addresses)
{
    const PodState &pod = ready.pods.last();
    const NodeAddress newAddress = addresses.last();
    const QList<NodeAddress> members = addresses.mid(0, addresses.size() - 1);
    auto *job = new AddNodeJob(members, newAddress, m_role, session()->pool());
    job->setHostGroup(pod.info.kubeNode);
    if (m_role == Role::Replica) {
        // The job's own scan knows no Kubernetes nodes; the survey's topology does.
        const QString step = QStringLiteral("Choosing the master of %1").arg(m_podName);
        setStep(step);
        const Result<QString> master = chooseMasterForReplica(before.topology, pod.info.kubeNode);
        if (!master) {
            job->deleteLater();
            failStep(step, master.error());
            return;
        }
        m_masterPod = before.podName(*master);
        if (before.topology.hostGroup(*master) == pod.info.kubeNode) {
            Logger::instance().warning(
                QStringLiteral("workflow"),
                QStringLiteral("Replica placement: %1 runs on Kubernetes node %2 like every master with "
                               "slots, so it follows %3 on the same node; losing that node loses both.")
                    .arg(m_podName, pod.info.kubeNode, m_masterPod));
        }
        info(QStringLiteral("%1 (node %2) will follow %3 (node %4).")
                 .arg(m_podName, pod.info.kubeNode, m_masterPod, before.topology.hostGroup(*master)));
        job->setMasterId(*master);
    }
    const QString step =
        m_role == Role::Master
            ? QStringLiteral("Joining %1 as a master and rebalancing the slots").arg(m_podName)
            : QStringLiteral("Joining %1 as a replica of %2").arg(m_podName, m_masterPod);
    runStep(step, job, [this, ready, addresses](Job *child) {
        auto *added = static_cast<AddNodeJob *>(child);
        m_nodeId = added->newNodeId();
        m_slotsMoved = added->slotsMoved();
        verify(ready, addresses);
    });
}

void AddNodeWorkflow::verify(const Deployment &ready, const QList<NodeAddress> &addresses)
{
    scan(addresses, ready.pods, [this](const ClusterTopology &topology) {
        m_topology = topology;
        const TopologyNode *node = topology.node(m_nodeId);
        if (!node) {
            fail(ErrorCode::Unhealthy,
                 QStringLiteral("Verifying: %1 joined, but a fresh scan does not list it.").arg(m_podName));
            return;
        }
        if (m_role == Role::Master) {
            addResult(QStringLiteral("%1 (%2, node %3) joined as a master and holds %4 slots; %5 masters "
                                     "share the 16384 slots.")
                          .arg(m_podName, node->address.toString(), node->hostGroup)
                          .arg(node->slotSet.count())
                          .arg(topology.masters().size()));
        } else {
            addResult(QStringLiteral("%1 (%2, node %3) joined as a replica of %4 (node %5).")
                          .arg(m_podName, node->address.toString(), node->hostGroup, m_masterPod,
                               topology.hostGroup(node->masterId)));
        }
        succeed();
    });
}

} // namespace rcs
