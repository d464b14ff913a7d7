// The console (issue 17 item 4) on real servers: the command routed like redis-cli -c (a MOVED
// followed, an ASK followed while a slot migrates), a destructive command refused until confirmed, a
// restricted ACL user's NOPERM shown as the server's refusal, and a password in a command redacted in
// the log.
#include "common/logger.h"
#include "job_helpers.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "redis/cluster_command_job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"
#include "redis/slot_set.h"
#include "support/redis_test_nodes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace rcs;
using rcs::test::ask;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;

namespace {
const QByteArray PlantedSecret = "planted-console-S3cret";

const TopologyNode *ownerOf(const ClusterTopology &topology, const QByteArray &key)
{
    // nodes() lives as long as the topology (masters() is a copy).
    for (const TopologyNode &node : topology.nodes()) {
        if (node.isMaster() && node.slotSet.contains(keyHashSlot(key)))
            return &node;
    }
    return nullptr;
}

// A key whose slot another master than notOn serves.
QByteArray keyNotOn(const ClusterTopology &topology, const NodeAddress &notOn)
{
    for (int i = 0;; ++i) {
        const QByteArray key = "console:" + QByteArray::number(i);
        if (const TopologyNode *owner = ownerOf(topology, key); owner && owner->address != notOn)
            return key;
    }
}
} // namespace

class TestConsole final : public QObject {
    Q_OBJECT
    RedisTestNodes m_nodes;
    RedisPool m_pool;
    ClusterTopology m_topology;

    std::unique_ptr<ops::OperationJob> exec(const QList<QByteArray> &words, const QString &node = {},
                                            bool confirmed = false, RedisPool *pool = nullptr)
    {
        ops::OperationRequest request;
        request.kind = ops::OperationKind::Exec;
        request.commandWords = words;
        request.nodeId = node;
        request.confirmed = confirmed;
        const Result<ops::OperationJob *> made = ops::createOperation(
            ops::EndpointTarget{{m_nodes.address(0)}, {}}, request, pool ? pool : &m_pool);
        if (!made) {
            qWarning("%s", qPrintable(made.error().message()));
            return nullptr;
        }
        std::unique_ptr<ops::OperationJob> job(made.value());
        job->setAutoDelete(false);
        runJob(job.get(), 30000);
        return job;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_nodes.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Error error = test::formCluster(m_nodes.addresses(), 0);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        m_topology = test::scan(m_pool, m_nodes.address(0));
        QCOMPARE(m_topology.masters().size(), 3);
    }

