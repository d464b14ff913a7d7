#include "redis_cli_check.h"

#include "job_helpers.h"
#include "redis/cluster_scan_job.h"
#include "redis/slot_set.h"
#include "support/program_run.h"

#include <QRegularExpression>

namespace rcs::test {

namespace {

// redis-cli colours its output even into a pipe.
QString withoutColours(const QString &text)
{
    static const QRegularExpression colour(QStringLiteral("\x1b\\[[0-9;]*m"));
    return QString(text).remove(colour);
}

// "slots:[0-5460],[5462] (5462 slots) master" → "0-5460,5462" in our text form.
QString slotsFrom(const QString &line)
{
    static const QRegularExpression field(QStringLiteral("slots:(\\S*)"));
    const QRegularExpressionMatch match = field.match(line);
    QString text = match.captured(1);
    text.remove(QLatin1Char('[')).remove(QLatin1Char(']'));
    const Result<SlotSet> parsed = SlotSet::parse(text);
    return parsed ? parsed->toString() : QStringLiteral("unreadable '%1'").arg(text);
}

QString ourFindings(const ClusterCheckReport &report)
{
    QStringList lines;
    for (const CheckFinding &finding : report.findings)
        lines.append(QStringLiteral("[%1] %2").arg(checkSeverityName(finding.severity), finding.text));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

const RedisCliCheckNode *RedisCliCheck::node(const QString &id) const
{
    for (const RedisCliCheckNode &candidate : nodes) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

Result<RedisCliCheck> runRedisCliCheck(const NodeAddress &seed, const QString &password)
{
    QStringList args;
    if (!password.isEmpty())
        args << QStringLiteral("-a") << password << QStringLiteral("--no-auth-warning");
    args << QStringLiteral("--cluster") << QStringLiteral("check") << seed.toString();
    const ProgramRun run = runRedisCli(args, 60000);
    if (!run.ran())
        return run.failure;
    RedisCliCheck check;
    check.exitCode = run.exitCode;
    check.output = withoutColours(run.all());
    // "M: <id> <ip:port>" or "S: …", then indented lines about that node.
    static const QRegularExpression header(QStringLiteral("^([MS]): ([0-9a-f]{40}) (\\S+)"));
    static const QRegularExpression replicates(QStringLiteral("^\\s+replicates ([0-9a-f]{40})"));
    for (const QString &line : check.output.split(QLatin1Char('\n'))) {
        const QRegularExpressionMatch start = header.match(line);
        if (start.hasMatch()) {
            check.nodes.append({start.captured(2), start.captured(3), start.captured(1) == QLatin1String("M"),
                                QString(), QString()});
            continue;
        }
        if (check.nodes.isEmpty())
            continue;
        if (line.trimmed().startsWith(QLatin1String("slots:")))
            check.nodes.last().slotRanges = slotsFrom(line);
        else if (const QRegularExpressionMatch master = replicates.match(line); master.hasMatch())
            check.nodes.last().masterId = master.captured(1);
    }
    return check;
}

QString nodeListDifference(const RedisCliCheck &theirs, const ClusterTopology &ours,
                           const QStringList &leftOut)
{
    QStringList differences;
    for (const TopologyNode &node : ours.nodes()) {
        if (leftOut.contains(node.id))
            continue;
        const RedisCliCheckNode *listed = theirs.node(node.id);
        if (!listed) {
            differences.append(
                QStringLiteral("redis-cli does not list %1 (%2).").arg(node.id, node.address.toString()));
            continue;
        }
        if (listed->address != node.address.toString())
            differences.append(QStringLiteral("%1 is at %2 for redis-cli, at %3 for us.")
                                   .arg(node.id, listed->address, node.address.toString()));
        if (listed->master != node.isMaster())
            differences.append(QStringLiteral("%1 is a %2 for redis-cli, a %3 for us.")
                                   .arg(node.id,
                                        listed->master ? QStringLiteral("master") : QStringLiteral("replica"),
                                        nodeRoleName(node.role)));
        if (listed->slotRanges != node.slotSet.toString())
            differences.append(QStringLiteral("%1 serves '%2' for redis-cli, '%3' for us.")
                                   .arg(node.id, listed->slotRanges, node.slotSet.toString()));
        if (!node.isMaster() && listed->masterId != node.masterId)
            differences.append(QStringLiteral("%1 replicates %2 for redis-cli, %3 for us.")
                                   .arg(node.id, listed->masterId, node.masterId));
    }
    for (const RedisCliCheckNode &listed : theirs.nodes) {
        if (!ours.node(listed.id) || leftOut.contains(listed.id))
            differences.append(
                QStringLiteral("redis-cli lists %1 (%2), we do not.").arg(listed.id, listed.address));
    }
    if (theirs.nodes.isEmpty())
        differences.append(QStringLiteral("redis-cli listed no node at all."));
    if (differences.isEmpty())
        return {};
    return differences.join(QLatin1Char('\n')) + QStringLiteral("\nredis-cli said:\n") + theirs.output;
}

QString disagreement(const RedisCliCheck &theirs, const ClusterCheckReport &ours,
                     const ClusterTopology &topology)
{
    if (theirs.healthy() != ours.isHealthy()) {
        return QStringLiteral("redis-cli calls the cluster %1 (exit code %2), our check calls it %3.\n"
                              "Ours:\n%4\nredis-cli said:\n%5")
            .arg(theirs.healthy() ? QStringLiteral("healthy") : QStringLiteral("unhealthy"))
            .arg(theirs.exitCode)
            .arg(ours.isHealthy() ? QStringLiteral("healthy") : QStringLiteral("unhealthy"),
                 ourFindings(ours), theirs.output);
    }
    return theirs.healthy() ? nodeListDifference(theirs, topology) : QString();
}

QString redisCliDisagreement(const NodeAddress &seed)
{
    auto *scan = new ClusterScanJob({seed});
    const Error error = runJob(scan, 30000);
    const ClusterTopology topology = scan->topology();
    delete scan;
    if (error.isError())
        return QStringLiteral("Our scan from %1 failed: %2").arg(seed.toString(), error.message());
    const Result<RedisCliCheck> theirs = runRedisCliCheck(seed);
    if (!theirs)
        return theirs.error().message();
    return disagreement(*theirs, checkCluster(topology), topology);
}

} // namespace rcs::test
