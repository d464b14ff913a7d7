#include "redis/slot_set.h"

#include <QTest>

using namespace rcs;

class TestSlotSet final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void emptySet()
    {
        const SlotSet set;
        QVERIFY(set.isEmpty());
        QCOMPARE(set.count(), 0);
        QCOMPARE(set.toString(), QString());
        QCOMPARE(set.first(), -1);
        QVERIFY(set.ranges().isEmpty());
        QVERIFY(!set.contains(0));
        QVERIFY(!set.contains(-1));
        QVERIFY(!set.contains(16384));
    }
    void addRemove()
    {
        SlotSet set;
        set.addRange(0, 5460);
        set.add(5462);
        QCOMPARE(set.count(), 5462);
        QVERIFY(set.contains(0));
        QVERIFY(set.contains(5460));
        QVERIFY(!set.contains(5461));
        QVERIFY(set.contains(5462));
        QCOMPARE(set.toString(), QStringLiteral("0-5460,5462"));
        set.removeRange(100, 199);
        set.remove(0);
        QCOMPARE(set.toString(), QStringLiteral("1-99,200-5460,5462"));
        QCOMPARE(set.count(), 5462 - 101);
        QCOMPARE(set.first(), 1);
        const QList<SlotRange> expected{{1, 99}, {200, 5460}, {5462, 5462}};
        QCOMPARE(set.ranges(), expected);
    }
    void fullSet()
    {
        const SlotSet all = SlotSet::all();
        QVERIFY(all.isFull());
        QCOMPARE(all.count(), 16384);
        QCOMPARE(all.toString(), QStringLiteral("0-16383"));
        QVERIFY(all.complement().isEmpty());
        QCOMPARE(SlotSet::range(16383, 16383).toString(), QStringLiteral("16383"));
    }
    void setAlgebra()
    {
        const SlotSet a = SlotSet::range(0, 99);
        const SlotSet b = SlotSet::range(50, 149);
        QCOMPARE(a.united(b).toString(), QStringLiteral("0-149"));
        QCOMPARE(a.subtracted(b).toString(), QStringLiteral("0-49"));
        QCOMPARE(b.subtracted(a).toString(), QStringLiteral("100-149"));
        QCOMPARE(a.intersected(b).toString(), QStringLiteral("50-99"));
        QVERIFY(a.intersects(b));
        QVERIFY(!a.intersects(SlotSet::range(100, 200)));
        QCOMPARE((a | b).count(), 150);
        QCOMPARE((a - b).count(), 50);
        QCOMPARE((a & b).count(), 50);
        QCOMPARE(a.complement().toString(), QStringLiteral("100-16383"));
        QVERIFY(a == SlotSet::range(0, 99));
        QVERIFY(!(a == b));
    }
    // Copies share their bits until one changes: a change never shows in another copy, whichever
    // changes, and every mutator and operator works on a shared, an empty and an emptied set.
    void copiesAreIndependentValues()
    {
        const SlotSet original = SlotSet::range(0, 99);
        SlotSet copy = original;
        copy.add(500);
        copy.remove(0);
        QCOMPARE(original.toString(), QStringLiteral("0-99"));
        QCOMPARE(copy.toString(), QStringLiteral("1-99,500"));

        SlotSet a = original;
        SlotSet b = original;
        a |= SlotSet::range(200, 299);
        b -= SlotSet::range(0, 49);
        SlotSet c = original;
        c &= SlotSet::range(90, 300);
        SlotSet d = original;
        d.removeRange(10, 19);
        d.addRange(1000, 1001);
        QCOMPARE(original.toString(), QStringLiteral("0-99"));
        QCOMPARE(a.toString(), QStringLiteral("0-99,200-299"));
        QCOMPARE(b.toString(), QStringLiteral("50-99"));
        QCOMPARE(c.toString(), QStringLiteral("90-99"));
        QCOMPARE(d.toString(), QStringLiteral("0-9,20-99,1000-1001"));

        SlotSet emptied = original;
        emptied.removeRange(0, 99);
        QVERIFY(emptied.isEmpty());
        QVERIFY(emptied == SlotSet());
        QVERIFY(SlotSet() == emptied);
        QCOMPARE(original.count(), 100);
        SlotSet cleared = original;
        cleared &= SlotSet();
        QVERIFY(cleared.isEmpty());
        QCOMPARE(original.count(), 100);
        SlotSet none;
        none -= original;
        none |= SlotSet();
        QVERIFY(none.isEmpty());
        QVERIFY(!none.intersects(original));
        QCOMPARE(SlotSet().complement().count(), 16384);
        QCOMPARE(none.lowest(3).count(), 0);
        SlotSet grown;
        grown |= original;
        grown.add(100);
        QCOMPARE(original.count(), 100);
        QCOMPARE(grown.count(), 101);
    }
    void lowest()
    {
        SlotSet set = SlotSet::range(10, 19);
        set.addRange(100, 109);
        QCOMPARE(set.lowest(0).toString(), QString());
        QCOMPARE(set.lowest(3).toString(), QStringLiteral("10-12"));
        QCOMPARE(set.lowest(12).toString(), QStringLiteral("10-19,100-101"));
        QCOMPARE(set.lowest(1000), set);
        QCOMPARE(set.toList().size(), 20);
        QCOMPARE(set.toList().at(10), 100);
    }
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<int>("count");
        QTest::newRow("empty") << "" << true << "" << 0;
        QTest::newRow("blank") << "   " << true << "" << 0;
        QTest::newRow("comma list") << "0-5460,5462" << true << "0-5460,5462" << 5462;
        QTest::newRow("cluster nodes form") << "0-5460 5462" << true << "0-5460,5462" << 5462;
        QTest::newRow("mixed separators") << " 1, 2 3,,4-6 " << true << "1-6" << 6;
        QTest::newRow("overlaps merge") << "0-10,5-20" << true << "0-20" << 21;
        QTest::newRow("unordered") << "100,1" << true << "1,100" << 2;
        QTest::newRow("all") << "0-16383" << true << "0-16383" << 16384;
        QTest::newRow("single range slot") << "7-7" << true << "7" << 1;
        QTest::newRow("too big") << "16384" << false << "" << 0;
        QTest::newRow("range too big") << "0-16384" << false << "" << 0;
        QTest::newRow("negative") << "-5" << false << "" << 0;
        QTest::newRow("reversed") << "10-5" << false << "" << 0;
        QTest::newRow("garbage") << "abc" << false << "" << 0;
        QTest::newRow("half range") << "5-" << false << "" << 0;
        QTest::newRow("double dash") << "1--5" << false << "" << 0;
        QTest::newRow("open slot entry") << "[5->-abc]" << false << "" << 0;
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const Result<SlotSet> result = SlotSet::parse(text);
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
            QVERIFY(result.error().message().contains(QStringLiteral("0 to 16383")));
            return;
        }
        QFETCH(QString, normalized);
        QFETCH(int, count);
        QCOMPARE(result->toString(), normalized);
        QCOMPARE(result->count(), count);
    }
    void roundTripsEveryRangeShape()
    {
        SlotSet set;
        for (int slot = 0; slot < SlotSet::SlotCount; slot += 7)
            set.addRange(slot, qMin(slot + (slot % 5), SlotSet::SlotCount - 1));
        const Result<SlotSet> parsed = SlotSet::parse(set.toString());
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, set);
    }
    void keyHashSlots_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<int>("slot");
        // Values from CLUSTER KEYSLOT on a real server.
        QTest::newRow("foo") << QByteArray("foo") << 12182;
        QTest::newRow("bar") << QByteArray("bar") << 5061;
        QTest::newRow("123456789 (CRC16 check value 0x31C3)") << QByteArray("123456789") << (0x31C3 & 16383);
        QTest::newRow("hash tag") << QByteArray("{user1000}.following") << 3443;
        QTest::newRow("same tag, same slot") << QByteArray("{user1000}.followers") << 3443;
        QTest::newRow("empty tag hashes whole key") << QByteArray("foo{}{bar}") << 8363;
        QTest::newRow("tag of first braces") << QByteArray("foo{{bar}}zap") << 4015;
        QTest::newRow("empty key") << QByteArray() << 0;
    }
    void keyHashSlots()
    {
        QFETCH(QByteArray, key);
        QTEST(keyHashSlot(key), "slot");
    }
};

QTEST_GUILESS_MAIN(TestSlotSet)
#include "tst_slot_set.moc"