    // The engine sent to a master that does not serve the key follows the MOVED to the one that does,
    // says so the way redis-cli does, and the reply is that node's.
    void followsMoved()
    {
        const NodeAddress first = m_nodes.address(0);
        const QByteArray key = keyNotOn(m_topology, first);
        const NodeAddress owner = ownerOf(m_topology, key)->address;
        ClusterCommandJob set(first, {"SET", key, "moved-value"}, ClusterCommandJob::Mode::FollowRedirects,
                              &m_pool);
        set.setAutoDelete(false);
        QStringList said;
        connect(&set, &Job::infoMessage, this, [&](const QString &message) { said << message; });
        const Error error = runJob(&set, 15000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(set.reply().toDisplayString(), QStringLiteral("OK"));
        QCOMPARE(set.answeredBy(), owner);
        QCOMPARE(set.redirects().size(), 1);
        QVERIFY(!set.redirects().first().ask);
        QCOMPARE(set.redirects().first().slot, keyHashSlot(key));
        QCOMPARE(said, QStringList{QStringLiteral("-> Redirected to slot [%1] located at %2")
                                       .arg(keyHashSlot(key))
                                       .arg(owner.toString())});
        // Sent to the same node alone, the MOVED is the reply and nothing is followed.
        const auto single = exec({"GET", key}, first.toString());
        QVERIFY(single);
        QCOMPARE(single->error().code(), ErrorCode::RedisError);
        QVERIFY2(single->resultText().startsWith(QStringLiteral("(error) MOVED ")),
                 qPrintable(single->resultText()));
        QCOMPARE(single->resultJson().value(QLatin1String("redirects")).toArray().size(), 0);
        // Through the operation the console starts at the key's master: no redirect at all.
        const auto get = exec({"GET", key});
        QVERIFY(get);
        QVERIFY2(!get->hasError(), qPrintable(get->errorString()));
        QCOMPARE(get->resultText(), QStringLiteral("\"moved-value\"\n"));
        QCOMPARE(get->resultJson().value(QLatin1String("node")).toString(), owner.toString());
        QCOMPARE(get->resultJson().value(QLatin1String("reply")).toString(), QStringLiteral("moved-value"));
    }

    // A slot half-way through a migration: the key already moved, so its old master answers ASK; the
    // console sends ASKING and the command to the importing node and gets the value.
    void followsAsk()
    {
        const QByteArray key = keyNotOn(m_topology, m_nodes.address(1));
        const TopologyNode source = *ownerOf(m_topology, key);
        const TopologyNode *target = nullptr;
        for (const TopologyNode &node : m_topology.nodes()) {
            if (node.isMaster() && node.id != source.id)
                target = &node;
        }
        QVERIFY(target);
        const QByteArray slot = QByteArray::number(keyHashSlot(key));
        QVERIFY(ask(m_pool, source.address, {"SET", key, "asked-value"}).ok());
        QVERIFY(ask(m_pool, target->address, {"CLUSTER", "SETSLOT", slot, "IMPORTING", source.id.toLatin1()})
                    .ok());
        QVERIFY(ask(m_pool, source.address, {"CLUSTER", "SETSLOT", slot, "MIGRATING", target->id.toLatin1()})
                    .ok());
        const Result<RedisReply> moved = ask(m_pool, source.address,
                                             {"MIGRATE", target->address.host.toLatin1(),
                                              QByteArray::number(target->address.port), key, "0", "5000"});
        QVERIFY2(moved.ok(), qPrintable(moved.ok() ? QString() : moved.error().message()));

        const auto get = exec({"GET", key});
        QVERIFY(get);
        QVERIFY2(!get->hasError(), qPrintable(get->errorString()));
        QCOMPARE(get->resultJson().value(QLatin1String("node")).toString(), target->address.toString());
        const QJsonArray redirects = get->resultJson().value(QLatin1String("redirects")).toArray();
        QCOMPARE(redirects.size(), 1);
        QCOMPARE(redirects.first().toObject().value(QLatin1String("type")).toString(), QStringLiteral("ask"));
        QVERIFY2(get->resultText().endsWith(QStringLiteral("\"asked-value\"\n")),
                 qPrintable(get->resultText()));
        QVERIFY(get->resultText().startsWith(
            QStringLiteral("-> Redirected (ASK) to slot [%1]").arg(keyHashSlot(key))));

        // The migration finished by hand (SETSLOT NODE on the target, the source, then the others): the
        // slot is the target's now, on every node, so the console goes there straight away.
        QList<NodeAddress> order{target->address, source.address};
        for (const NodeAddress &address : m_nodes.addresses()) {
            if (!order.contains(address))
                order.append(address);
        }
        for (const NodeAddress &address : order)
            QVERIFY(ask(m_pool, address, {"CLUSTER", "SETSLOT", slot, "NODE", target->id.toLatin1()}).ok());
        QCOMPARE(ask(m_pool, target->address, {"GET", key})->bytes(), QByteArray("asked-value"));
        const auto after = exec({"GET", key});
        QVERIFY(after && !after->hasError());
        QCOMPARE(after->resultJson().value(QLatin1String("redirects")).toArray().size(), 0);
        m_topology = test::scan(m_pool, m_nodes.address(0));
    }

    // FLUSHALL says what it does and changes nothing until confirmed; confirmed, it empties the master.
    void flushAllNeedsConfirmation()
    {
        const NodeAddress master = m_nodes.address(2);
        // A key this master serves, written there.
        QByteArray ownKey;
        for (int i = 0; ownKey.isEmpty(); ++i) {
            const QByteArray candidate = "flush:" + QByteArray::number(i);
            if (ownerOf(m_topology, candidate)->address == master)
                ownKey = candidate;
        }
        QVERIFY(ask(m_pool, master, {"SET", ownKey, "keep"}).ok());
        ops::OperationRequest request;
        request.kind = ops::OperationKind::Exec;
        request.commandWords = {"FLUSHALL"};
        request.nodeId = master.toString();
        const Result<ops::OperationJob *> refused =
            ops::createOperation(ops::EndpointTarget{{m_nodes.address(0)}, {}}, request, &m_pool);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::Refused);
        QVERIFY2(refused.error().message().contains(QStringLiteral("deletes every key")),
                 qPrintable(refused.error().message()));
        QCOMPARE(ask(m_pool, master, {"GET", ownKey})->bytes(), QByteArray("keep"));

        const auto flushed = exec({"FLUSHALL"}, master.toString(), true);
        QVERIFY(flushed);
        QVERIFY2(!flushed->hasError(), qPrintable(flushed->errorString()));
        QCOMPARE(flushed->resultText(), QStringLiteral("OK\n"));
        QVERIFY(ask(m_pool, master, {"GET", ownKey})->isNil());
    }

