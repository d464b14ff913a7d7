// RESTORE payloads an older server reads (issue 18), on real servers: every key of the RDB fixtures
// written by Redis 5.0.5, 6.2.16, 7.0 and Valkey 8.0.1 (tests/unit/rdb_fixtures) is transcoded for each
// server (restorePayload with the server's RDB version) and RESTOREd into a plain node of it — Valkey 8's
// set listpacks and v3 streams into 7.0, 6.2 and 5.0 included — then read back two ways: DUMP decoded
// into the same canonical form as the original, and the per-slot digests of the live replies
// (LiveDigestJob: GET, LRANGE, SMEMBERS, HGETALL, ZRANGE, XRANGE, XINFO, XPENDING) equal to the
// fixture's. TTLs restored as absolute times come back within 2 s.
// Larger values written live by Valkey 8 (longer listpacks, a stream of several nodes and consumers)
// are DUMPed there and restored the same way into 7.0, 6.2 and 5.0.
//
// Targets: the matrix builds in ~/.cache/redis-servers and Debian's /usr/bin/redis-server, each skipped
// (naming the binary) when absent; only $RCS_REDIS_SERVER when it is set, so that scripts/compat.sh runs
// each target once.
#include "backup/backup_job.h"
#include "backup/live_digest.h"
#include "backup/rdb_logical.h"
#include "backup/rdb_reader.h"
#include "backup/rdb_transcode.h"
#include "backup/rdb_value.h"
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

const QString debianServer = QStringLiteral("/usr/bin/redis-server");

// Why a test skips when binary is absent; empty when it is there.
QString missing(const QString &binary)
{
    if (QFileInfo(binary).isExecutable())
        return {};
    return QStringLiteral("%1 is not there: build the matrix servers (../shared/servers/README.md) to run "
                          "this test with it.")
        .arg(binary);
}

// The target servers of a test: $RCS_REDIS_SERVER alone when set, else those given.
void addTargets(const QList<std::pair<const char *, QString>> &targets)
{
    QTest::addColumn<QString>("binary");
    const QString configured = qEnvironmentVariable("RCS_REDIS_SERVER");
    if (configured.isEmpty()) {
        for (const auto &[name, binary] : targets)
            QTest::newRow(name) << binary;
        return;
    }
    const Result<test::RedisServerBuild> build = RedisTestNodes::serverBuild(configured);
    QTest::newRow(qPrintable(build ? build->name + QLatin1Char('-') + build->version.toString() : configured))
        << configured;
}

QString printable(const QByteArray &key)
{
    return QString::fromLatin1(key.toPercentEncoding());
}

// Starts plain (non-cluster) nodes, node i running binaries[i]: every key in db 0, no slots to own.
Result<void> startPlain(RedisTestNodes &nodes, const QStringList &binaries)
{
    RedisTestNodes::Options options;
    for (int i = 0; i < binaries.size(); ++i)
        options.serverPerNode.insert(i, binaries[i]);
    options.extraConfig = {QStringLiteral("cluster-enabled no")}; // overrides the harness's "yes"
    return nodes.start(int(binaries.size()), options);
}

QString replyError(const Result<RedisReply> &reply)
{
    return !reply ? reply.error().message() : reply->isError() ? reply->text() : QString();
}

} // namespace

class TestRdbTranscodeServers final : public QObject {
    Q_OBJECT
    RedisPool m_pool;

