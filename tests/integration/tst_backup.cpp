// Backup over the replication protocol on a real 3-master cluster (issue 18, part 2): keys of every type
// (small and large encodings, integers, a compressible and a large string, TTLs, a stream with a group
// and pending entries, binary and empty keys) backed up, verified, and their per-slot digests compared
// with the live data's; a truncated or altered archive refused naming the member; a backup taken while
// a writer writes still verifies; no overwrite without asking; cancel leaves no .partial.
#include "backup/backup_archive.h"
#include "backup/backup_job.h"
#include "backup/live_digest.h"
#include "backup_seed.h"
#include "cluster_key_client.h"
#include "command_registry.h"
#include "job_helpers.h"
#include "redis/redis_pool.h"
#include "redis/slot_set.h"
#include "support/redis_test_nodes.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace rcs;
using namespace rcs::backup;
using rcs::test::ask;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;

class TestBackup final : public QObject {
    Q_OBJECT
    RedisTestNodes m_nodes;
    RedisPool m_pool;
    QTemporaryDir m_dir;
    ClusterTopology m_topology;
    QList<BackupSource> m_sources;

    QString path(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QStringList m_messages; // the last backup's info messages
    Result<BackupResult> backup(const QString &file, bool overwrite = false)
    {
        BackupJob job(&m_pool, m_sources, file, overwrite);
        m_messages.clear();
        connect(&job, &Job::infoMessage, &job,
                [this](const QString &message) { m_messages.append(message); });
        const Error error = runJob(&job, 120000);
        if (error.isError())
            return error;
        return job.result();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const Result<void> started = m_nodes.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Error error = test::formCluster(m_nodes.addresses(), 0);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        m_topology = test::scan(m_pool, m_nodes.address(0));
        const Result<QList<BackupSource>> sources = backupSources(m_topology);
        QVERIFY2(sources.ok(), qPrintable(sources.error().message()));
        m_sources = sources.value();
        QCOMPARE(m_sources.size(), 3);
        // Disk-based sync ("$<length>" form) unless a test asks for diskless (7.0+ defaults to diskless).
        for (const BackupSource &source : m_sources)
            QVERIFY(ask(m_pool, source.address, {"CONFIG", "SET", "repl-diskless-sync", "no"}).ok());

        const Result<void> seeded = test::seedEveryType(m_pool, m_sources);
        QVERIFY2(seeded.ok(), qPrintable(seeded.error().message()));
    }

    // The slot our digests use is the server's (keyHashSlot is unit-tested on fixed values; this asks
    // CLUSTER KEYSLOT of the running server for keys with and without hash tags).
    void keySlotMatchesTheServer()
    {
        for (const QByteArray &key :
             {QByteArray("foo"), QByteArray("{user1000}.following"), QByteArray("{}foo"),
              QByteArray("a{b}c{d}"), QByteArray("bin\x00\xff", 5), QByteArray("")}) {
            const Result<RedisReply> slot = ask(m_pool, m_nodes.address(0), {"CLUSTER", "KEYSLOT", key});
            QVERIFY(slot.ok());
            QCOMPARE(keyHashSlot(key), int(slot.value().integerValue()));
        }
    }

    void backupVerifiesAndMatchesTheLiveData()
    {
        const QString file = path("cluster.rcsbackup");
        const Result<BackupResult> result = backup(file);
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(m_messages.filter(QStringLiteral("diskless")).size(), 0);
        QVERIFY(QFile::exists(file));
        QVERIFY(!QFile::exists(BackupArchiveWriter::partialPath(file)));
        const BackupManifest &manifest = result.value().manifest;
        QCOMPARE(manifest.shards.size(), 3);
        qint64 dbsize = 0;
        for (const BackupSource &source : m_sources)
            dbsize += ask(m_pool, source.address, {"DBSIZE"}).value().integerValue();
        QCOMPARE(manifest.keyCount(), dbsize);
        for (const ShardManifest &shard : manifest.shards) {
            QVERIFY(shard.rdbBytes > 0);
            QVERIFY(!shard.server.isEmpty());
            QVERIFY(shard.rdbVersion >= 9);
        }

        const Result<VerifiedArchive> verified = verifyArchive(file);
        QVERIFY2(verified.ok(), qPrintable(verified.error().message()));
        QCOMPARE(verified.value().manifest.keyCount(), dbsize);

        LiveDigestJob live(&m_pool, m_sources);
        const Error liveError = runJob(&live, 60000);
        QVERIFY2(!liveError.isError(), qPrintable(liveError.message()));
        QCOMPARE(live.keyCount(), dbsize);
        QMap<int, QByteArray> archived;
        for (const ShardManifest &shard : manifest.shards)
            archived.insert(shard.slotDigests);
        QCOMPARE(archived.size(), live.digests().size());
        for (auto it = archived.cbegin(); it != archived.cend(); ++it)
            QVERIFY2(live.digests().value(it.key()) == it.value(),
                     qPrintable(QStringLiteral("slot %1").arg(it.key())));

        // tar itself reads the archive.
        const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
        if (!tar.isEmpty()) {
            QProcess process;
            process.start(tar, {QStringLiteral("tvf"), file});
            QVERIFY(process.waitForFinished(30000));
            const QByteArray listing = process.readAllStandardOutput();
            QCOMPARE(process.exitCode(), 0);
            for (const char *member : {"shard-0.rdb", "shard-1.rdb", "shard-2.rdb", "manifest.json"})
                QVERIFY2(listing.contains(member), listing.constData());
        }
    }

    // A diskless master answers SYNC with "$EOF:<marker>" and streams the RDB straight from the fork.
    void disklessMasterStreamsWithAnEndMarker()
    {
        for (const BackupSource &source : m_sources) {
            QVERIFY(ask(m_pool, source.address, {"CONFIG", "SET", "repl-diskless-sync", "yes"}).ok());
            QVERIFY(ask(m_pool, source.address, {"CONFIG", "SET", "repl-diskless-sync-delay", "0"}).ok());
        }
        const QString file = path("diskless.rcsbackup");
        const Result<BackupResult> result = backup(file);
        for (const BackupSource &source : m_sources)
            QVERIFY(ask(m_pool, source.address, {"CONFIG", "SET", "repl-diskless-sync", "no"}).ok());
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(m_messages.filter(QStringLiteral("diskless")).size(), 3);
        const Result<VerifiedArchive> verified = verifyArchive(file);
        QVERIFY2(verified.ok(), qPrintable(verified.error().message()));
        // Same data as the disk-based backup: the digests agree with the live ones.
        LiveDigestJob live(&m_pool, m_sources);
        QVERIFY(!runJob(&live, 60000).isError());
        QMap<int, QByteArray> archived;
        for (const ShardManifest &shard : result.value().manifest.shards)
            archived.insert(shard.slotDigests);
        QCOMPARE(archived, live.digests());
    }

    // The masters logged the pseudo-replica's full sync and nothing worse (no crash, no failed fork).
    void serverLogsShowNoTrouble()
    {
        for (int i = 0; i < m_nodes.count(); ++i) {
            const QString tail = m_nodes.outputTail(i, 200);
            for (const char *bad :
                 {"# Background saving terminated with error", "Can't save", "crashed", "ASSERTION"})
                QVERIFY2(!tail.contains(QLatin1String(bad)), qPrintable(tail));
        }
    }

    // AUTH with a user and password (an ACL user allowed only what a backup sends), a user without SYNC
    // refused by the server with the node named, a wrong password refused and never printed.
    void credentialsAndPermissions()
    {
        RedisPool wrongPool;
        wrongPool.setOptions({QStringLiteral("not-the-Passw0rd"), {}, 3000, 5000, {}});
        {
            BackupJob job(&wrongPool, m_sources, path("wrong-password.rcsbackup"), false);
            const Error error = runJob(&job, 30000);
            QCOMPARE(error.code(), ErrorCode::Unauthorized);
            QVERIFY2(error.message().contains(m_sources.first().address.toString()),
                     qPrintable(error.message()));
            QVERIFY2(!error.message().contains(QStringLiteral("not-the-Passw0rd")),
                     qPrintable(error.message()));
            QVERIFY(!QFile::exists(BackupArchiveWriter::partialPath(path("wrong-password.rcsbackup"))));
        }
        const Result<QVersionNumber> version = RedisTestNodes::serverVersion();
        QVERIFY(version.ok());
        if (version->majorVersion() < 6)
            QSKIP("Redis 5.0 has no ACL users.");
        for (const BackupSource &source : m_sources) {
            QVERIFY(ask(m_pool, source.address,
                        {"ACL", "SETUSER", "backupper", "on", ">backup-pw", "-@all", "+sync", "+replconf",
                         "+info"})
                        .ok());
            QVERIFY(ask(m_pool, source.address,
                        {"ACL", "SETUSER", "nosync", "on", ">nosync-pw", "-@all", "+info"})
                        .ok());
        }
        RedisPool backupPool;
        backupPool.setOptions({QStringLiteral("backup-pw"), QStringLiteral("backupper"), 3000, 5000, {}});
        QList<BackupSource> unknownServers = m_sources;
        for (BackupSource &source : unknownServers)
            source.server.clear(); // asked with INFO server by the job
        {
            const QString file = path("acl-user.rcsbackup");
            BackupJob job(&backupPool, unknownServers, file, false);
            const Error error = runJob(&job, 60000);
            QVERIFY2(!error.isError(), qPrintable(error.message()));
            QVERIFY(!job.result().manifest.shards.first().server.isEmpty());
            QVERIFY(verifyArchive(file).ok());
        }
        RedisPool noSyncPool;
        noSyncPool.setOptions({QStringLiteral("nosync-pw"), QStringLiteral("nosync"), 3000, 5000, {}});
        BackupJob refused(&noSyncPool, m_sources, path("no-sync.rcsbackup"), false);
        const Error error = runJob(&refused, 30000);
        QCOMPARE(error.code(), ErrorCode::RedisError);
        QVERIFY2(error.message().contains(m_sources.first().address.toString()) &&
                     error.message().contains(QStringLiteral("NOPERM")),
                 qPrintable(error.message()));
    }

    // Over TLS (a TLS-only node with a password, serving every slot): the same stream, and a certificate
    // for another name refused with the handshake's reason.
    void overTls()
    {
        const Result<QVersionNumber> version = RedisTestNodes::serverVersion();
        QVERIFY(version.ok());
        if (version->majorVersion() < 6)
            QSKIP("Redis 5.0 has no TLS.");
        test::TlsTestNode tls;
        const Result<void> started = test::startTlsTestNode(tls);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        RedisPool &pool = tls.pool;
        const NodeAddress address = tls.node.address(0);
        QVERIFY(ask(pool, address, {"SET", "tls:key", QByteArray(50000, 't')}).ok());
        QCOMPARE(ask(pool, address, {"DBSIZE"}).value().integerValue(), qint64(1));
        const QList<BackupSource> sources{{address, tls.id, SlotSet::all(), {}}};
        const QString file = path("tls.rcsbackup");
        BackupJob job(&pool, sources, file, false);
        const Error error = runJob(&job, 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(job.result().manifest.keyCount(), qint64(1));
        QVERIFY(verifyArchive(file).ok());

        RedisPool wrongName;
        RedisConnectionOptions other = pool.options();
        other.tls.peerName = QStringLiteral("someone-else.example");
        wrongName.setOptions(other);
        BackupJob refused(&wrongName, sources, path("tls-wrong-name.rcsbackup"), false);
        const Error handshake = runJob(&refused, 30000);
        QCOMPARE(handshake.code(), ErrorCode::ConnectionFailed);
        QVERIFY2(handshake.message().contains(QStringLiteral("TLS handshake failed")),
                 qPrintable(handshake.message()));
    }

    void damagedArchivesAreRefusedNamingTheMember()
    {
        const QString file = path("intact.rcsbackup");
        QVERIFY(backup(file).ok());
        QFile intact(file);
        QVERIFY(intact.open(QIODevice::ReadOnly));
        const QByteArray bytes = intact.readAll();

        const QString truncated = path("truncated.rcsbackup");
        QFile out(truncated);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(bytes.left(512 + 1000)); // inside shard-0.rdb, the first member
        out.close();
        Result<VerifiedArchive> checked = verifyArchive(truncated);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().message().contains(QStringLiteral("truncated")) &&
                     checked.error().message().contains(QStringLiteral("shard-0.rdb")),
                 qPrintable(checked.error().message()));
        // Cut short of tar's end blocks only (the last 1024 bytes): still not a finished archive.
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes.left(bytes.size() - 1024));
        out.close();
        checked = verifyArchive(truncated);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().message().contains(QStringLiteral("truncated")),
                 qPrintable(checked.error().message()));

