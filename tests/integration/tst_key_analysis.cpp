// Key analysis on a real cluster (issue 17, items 3 and 5): a planted big key ranks first among many
// small ones, a planted hot key first under allkeys-lfu, a non-LFU policy gives the sentence and no scan,
// the slot heat equals the per-slot counts of the keys written, --max-seconds gives a partial result and
// Cancel stops the scan. Everything through the catalogue, the road both front ends take.
#include "cluster_key_client.h"
#include "command_registry.h"
#include "job_helpers.h"
#include "observe/key_scan.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"
#include "redis/redis_reply.h"
#include "redis/slot_set.h"
#include "support/redis_test_nodes.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <numeric>
#include <vector>

using namespace rcs;
using rcs::test::ask;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;

namespace {
constexpr int SmallKeys = 3000;
const QByteArray BigKey = "planted:big";
const QByteArray HotKey = "planted:hot";
const QByteArray Prefix = "small";
// Keys written into chosen slots (a hash tag decides the slot): {tag} → how many.
const QList<std::pair<QByteArray, int>> TaggedKeys = {{"{heat-a}", 40}, {"{heat-b}", 7}, {"{heat-c}", 123}};
} // namespace

class TestKeyAnalysis final : public QObject {
    Q_OBJECT
    RedisTestNodes m_nodes;
    RedisPool m_pool;
    std::unique_ptr<test::ClusterKeyClient> m_client;
    std::vector<qint64> m_expected = std::vector<qint64>(SlotSet::SlotCount, 0);

    std::unique_ptr<ops::OperationJob> make(ops::OperationKind kind,
                                            const observe::KeyScanOptions &options = {})
    {
        ops::OperationRequest request;
        request.kind = kind;
        request.keyScan = options;
        const Result<ops::OperationJob *> made =
            ops::createOperation(ops::EndpointTarget{{m_nodes.address(0)}, {}}, request, &m_pool);
        if (!made)
            qFatal("%s", qPrintable(made.error().message()));
        std::unique_ptr<ops::OperationJob> job(made.value());
        job->setAutoDelete(false);
        return job;
    }

    Result<void> setPolicy(const QByteArray &policy)
    {
        for (const NodeAddress &address : m_nodes.addresses()) {
            const Result<RedisReply> set =
                ask(m_pool, address, {"CONFIG", "SET", "maxmemory-policy", policy});
            if (!set)
                return set.error();
        }
        return {};
    }

    NodeAddress ownerOf(const QByteArray &key) const { return m_client->ownerOf(keyHashSlot(key)); }

