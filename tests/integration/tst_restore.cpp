// restore --from FILE on real servers (issue 18, part 3): a 3-master cluster seeded with every type and
// encoding (backup_seed.h) and a function library (7.0+) backed up while a writer writes, then restored
// into clusters of 2 and of 4 masters: per-slot digests equal to the manifest's, TTLs within 1 s, the
// keys the writer had written before the backup there, a key whose TTL passed skipped. A truncated, an
// altered and a foreign file refused with nothing written; a non-empty target refused without --merge;
// merge reports and keeps an existing key, replace overwrites it; cancel says what was written; the
// command line; and a backup of the server under test (RCS_REDIS_SERVER) restored into Debian's 7.0.
#include "backup/backup_archive.h"
#include "backup/backup_job.h"
#include "backup/live_digest.h"
#include "backup/restore_job.h"
#include "backup_seed.h"
#include "cluster_key_client.h"
#include "command_registry.h"
#include "job_helpers.h"
#include "redis/redis_pool.h"
#include "redis/slot_set.h"
#include "support/redis_test_nodes.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <tuple>

using namespace rcs;
using namespace rcs::backup;
using rcs::test::ask;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;

namespace {
const QByteArray Library = "#!lua name=rcslib\nredis.register_function('rcs_echo', function(keys, args) "
                           "return args[1] end)";
}

class TestRestore final : public QObject {
    Q_OBJECT
    RedisTestNodes m_sourceNodes;
    RedisTestNodes m_target2Nodes;
    RedisTestNodes m_target4Nodes;
    RedisPool m_pool;
    QTemporaryDir m_dir;
    QList<BackupSource> m_source;
    QList<BackupSource> m_target2;
    QList<BackupSource> m_target4;
    QString m_archive;
    BackupManifest m_manifest;
    QList<QByteArray> m_writtenBefore; // writer keys acknowledged before the backup started
    bool m_functions = false;
    QStringList m_messages; // the last restore's info messages

