#include "redis/rebalance_planner.h"

#include <QTest>

using namespace rcs;

namespace {

QString nodeId(char c)
{
    return QString(40, QLatin1Char(c));
}

// "A=0-5460;B=5461-10922;C=10923-16383;D=" → masters A, B, C, D (ids 'a'*40, …).
QList<MasterSlots> mastersFromSpec(const QString &spec)
{
    QList<MasterSlots> masters;
    const QStringList items = spec.split(QLatin1Char(';'));
    for (const QString &item : items) {
        const QString name = item.section(QLatin1Char('='), 0, 0);
        const auto parsed = SlotSet::parse(item.section(QLatin1Char('='), 1));
        Q_ASSERT(parsed.ok());
        masters.append({nodeId(name.at(0).toLower().toLatin1()), *parsed});
    }
    return masters;
}

QString describe(const SlotPlan &plan)
{
    QStringList parts;
    for (const SlotMove &move : plan.moves)
        parts.append(move.sourceId.left(1).toUpper() + QStringLiteral(">") + move.targetId.left(1).toUpper() +
                     QLatin1Char(':') + move.slotSet.toString());
    return parts.join(QLatin1Char(' '));
}

QString countsText(const QMap<QString, int> &counts)
{
    QStringList parts;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        parts.append(it.key().left(1).toUpper() + QLatin1Char('=') + QString::number(it.value()));
    return parts.join(QLatin1Char(' '));
}

// Applying the plan must keep every slot with exactly one owner and only move slots the source has.
void verifyConsistent(const QList<MasterSlots> &masters, const SlotPlan &plan)
{
    QMap<QString, SlotSet> owned;
    for (const MasterSlots &master : masters)
        owned.insert(master.id, master.slotSet);
    SlotSet before;
    for (const SlotSet &set : std::as_const(owned))
        before |= set;
    for (const SlotMove &move : plan.moves) {
        QVERIFY(!move.slotSet.isEmpty());
        QVERIFY(move.sourceId != move.targetId);
        QCOMPARE(owned.value(move.sourceId).intersected(move.slotSet), move.slotSet);
        owned[move.sourceId] -= move.slotSet;
        owned[move.targetId] |= move.slotSet;
    }
    SlotSet after;
    int total = 0;
    for (const SlotSet &set : std::as_const(owned)) {
        after |= set;
        total += set.count();
    }
    QCOMPARE(after, before);
    QCOMPARE(total, before.count());
}

} // namespace

