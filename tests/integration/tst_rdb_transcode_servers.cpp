// RESTORE payloads an older server reads (issue 18), on real servers: every key of the RDB fixtures
// written by Redis 5.0.5, 6.2.16, 7.0 and Valkey 8.0.1 (tests/unit/rdb_fixtures) is transcoded for each
// server (restorePayload with the server's RDB version) and RESTOREd into a plain node of it — Valkey 8's
// set listpacks and v3 streams into 7.0, 6.2 and 5.0 included — then read back two ways: DUMP decoded
// into the same canonical form as the original, and the per-slot digests of the live replies
// (LiveDigestJob: GET, LRANGE, SMEMBERS, HGETALL, ZRANGE, XRANGE, XINFO, XPENDING) equal to the
// fixture's. TTLs restored as absolute times come back within 2 s.
//
// Targets: the matrix builds in ~/.cache/redis-servers and Debian's /usr/bin/redis-server, each skipped
// (naming the binary) when absent; only $RCS_REDIS_SERVER when it is set, so that scripts/compat.sh runs
// each target once.
#include "backup/backup_job.h"
#include "backup/live_digest.h"
#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"
#include "backup/rdb_transcode.h"
#include "backup/slot_digest.h"
#include "job_helpers.h"
#include "redis/redis_pool.h"
#include "redis/server_identity.h"
#include "support/redis_test_nodes.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace rcs;
using namespace rcs::backup;
using rcs::test::ask;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;

