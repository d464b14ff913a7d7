#include "backup_seed.h"

#include "cluster_key_client.h"
#include "job_helpers.h"
#include "redis/redis_pool.h"
#include "redis/slot_set.h"

namespace rcs::test {

Result<void> seedEveryType(RedisPool &pool, const QList<backup::BackupSource> &masters)
{
    auto ownerOf = [&masters](const QByteArray &key) {
        for (const backup::BackupSource &source : masters) {
            if (source.slotSet.contains(keyHashSlot(key)))
                return source.address;
        }
        return NodeAddress();
    };
    Error failure;
    // argv on the master of key (default: the command's first argument).
    auto run = [&](const QList<QByteArray> &argv, const QByteArray &key = {}) {
        if (failure.isError())
            return;
        const Result<RedisReply> reply = ask(pool, ownerOf(key.isEmpty() ? argv.at(1) : key), argv);
        if (!reply || reply.value().isError())
            failure =
                Error(ErrorCode::RedisError, QString::fromLatin1(argv.first()) + QStringLiteral(": ") +
                                                 (reply ? reply.value().text() : reply.error().message()));
    };
    run({"SET", "str:int", "12345"});
    run({"SET", "str:neg", "-7"});
    run({"SET", "str:lzf", QByteArray(20000, 'a') + "tail"});
    run({"SET", QByteArray("bin\x00\xff\r\n", 7), QByteArray("v\x00\x01", 3)});
    run({"SET", "", "empty key"});
    run({"SET", "str:empty", ""});
    QByteArray large(3 * 1024 * 1024, '\0');
    for (qsizetype i = 0; i < large.size(); ++i)
        large[i] = char((i * 7919) >> 3);
    run({"SET", "str:large", large});
    run({"SET", "ttl:1", "expires", "PX", "3600000"});
    run({"SET", "ttl:2", "expires", "EX", "7200"});
    run({"RPUSH", "list:small", "a", "1", "b"});
    QList<QByteArray> bigList{"RPUSH", "list:big"};
    for (int i = 0; i < 600; ++i)
        bigList.append("item-" + QByteArray::number(i) + QByteArray(i % 70, 'x'));
    run(bigList);
    run({"SADD", "set:int", "1", "2", "300000", "-5"});
    run({"SADD", "set:str", "x", "y", QByteArray("\x00z", 2)});
    QList<QByteArray> bigSet{"SADD", "set:big"};
    for (int i = 0; i < 700; ++i)
        bigSet.append("m" + QByteArray::number(i));
    run(bigSet);
    run({"HSET", "hash:small", "f1", "v1", "f2", "2"});
    QList<QByteArray> bigHash{"HSET", "hash:big"};
    for (int i = 0; i < 300; ++i)
        bigHash << "field" + QByteArray::number(i) << QByteArray(100, char('a' + i % 26));
    run(bigHash);
    run({"ZADD", "zset:small", "1", "a", "2.5", "b", "-0.1", "c", "inf", "top"});
    QList<QByteArray> bigZset{"ZADD", "zset:big"};
    for (int i = 0; i < 300; ++i)
        bigZset << QByteArray::number(i * 1.25) << "member" + QByteArray::number(i);
    run(bigZset);
    run({"EXPIRE", "hash:small", "5000"});
    run({"XADD", "stream:s", "1-1", "f", "v"});
    run({"XADD", "stream:s", "2-0", "a", "1", "b", "2"});
    run({"XADD", "stream:s", "3-5", "c", "3"});
    run({"XGROUP", "CREATE", "stream:s", "g1", "0"}, "stream:s");
    run({"XREADGROUP", "GROUP", "g1", "alice", "COUNT", "2", "STREAMS", "stream:s", ">"}, "stream:s");
    run({"XGROUP", "CREATE", "stream:s", "g2", "$"}, "stream:s");
    run({"XDEL", "stream:s", "2-0"});
    if (failure.isError())
        return failure;
    QList<NodeAddress> seeds;
    for (const backup::BackupSource &source : masters)
        seeds.append(source.address);
    ClusterKeyClient client(&pool, seeds);
    if (Result<void> refreshed = client.refreshBlocking(); !refreshed)
        return refreshed;
    return client.writeBlocking("bulk", 3000);
}

QList<QByteArray> seededTtlKeys()
{
    return {"ttl:1", "ttl:2", "hash:small"};
}

} // namespace rcs::test
