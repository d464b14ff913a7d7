// The arithmetic of RecordingWriter's longest write gap per shard, without a server: answers in the
// order they came, failed ones counting as part of the gap.
#include "recording_writer.h"

#include <QTest>

using namespace rcs::test;

class TestShardGaps final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void gapRunsBetweenAcknowledgedWritesThroughFailures()
    {
        ShardWrites shard;
        qint64 last = 0; // the start
        recordAnswer(shard, last, 5, true);
        recordAnswer(shard, last, 9, true);
        QCOMPARE(shard.longestGapMs, 5); // from the start to the first
        recordAnswer(shard, last, 300, false);
        recordAnswer(shard, last, 2100, false);
        QCOMPARE(shard.longestGapMs, 2091); // still open: failures extend it
        recordAnswer(shard, last, 2509, true);
        QCOMPARE(shard.longestGapMs, 2500); // closed by the next acknowledged write
        recordAnswer(shard, last, 2600, true);
        QCOMPARE(shard.longestGapMs, 2500);
        QCOMPARE(shard.acknowledged, 4);
        QCOMPARE(shard.failed, 2);
        QCOMPARE(last, 2600);
    }

    void failuresAfterTheLastAcknowledgedWriteCount()
    {
        ShardWrites shard;
        qint64 last = 0;
        recordAnswer(shard, last, 10, true);
        recordAnswer(shard, last, 4010, false);
        QCOMPARE(shard.longestGapMs, 4000);
        QCOMPARE(last, 10);
    }

    void longestOfAllShards()
    {
        QCOMPARE(longestGapOf({}), 0);
        QCOMPARE(longestGapOf({ShardWrites{{}, {}, 120, 1, 0}, ShardWrites{{}, {}, 3000, 1, 5},
                               ShardWrites{{}, {}, 90, 1, 0}}),
                 3000);
    }
};

QTEST_GUILESS_MAIN(TestShardGaps)
#include "tst_shard_gaps.moc"