    // A user without SET: the server's NOPERM is the reply, and the operation says the server refused.
    void restrictedUserSeesNoPerm()
    {
        const Result<QVersionNumber> version = RedisTestNodes::serverVersion();
        QVERIFY(version.ok());
        if (version->majorVersion() < 6)
            QSKIP("Redis 5.0 has no ACL users: there is no NOPERM to show.");
        for (const NodeAddress &address : m_nodes.addresses())
            QVERIFY(
                ask(m_pool, address, {"ACL", "SETUSER", "viewer", "on", ">viewer-pw", "~*", "+@all", "-set"})
                    .ok());
        RedisPool viewerPool;
        RedisConnectionOptions options;
        options.user = QStringLiteral("viewer");
        options.password = QStringLiteral("viewer-pw");
        viewerPool.setOptions(options);
        const auto set = exec({"SET", "acl:key", "v"}, {}, false, &viewerPool);
        QVERIFY(set);
        QCOMPARE(set->error().code(), ErrorCode::RedisError);
        QVERIFY(set->hasResult());
        QVERIFY2(set->resultText().startsWith(QStringLiteral("(error) NOPERM")),
                 qPrintable(set->resultText()));
        QVERIFY2(set->errorString().contains(QStringLiteral("refused the command: NOPERM")),
                 qPrintable(set->errorString()));
        QVERIFY(set->resultJson().value(QLatin1String("error")).toBool());
        // The same user may read.
        const auto get = exec({"GET", "acl:key"}, {}, false, &viewerPool);
        QVERIFY(get && !get->hasError());
        QCOMPARE(get->resultText(), QStringLiteral("(nil)\n"));
    }

    // A password typed into the console reaches the server but never the log.
    void passwordRedactedInTheLog()
    {
        Logger::instance().clear();
        const auto auth = exec({"AUTH", "nobody", PlantedSecret}, m_nodes.address(0).toString());
        QVERIFY(auth);
        QVERIFY2(auth->hasError(), "a wrong password is an error reply");
        bool sawRedacted = false;
        for (const LogEntry &entry : Logger::instance().entries()) {
            QVERIFY2(!entry.message.contains(QString::fromLatin1(PlantedSecret)), qPrintable(entry.message));
            QVERIFY2(!entry.command.contains(QString::fromLatin1(PlantedSecret)), qPrintable(entry.command));
            if (entry.command.contains(QStringLiteral("AUTH")) &&
                entry.command.contains(QStringLiteral("(redacted)")))
                sawRedacted = true;
        }
        QVERIFY2(sawRedacted, "the console logs its command line, redacted");
        QVERIFY(!QJsonDocument(auth->resultJson()).toJson().contains(PlantedSecret));
    }
};

QTEST_GUILESS_MAIN(TestConsole)
#include "tst_console.moc"
