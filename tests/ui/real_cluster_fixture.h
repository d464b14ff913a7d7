#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <utility>

namespace rcs {
class RedisPool;
}
namespace rcs::test {
class RedisTestNodes;
}

namespace rcs::ui::test {

// The window tests that run on real nodes start them the same way: `masters` nodes formed into a
// cluster of as many masters by the command line's `create` (no replicas). Empty on success, else why not.
QString formCluster(rcs::test::RedisTestNodes &nodes, int masters);

// Writes each (key, value) into the cluster: each key goes to every master and exactly its owner takes
// it (the others answer MOVED), so no slot map is needed. Returns how many were stored; waits at most 30 s
// for the answers.
int plantKeys(rcs::RedisPool &pool, const rcs::test::RedisTestNodes &nodes,
              const QList<std::pair<QByteArray, QByteArray>> &keys);

} // namespace rcs::ui::test
