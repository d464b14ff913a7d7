#include "create_workflow.h"

#include "cluster_situation.h"
#include "kube_session.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"

#include "common/logger.h"

namespace rcs {

CreateWorkflow::CreateWorkflow(KubeSession *session, int replicasPerMaster, QObject *parent)
    : Workflow(session, parent)
    , m_replicasPerMaster(replicasPerMaster)
{
    setTitle(tr("Create the cluster"));
}

void CreateWorkflow::doStart()
{
    scanReadyPods(tr("no pods to form a cluster of."), NextStep::Deploy,
                  [this](const Deployment &ready, const QList<NodeAddress> &addresses,
                         const ClusterTopology &topology) {
                      if (!isClusterFormed(topology)) {
                          created(ready, addresses);
                          return;
                      }
                      // Formed already: every pod a member of one cluster means nothing to do.
                      const TopologyNode *outsider = nullptr;
                      for (const NodeAddress &address : addresses) {
                          const TopologyNode *node = topology.nodeAt(address);
                          const NodeView *view = nullptr;
                          for (const NodeView &candidate : topology.views()) {
                              if (candidate.address == address)
                                  view = &candidate;
                          }
                          int known = 0;
                          bool hasSlots = false;
                          if (view) {
                              for (const ClusterNodeInfo &info : view->nodes) {
                                  known += info.isHandshake() ? 0 : 1;
                                  hasSlots = hasSlots || !info.slotSet.isEmpty();
                              }
                          }
                          if (node && known <= 1 && !hasSlots) {
                              outsider = node;
                              break;
                          }
                      }
                      if (outsider) {
                          fail(ErrorCode::Refused,
                               tr("Some pods already belong to a cluster but %1 does not: "
                                  "this is not a fresh deployment. Add the pod to the cluster "
                                  "(add node), or clean up with its volumes and deploy again.")
                                   .arg(outsider->pod ? outsider->pod->name : outsider->address.toString()));
                          return;
                      }
                      m_topology = topology;
                      setChangedNothing(true);
                      addResult(withNextStep(tr("The cluster is already created (%1 masters over "
                                                "%2 pods); nothing was changed.")
                                                 .arg(topology.masters().size())
                                                 .arg(addresses.size()),
                                             NextStep::ShowStatus));
                      succeed();
                  });
}

void CreateWorkflow::created(const Deployment &deployment, const QList<NodeAddress> &addresses)
{
    QList<PlannedNodeInput> inputs;
    for (int i = 0; i < addresses.size(); ++i)
        inputs.append(PlannedNodeInput{addresses.at(i), deployment.pods.at(i).info.kubeNode});
    const QString planStep = tr("Planning masters and replicas");
    setStep(planStep);
    const Result<CreatePlan> plan = planCreate(inputs, m_replicasPerMaster);
    if (!plan) {
        failStep(planStep, plan.error());
        return;
    }
    m_plan = *plan;
    auto podAt = [&](const NodeAddress &address) {
        for (const PodState &pod : deployment.pods) {
            if (pod.info.ip == address.host)
                return pod.info.name;
        }
        return address.toString();
    };
    for (const CreatePlan::Master &master : m_plan.masters) {
        info(tr("master %1 (%2, node %3): slots %4")
                 .arg(podAt(master.address), master.address.toString(), master.hostGroup,
                      SlotSet::range(master.slotRange.first, master.slotRange.last).toString()));
    }
    for (const CreatePlan::Replica &replica : m_plan.replicas) {
        const CreatePlan::Master &master = m_plan.masters.at(replica.master);
        info(tr("replica %1 (%2, node %3) of %4 (node %5)")
                 .arg(podAt(replica.address), replica.address.toString(), replica.hostGroup,
                      podAt(master.address), master.hostGroup));
    }
    for (const QString &warning : std::as_const(m_plan.warnings))
        Logger::instance().warning(QStringLiteral("workflow"), tr("Replica placement: ") + warning);

    if (isDryRun()) {
        QStringList hosts;
        for (const NodeAddress &address : addresses)
            hosts << address.toString();
        logCommand(QStringLiteral("redis"), tr("Create the cluster"),
                   redisCliClusterLine(session()->pool(), addresses.value(0), QStringLiteral("create"),
                                       hosts + QStringList{QStringLiteral("--cluster-replicas"),
                                                           QString::number(m_replicasPerMaster)}));
        addResult(tr("Dry run: %1 masters and %2 replicas would be formed; nothing was changed.")
                      .arg(m_plan.masters.size())
                      .arg(m_plan.replicas.size()));
        setChangedNothing(true);
        succeed();
        return;
    }

    auto *job = new CreateClusterJob(inputs, m_replicasPerMaster, session()->pool());
    job->setConvergenceTimeout(stepTimeout());
    runStep(
        tr("Forming the cluster"), job,
        [this, deployment](Job *child) {
            m_topology = static_cast<CreateClusterJob *>(child)->topology();
            addResult(tr("Cluster created: %1 masters, %2 replicas over %3 pods; every node reports "
                         "cluster_state:ok.%4")
                          .arg(m_plan.masters.size())
                          .arg(m_plan.replicas.size())
                          .arg(deployment.pods.size())
                          .arg(m_plan.warnings.isEmpty()
                                   ? QString()
                                   : tr(" Warning: ") + m_plan.warnings.join(QLatin1Char(' '))));
            succeed();
        },
        stepTimeout() + 5000);
}

} // namespace rcs
