#include "backup_seed.h"

#include "cluster_key_client.h"
#include "job_helpers.h"
#include "redis/redis_pool.h"
#include "redis/slot_set.h"
#include "support/test_certificates.h"

#include <QElapsedTimer>
#include <QTest>

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

Result<void> startTlsTestNode(TlsTestNode &tls)
{
    const QString peer = QStringLiteral("node-0.redis-service.test.svc.cluster.local");
    const Result<TestCertificates> certs = TestCertificates::make(tls.certDir.path(), {peer});
    if (!certs)
        return certs.error();
    RedisTlsOptions client;
    client.enabled = true;
    client.caFile = certs->caCert;
    client.peerName = peer;
    client.clientCertificateFile = certs->clientCert;
    client.clientKeyFile = certs->clientKey;
    RedisTestNodeOptions options;
    options.password = QStringLiteral("tls-Passw0rd");
    options.tls =
        RedisTestTls{certs->serverCert, certs->serverKey, certs->caCert, QStringLiteral("optional"), client};
    if (Result<void> started = tls.node.start(1, options); !started)
        return started;
    tls.pool.setOptions({options.password, {}, 3000, 5000, client});
    QList<QByteArray> addSlots{"CLUSTER", "ADDSLOTS"};
    for (int slot = 0; slot < SlotSet::SlotCount; ++slot)
        addSlots.append(QByteArray::number(slot));
    if (Result<RedisReply> added = ask(tls.pool, tls.node.address(0), addSlots); !added)
        return added.error();
    // The node serves its slots once its cluster state is ok (CLUSTERDOWN until then).
    const bool ok = QTest::qWaitFor(
        [&] {
            const Result<RedisReply> info = ask(tls.pool, tls.node.address(0), {"CLUSTER", "INFO"});
            return info && info.value().bytes().contains("cluster_state:ok");
        },
        15000);
    if (!ok)
        return Error(ErrorCode::Timeout, QStringLiteral("The TLS node's cluster state stayed not ok."));
    const Result<RedisReply> id = ask(tls.pool, tls.node.address(0), {"CLUSTER", "MYID"});
    if (!id)
        return id.error();
    tls.id = QString::fromUtf8(id.value().bytes());
    return {};
}

} // namespace rcs::test