    // The RDB version node writes, from its INFO server (rdbVersionOf), checked against its own DUMP.
    Result<int> rdbVersionAt(const NodeAddress &node, QString *server)
    {
        const Result<RedisReply> info = ask(m_pool, node, {"INFO", "server"});
        if (!replyError(info).isEmpty())
            return Error(ErrorCode::Protocol, replyError(info));
        const Result<ServerIdentity> identity = parseServerIdentity(info->bytes());
        if (!identity)
            return identity.error();
        *server = identity->toString();
        const int version = rdbVersionOf(identity.value());
        const Result<RedisReply> set = ask(m_pool, node, {"SET", "rcs:probe", "x"});
        const Result<RedisReply> dump = ask(m_pool, node, {"DUMP", "rcs:probe"});
        const Result<RedisReply> del = ask(m_pool, node, {"DEL", "rcs:probe"});
        if (!replyError(set).isEmpty() || !replyError(dump).isEmpty() || !replyError(del).isEmpty())
            return Error(ErrorCode::Protocol,
                         QStringLiteral("The probe key could not be written and dumped."));
        const Result<DumpPayload> probed = parseDumpPayload(dump->bytes());
        if (!probed)
            return probed.error();
        if (probed->rdbVersion != version)
            return Error(ErrorCode::Protocol, QStringLiteral("%1 DUMPs RDB version %2, rdbVersionOf says %3.")
                                                  .arg(*server)
                                                  .arg(probed->rdbVersion)
                                                  .arg(version));
        return version;
    }

    // RESTOREs record transcoded for target into node, DUMPs it back and compares canonical forms (and
    // the TTL when it has one). Empty when all is well, else what went wrong.
    QString restoreAndCompare(const NodeAddress &node, const RdbRecord &record, int target)
    {
        QString error;
        const QByteArray payload = restorePayload(record, target, &error);
        if (payload.isEmpty())
            return error;
        QList<QByteArray> restore = {"RESTORE", record.name, "0", payload};
        if (record.expireMs)
            restore = {"RESTORE", record.name, QByteArray::number(*record.expireMs), payload, "ABSTTL"};
        if (const QString refused = replyError(ask(m_pool, node, restore)); !refused.isEmpty())
            return QStringLiteral("RESTORE of type %1: %2").arg(int(quint8(payload[0]))).arg(refused);
        const Result<RedisReply> dump = ask(m_pool, node, {"DUMP", record.name});
        if (const QString failed = replyError(dump); !failed.isEmpty())
            return QStringLiteral("DUMP: ") + failed;
        const Result<DumpPayload> dumped = parseDumpPayload(dump->bytes());
        if (!dumped)
            return dumped.error().message();
        const Result<LogicalValue> live = decodeValue(dumped->type, dumped->value);
        const Result<LogicalValue> original = decodeValue(record.type, record.value);
        if (!live || !original)
            return !live ? live.error().message() : original.error().message();
        const QByteArray got = canonicalForm(record.name, live.value());
        const QByteArray want = canonicalForm(record.name, original.value());
        if (got != want)
            return QStringLiteral("read back as\n%1\ninstead of\n%2")
                .arg(QString::fromLatin1(got.left(600).toPercentEncoding(" \n$*:")),
                     QString::fromLatin1(want.left(600).toPercentEncoding(" \n$*:")));
        if (record.expireMs) {
            const Result<RedisReply> pttl = ask(m_pool, node, {"PTTL", record.name});
            const qint64 left = *record.expireMs - QDateTime::currentMSecsSinceEpoch();
            if (!pttl || qAbs(pttl->integerValue() - left) > 2000)
                return QStringLiteral("PTTL %1 instead of about %2 ms")
                    .arg(pttl ? pttl->integerValue() : -3)
                    .arg(left);
        }
        return {};
    }

