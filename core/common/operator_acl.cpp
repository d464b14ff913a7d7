#include "operator_acl.h"

#include <QCryptographicHash>

namespace rcs::operator_acl {

const QList<Permission> &permissions()
{
    // Grouped by who sends them. A command is added here when a workflow starts sending it (the e2e
    // story as the operator fails with NOPERM otherwise, and ACL LOG names it).
    static const QList<Permission> list = {
        {QStringLiteral("ping"), QStringLiteral("connection checks, replication heartbeats")},
        {QStringLiteral("info"), QStringLiteral("every workflow (server, replication, persistence, stats)")},
        {QStringLiteral("role"), QStringLiteral("failover, upgrade")},
        {QStringLiteral("multi"), QStringLiteral("failover (an empty transaction to wake a replica)")},
        {QStringLiteral("exec"), QStringLiteral("failover")},
        {QStringLiteral("asking"), QStringLiteral("slot migration, the console following ASK")},
        {QStringLiteral("cluster|nodes"), QStringLiteral("every workflow")},
        {QStringLiteral("cluster|info"), QStringLiteral("every workflow")},
        {QStringLiteral("cluster|myid"), QStringLiteral("recover, create")},
        {QStringLiteral("cluster|shards"), QStringLiteral("status (7.0 and later)")},
        {QStringLiteral("cluster|slots"), QStringLiteral("the console, observation")},
        {QStringLiteral("cluster|meet"), QStringLiteral("create, recover, add-node")},
        {QStringLiteral("cluster|forget"), QStringLiteral("remove-node")},
        {QStringLiteral("cluster|reset"), QStringLiteral("remove-node, create on a used node")},
        {QStringLiteral("cluster|replicate"), QStringLiteral("create, add-node, remove-node, upgrade")},
        {QStringLiteral("cluster|failover"), QStringLiteral("failover, upgrade")},
        {QStringLiteral("cluster|addslots"), QStringLiteral("create, check --fix")},
        {QStringLiteral("cluster|addslotsrange"), QStringLiteral("create (7.0 and later)")},
        {QStringLiteral("cluster|set-config-epoch"), QStringLiteral("create")},
        {QStringLiteral("cluster|setslot"), QStringLiteral("rebalance, reshard, remove-node, check --fix")},
        {QStringLiteral("cluster|bumpepoch"),
         QStringLiteral("check --fix, rebalance (a master given back slots it lost in its own view)")},
        {QStringLiteral("cluster|countkeysinslot"), QStringLiteral("slot migration, check, observation")},
        {QStringLiteral("cluster|getkeysinslot"), QStringLiteral("slot migration")},
        {QStringLiteral("migrate"),
         QStringLiteral("slot migration (the keys move with AUTH2 as the operator)")},
        {QStringLiteral("select"),
         QStringLiteral("slot migration (MIGRATE selects the database on the target)")},
        {QStringLiteral("restore-asking"),
         QStringLiteral("slot migration (what MIGRATE runs on the target)")},
        {QStringLiteral("dump"), QStringLiteral("slot migration (comparing a key on both sides), backup")},
        {QStringLiteral("restore"), QStringLiteral("restore of a backup")},
        {QStringLiteral("flushall"), QStringLiteral("remove-node (the removed node's data)")},
        {QStringLiteral("config|get"), QStringLiteral("upgrade --set, node-timeout overrides, check")},
        {QStringLiteral("config|set"),
         QStringLiteral("upgrade --set, node-timeout overrides, rotate-password")},
        {QStringLiteral("acl|setuser"), QStringLiteral("rotate-password")},
        {QStringLiteral("acl|log"), QStringLiteral("check (refused commands)")},
        {QStringLiteral("dbsize"),
         QStringLiteral("create (empty nodes only), restore (empty target), observation")},
        {QStringLiteral("scan"), QStringLiteral("key scans (big, hot, per slot)")},
        {QStringLiteral("type"), QStringLiteral("key scans")},
        {QStringLiteral("pttl"), QStringLiteral("key scans, backup")},
        {QStringLiteral("memory|usage"), QStringLiteral("big-key scans")},
        {QStringLiteral("object|freq"), QStringLiteral("hot-key scans")},
        {QStringLiteral("slowlog"), QStringLiteral("merged slow logs")},
        {QStringLiteral("latency"), QStringLiteral("observation")},
        {QStringLiteral("sync"), QStringLiteral("replicas (as masteruser), backup")},
        {QStringLiteral("psync"), QStringLiteral("replicas (as masteruser), backup")},
        {QStringLiteral("replconf"), QStringLiteral("replicas (as masteruser), backup")},
    };
    return list;
}

QString rules()
{
    QString text = QStringLiteral("on ~* -@all");
    for (const Permission &permission : permissions())
        text += QStringLiteral(" +") + permission.command;
    return text;
}

QString passwordHash(const QString &password)
{
    return QLatin1Char('#') +
           QString::fromLatin1(
               QCryptographicHash::hash(password.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString includeFile(const QStringList &passwords)
{
    // `reset` first: the line is the whole truth about the user, whatever an older file said.
    QString line = QStringLiteral("user ") + QLatin1String(kUserName) + QStringLiteral(" reset");
    if (passwords.isEmpty())
        return line + QStringLiteral(" off\n");
    for (const QString &password : passwords)
        line += QLatin1Char(' ') + passwordHash(password);
    return line + QLatin1Char(' ') + rules() + QLatin1Char('\n');
}

} // namespace rcs::operator_acl
