#include "redis/create_planner.h"

#include <QTest>

#include <algorithm>
#include <numeric>

using namespace rcs;

namespace {

// Nodes 10.0.0.1, 10.0.0.2, … on port 6379; groups[i] is node i's host group ("" = its own IP).
QList<PlannedNodeInput> makeNodes(const QStringList &groups)
{
    QList<PlannedNodeInput> nodes;
    for (int i = 0; i < groups.size(); ++i)
        nodes.append({NodeAddress{QStringLiteral("10.0.0.%1").arg(i + 1), 6379}, groups.at(i)});
    return nodes;
}

QStringList groupsFromSpec(const QString &spec, int count)
{
    if (spec.isEmpty())
        return QStringList(count, QString());
    return spec.split(QLatin1Char(','));
}

// The fewest co-located replica/master pairs any plan with these groups could have, by brute force
// over every choice of masters and every assignment of the replicas (one replica per master).
int bruteForceMinimum(const QStringList &groups, int masters)
{
    const int n = static_cast<int>(groups.size());
    int best = n;
    for (int mask = 0; mask < (1 << n); ++mask) {
        if (__builtin_popcount(static_cast<unsigned>(mask)) != masters)
            continue;
        QList<int> masterIdx;
        QList<int> others;
        for (int i = 0; i < n; ++i)
            ((mask & (1 << i)) ? masterIdx : others).append(i);
        std::sort(others.begin(), others.end());
        do {
            int colocated = 0;
            for (int m = 0; m < masters; ++m)
                colocated += groups.at(masterIdx.at(m)) == groups.at(others.at(m)) ? 1 : 0;
            best = std::min(best, colocated);
        } while (std::next_permutation(others.begin(), others.end()));
    }
    return best;
}

void verifyInvariants(const CreatePlan &plan, const QList<PlannedNodeInput> &nodes, int replicasPerMaster)
{
    // Every node is used exactly once.
    QList<int> used;
    for (const auto &master : plan.masters)
        used.append(master.input);
    for (const auto &replica : plan.replicas)
        used.append(replica.input);
    std::sort(used.begin(), used.end());
    QList<int> all(nodes.size());
    std::iota(all.begin(), all.end(), 0);
    QCOMPARE(used, all);
    // The slot ranges tile 0..16383 in order.
    int next = 0;
    for (const auto &master : plan.masters) {
        QCOMPARE(master.slotRange.first, next);
        QVERIFY(master.slotRange.last >= master.slotRange.first);
        next = master.slotRange.last + 1;
        QCOMPARE(master.address, nodes.at(master.input).address);
    }
    QCOMPARE(next, 16384);
    // Every master has at least the requested replicas; extras differ by at most one.
    for (int m = 0; m < plan.masters.size(); ++m)
        QVERIFY(plan.replicasOf(m).size() >= replicasPerMaster);
    // The co-location list is exactly the pairs sharing a group, and each has a warning naming both.
    int colocated = 0;
    for (int r = 0; r < plan.replicas.size(); ++r) {
        const auto &replica = plan.replicas.at(r);
        QCOMPARE(replica.address, nodes.at(replica.input).address);
        if (replica.hostGroup == plan.masters.at(replica.master).hostGroup) {
            ++colocated;
            const QString master = plan.masters.at(replica.master).address.toString();
            QVERIFY(std::any_of(plan.warnings.cbegin(), plan.warnings.cend(), [&](const QString &w) {
                return w.contains(replica.address.toString()) && w.contains(master);
            }));
        }
    }
    QCOMPARE(plan.colocations.size(), colocated);
}

} // namespace