    // The live replies of every key of node give these per-slot digests.
    void compareLiveDigests(const NodeAddress &node, const SlotDigests &expected)
    {
        LiveDigestJob digest(&m_pool, {BackupSource{node, QString(), {}, QString()}});
        const Error error = runJob(&digest, 60000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(digest.keyCount(), expected.keyCount());
        QCOMPARE(digest.digests(), expected.digests());
    }

private Q_SLOTS:
    void everyFixtureRestoresIntoEveryServer_data()
    {
        addTargets({{"redis-5.0.5", RedisTestNodes::matrixServerBinary(QStringLiteral("redis-5.0.5"))},
                    {"redis-6.2.16", RedisTestNodes::matrixServerBinary(QStringLiteral("redis-6.2.16"))},
                    {"redis-7.0 (Debian)", debianServer},
                    {"valkey-8.0.1", RedisTestNodes::matrixServerBinary(QStringLiteral("valkey-8.0.1"))}});
    }
    void everyFixtureRestoresIntoEveryServer()
    {
        QFETCH(QString, binary);
        if (const QString why = missing(binary); !why.isEmpty())
            QSKIP(qPrintable(why));
        RedisTestNodes nodes;
        const Result<void> started = startPlain(nodes, {binary});
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const NodeAddress node = nodes.address(0);
        QString server;
        const Result<int> target = rdbVersionAt(node, &server);
        QVERIFY2(target.ok(), qPrintable(target.error().message()));

        for (const QString &source : fixtureServers) {
            QString error;
            const QList<RdbRecord> keys = fixtureKeys(source, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(keys.size() >= 23);
            QVERIFY(replyError(ask(m_pool, node, {"FLUSHALL"})).isEmpty());
            SlotDigests expected;
            for (const RdbRecord &record : keys) {
                const QString failed = restoreAndCompare(node, record, target.value());
                QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("%1 (type %2) from %3 into %4: %5")
                                                          .arg(printable(record.name))
                                                          .arg(record.type)
                                                          .arg(source, server, failed)));
                expected.add(record.name, decodeValue(record.type, record.value).value());
            }
            compareLiveDigests(node, expected);
            if (QTest::currentTestFailed())
                return;
        }
    }

