#include "real_cluster_fixture.h"

#include "command_registry.h"
#include "redis/redis_pool.h"
#include "redis/redis_reply.h"
#include "support/redis_test_nodes.h"

#include <QTest>

namespace rcs::ui::test {

QString formCluster(rcs::test::RedisTestNodes &nodes, int masters)
{
    const Result<void> started = nodes.start(masters);
    if (!started)
        return started.error().message();
    const cli::Command *create = cli::findCommand(QStringLiteral("create"));
    if (!create)
        return QStringLiteral("the create command is not registered");
    const int exit = create->run({QStringLiteral("--nodes"), nodes.addressList(),
                                  QStringLiteral("--cluster-replicas"), QStringLiteral("0")});
    return exit == int(cli::ExitSuccess) ? QString() : QStringLiteral("create exited with %1").arg(exit);
}

int plantKeys(RedisPool &pool, const rcs::test::RedisTestNodes &nodes,
              const QList<std::pair<QByteArray, QByteArray>> &keys)
{
    QObject context;
    int stored = 0;
    int answered = 0;
    const QList<NodeAddress> masters = nodes.addresses();
    for (const auto &[key, value] : keys) {
        for (const NodeAddress &address : masters)
            pool.command(address, {"SET", key, value}, &context, [&](Result<RedisReply> reply) {
                ++answered;
                stored += reply.ok() ? 1 : 0;
            });
    }
    // After the 30 s, stored falls short of the keys sent: the caller's comparison says so.
    static_cast<void>(QTest::qWaitFor([&] { return answered == keys.size() * masters.size(); }, 30000));
    return stored;
}

} // namespace rcs::ui::test
