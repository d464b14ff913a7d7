// What the nodes of a new cluster run with while it forms, and putting it back: CreateClusterJob's
// forming settings (create_cluster_job.h).
#include "create_cluster_job.h"

#include "cluster_pacing.h"
#include "common/logger.h"

namespace rcs {

void CreateClusterJob::addFormingSettings(int index,
                                          const std::function<void(QList<QByteArray>, QString)> &send)
{
    Member &member = m_members[index];
    const int formingTimeoutMs = pacedNodeTimeoutMs(FormingNodeTimeoutMs, int(m_members.size()));
    if (member.nodeTimeoutMs > formingTimeoutMs) {
        member.nodeTimeoutShortened = true;
        send({"CONFIG", "SET", "cluster-node-timeout", QByteArray::number(formingTimeoutMs)},
             tr("Shortening cluster-node-timeout on %1 from %2 to %3 ms while the cluster forms (a new "
                "master waits that long before it reports ok)")
                 .arg(member.address.toString())
                 .arg(member.nodeTimeoutMs)
                 .arg(formingTimeoutMs));
    }
    // With the short timeout, a master too busy to answer for a moment (hundreds of handshakes on a
    // loaded machine) is taken for failed, and a replica that was just attached takes its place: the
    // master then follows it, and the replicas still to attach are refused ("I can only replicate a
    // master"). Seen at 250 nodes on 2 cores. No failover until the cluster is formed.
    if (!member.master && member.noFailover == "no") {
        member.noFailoverSet = true;
        send({"CONFIG", "SET", "cluster-replica-no-failover", "yes"},
             tr("Keeping %1 from failing over while the cluster forms").arg(member.address.toString()));
    }
}

void CreateClusterJob::restoreFormingSettings(std::function<void()> done)
{
    QList<QPair<int, QList<QByteArray>>> restores;
    for (int i = 0; i < m_members.size(); ++i) {
        Member &member = m_members[i];
        if (std::exchange(member.nodeTimeoutShortened, false))
            restores.append(
                {i, {"CONFIG", "SET", "cluster-node-timeout", QByteArray::number(member.nodeTimeoutMs)}});
        if (std::exchange(member.noFailoverSet, false))
            restores.append({i, {"CONFIG", "SET", "cluster-replica-no-failover", member.noFailover}});
    }
    if (restores.isEmpty()) {
        done();
        return;
    }
    auto remaining = std::make_shared<qsizetype>(restores.size());
    for (const auto &[index, argv] : std::as_const(restores)) {
        const Member &member = m_members.at(index);
        change(member, argv,
               tr("Restoring %1 on %2 to %3")
                   .arg(QString::fromLatin1(argv.at(2)), member.address.toString(),
                        QString::fromLatin1(argv.at(3))),
               [remaining, done](Result<RedisReply> reply) {
                   // Bounded by the command timeout; a node that does not take it back is worth a
                   // warning, not a failed create.
                   if (!reply)
                       Logger::instance().warning(QStringLiteral("redis"), reply.error().message());
                   if (--*remaining == 0)
                       done();
               });
    }
}

} // namespace rcs