        // A byte inside shard-0.rdb's data (the first member: its data starts after one header block).
        QByteArray flipped = bytes;
        flipped[512 + 200] = char(flipped.at(512 + 200) ^ 0x40);
        const QString altered = path("altered.rcsbackup");
        QFile out2(altered);
        QVERIFY(out2.open(QIODevice::WriteOnly));
        out2.write(flipped);
        out2.close();
        checked = verifyArchive(altered);
        QVERIFY(!checked.ok());
        QVERIFY2(checked.error().message().contains(QStringLiteral("shard-0.rdb")),
                 qPrintable(checked.error().message()));

        const QString foreign = path("foreign.rcsbackup");
        QFile out3(foreign);
        QVERIFY(out3.open(QIODevice::WriteOnly));
        out3.write(QByteArray(4096, 'x'));
        out3.close();
        QVERIFY(!verifyArchive(foreign).ok());
    }

    void noOverwriteWithoutAsking()
    {
        const QString file = path("kept.rcsbackup");
        QFile existing(file);
        QVERIFY(existing.open(QIODevice::WriteOnly));
        existing.write("precious");
        existing.close();
        const Result<BackupResult> refused = backup(file);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::Conflict);
        QVERIFY(existing.open(QIODevice::ReadOnly));
        QCOMPARE(existing.readAll(), QByteArray("precious"));
        existing.close();
        const Result<BackupResult> replaced = backup(file, true);
        QVERIFY2(replaced.ok(), qPrintable(replaced.error().message()));
        QVERIFY(verifyArchive(file).ok());
    }

    void cancelLeavesNoPartialFile()
    {
        const QString file = path("cancelled.rcsbackup");
        BackupJob job(&m_pool, m_sources, file, false);
        job.setAutoDelete(false);
        bool cancelled = false;
        connect(&job, &Job::progress, &job, [&] {
            if (!cancelled) {
                cancelled = true;
                QVERIFY(QFile::exists(BackupArchiveWriter::partialPath(file)));
                job.cancel();
            }
        });
        const Error error = runJob(&job, 60000);
        QVERIFY(cancelled);
        QCOMPARE(error.code(), ErrorCode::Cancelled);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(BackupArchiveWriter::partialPath(file)));
    }

    // The command line: backup --nodes … --to FILE, backup verify FILE, no overwrite without --force, a
    // damaged file refused with exit code 1 (the command bodies run in-process, as the executable runs them).
    void commandLine()
    {
        const cli::Command *command = cli::findCommand(QStringLiteral("backup"));
        QVERIFY(command);
        const QString file = path("cli.rcsbackup");
        const QString nodes = m_nodes.address(0).toString();
        QCOMPARE(command->run({QStringLiteral("--nodes"), nodes, QStringLiteral("--to"), file}), 0);
        QVERIFY(QFile::exists(file));
        QCOMPARE(command->run({QStringLiteral("verify"), file, QStringLiteral("--json")}), 0);
        QCOMPARE(command->run({QStringLiteral("--nodes"), nodes, QStringLiteral("--to"), file}), 1);
        QCOMPARE(command->run({QStringLiteral("--nodes"), nodes, QStringLiteral("--to"), file,
                               QStringLiteral("--force")}),
                 0);
        QCOMPARE(command->run({QStringLiteral("--nodes"), nodes}), 2); // no --to
        QCOMPARE(command->run({QStringLiteral("verify")}), 2);
        QFile archive(file);
        QVERIFY(archive.open(QIODevice::ReadWrite));
        archive.resize(archive.size() / 3);
        archive.close();
        QCOMPARE(command->run({QStringLiteral("verify"), file}), 1);
    }

    void backupUnderAWriterVerifies()
    {
        test::ClusterKeyClient client(&m_pool, m_nodes.addresses());
        QVERIFY(client.refreshBlocking().ok());
        int acknowledged = 0;
        bool running = true;
        int lanes = 8; // each lane stops at its first reply after running turns false
        std::function<void(int)> writeNext = [&](int i) {
            if (!running) {
                --lanes;
                return;
            }
            client.set("live:" + QByteArray::number(i % 5000), QByteArray::number(i),
                       [&, i](Result<QByteArray> r) {
                           if (r.ok())
                               ++acknowledged;
                           writeNext(i + 1);
                       });
        };
        for (int lane = 0; lane < lanes; ++lane)
            writeNext(lane * 100000);
        const QString file = path("under-writer.rcsbackup");
        const Result<BackupResult> result = backup(file);
        const int duringBackup = acknowledged;
        running = false;
        QTRY_COMPARE_WITH_TIMEOUT(lanes, 0, 10000); // no write still in flight when the test ends
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QVERIFY2(duringBackup > 0, "the writer wrote nothing while the backup ran");
        const Result<VerifiedArchive> verified = verifyArchive(file);
        QVERIFY2(verified.ok(), qPrintable(verified.error().message()));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
