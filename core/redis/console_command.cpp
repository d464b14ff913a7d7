#include "console_command.h"

#include <QCoreApplication>
#include <QSet>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ConsoleCommand)
};

bool is(const QByteArray &argument, const char *name)
{
    return argument.compare(name, Qt::CaseInsensitive) == 0;
}

// Commands whose first argument is their first key (the common data commands of every type).
const QSet<QByteArray> &keyFirstCommands()
{
    static const QSet<QByteArray> names = [] {
        const char *list[] = {"APPEND",
                              "BITCOUNT",
                              "BITFIELD",
                              "BITPOS",
                              "COPY",
                              "DECR",
                              "DECRBY",
                              "DEL",
                              "DUMP",
                              "EXISTS",
                              "EXPIRE",
                              "EXPIREAT",
                              "EXPIRETIME",
                              "GEOADD",
                              "GEODIST",
                              "GEOHASH",
                              "GEOPOS",
                              "GEOSEARCH",
                              "GET",
                              "GETBIT",
                              "GETDEL",
                              "GETEX",
                              "GETRANGE",
                              "GETSET",
                              "HDEL",
                              "HEXISTS",
                              "HGET",
                              "HGETALL",
                              "HINCRBY",
                              "HINCRBYFLOAT",
                              "HKEYS",
                              "HLEN",
                              "HMGET",
                              "HMSET",
                              "HRANDFIELD",
                              "HSCAN",
                              "HSET",
                              "HSETNX",
                              "HSTRLEN",
                              "HVALS",
                              "INCR",
                              "INCRBY",
                              "INCRBYFLOAT",
                              "LINDEX",
                              "LINSERT",
                              "LLEN",
                              "LMOVE",
                              "LPOP",
                              "LPOS",
                              "LPUSH",
                              "LPUSHX",
                              "LRANGE",
                              "LREM",
                              "LSET",
                              "LTRIM",
                              "MGET",
                              "MSET",
                              "MSETNX",
                              "PERSIST",
                              "PEXPIRE",
                              "PEXPIREAT",
                              "PEXPIRETIME",
                              "PFADD",
                              "PFCOUNT",
                              "PFMERGE",
                              "PSETEX",
                              "PTTL",
                              "RENAME",
                              "RENAMENX",
                              "RESTORE",
                              "RPOP",
                              "RPOPLPUSH",
                              "RPUSH",
                              "RPUSHX",
                              "SADD",
                              "SCARD",
                              "SDIFF",
                              "SDIFFSTORE",
                              "SET",
                              "SETBIT",
                              "SETEX",
                              "SETNX",
                              "SETRANGE",
                              "SINTER",
                              "SINTERSTORE",
                              "SISMEMBER",
                              "SMEMBERS",
                              "SMISMEMBER",
                              "SMOVE",
                              "SORT",
                              "SPOP",
                              "SRANDMEMBER",
                              "SREM",
                              "SSCAN",
                              "STRLEN",
                              "SUNION",
                              "SUNIONSTORE",
                              "TOUCH",
                              "TTL",
                              "TYPE",
                              "UNLINK",
                              "WATCH",
                              "XACK",
                              "XADD",
                              "XAUTOCLAIM",
                              "XCLAIM",
                              "XDEL",
                              "XLEN",
                              "XPENDING",
                              "XRANGE",
                              "XREVRANGE",
                              "XTRIM",
                              "ZADD",
                              "ZCARD",
                              "ZCOUNT",
                              "ZINCRBY",
                              "ZLEXCOUNT",
                              "ZMSCORE",
                              "ZPOPMAX",
                              "ZPOPMIN",
                              "ZRANDMEMBER",
                              "ZRANGE",
                              "ZRANGEBYLEX",
                              "ZRANGEBYSCORE",
                              "ZRANK",
                              "ZREM",
                              "ZREMRANGEBYLEX",
                              "ZREMRANGEBYRANK",
                              "ZREMRANGEBYSCORE",
                              "ZREVRANGE",
                              "ZREVRANGEBYLEX",
                              "ZREVRANGEBYSCORE",
                              "ZREVRANK",
                              "ZSCAN",
                              "ZSCORE",
                              "BLPOP",
                              "BRPOP",
                              "BZPOPMIN",
                              "BZPOPMAX"};
        QSet<QByteArray> set;
        for (const char *name : list)
            set.insert(QByteArray(name));
        return set;
    }();
    return names;
}
} // namespace

QString destructiveEffect(const QList<QByteArray> &argv, bool clusterMode)
{
    if (argv.isEmpty())
        return {};
    const QByteArray &name = argv.first();
    const QString where = clusterMode ? Text::tr(" (in cluster mode: the master that answers, and its "
                                                 "replicas follow it)")
                                      : QString();
    if (is(name, "FLUSHALL"))
        return Text::tr("FLUSHALL deletes every key of the node it runs on%1.").arg(where);
    if (is(name, "FLUSHDB"))
        return Text::tr("FLUSHDB deletes every key of the node's database%1.").arg(where);
    if (is(name, "CLUSTER") && argv.size() > 1 && is(argv.at(1), "RESET"))
        return Text::tr("CLUSTER RESET makes the node forget every peer and its slots (HARD also gives it a "
                        "new id): it leaves the cluster, and a master's keys must be gone for it to run.");
    if (is(name, "SHUTDOWN"))
        return Text::tr("SHUTDOWN stops the node's server (on Kubernetes the pod restarts it); its "
                        "clients are cut off and a master without a replica leaves its slots unserved.");
    if (is(name, "DEBUG"))
        return Text::tr("DEBUG can crash, freeze or reload the node (SEGFAULT, SLEEP, RELOAD …): it is "
                        "meant for developers, not for a cluster in use.");
    if (is(name, "KEYS"))
        return Text::tr("KEYS blocks the server while it walks every key of the node; on a large node "
                        "clients time out (SCAN walks them in steps instead).");
    return {};
}

int firstKeyIndex(const QList<QByteArray> &argv)
{
    if (argv.isEmpty())
        return -1;
    const QByteArray name = argv.first().toUpper();
    if (keyFirstCommands().contains(name))
        return argv.size() > 1 ? 1 : -1;
    if (name == "EVAL" || name == "EVALSHA" || name == "EVAL_RO" || name == "EVALSHA_RO" || name == "FCALL" ||
        name == "FCALL_RO") {
        bool ok = false;
        const int keys = argv.size() > 2 ? argv.at(2).toInt(&ok) : 0;
        return ok && keys > 0 && argv.size() > 3 ? 3 : -1;
    }
    if ((name == "OBJECT" || name == "MEMORY") && argv.size() > 2)
        return is(argv.at(1), "HELP") || is(argv.at(1), "STATS") || is(argv.at(1), "DOCTOR") ? -1 : 2;
    if (name == "XREAD" || name == "XREADGROUP") {
        for (qsizetype i = 1; i + 1 < argv.size(); ++i) {
            if (is(argv.at(i), "STREAMS"))
                return static_cast<int>(i + 1);
        }
    }
    return -1;
}

} // namespace rcs