    // Larger values than the fixtures' (lists of several nodes, 100-element listpacks, a stream of 300
    // entries with deletions, three groups, pending entries of several consumers, a consumer without
    // any, a claimed entry; an emptied stream with a group) written by Valkey 8 and DUMPed there, then
    // transcoded and restored into each older server.
    void newestValuesRestoreIntoOlderServers_data()
    {
        addTargets({{"redis-5.0.5", RedisTestNodes::matrixServerBinary(QStringLiteral("redis-5.0.5"))},
                    {"redis-6.2.16", RedisTestNodes::matrixServerBinary(QStringLiteral("redis-6.2.16"))},
                    {"redis-7.0 (Debian)", debianServer}});
    }
    void newestValuesRestoreIntoOlderServers()
    {
        QFETCH(QString, binary);
        const QString valkey = RedisTestNodes::matrixServerBinary(QStringLiteral("valkey-8.0.1"));
        for (const QString &needed : {valkey, binary}) {
            if (const QString why = missing(needed); !why.isEmpty())
                QSKIP(qPrintable(why));
        }
        RedisTestNodes nodes;
        const Result<void> started = startPlain(nodes, {valkey, binary});
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const NodeAddress source = nodes.address(0);
        const NodeAddress node = nodes.address(1);
        QString server;
        const Result<int> target = rdbVersionAt(node, &server);
        QVERIFY2(target.ok(), qPrintable(target.error().message()));

        QList<QList<QByteArray>> writes;
        QList<QByteArray> setLp = {"SADD", "set:lp"}, setBig = {"SADD", "set:big"},
                          hash = {"HSET", "hash:lp"};
        QList<QByteArray> zset = {"ZADD", "zset:lp", "inf", "top", "-inf", "bottom", "1.5e-300", "tiny"};
        QList<QByteArray> list = {"RPUSH", "list:q"};
        for (int i = 0; i < 100; ++i) {
            const QByteArray n = QByteArray::number(i);
            setLp << (i % 2 ? n : "m" + n);
            hash << "f" + n << (i % 3 ? QByteArray(60, char('a' + i % 26)) : n);
            zset << QByteArray::number(i * 1.25 - 40) << "z" + n;
        }
        for (int i = 0; i < 500; ++i)
            setBig << "s" + QByteArray::number(i);
        for (int i = 0; i < 3000; ++i)
            list << (i % 2 ? QByteArray::number(i * 1000003LL) : "element " + QByteArray::number(i));
        writes << setLp << setBig << hash << zset << list;
        for (int i = 1; i <= 300; ++i) {
            QList<QByteArray> add = {"XADD", "stream:big", QByteArray::number(i) + "-0", "n",
                                     QByteArray::number(i)};
            if (i % 7 == 0)
                add << "extra" << QByteArray(30, 'x');
            writes << add;
        }
        writes << QList<QByteArray>{"XDEL", "stream:big", "5-0", "6-0", "150-0"}
               << QList<QByteArray>{"XGROUP", "CREATE", "stream:big", "g1", "0"}
               << QList<QByteArray>{"XGROUP", "CREATE", "stream:big", "g2", "$"}
               << QList<QByteArray>{"XGROUP", "CREATE", "stream:big", "g3", "100-0"}
               << QList<QByteArray>{"XREADGROUP", "GROUP",   "g1",         "alice", "COUNT",
                                    "80",         "STREAMS", "stream:big", ">"}
               << QList<QByteArray>{"XREADGROUP", "GROUP",   "g1",         "bob", "COUNT",
                                    "70",         "STREAMS", "stream:big", ">"}
               << QList<QByteArray>{"XACK", "stream:big", "g1", "10-0", "11-0", "12-0"}
               << QList<QByteArray>{"XCLAIM", "stream:big", "g1", "bob", "0", "20-0"}
               << QList<QByteArray>{"XREADGROUP", "GROUP",   "g3",         "carol", "COUNT",
                                    "5",          "STREAMS", "stream:big", ">"}
               << QList<QByteArray>{"XGROUP", "CREATECONSUMER", "stream:big", "g1", "dave"}
               << QList<QByteArray>{"XADD", "stream:empty", "1-0", "a", "b"}
               << QList<QByteArray>{"XGROUP", "CREATE", "stream:empty", "g", "0"}
               << QList<QByteArray>{"XDEL", "stream:empty", "1-0"};
        for (const QList<QByteArray> &write : std::as_const(writes))
            QVERIFY2(replyError(ask(m_pool, source, write)).isEmpty(),
                     qPrintable(QString::fromLatin1(write.first()) + QLatin1String(": ") +
                                replyError(ask(m_pool, source, write))));

        // The encodings 7.0 and older do not read, as Valkey 8 wrote them.
        const QMap<QByteArray, int> types = {
            {"set:lp", RdbSetListpack},           {"set:big", RdbSet},
            {"hash:lp", RdbHashListpack},         {"zset:lp", RdbZsetListpack},
            {"list:q", RdbListQuicklist2},        {"stream:big", RdbStreamListpacks3},
            {"stream:empty", RdbStreamListpacks3}};
        SlotDigests expected;
        for (auto it = types.cbegin(); it != types.cend(); ++it) {
            const Result<RedisReply> dump = ask(m_pool, source, {"DUMP", it.key()});
            QVERIFY2(replyError(dump).isEmpty(), qPrintable(replyError(dump)));
            const Result<DumpPayload> dumped = parseDumpPayload(dump->bytes());
            QVERIFY2(dumped.ok(), qPrintable(printable(it.key())));
            QCOMPARE(int(dumped->type), it.value());
            RdbRecord record;
            record.name = it.key();
            record.type = dumped->type;
            record.value = dumped->value;
            const QString failed = restoreAndCompare(node, record, target.value());
            QVERIFY2(
                failed.isEmpty(),
                qPrintable(QStringLiteral("%1 into %2: %3").arg(printable(record.name), server, failed)));
            expected.add(record.name, decodeValue(record.type, record.value).value());
        }
        compareLiveDigests(source, expected);
        compareLiveDigests(node, expected);
    }
};

QTEST_GUILESS_MAIN(TestRdbTranscodeServers)
#include "tst_rdb_transcode_servers.moc"
