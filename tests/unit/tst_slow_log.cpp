#include "observe/slow_log.h"
#include "redis/redis_reply.h"

#include <QTest>

using namespace rcs;
using namespace rcs::observe;

namespace {
QList<QByteArray> args(const char *line)
{
    return QByteArray(line).split(' ');
}
RedisReply entry(qint64 id, qint64 time, qint64 us, const QList<QByteArray> &argv)
{
    QList<RedisReply> a;
    for (const QByteArray &arg : argv)
        a.append(RedisReply::string(arg));
    return RedisReply::array({RedisReply::integer(id), RedisReply::integer(time), RedisReply::integer(us),
                              RedisReply::array(a), RedisReply::string("127.0.0.1:5000"),
                              RedisReply::string("")});
}
} // namespace

class TestSlowLog final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void redaction_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("auth password") << QByteArray("AUTH s3cret") << QByteArray("AUTH (redacted)");
        QTest::newRow("auth user password")
            << QByteArray("auth operator s3cret") << QByteArray("auth (redacted) (redacted)");
        QTest::newRow("hello auth") << QByteArray("HELLO 3 AUTH operator s3cret SETNAME x")
                                    << QByteArray("HELLO 3 AUTH (redacted) (redacted) (redacted) (redacted)");
        QTest::newRow("hello without auth") << QByteArray("HELLO 3") << QByteArray("HELLO 3");
        QTest::newRow("migrate auth")
            << QByteArray("MIGRATE 10.0.0.2 6379 \"\" 0 5000 AUTH s3cret KEYS a b")
            << QByteArray("MIGRATE 10.0.0.2 6379 \"\" 0 5000 AUTH (redacted) KEYS a b");
        QTest::newRow("migrate auth2")
            << QByteArray("MIGRATE 10.0.0.2 6379 k 0 5000 AUTH2 operator s3cret")
            << QByteArray("MIGRATE 10.0.0.2 6379 k 0 5000 AUTH2 (redacted) (redacted)");
        QTest::newRow("acl setuser") << QByteArray("ACL SETUSER operator on >s3cret +@all")
                                     << QByteArray("ACL SETUSER operator (redacted) (redacted) (redacted)");
        QTest::newRow("config set masterauth")
            << QByteArray("CONFIG SET masterauth s3cret") << QByteArray("CONFIG SET masterauth (redacted)");
        QTest::newRow("config set requirepass mixed case")
            << QByteArray("config set RequirePass s3cret") << QByteArray("config set RequirePass (redacted)");
        QTest::newRow("config set several")
            << QByteArray("CONFIG SET maxmemory 1gb masteruser op masterauth s3cret")
            << QByteArray("CONFIG SET maxmemory 1gb masteruser (redacted) masterauth (redacted)");
        QTest::newRow("config set other")
            << QByteArray("CONFIG SET maxmemory 1gb") << QByteArray("CONFIG SET maxmemory 1gb");
        QTest::newRow("config get") << QByteArray("CONFIG GET masterauth")
                                    << QByteArray("CONFIG GET masterauth");
        QTest::newRow("set") << QByteArray("SET auth s3cret") << QByteArray("SET auth s3cret");
    }
    void redaction()
    {
        QFETCH(QByteArray, command);
        QFETCH(QByteArray, expected);
        QCOMPARE(redactArguments(args(command.constData())).join(' '), expected);
        const QString shown = displayCommand(args(command.constData()));
        if (expected.contains("(redacted)"))
            QVERIFY2(!shown.contains(QLatin1String("s3cret")), qPrintable(shown));
    }
    void shortening()
    {
        QList<QByteArray> argv{"SET", QByteArray(100, 'k'), "a value"};
        QCOMPARE(displayCommand(argv, 12, 10), QStringLiteral("SET kkkkkkkkkk… \"a value\""));
        QList<QByteArray> many{"DEL"};
        for (int i = 0; i < 20; ++i)
            many.append(QByteArray::number(i));
        const QString shown = displayCommand(many, 4);
        QVERIFY2(shown.startsWith(QStringLiteral("DEL 0 1 2 … (17 more)")), qPrintable(shown));
        QCOMPARE(displayCommand({"GET", QByteArray("\xff\x01", 2)}), QStringLiteral("GET %FF%01"));
    }
    void parseSlowLogReply()
    {
        const RedisReply reply = RedisReply::array(
            {entry(7, 1700000000, 31000, {"EVAL", "spin", "0"}), entry(6, 1699999990, 12, {"AUTH", "pw"})});
        const Result<QList<SlowLogEntry>> entries = parseSlowLog(reply);
        QVERIFY2(entries.ok(), qPrintable(entries.error().message()));
        QCOMPARE(entries->size(), 2);
        QCOMPARE(entries->at(0).id, 7);
        QCOMPARE(entries->at(0).durationUs, 31000);
        QCOMPARE(entries->at(0).arguments.size(), 3);
        QCOMPARE(entries->at(0).client, QStringLiteral("127.0.0.1:5000"));
        QCOMPARE(entries->at(1).timeUnix, 1699999990);
        // Redis 3.2 style (no client fields) is read too.
        const RedisReply old =
            RedisReply::array({RedisReply::array({RedisReply::integer(1), RedisReply::integer(2),
                                                  RedisReply::integer(3), RedisReply::array({})})});
        QVERIFY(parseSlowLog(old).ok());
        QVERIFY(!parseSlowLog(RedisReply::string("x")).ok());
        QVERIFY(!parseSlowLog(RedisReply::array({RedisReply::integer(1)})).ok());
    }
    void parseLatency()
    {
        const RedisReply reply = RedisReply::array(
            {RedisReply::array({RedisReply::string("command"), RedisReply::integer(1700000000),
                                RedisReply::integer(31), RedisReply::integer(45)})});
        const Result<QList<LatencyEvent>> events = parseLatencyLatest(reply);
        QVERIFY(events.ok());
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->at(0).event, QStringLiteral("command"));
        QCOMPARE(events->at(0).latestMs, 31);
        QCOMPARE(events->at(0).maxMs, 45);
        QVERIFY(!parseLatencyLatest(RedisReply::array({RedisReply::array({RedisReply::string("x")})})).ok());
    }
    void mergeNewestFirst()
    {
        const NodeAddress a{QStringLiteral("127.0.0.1"), 7000};
        const NodeAddress b{QStringLiteral("127.0.0.2"), 7000};
        const QList<SlowLogRow> rows = mergeSlowLogRows({{10, a, {}, 5, QStringLiteral("x"), false},
                                                         {30, b, {}, 5, QStringLiteral("y"), false},
                                                         {10, b, {}, 9, QStringLiteral("z"), false},
                                                         {20, a, {}, 1, QStringLiteral("w"), false}});
        QStringList order;
        for (const SlowLogRow &row : rows)
            order.append(row.command);
        QCOMPARE(order, (QStringList{QStringLiteral("y"), QStringLiteral("w"), QStringLiteral("x"),
                                     QStringLiteral("z")}));
    }
};

QTEST_GUILESS_MAIN(TestSlowLog)
#include "tst_slow_log.moc"
