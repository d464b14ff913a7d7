#include "add_node_workflow.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube_session.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/lifecycle_support.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"
#include "redis/replica_placement.h"

#include <QTimer>

namespace rcs {

AddNodeWorkflow::AddNodeWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Add a node"));
}

void AddNodeWorkflow::doStart()
{
    survey([this](const ClusterSurvey &all) {
        // Blank pods on top are what an add-node stopped after scaling leaves: the cluster is judged
        // without them, and the first of them joins instead of yet another pod.
        const QList<PodState> blank = all.blankTopPods();
        const ClusterSurvey found = all.withoutBlankTopPods();
        if (refuseUnlessHealthy(tr("Adding a node"), found))
            return;
        const int count = found.deployment.replicas;
        m_podName = QStringLiteral("%1-%2").arg(session()->target().statefulSet).arg(count);
        if (!blank.isEmpty()) {
            info(tr("%1 already runs as a blank node (an earlier add-node stopped after scaling?): it "
                    "joins; the StatefulSet is not scaled.")
                     .arg(m_podName));
            for (const PodState &other : blank.mid(1))
                addResult(tr("%1 is blank too: run add-node again to join it, or remove-node to drop it.")
                              .arg(other.info.name));
            if (isDryRun()) {
                logDryRun(found, false);
                return;
            }
            join(found, found.pods + QList<PodState>{blank.first()},
                 found.addresses + QList<NodeAddress>{all.addresses.at(found.addresses.size())}, true);
            return;
        }
        info(tr("The new pod will be %1 (the StatefulSet grows from %2 to %3 pods).")
                 .arg(m_podName)
                 .arg(count)
                 .arg(count + 1));
        if (isDryRun()) {
            logDryRun(found, true);
            return;
        }
        runStep(
            tr("Scaling StatefulSet %1 to %2 pods").arg(session()->target().statefulSet).arg(count + 1),
            session()->client()->scale(session()->statefulSetRef(), count + 1), [this, found, count](Job *) {
                info(tr("Should %1 not start, undo with: %2 scale statefulset %3 --replicas=%4")
                         .arg(m_podName, session()->kubectl(), session()->target().statefulSet)
                         .arg(count));
                waitForPods(count + 1, tr("Waiting for the new pod %1").arg(m_podName),
                            [this, found](const Deployment &ready) {
                                reach(ready.pods, [this, found, ready](const QList<NodeAddress> &addresses) {
                                    join(found, ready.pods, addresses);
                                });
                            });
            });
    });
}

void AddNodeWorkflow::logDryRun(const ClusterSurvey &found, bool scale)
{
    const int count = found.deployment.replicas;
    if (scale) {
        logCommand(QStringLiteral("kube"), tr("Add pod %1").arg(m_podName),
                   QStringLiteral("%1 scale statefulset %2 --replicas=%3")
                       .arg(session()->kubectl(), session()->target().statefulSet)
                       .arg(count + 1));
    }
    // The new pod's IP is known only once it runs; the line reads it the way a person would.
    const QString newAddress = QStringLiteral("$(%1 get pod %2 -o jsonpath='{.status.podIP}'):6379")
                                   .arg(session()->kubectl(), m_podName);
    const NodeAddress seed = found.addresses.value(0);
    const bool master = m_role == Role::Master;
    QStringList join{newAddress, seed.toString()};
    if (!master)
        join << QStringLiteral("--cluster-slave");
    logCommand(QStringLiteral("redis"), tr("Join %1 to the cluster").arg(m_podName),
               redisCliClusterLine(session()->pool(), seed, QStringLiteral("add-node"), join));
    if (master) {
        logCommand(QStringLiteral("redis"), tr("Move slots onto %1").arg(m_podName),
                   redisCliClusterLine(session()->pool(), seed, QStringLiteral("rebalance"),
                                       {seed.toString(), QStringLiteral("--cluster-use-empty-masters")}));
    }
    addResult(tr("Dry run: %1 would be added as a %2%3; nothing was changed.")
                  .arg(m_podName, master ? QStringLiteral("master") : QStringLiteral("replica"),
                       master ? tr(" and the slots rebalanced over %1 masters")
                                    .arg(found.topology.masters().size() + 1)
                              : tr(" of the master with the fewest replicas on another "
                                   "Kubernetes node")));
    setChangedNothing(true);
    succeed();
}

void AddNodeWorkflow::join(const ClusterSurvey &before, const QList<PodState> &pods,
                           const QList<NodeAddress> &addresses, bool newIdentity)
{
    const NodeAddress address = addresses.last();
    if (newIdentity) {
        // A leftover blank node (alone, no slot, unknown to every member) may still carry the id of the
        // node that was removed from this pod, if an older studio reset it SOFT: Valkey 8 members spread
        // every forgotten id for 60 s and would join and drop it again. A new id costs nothing here.
        sendToNewNode(address, {"CLUSTER", "RESET", "HARD"}, tr("Giving %1 a new node id").arg(m_podName),
                      tr("Give %1 a new node id (it is blank)").arg(m_podName),
                      [this, before, pods, addresses] { join(before, pods, addresses, false); });
        return;
    }
    // A pod that gets back the volume of a pod removed earlier (its PVC was kept) starts as a blank
    // node that still calls itself by that pod's old IP; a node learns its own address only from an
    // incoming MEET, and one that it sends itself leaves it blank. Members would otherwise record the
    // old IP for it. Harmless on a fresh node.
    sendToNewNode(address, {"CLUSTER", "MEET", address.host.toUtf8(), QByteArray::number(address.port)},
                  tr("Letting %1 learn its own address").arg(m_podName),
                  tr("Let %1 learn its own address").arg(m_podName), [this, before, pods, addresses] {
                      waitUntilAlone(
                          QDeadlineTimer(kOwnAddressTimeoutMs),
                          [this, before, pods, addresses] { joinCluster(before, pods, addresses); },
                          addresses.last());
                  });
}