class TestCreatePlanner final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void plan_data()
    {
        QTest::addColumn<int>("nodeCount");
        QTest::addColumn<QString>("groups"); // comma-separated host groups; "" = every node on its own IP
        QTest::addColumn<int>("replicas");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("ranges");        // master slot ranges joined by ' '
        QTest::addColumn<QString>("masterInputs");  // inputs chosen as masters ("" = not checked)
        QTest::addColumn<QString>("replicaCounts"); // replicas per master
        QTest::addColumn<int>("colocated");
        QTest::addColumn<int>("warnings");

        const QString three = QStringLiteral("0-5460 5461-10922 10923-16383");
        QTest::newRow("6/1 plain endpoints") << 6 << "" << 1 << true << three << "0,1,2"
                                             << "1,1,1" << 0 << 0;
        QTest::newRow("9/2 plain endpoints") << 9 << "" << 2 << true << three << "0,1,2"
                                             << "2,2,2" << 0 << 0;
        QTest::newRow("7/1 extra replica") << 7 << "" << 1 << true << three << "0,1,2"
                                           << "2,1,1" << 0 << 0;
        QTest::newRow("3/0") << 3 << "" << 0 << true << three << "0,1,2"
                             << "0,0,0" << 0 << 0;
        QTest::newRow("4/0 even split") << 4 << "" << 0 << true << "0-4095 4096-8191 8192-12287 12288-16383"
                                        << "0,1,2,3"
                                        << "0,0,0,0" << 0 << 0;
        QTest::newRow("5/0 float rounding like redis-cli")
            << 5 << "" << 0 << true << "0-3276 3277-6553 6554-9829 9830-13106 13107-16383"
            << "0,1,2,3,4"
            << "0,0,0,0,0" << 0 << 0;
        QTest::newRow("5/1 refused") << 5 << "" << 1 << false << ""
                                     << ""
                                     << "" << 0 << 0;
        QTest::newRow("4/1 refused") << 4 << "" << 1 << false << ""
                                     << ""
                                     << "" << 0 << 0;
        QTest::newRow("2/0 refused") << 2 << "" << 0 << false << ""
                                     << ""
                                     << "" << 0 << 0;
        QTest::newRow("8/2 refused") << 8 << "" << 2 << false << ""
                                     << ""
                                     << "" << 0 << 0;
        QTest::newRow("negative replicas") << 6 << "" << -1 << false << ""
                                           << ""
                                           << "" << 0 << 0;
        QTest::newRow("6 on 3 groups: separated") << 6 << "a,a,b,b,c,c" << 1 << true << three << "0,2,4"
                                                  << "1,1,1" << 0 << 0;
        QTest::newRow("6 on 1 group: all co-located") << 6 << "k,k,k,k,k,k" << 1 << true << three << "0,1,2"
                                                      << "1,1,1" << 3 << 4;
        QTest::newRow("6 on 2 groups: separated, majority warning")
            << 6 << "a,a,a,b,b,b" << 1 << true << three << "0,3,1"
            << "1,1,1" << 0 << 1;
        QTest::newRow("9/2 on 3 groups") << 9 << "a,a,a,b,b,b,c,c,c" << 2 << true << three << "0,3,6"
                                         << "2,2,2" << 0 << 0;
        QTest::newRow("one host with 4: one unavoidable pair")
            << 6 << "a,a,a,a,b,c" << 1 << true << three << "0,4,5"
            << "1,1,1" << 1 << 1;
        QTest::newRow("greedy would co-locate, matching does not")
            << 6 << "a,b,b,c,c,c" << 1 << true << three << "0,1,3"
            << "1,1,1" << 0 << 0;
        QTest::newRow("7/1 on 3 groups, extra replica separated")
            << 7 << "a,a,b,b,c,c,a" << 1 << true << three << "0,2,4"
            << "" << 0 << 0;
    }
    void plan()
    {
        QFETCH(int, nodeCount);
        QFETCH(QString, groups);
        QFETCH(int, replicas);
        QFETCH(bool, ok);
        const QList<PlannedNodeInput> nodes = makeNodes(groupsFromSpec(groups, nodeCount));
        const Result<CreatePlan> result = planCreate(nodes, replicas);
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QCOMPARE(result.error().code(), ErrorCode::InvalidInput);
            if (replicas >= 0)
                QVERIFY2(result.error().message().contains(
                             QStringLiteral("At least 3*(replicas+1) nodes are required")),
                         qPrintable(result.error().message()));
            return;
        }
        const CreatePlan &plan = *result;
        verifyInvariants(plan, nodes, replicas);

        QFETCH(QString, ranges);
        QStringList shown;
        for (const auto &master : plan.masters)
            shown.append(SlotSet::range(master.slotRange.first, master.slotRange.last).toString());
        QCOMPARE(shown.join(QLatin1Char(' ')), ranges);

        QFETCH(QString, masterInputs);
        if (!masterInputs.isEmpty()) {
            QStringList inputs;
            for (const auto &master : plan.masters)
                inputs.append(QString::number(master.input));
            QCOMPARE(inputs.join(QLatin1Char(',')), masterInputs);
        }
        QFETCH(QString, replicaCounts);
        if (!replicaCounts.isEmpty()) {
            QStringList counts;
            for (int m = 0; m < plan.masters.size(); ++m)
                counts.append(QString::number(plan.replicasOf(m).size()));
            QCOMPARE(counts.join(QLatin1Char(',')), replicaCounts);
        }
        QFETCH(int, colocated);
        QFETCH(int, warnings);
        QCOMPARE(int(plan.colocations.size()), colocated);
        QCOMPARE(int(plan.warnings.size()), warnings);
    }
    void replicasOfOneMasterSpreadOverGroups()
    {
        const auto plan =
            planCreate(makeNodes(QStringLiteral("a,a,a,b,b,b,c,c,c").split(QLatin1Char(','))), 2);
        QVERIFY(plan.ok());
        for (int m = 0; m < plan->masters.size(); ++m) {
            const QList<int> replicas = plan->replicasOf(m);
            QCOMPARE(replicas.size(), 2);
            QVERIFY(plan->replicas.at(replicas.at(0)).hostGroup !=
                    plan->replicas.at(replicas.at(1)).hostGroup);
        }
    }
    void refusesDuplicateAndInvalidAddresses()
    {
        QList<PlannedNodeInput> nodes = makeNodes(QStringList(6, QString()));
        nodes[5].address = nodes.at(0).address;
        const auto duplicate = planCreate(nodes, 1);
        QVERIFY(!duplicate.ok());
        QVERIFY(duplicate.error().message().contains(QStringLiteral("10.0.0.1:6379 is listed twice")));
        nodes[5].address = NodeAddress{QString(), 6379};
        QVERIFY(!planCreate(nodes, 1).ok());
    }
    void deterministic()
    {
        const auto nodes = makeNodes(QStringLiteral("a,b,a,c,b,a,c,b,a").split(QLatin1Char(',')));
        const auto first = planCreate(nodes, 2);
        const auto second = planCreate(nodes, 2);
        QVERIFY(first.ok() && second.ok());
        for (int r = 0; r < first->replicas.size(); ++r) {
            QCOMPARE(first->replicas.at(r).input, second->replicas.at(r).input);
            QCOMPARE(first->replicas.at(r).master, second->replicas.at(r).master);
        }
    }
    // Every layout of 6 nodes over up to 3 host groups: the plan is valid and co-locates no more
    // pairs than the best possible plan.
    void everySixNodeLayoutIsOptimal()
    {
        const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        for (int code = 0; code < 729; ++code) {
            QStringList groups;
            for (int i = 0, rest = code; i < 6; ++i, rest /= 3)
                groups.append(names.at(rest % 3));
            const auto nodes = makeNodes(groups);
            const auto plan = planCreate(nodes, 1);
            QVERIFY(plan.ok());
            verifyInvariants(*plan, nodes, 1);
            QVERIFY2(plan->colocations.size() == bruteForceMinimum(groups, 3),
                     qPrintable(groups.join(QLatin1Char(','))));
        }
    }
    void evenRangesTileTheSlotSpace()
    {
        for (int masters = 1; masters <= 500; ++masters) {
            const QList<SlotRange> ranges = evenSlotRanges(masters);
            QCOMPARE(ranges.size(), masters);
            int next = 0;
            for (const SlotRange &range : ranges) {
                QCOMPARE(range.first, next);
                QVERIFY(range.count() >= 16384 / masters - 1 && range.count() <= 16384 / masters + 2);
                next = range.last + 1;
            }
            QCOMPARE(next, 16384);
        }
    }
};

QTEST_GUILESS_MAIN(TestCreatePlanner)
#include "tst_create_planner.moc"
