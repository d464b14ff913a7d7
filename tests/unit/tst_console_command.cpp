// The console's pure parts: the redis-cli rendering of replies, their JSON form, the classifier of
// commands that need a confirmation, the first key's position and the reading of MOVED/ASK.
#include "redis/cluster_command_job.h"
#include "redis/console_command.h"
#include "redis/redis_reply.h"
#include "redis/reply_format.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(rcs::RedisReply)

using namespace rcs;

namespace {
QList<QByteArray> words(const char *line)
{
    return QByteArray(line).split(' ');
}
RedisReply strings(std::initializer_list<const char *> items)
{
    QList<RedisReply> elements;
    for (const char *item : items)
        elements.append(RedisReply::string(item));
    return RedisReply::array(elements);
}
QByteArray json(const RedisReply &reply)
{
    return QJsonDocument(QJsonArray{replyToJson(reply)}).toJson(QJsonDocument::Compact);
}
} // namespace

class TestConsoleCommand final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cliForm_data()
    {
        QTest::addColumn<RedisReply>("reply");
        QTest::addColumn<QString>("expected");
        QTest::newRow("status") << RedisReply::status("OK") << QStringLiteral("OK\n");
        QTest::newRow("integer") << RedisReply::integer(1) << QStringLiteral("(integer) 1\n");
        QTest::newRow("negative") << RedisReply::integer(-2) << QStringLiteral("(integer) -2\n");
        QTest::newRow("nil") << RedisReply::nil() << QStringLiteral("(nil)\n");
        QTest::newRow("error") << RedisReply::error("ERR unknown command 'FOO'")
                               << QStringLiteral("(error) ERR unknown command 'FOO'\n");
        QTest::newRow("string") << RedisReply::string("text") << QStringLiteral("\"text\"\n");
        QTest::newRow("empty string") << RedisReply::string("") << QStringLiteral("\"\"\n");
        QTest::newRow("binary") << RedisReply::string(QByteArray("a\0b\xff\"\\\n", 7))
                                << QStringLiteral("\"a\\x00b\\xff\\\"\\\\\\n\"\n");
        QTest::newRow("utf-8 is bytes, like redis-cli")
            << RedisReply::string("\xc3\xa9") << QStringLiteral("\"\\xc3\\xa9\"\n");
        QTest::newRow("empty array") << RedisReply::array({}) << QStringLiteral("(empty array)\n");
        QTest::newRow("flat array") << strings({"a", "b"}) << QStringLiteral("1) \"a\"\n2) \"b\"\n");
        QTest::newRow("nested") << RedisReply::array(
                                       {RedisReply::integer(0), strings({"k1", "k2"}), RedisReply::nil()})
                                << QStringLiteral("1) (integer) 0\n2) 1) \"k1\"\n   2) \"k2\"\n3) (nil)\n");
        QTest::newRow("wide index right-aligned")
            << strings({"1", "2", "3", "4", "5", "6", "7", "8", "9", "10"})
            << QStringLiteral(" 1) \"1\"\n 2) \"2\"\n 3) \"3\"\n 4) \"4\"\n 5) \"5\"\n 6) \"6\"\n 7) \"7\"\n"
                              " 8) \"8\"\n 9) \"9\"\n10) \"10\"\n");
        QTest::newRow("twice nested")
            << RedisReply::array({RedisReply::array({strings({"x", "y"}), RedisReply::array({})})})
            << QStringLiteral("1) 1) 1) \"x\"\n      2) \"y\"\n   2) (empty array)\n");
    }
    void cliForm()
    {
        QFETCH(RedisReply, reply);
        QFETCH(QString, expected);
        QCOMPARE(formatReplyCli(reply), expected);
    }

    void jsonForm_data()
    {
        QTest::addColumn<RedisReply>("reply");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("status") << RedisReply::status("OK") << QByteArray(R"(["OK"])");
        QTest::newRow("integer") << RedisReply::integer(42) << QByteArray("[42]");
        QTest::newRow("nil") << RedisReply::nil() << QByteArray("[null]");
        QTest::newRow("error") << RedisReply::error("NOPERM no") << QByteArray(R"([{"error":"NOPERM no"}])");
        QTest::newRow("utf-8") << RedisReply::string("\xc3\xa9") << QByteArray("[\"\xc3\xa9\"]");
        QTest::newRow("binary escaped")
            << RedisReply::string(QByteArray("a\xff", 2)) << QByteArray(R"(["a\\xff"])");
        QTest::newRow("nested") << RedisReply::array({RedisReply::integer(1), strings({"a"})})
                                << QByteArray(R"([[1,["a"]]])");
    }
    void jsonForm()
    {
        QFETCH(RedisReply, reply);
        QFETCH(QByteArray, expected);
        QCOMPARE(json(reply), expected);
    }

    void destructive_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<QString>("mentions"); // empty: runs without confirmation
        QTest::newRow("flushall") << QByteArray("FLUSHALL") << QStringLiteral("deletes every key");
        QTest::newRow("flushall async lower") << QByteArray("flushall ASYNC") << QStringLiteral("FLUSHALL");
        QTest::newRow("flushdb") << QByteArray("FlushDB") << QStringLiteral("FLUSHDB deletes");
        QTest::newRow("cluster reset")
            << QByteArray("CLUSTER RESET HARD") << QStringLiteral("forget every peer");
        QTest::newRow("cluster info") << QByteArray("CLUSTER INFO") << QString();
        QTest::newRow("shutdown") << QByteArray("SHUTDOWN NOSAVE") << QStringLiteral("stops the node");
        QTest::newRow("debug") << QByteArray("DEBUG SLEEP 1") << QStringLiteral("crash");
        QTest::newRow("keys") << QByteArray("KEYS *") << QStringLiteral("blocks the server");
        QTest::newRow("get") << QByteArray("GET key") << QString();
        QTest::newRow("scan") << QByteArray("SCAN 0") << QString();
        QTest::newRow("flushall as a key") << QByteArray("GET FLUSHALL") << QString();
    }
    void destructive()
    {
        QFETCH(QByteArray, command);
        QFETCH(QString, mentions);
        const QString effect = destructiveEffect(command.split(' '), false);
        if (mentions.isEmpty())
            QVERIFY2(effect.isEmpty(), qPrintable(effect));
        else
            QVERIFY2(effect.contains(mentions), qPrintable(effect));
    }
    void destructiveInClusterModeNamesReplicas()
    {
        QVERIFY(destructiveEffect(words("FLUSHALL"), true).contains(QStringLiteral("replicas")));
        QVERIFY(!destructiveEffect(words("FLUSHALL"), false).contains(QStringLiteral("replicas")));
        QVERIFY(destructiveEffect({}, true).isEmpty());
    }

    void firstKey_data()
    {
        QTest::addColumn<QByteArray>("command");
        QTest::addColumn<int>("index");
        QTest::newRow("get") << QByteArray("GET user:1") << 1;
        QTest::newRow("lower set") << QByteArray("set k v") << 1;
        QTest::newRow("get without key") << QByteArray("GET") << -1;
        QTest::newRow("eval with key") << QByteArray("EVAL return 1 1 k") << 3;
        QTest::newRow("eval without key") << QByteArray("EVAL return 0 0") << -1;
        QTest::newRow("object encoding") << QByteArray("OBJECT ENCODING k") << 2;
        QTest::newRow("memory stats") << QByteArray("MEMORY STATS x") << -1;
        QTest::newRow("xread") << QByteArray("XREAD COUNT 2 STREAMS s 0") << 4;
        QTest::newRow("ping") << QByteArray("PING") << -1;
        QTest::newRow("cluster info") << QByteArray("CLUSTER INFO") << -1;
    }
    void firstKey()
    {
        QFETCH(QByteArray, command);
        QFETCH(int, index);
        QCOMPARE(firstKeyIndex(command.split(' ')), index);
    }

    void redirect_data()
    {
        QTest::addColumn<QByteArray>("error");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("ask");
        QTest::addColumn<int>("slot");
        QTest::addColumn<QString>("address");
        QTest::newRow("moved") << QByteArray("MOVED 3999 127.0.0.6:6381") << true << false << 3999
                               << QStringLiteral("127.0.0.6:6381");
        QTest::newRow("ask") << QByteArray("ASK 12 10.0.0.2:6379") << true << true << 12
                             << QStringLiteral("10.0.0.2:6379");
        QTest::newRow("empty host: the node that answered")
            << QByteArray("MOVED 7 :7001") << true << false << 7 << QStringLiteral("127.0.0.1:7001");
        QTest::newRow("other error") << QByteArray("ERR wrong number of arguments") << false << false << 0
                                     << QString();
        QTest::newRow("bad slot") << QByteArray("MOVED x 1.2.3.4:5") << false << false << 0 << QString();
        QTest::newRow("bad address") << QByteArray("MOVED 1 host:notaport") << false << false << 0
                                     << QString();
    }
    void redirect()
    {
        QFETCH(QByteArray, error);
        QFETCH(bool, valid);
        QFETCH(bool, ask);
        QFETCH(int, slot);
        QFETCH(QString, address);
        const auto parsed =
            ClusterCommandJob::parseRedirect(error, NodeAddress{QStringLiteral("127.0.0.1"), 7000});
        QCOMPARE(parsed.has_value(), valid);
        if (!valid)
            return;
        QCOMPARE(parsed->ask, ask);
        QCOMPARE(parsed->slot, slot);
        QCOMPARE(parsed->address.toString(), address);
        QCOMPARE(ClusterCommandJob::redirectLine(*parsed).startsWith(QStringLiteral("-> Redirected")), true);
    }
};

QTEST_GUILESS_MAIN(TestConsoleCommand)
#include "tst_console_command.moc"