namespace {

const QStringList fixtureServers = {QStringLiteral("redis-5.0.5"), QStringLiteral("redis-6.2.16"),
                                    QStringLiteral("redis-7.0"), QStringLiteral("valkey-8.0.1")};

QList<RdbRecord> fixtureKeys(const QString &server, QString *error)
{
    QFile file(QStringLiteral(RCS_RDB_FIXTURES "/") + server + QStringLiteral(".rdb"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("Cannot read %1: %2.").arg(file.fileName(), file.errorString());
        return {};
    }
    RdbReader reader;
    Result<void> fed = reader.feed(file.readAll());
    if (fed)
        fed = reader.finish();
    if (!fed) {
        *error = fed.error().message();
        return {};
    }
    QList<RdbRecord> keys;
    for (const RdbRecord &record : reader.takeRecords()) {
        if (record.kind == RdbRecord::Kind::Key)
            keys.append(record);
    }
    return keys;
}

QString printable(const QByteArray &key)
{
    return QString::fromLatin1(key.toPercentEncoding());
}

} // namespace

class TestRdbTranscodeServers final : public QObject {
    Q_OBJECT
    RedisPool m_pool;

private Q_SLOTS:
    void everyFixtureRestoresIntoEveryServer_data()
    {
        QTest::addColumn<QString>("binary");
        const QString configured = qEnvironmentVariable("RCS_REDIS_SERVER");
        if (!configured.isEmpty()) {
            QTest::newRow(qPrintable(QFileInfo(configured).fileName())) << configured;
            return;
        }
        const QString cache =
            qEnvironmentVariable("XDG_CACHE_HOME", QDir::homePath() + QStringLiteral("/.cache")) +
            QStringLiteral("/redis-servers/");
        QTest::newRow("redis-5.0.5") << cache + QStringLiteral("redis-5.0.5/src/redis-server");
        QTest::newRow("redis-6.2.16") << cache + QStringLiteral("redis-6.2.16/src/redis-server");
        QTest::newRow("redis-7.0 (Debian)") << QStringLiteral("/usr/bin/redis-server");
        QTest::newRow("valkey-8.0.1") << cache + QStringLiteral("valkey-8.0.1/src/valkey-server");
    }
    void everyFixtureRestoresIntoEveryServer()
    {
        QFETCH(QString, binary);
        if (!QFileInfo(binary).isExecutable())
            QSKIP(qPrintable(QStringLiteral("%1 is not there: build the matrix servers "
                                            "(../shared/servers/README.md) to restore into it.")
                                 .arg(binary)));
        RedisTestNodes nodes;
        RedisTestNodes::Options options;
        options.serverPerNode.insert(0, binary);
        options.extraConfig = {QStringLiteral("cluster-enabled no")}; // a plain node: every key in db 0
        const Result<void> started = nodes.start(1, options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const NodeAddress node = nodes.address(0);

        const Result<RedisReply> info = ask(m_pool, node, {"INFO", "server"});
        QVERIFY2(info.ok(), qPrintable(info ? QString() : info.error().message()));
        const Result<ServerIdentity> identity = parseServerIdentity(info->bytes());
        QVERIFY2(identity.ok(), qPrintable(identity ? QString() : identity.error().message()));
        const int target = rdbVersionOf(identity.value());
        // The server's own DUMP says which RDB version it writes: the table agrees.
        QVERIFY(!ask(m_pool, node, {"SET", "probe", "x"})->isError());
        const Result<RedisReply> probe = ask(m_pool, node, {"DUMP", "probe"});
        QVERIFY(probe.ok());
        const Result<DumpPayload> probed = parseDumpPayload(probe->bytes());
        QVERIFY2(probed.ok(), qPrintable(probed ? QString() : probed.error().message()));
        QCOMPARE(probed->rdbVersion, target);

        for (const QString &source : fixtureServers) {
            QString error;
            const QList<RdbRecord> keys = fixtureKeys(source, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(keys.size() >= 23);
            QVERIFY(!ask(m_pool, node, {"FLUSHALL"})->isError());
            SlotDigests expected;
            for (const RdbRecord &record : keys) {
                const QString what = QStringLiteral("%1 from %2 into %3")
                                         .arg(printable(record.name), source, identity->toString());
                const QByteArray payload = restorePayload(record, target, &error);
                QVERIFY2(!payload.isEmpty(), qPrintable(what + QLatin1String(": ") + error));
                QList<QByteArray> restore = {"RESTORE", record.name, "0", payload};
                if (record.expireMs)
                    restore = {"RESTORE", record.name, QByteArray::number(*record.expireMs), payload,
                               "ABSTTL"};
                const Result<RedisReply> restored = ask(m_pool, node, restore);
                QVERIFY2(restored.ok() && !restored->isError(),
                         qPrintable(what + QLatin1String(": ") +
                                    (restored ? restored->text() : restored.error().message())));

                const Result<RedisReply> dump = ask(m_pool, node, {"DUMP", record.name});
                QVERIFY2(dump.ok() && !dump->isError(), qPrintable(what));
                const Result<DumpPayload> dumped = parseDumpPayload(dump->bytes());
                QVERIFY2(dumped.ok(), qPrintable(what));
                const Result<LogicalValue> live = decodeValue(dumped->type, dumped->value);
                QVERIFY2(live.ok(), qPrintable(what + QLatin1String(": ") + live.error().message()));
                const Result<LogicalValue> original = decodeValue(record.type, record.value);
                QVERIFY(original.ok());
                QCOMPARE(canonicalForm(record.name, live.value()),
                         canonicalForm(record.name, original.value()));
                expected.add(record.name, original.value());

                if (record.expireMs) {
                    const Result<RedisReply> pttl = ask(m_pool, node, {"PTTL", record.name});
                    QVERIFY(pttl.ok());
                    const qint64 left = *record.expireMs - QDateTime::currentMSecsSinceEpoch();
                    QVERIFY2(qAbs(pttl->integerValue() - left) < 2000,
                             qPrintable(what + QStringLiteral(": PTTL %1, expected about %2")
                                                   .arg(pttl->integerValue())
                                                   .arg(left)));
                }
            }
            QVERIFY(!ask(m_pool, node, {"DEL", "probe"})->isError());
            // The live replies give the same per-slot digests as the fixture's records.
            LiveDigestJob digest(&m_pool, {BackupSource{node, QString(), {}, QString()}});
            const Error digestError = runJob(&digest, 60000);
            QVERIFY2(!digestError.isError(), qPrintable(digestError.message()));
            QCOMPARE(digest.keyCount(), qint64(keys.size()));
            QCOMPARE(digest.digests(), expected.digests());
        }
    }
};

QTEST_GUILESS_MAIN(TestRdbTranscodeServers)
#include "tst_rdb_transcode_servers.moc"
