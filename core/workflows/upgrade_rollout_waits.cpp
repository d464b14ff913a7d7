// UpgradeRollout's waits between steps: a restarted replica in sync with its master, every node agreeing
// on the cluster the steps so far should have made. Apart from upgrade_rollout.cpp, which orders the steps.
#include "upgrade_rollout.h"

#include "kube_session.h"
#include "redis/cluster_info_parser.h"
#include "redis/lifecycle_support.h"
#include "redis/node_views.h"
#include "redis/redis_pool.h"

#include <QTimer>

namespace rcs {

namespace {
constexpr int kPollMs = 100;

qint64 infoNumber(const QMap<QString, QString> &fields, const char *name)
{
    bool ok = false;
    const qint64 value = fields.value(QLatin1String(name)).toLongLong(&ok);
    return ok ? value : -1;
}
} // namespace

void UpgradeRollout::ask(const NodeAddress &address, const QList<QByteArray> &argv, const QString &step,
                         std::function<void(const RedisReply &)> next)
{
    session()->pool()->command(address, argv, this, [this, step, next](Result<RedisReply> reply) {
        if (ended())
            return;
        if (!reply) {
            failStep(step, reply.error());
            return;
        }
        next(*reply);
    });
}

void UpgradeRollout::waitInSync(const QString &pod, std::function<void()> next)
{
    const QString step = tr("Waiting until %1 is in sync with its master").arg(pod);
    setStep(step);
    const ExpectedNode *replica = nullptr;
    for (const ExpectedNode &node : std::as_const(m_expected)) {
        if (m_podOfNode.value(node.id) == pod)
            replica = &node;
    }
    if (!replica || replica->master || !m_expected.contains(replica->masterId)) {
        fail(ErrorCode::Internal, tr("%1: %2 is not a replica of a known master.").arg(step, pod));
        return;
    }
    const NodeAddress master = m_expected.value(replica->masterId).address;
    // The master's offset now is what the replica must reach: writes after it may still be in flight.
    ask(master, {"INFO", "replication"}, step, [this, pod, next](const RedisReply &reply) {
        const qint64 target = infoNumber(parseInfoFields(reply.bytes()), "master_repl_offset");
        pollSync(pod, target, QDeadlineTimer(stepTimeout()), next);
    });
}

void UpgradeRollout::pollSync(const QString &pod, qint64 target, QDeadlineTimer deadline,
                              std::function<void()> next)
{
    session()->pool()->command(
        addressOf(pod), {"INFO", "replication"}, this,
        [this, pod, target, deadline, next](Result<RedisReply> reply) {
            if (ended())
                return;
            QString state = reply ? QString() : reply.error().message();
            if (reply) {
                const QMap<QString, QString> fields = parseInfoFields(reply->bytes());
                const qint64 offset = infoNumber(fields, "slave_repl_offset");
                if (fields.value(QStringLiteral("master_link_status")) != QLatin1String("up"))
                    state = tr("its link to the master is %1")
                                .arg(fields.value(QStringLiteral("master_link_status")));
                else if (fields.value(QStringLiteral("master_sync_in_progress")) == QLatin1String("1"))
                    state = tr("the full sync is still in progress");
                else if (offset < target)
                    state = tr("it has processed offset %1 of %2").arg(offset).arg(target);
            }
            if (state.isEmpty()) {
                next();
                return;
            }
            if (deadline.hasExpired()) {
                fail(ErrorCode::Timeout,
                     tr("%1 did not catch up with its master within %2 s: %3. The upgrade "
                        "stopped here; run the command again once it has.")
                         .arg(pod)
                         .arg(stepTimeout() / 1000)
                         .arg(state));
                return;
            }
            QTimer::singleShot(kPollMs, this, [this, pod, target, deadline, next] {
                pollSync(pod, target, deadline, next);
            });
        });
}

void UpgradeRollout::waitConverged(const QString &step, std::function<void()> next)
{
    setStep(step);
    pollConverged(step, QDeadlineTimer(stepTimeout()), std::move(next));
}

void UpgradeRollout::pollConverged(const QString &step, QDeadlineTimer deadline, std::function<void()> next)
{
    fetchViews(session()->pool(), addresses(), NodeViewParts::Cluster, this,
               [this, step, deadline, next](QList<NodeView> views) {
                   if (ended())
                       return;
                   const QStringList gaps = convergenceGaps(m_expected.values(), views);
                   if (gaps.isEmpty()) {
                       next();
                       return;
                   }
                   if (deadline.hasExpired()) {
                       fail(ErrorCode::Timeout, tr("%1: the cluster did not settle within %2 s: %3.")
                                                    .arg(step)
                                                    .arg(stepTimeout() / 1000)
                                                    .arg(gaps.mid(0, 3).join(QLatin1String("; "))));
                       return;
                   }
                   QTimer::singleShot(kPollMs, this,
                                      [this, step, deadline, next] { pollConverged(step, deadline, next); });
               });
}

} // namespace rcs