void AddNodeWorkflow::sendToNewNode(const NodeAddress &address, const QList<QByteArray> &argv,
                                    const QString &step, const QString &what, std::function<void()> next)
{
    setStep(step);
    sendLogged(session()->pool(), address, argv, what, this, [this, step, next](Result<RedisReply> reply) {
        if (ended())
            return;
        if (!reply) {
            failStep(step, reply.error());
            return;
        }
        next();
    });
}

void AddNodeWorkflow::waitUntilAlone(QDeadlineTimer deadline, std::function<void()> next,
                                     const NodeAddress &address)
{
    // Until the handshake with itself is over, the node lists a second (handshake) entry and would not
    // count as blank.
    session()->pool()->command(
        address, {"CLUSTER", "NODES"}, this, [this, deadline, next, address](Result<RedisReply> reply) {
            if (ended())
                return;
            const Result<QList<ClusterNodeInfo>> nodes =
                reply ? parseClusterNodes(reply->bytes()) : Result<QList<ClusterNodeInfo>>(reply.error());
            if (nodes && nodes->size() == 1 && nodes->first().address.host == address.host) {
                next();
                return;
            }
            if (deadline.hasExpired()) {
                if (nodes && nodes->size() == 1) {
                    // With cluster-announce-ip, say, no MEET changes the name; the join reports real
                    // problems.
                    Logger::instance().warning(
                        QStringLiteral("workflow"),
                        tr("%1 still calls itself %2, not %3.")
                            .arg(m_podName, nodes->first().address.toString(), address.toString()));
                    next();
                    return;
                }
                fail(ErrorCode::Timeout, tr("%1 did not finish the handshake with itself within %2 s; "
                                            "check the pod's log.")
                                             .arg(m_podName)
                                             .arg(kOwnAddressTimeoutMs / 1000));
                return;
            }
            QTimer::singleShot(100, this,
                               [this, deadline, next, address] { waitUntilAlone(deadline, next, address); });
        });
}

void AddNodeWorkflow::joinCluster(const ClusterSurvey &before, const QList<PodState> &pods,
                                  const QList<NodeAddress> &addresses)
{
    const PodState &pod = pods.last();
    const NodeAddress newAddress = addresses.last();
    const QList<NodeAddress> members = addresses.mid(0, addresses.size() - 1);
    auto *job = new AddNodeJob(members, newAddress, m_role, session()->pool());
    job->setHostGroup(pod.info.kubeNode);
    if (m_role == Role::Replica) {
        // The job's own scan knows no Kubernetes nodes; the survey's topology does.
        const QString step = tr("Choosing the master of %1").arg(m_podName);
        setStep(step);
        const Result<QString> master = m_requestedMaster.isEmpty()
                                           ? chooseMasterForReplica(before.topology, pod.info.kubeNode)
                                           : Result<QString>(m_requestedMaster);
        if (!master) {
            job->deleteLater();
            failStep(step, master.error());
            return;
        }
        m_masterPod = before.podName(*master);
        if (before.topology.hostGroup(*master) == pod.info.kubeNode) {
            Logger::instance().warning(
                QStringLiteral("workflow"),
                tr("Replica placement: %1 runs on Kubernetes node %2 like every master with "
                   "slots, so it follows %3 on the same node; losing that node loses both.")
                    .arg(m_podName, pod.info.kubeNode, m_masterPod));
        }
        info(tr("%1 (node %2) will follow %3 (node %4).")
                 .arg(m_podName, pod.info.kubeNode, m_masterPod, before.topology.hostGroup(*master)));
        job->setMasterId(*master);
    }
    const QString step = m_role == Role::Master
                             ? tr("Joining %1 as a master and rebalancing the slots").arg(m_podName)
                             : tr("Joining %1 as a replica of %2").arg(m_podName, m_masterPod);
    runStep(step, job, [this, pods, addresses](Job *child) {
        auto *added = static_cast<AddNodeJob *>(child);
        m_nodeId = added->newNodeId();
        m_slotsMoved = added->slotsMoved();
        verify(pods, addresses);
    });
}

void AddNodeWorkflow::verify(const QList<PodState> &pods, const QList<NodeAddress> &addresses)
{
    scan(addresses, pods, [this](const ClusterTopology &topology) {
        m_topology = topology;
        const TopologyNode *node = topology.node(m_nodeId);
        if (!node) {
            fail(ErrorCode::Unhealthy,
                 tr("Verifying: %1 joined, but a fresh scan does not list it.").arg(m_podName));
            return;
        }
        if (m_role == Role::Master) {
            addResult(tr("%1 (%2, node %3) joined as a master and holds %4 slots; %5 masters "
                         "share the 16384 slots.")
                          .arg(m_podName, node->address.toString(), node->hostGroup)
                          .arg(node->slotSet.count())
                          .arg(topology.masters().size()));
        } else {
            addResult(tr("%1 (%2, node %3) joined as a replica of %4 (node %5).")
                          .arg(m_podName, node->address.toString(), node->hostGroup, m_masterPod,
                               topology.hostGroup(node->masterId)));
        }
        succeed();
    });
}

} // namespace rcs
