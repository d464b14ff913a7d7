// The pure parts of the key scans: SCAN, CONFIG GET and CLUSTER SLOT-STATS replies, the LFU policy
// test, the ranking, and the JSON and text forms of bigkeys/hotkeys/slot-heat.
#include "observe/key_scan.h"
#include "observe/slot_heat_job.h"
#include "operations/key_result.h"
#include "redis/redis_reply.h"

#include <QJsonArray>
#include <QTest>

using namespace rcs;
using namespace rcs::observe;

namespace {
RedisReply strings(const QList<QByteArray> &items)
{
    QList<RedisReply> list;
    for (const QByteArray &item : items)
        list.append(RedisReply::string(item));
    return RedisReply::array(list);
}
RedisReply slotEntry(qint64 slot, QList<RedisReply> stats)
{
    return RedisReply::array({RedisReply::integer(slot), RedisReply::array(std::move(stats))});
}
SampledNode node(const char *address, const char *pod = "")
{
    return {NodeAddress::parse(QString::fromLatin1(address)).value(), QString(), QString::fromLatin1(pod)};
}
} // namespace

class TestKeyScan final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scanReply_data()
    {
        QTest::addColumn<RedisReply>("reply");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QByteArray>("cursor");
        QTest::addColumn<int>("keys");
        QTest::newRow("page") << RedisReply::array({RedisReply::string("17"), strings({"a", "b", "c"})})
                              << true << QByteArray("17") << 3;
        QTest::newRow("last empty page")
            << RedisReply::array({RedisReply::string("0"), RedisReply::array({})}) << true << QByteArray("0")
            << 0;
        QTest::newRow("binary key") << RedisReply::array(
                                           {RedisReply::string("0"), strings({QByteArray("\x00\xff", 2)})})
                                    << true << QByteArray("0") << 1;
        QTest::newRow("not an array") << RedisReply::status("OK") << false << QByteArray() << 0;
        QTest::newRow("cursor integer") << RedisReply::array({RedisReply::integer(0), RedisReply::array({})})
                                        << false << QByteArray() << 0;
        QTest::newRow("key not string")
            << RedisReply::array({RedisReply::string("0"), RedisReply::array({RedisReply::integer(1)})})
            << false << QByteArray() << 0;
        QTest::newRow("three parts") << RedisReply::array({RedisReply::string("0"), RedisReply::array({}),
                                                           RedisReply::nil()})
                                     << false << QByteArray() << 0;
    }
    void scanReply()
    {
        QFETCH(RedisReply, reply);
        QFETCH(bool, ok);
        const Result<ScanPage> page = parseScanReply(reply);
        QCOMPARE(page.ok(), ok);
        if (!ok) {
            QCOMPARE(page.error().code(), ErrorCode::Protocol);
            return;
        }
        QFETCH(QByteArray, cursor);
        QFETCH(int, keys);
        QCOMPARE(page.value().cursor, cursor);
        QCOMPARE(page.value().keys.size(), keys);
    }

    void configValue_data()
    {
        QTest::addColumn<RedisReply>("reply");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("value");
        QTest::newRow("pair") << strings({"maxmemory-policy", "allkeys-lfu"}) << true
                              << QStringLiteral("allkeys-lfu");
        QTest::newRow("upper case name")
            << strings({"MAXMEMORY-POLICY", "noeviction"}) << true << QStringLiteral("noeviction");
        QTest::newRow("empty: unknown parameter") << RedisReply::array({}) << false << QString();
        QTest::newRow("other parameter") << strings({"maxmemory", "0"}) << false << QString();
        QTest::newRow("odd") << strings({"maxmemory-policy"}) << false << QString();
    }
    void configValue()
    {
        QFETCH(RedisReply, reply);
        QFETCH(bool, ok);
        const Result<QString> parsed = parseConfigValue(reply, "maxmemory-policy");
        QCOMPARE(parsed.ok(), ok);
        if (ok) {
            QFETCH(QString, value);
            QCOMPARE(parsed.value(), value);
        }
    }

    void lfuPolicy_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<bool>("lfu");
        QTest::newRow("allkeys-lfu") << QStringLiteral("allkeys-lfu") << true;
        QTest::newRow("volatile-lfu") << QStringLiteral("volatile-lfu") << true;
        QTest::newRow("allkeys-lru") << QStringLiteral("allkeys-lru") << false;
        QTest::newRow("noeviction") << QStringLiteral("noeviction") << false;
        QTest::newRow("empty") << QString() << false;
    }
    void lfuPolicy()
    {
        QFETCH(QString, policy);
        QFETCH(bool, lfu);
        QCOMPARE(isLfuPolicy(policy), lfu);
        if (!lfu) {
            const QString advice = nonLfuAdvice(policy);
            QVERIFY(advice.contains(QLatin1String("CONFIG SET maxmemory-policy allkeys-lfu")));
            QVERIFY(advice.contains(QLatin1String("upgrade --set maxmemory-policy=allkeys-lfu")));
        }
    }

    void ranking_data()
    {
        QTest::addColumn<int>("top");
        QTest::addColumn<QList<qint64>>("values");
        QTest::addColumn<QList<qint64>>("expected");
        QTest::newRow("keeps the biggest") << 3 << QList<qint64>{5, 1, 9, 7, 3, 8} << QList<qint64>{9, 8, 7};
        QTest::newRow("fewer than top") << 5 << QList<qint64>{2, 4} << QList<qint64>{4, 2};
        QTest::newRow("ties kept in key order") << 2 << QList<qint64>{1, 1, 1} << QList<qint64>{1, 1};
        QTest::newRow("zero top") << 0 << QList<qint64>{1, 2} << QList<qint64>{};
    }
    void ranking()
    {
        QFETCH(int, top);
        QFETCH(QList<qint64>, values);
        QFETCH(QList<qint64>, expected);
        KeyRanking ranking(top);
        for (qsizetype i = 0; i < values.size(); ++i)
            ranking.add(
                {"k" + QByteArray::number(i), node("10.0.0.1:6379"), QStringLiteral("string"), values.at(i)});
        QList<qint64> got;
        for (const RankedKey &key : ranking.keys())
            got.append(key.value);
        QCOMPARE(got, expected);
        if (QByteArray(QTest::currentDataTag()) == "ties kept in key order")
            QCOMPARE(ranking.keys().first().key, QByteArray("k0"));
    }

    void slotStats_data()
    {
        QTest::addColumn<RedisReply>("reply");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("slotCount");
        const auto keyCount = [](qint64 n) {
            return QList<RedisReply>{RedisReply::string("key-count"), RedisReply::integer(n)};
        };
        QTest::newRow("two slots") << RedisReply::array(
                                          {slotEntry(0, keyCount(3)), slotEntry(16383, keyCount(0))})
                                   << true << 2;
        QTest::newRow("more metrics")
            << RedisReply::array({slotEntry(5, {RedisReply::string("cpu-usec"), RedisReply::integer(9),
                                                RedisReply::string("key-count"), RedisReply::integer(4)})})
            << true << 1;
        QTest::newRow("empty") << RedisReply::array({}) << true << 0;
        QTest::newRow("no key-count")
            << RedisReply::array({slotEntry(5, {RedisReply::string("cpu-usec"), RedisReply::integer(9)})})
            << false << 0;
        QTest::newRow("slot out of range")
            << RedisReply::array({slotEntry(16384, keyCount(1))}) << false << 0;
        QTest::newRow("error text") << RedisReply::error("ERR unknown subcommand 'SLOT-STATS'") << false << 0;
    }
    void slotStats()
    {
        QFETCH(RedisReply, reply);
        QFETCH(bool, ok);
        QFETCH(int, slotCount);
        const Result<QHash<int, qint64>> counts = parseSlotStats(reply);
        QCOMPARE(counts.ok(), ok);
        if (!ok)
            return;
        QCOMPARE(counts.value().size(), slotCount);
        if (QByteArray(QTest::currentDataTag()) == "two slots")
            QCOMPARE(counts.value().value(0), 3);
        if (QByteArray(QTest::currentDataTag()) == "more metrics")
            QCOMPARE(counts.value().value(5), 4);
    }

    void displayKeyEscapes()
    {
        QCOMPARE(displayKey("user:1"), QStringLiteral("user:1"));
        QVERIFY(!displayKey(QByteArray("\xff\x00", 2)).contains(QChar(0)));
        QVERIFY(displayKey(QByteArray(500, 'k'), 50).size() <= 60);
    }

    void keyScanForms()
    {
        KeyScanResult result;
        result.mode = KeyScanMode::BigKeys;
        result.partial = true;
        result.elapsedMs = 1500;
        result.keys = {{"big", node("10.0.0.1:6379", "redis-app-0"), QStringLiteral("string"), 200000},
                       {"small", node("10.0.0.2:6379"), QStringLiteral("hash"), 80}};
        result.nodes = {{node("10.0.0.1:6379", "redis-app-0"), 10, 100, false, {}, {}},
                        {node("10.0.0.2:6379"), 0, 5, false, {}, QStringLiteral("Connection refused.")}};
        const QJsonObject json = ops::keyScanToJson(result);
        QCOMPARE(json.value(QLatin1String("mode")).toString(), QStringLiteral("bigkeys"));
        QCOMPARE(json.value(QLatin1String("partial")).toBool(), true);
        QCOMPARE(json.value(QLatin1String("scanned")).toInteger(), 10);
        QCOMPARE(json.value(QLatin1String("total")).toInteger(), 105);
        const QJsonObject first = json.value(QLatin1String("keys")).toArray().first().toObject();
        QCOMPARE(first.value(QLatin1String("bytes")).toInteger(), 200000);
        QCOMPARE(first.value(QLatin1String("pod")).toString(), QStringLiteral("redis-app-0"));
        QCOMPARE(json.value(QLatin1String("nodes"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QLatin1String("error"))
                     .toString(),
                 QStringLiteral("Connection refused."));
        const QString text = ops::keyScanToText(result);
        QVERIFY(text.indexOf(QLatin1String("big")) < text.indexOf(QLatin1String("small")));
        QVERIFY(text.contains(QLatin1String("10 of 100 keys scanned (not to the end)")));
        QVERIFY(text.contains(QLatin1String("Partial")));
        QVERIFY(ops::keyScanSummary(result).startsWith(QLatin1String("Biggest key: big (200000 bytes)")));

        result.mode = KeyScanMode::HotKeys;
        result.partial = false;
        result.keys.clear();
        result.nodes = {{node("10.0.0.1:6379"), 0, 0, false, nonLfuAdvice(QStringLiteral("noeviction")), {}}};
        QVERIFY(ops::keyScanToJson(result)
                    .value(QLatin1String("nodes"))
                    .toArray()
                    .first()
                    .toObject()
                    .value(QLatin1String("skipped"))
                    .toString()
                    .contains(QLatin1String("noeviction")));
        QVERIFY(ops::keyScanToText(result).contains(QLatin1String("allkeys-lfu")));
        QVERIFY(ops::keyScanSummary(result).startsWith(QLatin1String("No key found")));
    }

    void slotHeatForms()
    {
        SlotHeat heat;
        heat.keys[0] = 5;
        heat.keys[100] = 12;
        heat.keys[200] = 0;
        heat.nodes = {{node("10.0.0.1:6379"), 3, 17, QStringLiteral("countkeysinslot"), {}}};
        QCOMPARE(heat.totalKeys(), 17);
        QCOMPARE(heat.hottest(), 12);
        const QJsonObject json = ops::slotHeatToJson(heat);
        QCOMPARE(json.value(QLatin1String("slots")).toArray().size(), 16384);
        QCOMPARE(json.value(QLatin1String("slots")).toArray().at(100).toInteger(), 12);
        QCOMPARE(json.value(QLatin1String("slots")).toArray().at(1).toInteger(), -1);
        QCOMPARE(json.value(QLatin1String("total_keys")).toInteger(), 17);
        const QString text = ops::slotHeatToText(heat);
        // The hottest slot first, a slot without keys not listed.
        QVERIFY(text.indexOf(QLatin1String("   100         12")) <
                text.indexOf(QLatin1String("     0          5")));
        QVERIFY(!text.contains(QLatin1String("   200          0")));
    }
};

QTEST_GUILESS_MAIN(TestKeyScan)
#include "tst_key_scan.moc"
