// Valkey 8.0 refuses to start from a nodes.conf in which a replica's shard id differs from its
// primary's, and a node's view holds exactly that for a moment after a replica is attached: a cluster
// counts as formed only once every view places each replica in its master's shard (CLUSTER SHARDS).
#include "redis/cluster_convergence.h"
#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"
#include "redis/node_views.h"

#include <QTest>

using namespace rcs;

namespace {
const QByteArray MId(40, 'a');
const QByteArray RId(40, 'b');
const QString M = QString::fromLatin1(MId);
const QString R = QString::fromLatin1(RId);
const NodeAddress AtM{QStringLiteral("10.0.0.1"), 6379};
const NodeAddress AtR{QStringLiteral("10.0.0.2"), 6379};

RedisReply field(const char *name, RedisReply value)
{
    return RedisReply::array({RedisReply::string(name), std::move(value)});
}

// CLUSTER SHARDS with each group of ids in one shard (flat field/value arrays, as RESP2 sends them).
RedisReply shards(const QList<QStringList> &groups)
{
    QList<RedisReply> all;
    for (const QStringList &group : groups) {
        QList<RedisReply> nodes;
        for (const QString &id : group)
            nodes.append(RedisReply::array({RedisReply::string("id"), RedisReply::string(id.toUtf8()),
                                            RedisReply::string("port"), RedisReply::integer(6379)}));
        all.append(RedisReply::array({RedisReply::string("slots"), RedisReply::array({}),
                                      RedisReply::string("nodes"), RedisReply::array(nodes)}));
    }
    return RedisReply::array(all);
}

NodeView view(const NodeAddress &address, bool myselfIsMaster, const RedisReply &shardsReply)
{
    const QByteArray text = MId + " 10.0.0.1:6379@16379 " + (myselfIsMaster ? "myself," : "") +
                            "master - 0 0 1 connected 0-16383\n" + RId + " 10.0.0.2:6379@16379 " +
                            (myselfIsMaster ? "" : "myself,") + "slave " + MId + " 0 0 1 connected\n";
    NodeView v;
    v.address = address;
    v.reachable = true;
    v.nodes = parseClusterNodes(text).value();
    v.info = parseClusterInfo("cluster_state:ok\r\ncluster_slots_assigned:16384\r\n").value();
    v.shardOf = shardsFromReply(shardsReply);
    return v;
}

QList<ExpectedNode> expected()
{
    ExpectedNode master{M, AtM, true, {}, {}};
    master.slotSet = SlotSet::all();
    return {master, ExpectedNode{R, AtR, false, M, {}}};
}
} // namespace

class TestShardAgreement final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsTheShardsReply()
    {
        const QHash<QString, int> shardOf = shardsFromReply(shards({{M, R}, {QStringLiteral("c")}}));
        QCOMPARE(shardOf.value(M), 0);
        QCOMPARE(shardOf.value(R), 0);
        QCOMPARE(shardOf.value(QStringLiteral("c")), 1);
        QVERIFY(shardsFromReply(RedisReply::error("ERR unknown subcommand")).isEmpty());
        QVERIFY(shardsFromReply(RedisReply::array({field("nodes", RedisReply::string("x"))})).isEmpty());
    }

    void replicaOutsideItsMastersShardIsAGap()
    {
        const QList<NodeView> apart{view(AtM, true, shards({{M}, {R}})), view(AtR, false, shards({{M, R}}))};
        const QStringList gaps = convergenceGaps(expected(), apart);
        QCOMPARE(gaps.size(), 1);
        QVERIFY2(gaps.first().startsWith(QStringLiteral("10.0.0.1:6379 does not yet place replica bbbbbbbb")),
                 qPrintable(gaps.first()));
        const QList<NodeView> together{view(AtM, true, shards({{M, R}})), view(AtR, false, shards({{M, R}}))};
        QVERIFY2(convergenceGaps(expected(), together).isEmpty(),
                 qPrintable(convergenceGaps(expected(), together).join(u'\n')));
        // A server that was not asked (not Valkey) has no shard view: nothing to wait for.
        const QList<NodeView> unasked{view(AtM, true, RedisReply()), view(AtR, false, RedisReply())};
        QVERIFY(convergenceGaps(expected(), unasked).isEmpty());
    }

    // What add-node's replica wait asks of each view.
    void shardGapOfOneView()
    {
        QVERIFY(
            shardGap(view(AtM, true, shards({{M}, {R}})), R, M).startsWith(QStringLiteral("10.0.0.1:6379")));
        QVERIFY(shardGap(view(AtM, true, shards({{M}})), R, M).contains(QStringLiteral("bbbbbbbb")));
        QVERIFY(shardGap(view(AtM, true, shards({{M, R}})), R, M).isEmpty());
        QVERIFY(shardGap(view(AtM, true, RedisReply()), R, M).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestShardAgreement)
#include "tst_shard_agreement.moc"
