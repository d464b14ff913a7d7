#include "redis/cluster_pacing.h"

#include <QTest>

using namespace rcs;

// Small clusters keep the fast values the benchmarks at 6 and 30 nodes rely on; large ones get room.
class TestClusterPacing final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pollInterval_data()
    {
        QTest::addColumn<int>("requested");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("expected");
        QTest::newRow("6 nodes keep 50 ms") << 50 << 6 << 50;
        QTest::newRow("25 nodes keep 50 ms") << 50 << 25 << 50;
        QTest::newRow("30 nodes") << 50 << 30 << 60;
        QTest::newRow("100 nodes") << 50 << 100 << 200;
        QTest::newRow("a longer request wins") << 500 << 100 << 500;
    }
    void pollInterval()
    {
        QFETCH(int, requested);
        QFETCH(int, nodes);
        QFETCH(int, expected);
        QCOMPARE(pacedPollIntervalMs(requested, nodes), expected);
    }

    void nodeTimeout_data()
    {
        QTest::addColumn<int>("shortMs");
        QTest::addColumn<int>("nodes");
        QTest::addColumn<int>("expected");
        QTest::newRow("6 nodes keep 1 s") << 1000 << 6 << 1000;
        QTest::newRow("25 nodes keep 1 s") << 1000 << 25 << 1000;
        QTest::newRow("50 nodes") << 1000 << 50 << 2000;
        QTest::newRow("100 nodes") << 1000 << 100 << 4000;
        QTest::newRow("500 nodes stop at 5 s") << 1000 << 500 << 5000;
        QTest::newRow("a short value above 5 s is kept") << 8000 << 100 << 8000;
    }
    void nodeTimeout()
    {
        QFETCH(int, shortMs);
        QFETCH(int, nodes);
        QFETCH(int, expected);
        QCOMPARE(pacedNodeTimeoutMs(shortMs, nodes), expected);
    }
};

QTEST_APPLESS_MAIN(TestClusterPacing)
#include "tst_cluster_pacing.moc"