    Result<QList<BackupSource>> makeCluster(RedisTestNodes &nodes, int masters,
                                            const RedisTestNodes::Options &options = {})
    {
        if (Result<void> started = nodes.start(masters, options); !started)
            return started.error();
        if (masters >= 3) {
            if (const Error error = test::formCluster(nodes.addresses(), 0); error.isError())
                return error;
        } else { // create refuses fewer than 3 masters: the slots split by hand, the nodes met
            for (int i = 0; i < masters; ++i) {
                QList<QByteArray> addSlots{"CLUSTER", "ADDSLOTS"};
                for (int slot = i * SlotSet::SlotCount / masters;
                     slot < (i + 1) * SlotSet::SlotCount / masters; ++slot)
                    addSlots.append(QByteArray::number(slot));
                if (Result<RedisReply> added = ask(m_pool, nodes.address(i), addSlots); !added)
                    return added.error();
                if (i > 0 && !ask(m_pool, nodes.address(i),
                                  {"CLUSTER", "MEET", nodes.address(0).host.toLatin1(),
                                   QByteArray::number(nodes.address(0).port)}))
                    return Error(ErrorCode::RedisError, QStringLiteral("CLUSTER MEET failed"));
            }
            const QByteArray known = "cluster_known_nodes:" + QByteArray::number(masters);
            auto ready = [&] {
                for (const NodeAddress &node : nodes.addresses()) {
                    const Result<RedisReply> info = ask(m_pool, node, {"CLUSTER", "INFO"});
                    if (!info || !info.value().bytes().contains("cluster_state:ok") ||
                        !info.value().bytes().contains(known))
                        return false;
                }
                return true;
            };
            if (!QTest::qWaitFor(ready, 30000))
                return Error(ErrorCode::Timeout, QStringLiteral("The 2-master cluster did not form."));
        }
        return restoreTargets(test::scan(m_pool, nodes.address(0)));
    }
    static NodeAddress ownerOf(const QList<BackupSource> &masters, const QByteArray &key)
    {
        for (const BackupSource &master : masters) {
            if (master.slotSet.contains(keyHashSlot(key)))
                return master.address;
        }
        return {};
    }
    QByteArray get(const QList<BackupSource> &masters, const QByteArray &key)
    {
        const Result<RedisReply> reply = ask(m_pool, ownerOf(masters, key), {"GET", key});
        return reply ? reply.value().bytes() : QByteArray("<error>");
    }
    qint64 keyCount(const QList<BackupSource> &masters)
    {
        qint64 keys = 0;
        for (const BackupSource &master : masters)
            keys += ask(m_pool, master.address, {"DBSIZE"}).value().integerValue();
        return keys;
    }
    Result<RestoreResult> restore(const QList<BackupSource> &targets, const QString &file,
                                  RestoreOptions options = {}, int window = RestoreJob::DefaultWindow)
    {
        RestoreJob job(&m_pool, targets, file, options);
        job.setWindow(window);
        m_messages.clear();
        connect(&job, &Job::infoMessage, &job,
                [this](const QString &message) { m_messages.append(message); });
        const Error error = runJob(&job, 180000);
        if (error.isError())
            return error;
        return job.result();
    }
    // The slot of the key whose TTL passed between the backup and the restores.
    static int expiredSlot() { return keyHashSlot("ttl:short"); }
    // The live per-slot digests of targets equal the manifest's, but for the expired key's slot.
    void compareWithManifest(const QList<BackupSource> &targets, const BackupManifest &manifest)
    {
        LiveDigestJob live(&m_pool, targets);
        const Error error = runJob(&live, 120000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QMap<int, QByteArray> archived;
        for (const ShardManifest &shard : manifest.shards)
            archived.insert(shard.slotDigests);
        QMap<int, QByteArray> restored = live.digests();
        archived.remove(expiredSlot());
        restored.remove(expiredSlot());
        QCOMPARE(restored.size(), archived.size());
        for (auto it = archived.cbegin(); it != archived.cend(); ++it)
            QVERIFY2(restored.value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("slot %1").arg(it.key())));
    }
    void flush(const QList<BackupSource> &masters)
    {
        for (const BackupSource &master : masters)
            QVERIFY(ask(m_pool, master.address, {"FLUSHALL"}).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        for (auto [nodes, masters, out] :
             {std::tuple{&m_sourceNodes, 3, &m_source}, std::tuple{&m_target2Nodes, 2, &m_target2},
              std::tuple{&m_target4Nodes, 4, &m_target4}}) {
            const Result<QList<BackupSource>> made = makeCluster(*nodes, masters);
            QVERIFY2(made.ok(), qPrintable(made.error().message()));
            QCOMPARE(made.value().size(), masters);
            *out = made.value();
        }
        // A diskless master (7.0+ default) waits repl-diskless-sync-delay (5 s) before it streams.
        for (const BackupSource &master : std::as_const(m_source))
            QVERIFY(ask(m_pool, master.address, {"CONFIG", "SET", "repl-diskless-sync-delay", "0"}).ok());
        const Result<void> seeded = test::seedEveryType(m_pool, m_source);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().message()));
        m_functions = RedisTestNodes::serverVersion().value().majorVersion() >= 7;
        for (const BackupSource &master : std::as_const(m_source)) {
            if (m_functions)
                QVERIFY(ask(m_pool, master.address, {"FUNCTION", "LOAD", Library}).ok());
        }