class TestRebalancePlanner final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rebalance_data()
    {
        QTest::addColumn<QString>("masters");
        QTest::addColumn<QString>("weights"); // "D=0,A=2"
        QTest::addColumn<double>("threshold");
        QTest::addColumn<bool>("useEmpty");
        QTest::addColumn<bool>("needed");
        QTest::addColumn<QString>("moves");  // "" = not checked
        QTest::addColumn<QString>("counts"); // resulting counts

        const QString three = QStringLiteral("A=0-5460;B=5461-10922;C=10923-16383");
        QTest::newRow("3 balanced masters") << three << "" << 2.0 << true << false << ""
                                            << "A=5461 B=5462 C=5461";
        QTest::newRow("3 to 4: new empty master") << three + QStringLiteral(";D=") << "" << 2.0 << true
                                                  << true << "B>D:5461-6826 C>D:10923-12287 A>D:0-1364"
                                                  << "A=4096 B=4096 C=4096 D=4096";
        QTest::newRow("empty master ignored unless asked")
            << three + QStringLiteral(";D=") << "" << 2.0 << false << false << ""
            << "A=5461 B=5462 C=5461 D=0";
        QTest::newRow("drain by weight 0")
            << three << "C=0" << 2.0 << true << true << "C>A:10923-13653 C>B:13654-16383"
            << "A=8192 B=8192 C=0";
        QTest::newRow("double weight") << three << "A=2" << 2.0 << true << true << ""
                                       << "A=8192 B=4096 C=4096";
        QTest::newRow("within threshold")
            << QStringLiteral("A=0-5500;B=5501-10922;C=10923-16383") << "" << 2.0 << true << false << ""
            << "A=5501 B=5422 C=5461";
        QTest::newRow("threshold 0 moves the last slots")
            << QStringLiteral("A=0-5500;B=5501-10922;C=10923-16383") << "" << 0.0 << true << true
            << "A>B:0-39"
            << "A=5461 B=5462 C=5461";
        QTest::newRow("all on one master")
            << QStringLiteral("A=0-16383;B=;C=") << "" << 2.0 << true << true << "A>B:0-5461 A>C:5462-10922"
            << "A=5461 B=5462 C=5461";
        QTest::newRow("6 to 8 masters")
            << QStringLiteral(
                   "A=0-2730;B=2731-5460;C=5461-8191;D=8192-10922;E=10923-13652;F=13653-16383;G=;H=")
            << "" << 2.0 << true << true << ""
            << "A=2048 B=2048 C=2048 D=2048 E=2048 F=2048 G=2048 H=2048";
    }
    void rebalance()
    {
        QFETCH(QString, masters);
        QFETCH(QString, weights);
        QFETCH(double, threshold);
        QFETCH(bool, useEmpty);
        const QList<MasterSlots> input = mastersFromSpec(masters);
        RebalanceOptions options;
        options.thresholdPercent = threshold;
        options.useEmptyMasters = useEmpty;
        for (const QString &item : weights.split(QLatin1Char(','), Qt::SkipEmptyParts))
            options.weights.insert(nodeId(item.at(0).toLower().toLatin1()), item.mid(2).toDouble());
        const Result<SlotPlan> plan = planRebalance(input, options);
        QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
        QTEST(plan->needed, "needed");
        QCOMPARE(plan->needed, !plan->moves.isEmpty());
        if (!plan->needed)
            QVERIFY(!plan->reason.isEmpty());
        QFETCH(QString, moves);
        if (!moves.isEmpty())
            QCOMPARE(describe(*plan), moves);
        QTEST(countsText(plan->resultingCounts(input)), "counts");
        verifyConsistent(input, *plan);
    }
    void movesBySourceGroupsForParallelism()
    {
        const auto input = mastersFromSpec(QStringLiteral("A=0-5460;B=5461-10922;C=10923-16383;D=;E="));
        const auto plan = planRebalance(input);
        QVERIFY(plan.ok());
        const QMap<QString, QList<SlotMove>> bySource = plan->movesBySource();
        QCOMPARE(bySource.size(), 3); // three sources can migrate at the same time
        int total = 0;
        for (const QList<SlotMove> &moves : bySource)
            for (const SlotMove &move : moves)
                total += move.slotSet.count();
        QCOMPARE(total, plan->slotCount());
        QVERIFY(plan->slotCount() > 0);
    }
    void rebalanceErrors()
    {
        const auto input = mastersFromSpec(QStringLiteral("A=0-8191;B=8192-16383"));
        RebalanceOptions unknown;
        unknown.weights.insert(nodeId('z'), 1);
        QVERIFY(!planRebalance(input, unknown).ok());
        QVERIFY(planRebalance(input, unknown).error().message().contains(nodeId('z')));
        RebalanceOptions negative;
        negative.weights.insert(nodeId('a'), -1);
        QVERIFY(!planRebalance(input, negative).ok());
        RebalanceOptions zero;
        zero.weights.insert(nodeId('a'), 0);
        zero.weights.insert(nodeId('b'), 0);
        QVERIFY(!planRebalance(input, zero).ok());
    }

    void reshard_data()
    {
        QTest::addColumn<QString>("masters");
        QTest::addColumn<QString>("sources"); // letters, "" = all
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("moves");
        const QString four = QStringLiteral("A=0-5460;B=5461-10922;C=10923-16383;D=");
        QTest::newRow("1000 from all") << four << ""
                                       << "D" << 1000 << true << "B>D:5461-5794 A>D:0-332 C>D:10923-11255";
        QTest::newRow("from one source") << four << "C"
                                         << "D" << 10 << true << "C>D:10923-10932";
        QTest::newRow("all slots of a source") << four << "A"
                                               << "D" << 5461 << true << "A>D:0-5460";
        QTest::newRow("two sources, ceil then floor") << four << "A,B"
                                                      << "D" << 3 << true << "B>D:5461-5462 A>D:0";
        QTest::newRow("too many") << four << "A"
                                  << "D" << 5462 << false << "";
        QTest::newRow("zero") << four << ""
                              << "D" << 0 << false << "";
        QTest::newRow("target is a source") << four << "A,D"
                                            << "D" << 5 << false << "";
        QTest::newRow("unknown target") << four << ""
                                        << "Z" << 5 << false << "";
        QTest::newRow("unknown source") << four << "Z"
                                        << "D" << 5 << false << "";
    }
    void reshard()
    {
        QFETCH(QString, masters);
        QFETCH(QString, sources);
        QFETCH(QString, target);
        QFETCH(int, count);
        QFETCH(bool, ok);
        const auto input = mastersFromSpec(masters);
        QStringList sourceIds;
        for (const QString &letter : sources.split(QLatin1Char(','), Qt::SkipEmptyParts))
            sourceIds.append(nodeId(letter.at(0).toLower().toLatin1()));
        const auto plan = planReshard(input, sourceIds, nodeId(target.at(0).toLower().toLatin1()), count);
        QCOMPARE(plan.ok(), ok);
        if (!ok) {
            QCOMPARE(plan.error().code(), ErrorCode::InvalidInput);
            return;
        }
        QTEST(describe(*plan), "moves");
        QCOMPARE(plan->slotCount(), count);
        verifyConsistent(input, *plan);
    }

    void drain_data()
    {
        QTest::addColumn<QString>("masters");
        QTest::addColumn<QString>("victim");
        QTest::addColumn<QString>("moves");
        QTest::addColumn<QString>("counts");
        QTest::newRow("4 to 3") << QStringLiteral("A=0-4095;B=4096-8191;C=8192-12287;D=12288-16383") << "D"
                                << "D>A:12288-13653 D>B:13654-15018 D>C:15019-16383"
                                << "A=5462 B=5461 C=5461 D=0";
        QTest::newRow("uneven receivers") << QStringLiteral("A=0-99;B=100-8191;C=8192-16383") << "C"
                                          << "C>A:8192-16283 C>B:16284-16383"
                                          << "A=8192 B=8192 C=0";
        QTest::newRow("empty victim") << QStringLiteral("A=0-8191;B=8192-16383;C=") << "C"
                                      << ""
                                      << "A=8192 B=8192 C=0";
    }
    void drain()
    {
        QFETCH(QString, masters);
        QFETCH(QString, victim);
        const auto input = mastersFromSpec(masters);
        const auto plan = planDrain(input, nodeId(victim.at(0).toLower().toLatin1()));
        QVERIFY2(plan.ok(), qPrintable(plan.error().message()));
        QTEST(describe(*plan), "moves");
        QTEST(countsText(plan->resultingCounts(input)), "counts");
        verifyConsistent(input, *plan);
    }
    void drainErrors()
    {
        QVERIFY(!planDrain(mastersFromSpec(QStringLiteral("A=0-16383")), nodeId('a')).ok());
        QVERIFY(!planDrain(mastersFromSpec(QStringLiteral("A=0-16383")), nodeId('q')).ok());
    }
};

QTEST_GUILESS_MAIN(TestRebalancePlanner)
#include "tst_rebalance_planner.moc"