    Result<void> write(const QByteArray &key, const QByteArray &value)
    {
        const Result<RedisReply> set = ask(m_pool, ownerOf(key), {"SET", key, value});
        if (!set)
            return set.error();
        ++m_expected[size_t(keyHashSlot(key))];
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_nodes.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Error error = test::formCluster(m_nodes.addresses(), 0);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        // LFU before any key is written: a key made under LRU carries its LRU clock where LFU reads the
        // counter, which would rank it at random.
        const Result<void> lfu = setPolicy("allkeys-lfu");
        QVERIFY2(lfu.ok(), qPrintable(lfu.error().message()));
        m_client = std::make_unique<test::ClusterKeyClient>(&m_pool, m_nodes.addresses());
        const Result<void> refreshed = m_client->refreshBlocking();
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error().message()));
        const Result<void> written = m_client->writeBlocking(Prefix, SmallKeys);
        QVERIFY2(written.ok(), qPrintable(written.error().message()));
        for (int i = 0; i < SmallKeys; ++i)
            ++m_expected[size_t(keyHashSlot(Prefix + ':' + QByteArray::number(i)))];
        for (const auto &[tag, count] : TaggedKeys) {
            for (int i = 0; i < count; ++i)
                QVERIFY(write(tag + ':' + QByteArray::number(i), "x").ok());
        }
        QVERIFY(write(BigKey, QByteArray(200000, 'b')).ok());
        QVERIFY(write(HotKey, "hot").ok());
    }

    void bigKeyIsFirst()
    {
        observe::KeyScanOptions options;
        options.top = 5;
        options.rate = 1000;
        const auto job = make(ops::OperationKind::BigKeys, options);
        QSignalSpy progress(job.get(), &Job::progress);
        const Error error = runJob(job.get(), 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QVERIFY(job->keyScan());
        const observe::KeyScanResult &result = *job->keyScan();
        QCOMPARE(result.keys.size(), 5);
        QCOMPARE(result.keys.first().key, BigKey);
        QVERIFY2(result.keys.first().value >= 200000, qPrintable(job->resultText()));
        QCOMPARE(result.keys.first().type, QStringLiteral("string"));
        QCOMPARE(result.keys.first().node.address, ownerOf(BigKey));
        QVERIFY(result.keys.at(1).value < 1000);
        QVERIFY(!result.partial);
        qint64 scanned = 0;
        for (const observe::NodeScan &node : result.nodes) {
            QVERIFY2(node.complete && node.error.isEmpty(), qPrintable(node.error));
            scanned += node.scanned;
        }
        // SCAN returns every key present for the whole scan at least once.
        const qint64 written = std::accumulate(m_expected.begin(), m_expected.end(), qint64(0));
        QVERIFY2(scanned >= written, qPrintable(QStringLiteral("%1 < %2").arg(scanned).arg(written)));
        QVERIFY(!progress.isEmpty());
        const QJsonObject json = job->resultJson();
        QCOMPARE(json.value(QLatin1String("keys"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("key"))
                     .toString(),
                 QString::fromLatin1(BigKey));
        QCOMPARE(json.value(QLatin1String("partial")).toBool(), false);
        QVERIFY2(job->resultText().contains(QString::fromLatin1(BigKey)), qPrintable(job->resultText()));
    }

    void hotKeyIsFirstUnderLfu()
    {
        // 2000 reads, pipelined on the owner's connection, then waited for (the last one answers last).
        const NodeAddress owner = ownerOf(HotKey);
        int answered = 0;
        for (int i = 0; i < 2000; ++i)
            m_pool.command(owner, {"GET", HotKey}, this, [&answered](Result<RedisReply>) { ++answered; });
        QTRY_COMPARE_WITH_TIMEOUT(answered, 2000, 30000);
        const auto job = make(ops::OperationKind::HotKeys);
        const Error error = runJob(job.get(), 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        const observe::KeyScanResult &result = *job->keyScan();
        QVERIFY2(!result.keys.isEmpty(), qPrintable(job->resultText()));
        QCOMPARE(result.keys.first().key, HotKey);
        QVERIFY2(result.keys.first().value > result.keys.at(1).value, qPrintable(job->resultText()));
        for (const observe::NodeScan &node : result.nodes)
            QVERIFY2(node.skipped.isEmpty() && node.complete, qPrintable(node.skipped + node.error));
    }

    void nonLfuPolicySaysSoAndScansNothing()
    {
        QVERIFY(setPolicy("allkeys-lru").ok());
        const auto job = make(ops::OperationKind::HotKeys);
        const Error error = runJob(job.get(), 60000);
        QVERIFY(setPolicy("allkeys-lfu").ok());
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        const observe::KeyScanResult &result = *job->keyScan();
        QVERIFY(result.keys.isEmpty());
        QCOMPARE(result.nodes.size(), 3);
        for (const observe::NodeScan &node : result.nodes) {
            QCOMPARE(node.scanned, qint64(0));
            QVERIFY2(node.skipped.contains(QLatin1String("allkeys-lru")) &&
                         node.skipped.contains(QLatin1String("CONFIG SET maxmemory-policy allkeys-lfu")),
                     qPrintable(node.skipped));
        }
        QVERIFY2(job->resultText().contains(QLatin1String("upgrade --set maxmemory-policy=allkeys-lfu")),
                 qPrintable(job->resultText()));
    }

    void slotHeatEqualsTheRealCounts()
    {
        const auto job = make(ops::OperationKind::SlotHeat);
        const Error error = runJob(job.get(), 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QVERIFY(job->slotHeat());
        const observe::SlotHeat &heat = *job->slotHeat();
        for (int slot = 0; slot < SlotSet::SlotCount; ++slot) {
            if (heat.keys[size_t(slot)] != m_expected[size_t(slot)])
                QFAIL(qPrintable(QStringLiteral("slot %1: %2 counted, %3 written")
                                     .arg(slot)
                                     .arg(heat.keys[size_t(slot)])
                                     .arg(m_expected[size_t(slot)])));
        }
        for (const auto &[tag, count] : TaggedKeys)
            QVERIFY(heat.keys[size_t(keyHashSlot(tag))] >= count);
        QCOMPARE(heat.nodes.size(), 3);
        for (const observe::HeatNode &node : heat.nodes)
            QVERIFY2(node.error.isEmpty() && !node.method.isEmpty(), qPrintable(node.error));
        QCOMPARE(job->resultJson().value(QLatin1String("slots")).toArray().size(), SlotSet::SlotCount);
    }

    void maxSecondsGivesAPartialResult()
    {
        observe::KeyScanOptions options;
        options.count = 1;
        options.rate = 5;
        options.maxSeconds = 1;
        const auto job = make(ops::OperationKind::BigKeys, options);
        QElapsedTimer clock;
        clock.start();
        const Error error = runJob(job.get(), 30000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QVERIFY2(clock.elapsed() < 10000, "the time bound did not stop the scan");
        const observe::KeyScanResult &result = *job->keyScan();
        QVERIFY(result.partial);
        qint64 scanned = 0;
        for (const observe::NodeScan &node : result.nodes) {
            scanned += node.scanned;
            QVERIFY(!node.complete);
        }
        // 5 SCAN calls a second of about one key each, for a second, on 3 nodes: far fewer than written.
        QVERIFY2(scanned > 0 && scanned < 100, qPrintable(QString::number(scanned)));
        QVERIFY(job->resultJson().value(QLatin1String("partial")).toBool());
        QVERIFY2(job->resultText().contains(QLatin1String("Partial")), qPrintable(job->resultText()));
    }

    // The command line's forms run the same operations: the exit codes, and a usage error for a bad bound.
    void commandLineForms()
    {
        const auto run = [](const QString &name, const QStringList &args) {
            const cli::Command *command = cli::findCommand(name);
            return command ? command->run(args) : -1;
        };
        const QString nodes = m_nodes.address(0).toString();
        QCOMPARE(run(QStringLiteral("bigkeys"), {QStringLiteral("--nodes"), nodes, QStringLiteral("--top"),
                                                 QStringLiteral("3"), QStringLiteral("--json")}),
                 int(cli::ExitSuccess));
        QCOMPARE(run(QStringLiteral("hotkeys"), {QStringLiteral("--nodes"), nodes,
                                                 QStringLiteral("--max-seconds"), QStringLiteral("5")}),
                 int(cli::ExitSuccess));
        QCOMPARE(run(QStringLiteral("slot-heat"), {QStringLiteral("--nodes"), nodes}), int(cli::ExitSuccess));
        QCOMPARE(run(QStringLiteral("bigkeys"),
                     {QStringLiteral("--nodes"), nodes, QStringLiteral("--rate"), QStringLiteral("0")}),
                 int(cli::ExitUsage));
    }

    void cancelStops()
    {
        observe::KeyScanOptions options;
        options.count = 1;
        options.rate = 2;
        const auto job = make(ops::OperationKind::BigKeys, options);
        QSignalSpy finished(job.get(), &Job::finished);
        QSignalSpy progress(job.get(), &Job::progress);
        job->start();
        QVERIFY(progress.wait(15000));
        QElapsedTimer clock;
        clock.start();
        job->cancel();
        QVERIFY(finished.count() == 1 || finished.wait(5000));
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(job->error().code(), ErrorCode::Cancelled);
        // Nothing of the cancelled scan is still in flight: the nodes answer at once.
        for (const NodeAddress &address : m_nodes.addresses())
            QVERIFY(ask(m_pool, address, {"PING"}).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeyAnalysis)
#include "tst_key_analysis.moc"
