#include "redis/redis_reply.h"

#include <QTest>

#include <hiredis/hiredis.h>

using namespace rcs;

Q_DECLARE_METATYPE(rcs::RedisReply)

namespace {
// Parses RESP bytes with hiredis' own reader (no network) and converts the result.
RedisReply parse(const QByteArray &wire)
{
    redisReader *reader = redisReaderCreate();
    redisReaderFeed(reader, wire.constData(), static_cast<size_t>(wire.size()));
    void *raw = nullptr;
    const int rc = redisReaderGetReply(reader, &raw);
    RedisReply reply = rc == REDIS_OK && raw ? RedisReply::fromHiredis(static_cast<redisReply *>(raw))
                                             : RedisReply::error("parse failed");
    if (raw)
        freeReplyObject(raw);
    redisReaderFree(reader);
    return reply;
}
} // namespace

class TestRedisReply final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fromHiredis_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<RedisReply>("expected");
        QTest::addColumn<QString>("shown");
        QTest::newRow("status") << QByteArray("+OK\r\n") << RedisReply::status("OK") << "OK";
        QTest::newRow("error") << QByteArray("-ERR Slot 0 is already busy\r\n")
                               << RedisReply::error("ERR Slot 0 is already busy")
                               << "(error) ERR Slot 0 is already busy";
        QTest::newRow("integer") << QByteArray(":-42\r\n") << RedisReply::integer(-42) << "(integer) -42";
        QTest::newRow("big integer") << QByteArray(":9007199254740993\r\n")
                                     << RedisReply::integer(9007199254740993LL)
                                     << "(integer) 9007199254740993";
        QTest::newRow("bulk string") << QByteArray("$5\r\nhello\r\n") << RedisReply::string("hello")
                                     << "\"hello\"";
        QTest::newRow("binary bulk") << QByteArray("$4\r\na\0\r\n\r\n", 11)
                                     << RedisReply::string(QByteArray("a\0\r\n", 4))
                                     << QString::fromUtf8(QByteArray("\"a\0\r\n\"", 6));
        QTest::newRow("empty bulk") << QByteArray("$0\r\n\r\n") << RedisReply::string({}) << "\"\"";
        QTest::newRow("nil bulk") << QByteArray("$-1\r\n") << RedisReply::nil() << "(nil)";
        QTest::newRow("nil array") << QByteArray("*-1\r\n") << RedisReply::nil() << "(nil)";
        QTest::newRow("empty array") << QByteArray("*0\r\n") << RedisReply::array({}) << "[]";
        QTest::newRow("nested array")
            << QByteArray("*3\r\n$20\r\ncluster-node-timeout\r\n*2\r\n:1\r\n$-1\r\n-ERR inner\r\n")
            << RedisReply::array({RedisReply::string("cluster-node-timeout"),
                                  RedisReply::array({RedisReply::integer(1), RedisReply::nil()}),
                                  RedisReply::error("ERR inner")})
            << "[\"cluster-node-timeout\", [(integer) 1, (nil)], (error) ERR inner]";
    }
    void fromHiredis()
    {
        QFETCH(QByteArray, wire);
        QFETCH(RedisReply, expected);
        QFETCH(QString, shown);
        const RedisReply reply = parse(wire);
        QCOMPARE(reply.type(), expected.type());
        QVERIFY(reply == expected);
        QCOMPARE(reply.toDisplayString(), shown);
    }

    void nullIsNil() { QVERIFY(RedisReply::fromHiredis(nullptr).isNil()); }

    void accessorsByType()
    {
        const RedisReply text = RedisReply::status("PONG");
        QVERIFY(text.isStatus());
        QCOMPARE(text.text(), QStringLiteral("PONG"));
        QCOMPARE(text.integerValue(), 0);
        QVERIFY(text.elements().isEmpty());
        const RedisReply number = RedisReply::integer(7);
        QVERIFY(number.bytes().isEmpty());
        QCOMPARE(RedisReply::typeName(RedisReply::Type::Array), QStringLiteral("array"));
        QVERIFY(RedisReply::string("a") != RedisReply::status("a")); // same bytes, different type
    }
};

QTEST_GUILESS_MAIN(TestRedisReply)
#include "tst_redis_reply.moc"