        // The backup, under a writer; the keys it acknowledged before the backup started are proven.
        test::ClusterKeyClient client(&m_pool, m_sourceNodes.addresses());
        QVERIFY(client.refreshBlocking().ok());
        QSet<QByteArray> acknowledged;
        bool backupStarted = false;
        bool running = true;
        int lanes = 8;
        std::function<void(int)> writeNext = [&](int i) {
            if (!running) {
                --lanes;
                return;
            }
            const QByteArray key = "live:" + QByteArray::number(i % 5000);
            client.set(key, QByteArray::number(i), [&, i, key](Result<QByteArray> r) {
                if (r.ok() && !backupStarted)
                    acknowledged.insert(key);
                writeNext(i + 1);
            });
        };
        for (int lane = 0; lane < lanes; ++lane)
            writeNext(lane * 100000);
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 300, 20000);
        backupStarted = true;
        QVERIFY(ask(m_pool, ownerOf(m_source, "ttl:short"), {"SET", "ttl:short", "soon", "PX", "8000"}).ok());
        QElapsedTimer shortTtl;
        shortTtl.start();
        m_writtenBefore = acknowledged.values();
        m_archive = m_dir.filePath(QStringLiteral("source.rcsbackup"));
        BackupJob backup(&m_pool, m_source, m_archive, false);
        const Error error = runJob(&backup, 120000);
        running = false;
        QTRY_COMPARE_WITH_TIMEOUT(lanes, 0, 10000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        m_manifest = backup.result().manifest;
        // ttl:short was in the snapshot; it has expired before any restore starts.
        QVERIFY2(shortTtl.elapsed() < 8000, "the backup took longer than ttl:short lives");
        // Waits until the source itself has let it expire (EXISTS answers 0 once its TTL has passed).
        const auto expired = [&] {
            const Result<RedisReply> exists =
                ask(m_pool, ownerOf(m_source, "ttl:short"), {"EXISTS", "ttl:short"});
            return exists && exists.value().integerValue() == 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(expired(), 15000);
    }

    void damagedArchivesAreRefusedWithNothingWritten()
    {
        QFile intact(m_archive);
        QVERIFY(intact.open(QIODevice::ReadOnly));
        const QByteArray bytes = intact.readAll();
        QByteArray flipped = bytes;
        flipped[512 + 200] = char(flipped.at(512 + 200) ^ 0x40); // inside shard-0.rdb's data
        const QList<std::tuple<const char *, QByteArray, QString>> cases{
            {"truncated", bytes.left(bytes.size() / 2), QStringLiteral("truncated")},
            {"altered", flipped, QStringLiteral("shard-0.rdb")},
            {"foreign", QByteArray(4096, 'x'), QStringLiteral("tar header")}};
        for (const auto &[name, content, reason] : cases) {
            const QString file = m_dir.filePath(QString::fromLatin1(name) + QStringLiteral(".rcsbackup"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
            out.close();
            const Result<RestoreResult> refused = restore(m_target2, file);
            QVERIFY2(!refused.ok(), name);
            QCOMPARE(refused.error().code(), ErrorCode::InvalidInput);
            QVERIFY2(refused.error().message().contains(reason) &&
                         refused.error().message().contains(QStringLiteral("Nothing was written")),
                     qPrintable(refused.error().message()));
            QCOMPARE(keyCount(m_target2), qint64(0));
        }
    }

    void restoresIntoAnotherNumberOfMasters_data()
    {
        QTest::addColumn<int>("masters");
        QTest::newRow("2 masters") << 2;
        QTest::newRow("4 masters") << 4;
    }
    void restoresIntoAnotherNumberOfMasters()
    {
        QFETCH(int, masters);
        const QList<BackupSource> &target = masters == 2 ? m_target2 : m_target4;
        const Result<RestoreResult> result = restore(target, m_archive);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result->expired, qint64(1)); // ttl:short
        QCOMPARE(result->restored, m_manifest.keyCount() - 1);
        QCOMPARE(result->existing, qint64(0));
        QCOMPARE(result->masters.size(), masters);
        qint64 perMaster = 0;
        for (const RestoreResult::Master &master : result->masters) {
            QVERIFY2(master.keys > 0, qPrintable(master.address));
            perMaster += master.keys;
        }
        QCOMPARE(perMaster, result->restored);
        QCOMPARE(keyCount(target), result->restored);
        compareWithManifest(target, m_manifest);
        for (const QByteArray &key : test::seededTtlKeys()) {
            const qint64 before = ask(m_pool, ownerOf(m_source, key), {"PTTL", key}).value().integerValue();
            const qint64 after = ask(m_pool, ownerOf(target, key), {"PTTL", key}).value().integerValue();
            QVERIFY2(before > 0 && qAbs(before - after) < 1000,
                     qPrintable(
                         QStringLiteral("%1: %2 / %3").arg(QString::fromLatin1(key)).arg(before).arg(after)));
        }
        QCOMPARE(ask(m_pool, ownerOf(target, "ttl:short"), {"EXISTS", "ttl:short"}).value().integerValue(),
                 0);
        for (const QByteArray &key : std::as_const(m_writtenBefore))
            QVERIFY2(ask(m_pool, ownerOf(target, key), {"EXISTS", key}).value().integerValue() == 1,
                     key.constData());
        if (m_functions) {
            QCOMPARE(result->functionsLoaded, 1);
            for (const BackupSource &master : target)
                QCOMPARE(ask(m_pool, master.address, {"FCALL", "rcs_echo", "0", "hi"}).value().bytes(),
                         QByteArray("hi"));
        }
    }

    void nonEmptyTargetIsRefusedWithoutMerge()
    {
        QVERIFY(ask(m_pool, ownerOf(m_target2, "str:int"), {"SET", "str:int", "changed"}).ok());
        const qint64 before = keyCount(m_target2);
        const Result<RestoreResult> refused = restore(m_target2, m_archive);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::Refused);
        // What to do next is the front end's phrasing (NextStep::ChooseExisting): --merge on the command
        // line (tst_e2e_backup), the Restore dialog's choice in the studio (tst_studio_backup).
        QVERIFY2(refused.error().message().contains(QStringLiteral("holds keys")) &&
                     refused.error().message().contains(m_target2.first().address.toString()),
                 qPrintable(refused.error().message()));
        QCOMPARE(keyCount(m_target2), before);
        QCOMPARE(get(m_target2, "str:int"), QByteArray("changed"));
    }

    void mergeReportsExistingKeysAndKeepsThem()
    {
        QVERIFY(ask(m_pool, ownerOf(m_target2, "str:neg"), {"DEL", "str:neg"}).ok());
        const Result<RestoreResult> result = restore(m_target2, m_archive, {true, false});
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result->restored, qint64(1));
        QCOMPARE(result->existing, m_manifest.keyCount() - 2);
        QCOMPARE(result->existingSample.size(), 10);
        QCOMPARE(get(m_target2, "str:int"), QByteArray("changed"));
        QCOMPARE(get(m_target2, "str:neg"), QByteArray("-7"));
        if (m_functions)
            QCOMPARE(result->functionsExisting, 1);
    }

    void replaceOverwritesExistingKeys()
    {
        const Result<RestoreResult> result = restore(m_target2, m_archive, {false, true});
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result->restored, m_manifest.keyCount() - 1);
        QCOMPARE(result->existing, qint64(0));
        QCOMPARE(get(m_target2, "str:int"), QByteArray("12345"));
        compareWithManifest(m_target2, m_manifest);
        if (m_functions)
            QCOMPARE(result->functionsLoaded, 1);
    }

    void cancelSaysWhatWasWritten()
    {
        flush(m_target4);
        RestoreJob job(&m_pool, m_target4, m_archive, {});
        job.setAutoDelete(false);
        job.setWindow(1); // a key at a time per master: the cancel lands while keys are being sent
        int progressed = 0;
        QStringList messages;
        connect(&job, &Job::infoMessage, &job, [&](const QString &message) { messages.append(message); });
        connect(&job, &Job::progress, &job, [&](qint64 done, qint64) {
            if (done > 0 && ++progressed == 2)
                job.cancel();
        });
        const Error error = runJob(&job, 120000);
        QCOMPARE(error.code(), ErrorCode::Cancelled);
        QVERIFY(job.result().cancelled);
        const QStringList said = messages.filter(QStringLiteral("keys restored before cancel"));
        QCOMPARE(said.size(), 1);
        QVERIFY2(said.first().startsWith(QString::number(job.result().restored)), qPrintable(said.first()));
        const qint64 written = keyCount(m_target4);
        QVERIFY2(written >= job.result().restored && written < m_manifest.keyCount() - 1,
                 qPrintable(QStringLiteral("%1 keys written").arg(written)));
    }

    // restore --nodes … --from FILE in-process, as the executable runs it: exit codes and effects.
    void commandLine()
    {
        const cli::Command *command = cli::findCommand(QStringLiteral("restore"));
        QVERIFY(command);
        const QString nodes = m_target2Nodes.address(0).toString();
        const QStringList base{QStringLiteral("--nodes"), nodes, QStringLiteral("--from"), m_archive};
        QVERIFY(ask(m_pool, ownerOf(m_target2, "str:int"), {"SET", "str:int", "cli"}).ok());
        QCOMPARE(command->run(base), 1);                                            // not empty, no --merge
        QCOMPARE(command->run(base + QStringList{QStringLiteral("--replace")}), 1); // no --yes
        QCOMPARE(get(m_target2, "str:int"), QByteArray("cli"));
        QCOMPARE(command->run(base + QStringList{QStringLiteral("--merge"), QStringLiteral("--json")}), 0);
        QCOMPARE(get(m_target2, "str:int"), QByteArray("cli"));
        QCOMPARE(command->run(base + QStringList{QStringLiteral("--replace"), QStringLiteral("--yes")}), 0);
        QCOMPARE(get(m_target2, "str:int"), QByteArray("12345"));
        QCOMPARE(command->run({QStringLiteral("--nodes"), nodes}), 2); // no --from
        QCOMPARE(
            command->run({QStringLiteral("--nodes"), nodes, QStringLiteral("--from"),
                          m_dir.filePath(QStringLiteral("foreign.rcsbackup")), QStringLiteral("--merge")}),
            1);
    }

    // The lanes' own links with AUTH and TLS: a TLS-only node with a password serving every slot.
    void overTlsWithAPassword()
    {
        if (RedisTestNodes::serverVersion().value().majorVersion() < 6)
            QSKIP("Redis 5.0 has no TLS.");
        test::TlsTestNode tls;
        const Result<void> started = test::startTlsTestNode(tls);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        RestoreJob job(&tls.pool, {{tls.node.address(0), tls.id, SlotSet::all(), {}}}, m_archive, {});
        const Error error = runJob(&job, 120000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(job.result().restored, m_manifest.keyCount() - 1);
        QCOMPARE(ask(tls.pool, tls.node.address(0), {"DBSIZE"}).value().integerValue(),
                 m_manifest.keyCount() - 1);
    }

    // A backup of the server under test (RCS_REDIS_SERVER: each matrix server in scripts/compat.sh)
    // restored into a cluster of Debian's 7.0: the same digests, whatever encodings the source wrote
    // (a Valkey 8 set listpack or stream is transcoded for RDB 10, rdb_transcode.h).
    void backupOfTheServerUnderTestRestoresIntoRedis70()
    {
        const QString debian = QStringLiteral("/usr/bin/redis-server");
        if (!QFile::exists(debian))
            QSKIP("Debian's redis-server (7.0) is not installed.");
        const Result<test::RedisServerBuild> build = RedisTestNodes::serverBuild(debian);
        QVERIFY(build.ok());
        QCOMPARE(build->version.majorVersion(), 7);
        RedisTestNodes nodes;
        RedisTestNodes::Options options;
        for (int i = 0; i < 3; ++i)
            options.serverPerNode.insert(i, debian);
        const Result<QList<BackupSource>> target = makeCluster(nodes, 3, options);
        QVERIFY2(target.ok(), qPrintable(target.error().message()));
        const Result<RestoreResult> result = restore(target.value(), m_archive);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result->restored, m_manifest.keyCount() - 1);
        compareWithManifest(target.value(), m_manifest);
    }
};

QTEST_GUILESS_MAIN(TestRestore)
#include "tst_restore.moc"
