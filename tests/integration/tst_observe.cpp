// Metrics and slow logs on real servers with a known load (issue 17, part 6): the writer's
// acknowledged commands against the ops/s top measures, memory against the data written, a restarted
// node (no negative rate), a planted slow script and a planted password in the slow log.
#include "../e2e/e2e_support.h"
#include "../e2e/recording_writer.h"
#include "job_helpers.h"
#include "observe/cluster_sample_job.h"
#include "observe/slow_log_job.h"
#include "operations/observe_result.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"
#include "redis/create_cluster_job.h"
#include "redis/redis_pool.h"
#include "support/redis_test_nodes.h"

#include <QJsonDocument>
#include <QTest>

using namespace rcs;
using rcs::test::ask;
using rcs::test::RedisTestNodes;
using rcs::test::runJob;
using rcs::test::spinScript;

namespace {
const QByteArray PlantedSecret = "planted-S3cret-pw";

QList<observe::SampledNode> sampledNodes(const RedisTestNodes &nodes)
{
    QList<observe::SampledNode> list;
    for (const NodeAddress &address : nodes.addresses())
        list.append({address, {}, {}});
    return list;
}

const observe::NodeMetrics *metricsOf(const observe::ClusterSample &sample, const NodeAddress &address)
{
    for (const observe::NodeMetrics &node : sample.nodes) {
        if (node.node.address == address)
            return &node;
    }
    return nullptr;
}

QString negativeRate(const observe::ClusterSample &sample)
{
    for (const observe::NodeMetrics &node : sample.nodes) {
        const observe::NodeSample &s = node.sample;
        for (float rate : {s.opsPerSec, s.hitsPerSec, s.missesPerSec, s.netInPerSec, s.netOutPerSec,
                           s.expiredPerSec, s.evictedPerSec, s.cpuPercent}) {
            if (rate < 0)
                return QStringLiteral("%1 shows a negative rate (%2)")
                    .arg(node.node.address.toString())
                    .arg(rate);
        }
    }
    return {};
}
} // namespace

class TestObserve final : public QObject {
    Q_OBJECT
    RedisTestNodes m_nodes;
    RedisPool m_pool;

private Q_SLOTS:
    void initTestCase()
    {
        const Result<void> started = m_nodes.start(6);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Error error = test::formCluster(m_nodes.addresses(), 1);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
    }

    // top through the catalogue (the road both front ends take) while the writer writes: the masters'
    // commands per second agree with the writes the writer saw acknowledged over the same samples.
    void opsMatchTheAcknowledgedWrites()
    {
        test::RecordingWriter writer(m_nodes.addresses(), "observe");
        const Result<void> refreshed = writer.refresh();
        QVERIFY2(refreshed.ok(), qPrintable(refreshed.error().message()));
        ops::OperationRequest request;
        request.kind = ops::OperationKind::Top;
        request.sampleIntervalMs = 1000;
        request.sampleCount = 4;
        const Result<ops::OperationJob *> made =
            ops::createOperation(ops::EndpointTarget{{m_nodes.address(0)}, {}}, request, &m_pool);
        QVERIFY2(made.ok(), qPrintable(made.error().message()));
        std::unique_ptr<ops::OperationJob> top(made.value());
        top->setAutoDelete(false);
        QList<observe::ClusterSample> samples;
        QList<qsizetype> acknowledgedAt;
        connect(top.get(), &ops::OperationJob::sampled, this, [&](const observe::ClusterSample &sample) {
            samples.append(sample);
            acknowledgedAt.append(writer.acknowledged().size());
        });
        Error error;
        test::runWhileWriting(writer, [&] { error = runJob(top.get(), 60000); });
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(samples.size(), 4);
        QVERIFY(writer.failures().isEmpty());
        // Commands the masters processed between the first and the last sample: each later sample's rate
        // times its interval, per node (each node's reading has its own time).
        double processed = 0;
        for (qsizetype k = 1; k < samples.size(); ++k) {
            for (const observe::NodeMetrics &node : samples.at(k).nodes) {
                QVERIFY2(node.read, qPrintable(node.error));
                if (node.sample.isReplica)
                    continue; // a replica counts the replication stream: the same writes again
                QVERIFY(node.sample.hasRates);
                const observe::NodeMetrics *before = metricsOf(samples.at(k - 1), node.node.address);
                QVERIFY(before);
                processed += node.sample.opsPerSec * double(node.sample.atMs - before->sample.atMs) / 1000.0;
            }
        }
        const double acknowledged = double(acknowledgedAt.last() - acknowledgedAt.first());
        qInfo("masters processed %.0f commands, the writer had %.0f writes acknowledged", processed,
              acknowledged);
        QVERIFY2(acknowledged > 300, "the writer wrote too little to compare");
        QVERIFY2(qAbs(processed - acknowledged) <= 0.15 * acknowledged,
                 qPrintable(QStringLiteral("ops %1 vs acknowledged %2").arg(processed).arg(acknowledged)));
        for (const observe::ClusterSample &sample : samples)
            QVERIFY2(negativeRate(sample).isEmpty(), qPrintable(negativeRate(sample)));
        // The JSON line carries the same numbers.
        const QJsonObject json = ops::sampleToJson(samples.last());
        QCOMPARE(json.value(QLatin1String("nodes")).toArray().size(), 6);
        QCOMPARE(json.value(QLatin1String("ops_per_sec")).toDouble(), samples.last().opsPerSec);
    }

    void memoryGrowsWithTheData()
    {
        observe::ClusterMetrics metrics(1000);
        auto sampleOnce = [&] {
            observe::ClusterSampleJob job(sampledNodes(m_nodes), &m_pool, &metrics);
            job.setAutoDelete(false);
            job.setRounds(1);
            job.setIntervalMs(200);
            const Error error = runJob(&job, 30000);
            if (error.isError())
                qWarning("%s", qPrintable(error.message()));
            return job.lastSample();
        };
        const observe::ClusterSample before = sampleOnce();
        // 8 MiB of values on the first master, on keys of its own slots (hash tag of a key it serves).
        const ClusterTopology topology = test::scan(m_pool, m_nodes.address(0));
        const TopologyNode &master = topology.masters().first();
        const QByteArray value(64 * 1024, 'v');
        for (int i = 0; i < 128; ++i) {
            const QByteArray key = "mem:" + QByteArray::number(i);
            // The key goes wherever its slot lives: ask that master (MOVED would say so).
            const Result<RedisReply> slot = ask(m_pool, master.address, {"CLUSTER", "KEYSLOT", key});
            QVERIFY(slot.ok());
            const TopologyNode *owner = nullptr;
            for (const TopologyNode &m : topology.masters()) {
                if (m.slotSet.contains(int(slot->integerValue())))
                    owner = &m;
            }
            QVERIFY(owner);
            QVERIFY(ask(m_pool, owner->address, {"SET", key, value}).ok());
        }
        const observe::ClusterSample after = sampleOnce();
        qInfo("used memory %lld -> %lld", before.usedMemory, after.usedMemory);
        // Masters and their replicas both hold the 8 MiB.
        QVERIFY2(after.usedMemory - before.usedMemory > 12 * 1024 * 1024,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.usedMemory).arg(after.usedMemory)));
        QVERIFY(after.keys >= before.keys + 128);
        QVERIFY2(negativeRate(after).isEmpty(), qPrintable(negativeRate(after)));
    }

    void restartShowsNoNegativeRate()
    {
        observe::ClusterMetrics metrics(1000);
        observe::ClusterSampleJob first(sampledNodes(m_nodes), &m_pool, &metrics);
        first.setAutoDelete(false);
        first.setRounds(1);
        first.setIntervalMs(300);
        Error error = runJob(&first, 30000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        // Node 5 (a replica or a master: either way its counters start again) restarts.
        const NodeAddress restarted = m_nodes.address(5);
        QVERIFY(m_nodes.stop(5).ok());
        const Result<void> back = m_nodes.restart(5);
        QVERIFY2(back.ok(), qPrintable(back.error().message()));
        observe::ClusterSampleJob second(sampledNodes(m_nodes), &m_pool, &metrics);
        second.setAutoDelete(false);
        second.setRounds(2);
        second.setIntervalMs(500);
        QList<observe::ClusterSample> samples;
        connect(&second, &observe::ClusterSampleJob::sampled, this,
                [&](const observe::ClusterSample &sample) { samples.append(sample); });
        error = runJob(&second, 30000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        QCOMPARE(samples.size(), 2);
        const observe::NodeMetrics *atRestart = metricsOf(samples.at(0), restarted);
        QVERIFY(atRestart && atRestart->read);
        QVERIFY2(!atRestart->sample.hasRates, "a restarted node's first sample has no rates (new baseline)");
        QVERIFY(!samples.at(0).hasRates);
        const observe::NodeMetrics *afterRestart = metricsOf(samples.at(1), restarted);
        QVERIFY(afterRestart && afterRestart->read && afterRestart->sample.hasRates);
        for (const observe::ClusterSample &sample : samples)
            QVERIFY2(negativeRate(sample).isEmpty(), qPrintable(negativeRate(sample)));
    }

    // A slow script and a password set while every command was logged: the script is in the merged
    // table on its node, the password in no row and no form of the result.
    void slowLogShowsTheSlowScriptAndNoPassword()
    {
        const NodeAddress slowNode = m_nodes.address(1);
        const NodeAddress secretNode = m_nodes.address(2);
        for (const NodeAddress &address : m_nodes.addresses())
            QVERIFY(ask(m_pool, address, {"SLOWLOG", "RESET"}).ok());
        QVERIFY(ask(m_pool, slowNode, {"CONFIG", "SET", "slowlog-log-slower-than", "10000"}).ok());
        const Result<RedisReply> spun = ask(m_pool, slowNode, {"EVAL", spinScript(), "0"});
        QVERIFY2(spun.ok(), qPrintable(spun.ok() ? QString() : spun.error().message()));
        QVERIFY(ask(m_pool, secretNode, {"CONFIG", "SET", "slowlog-log-slower-than", "0"}).ok());
        QVERIFY(ask(m_pool, secretNode, {"CONFIG", "SET", "masterauth", PlantedSecret}).ok());
        QVERIFY(ask(m_pool, secretNode, {"CONFIG", "SET", "masterauth", ""}).ok());
        QVERIFY(ask(m_pool, secretNode, {"CONFIG", "SET", "slowlog-log-slower-than", "10000"}).ok());

        ops::OperationRequest request;
        request.kind = ops::OperationKind::SlowLog;
        const Result<ops::OperationJob *> made =
            ops::createOperation(ops::EndpointTarget{{m_nodes.address(0)}, {}}, request, &m_pool);
        QVERIFY(made.ok());
        std::unique_ptr<ops::OperationJob> job(made.value());
        job->setAutoDelete(false);
        const Error error = runJob(job.get(), 30000);
        QVERIFY2(!error.isError(), qPrintable(error.message()));
        const QJsonArray entries = job->resultJson().value(QLatin1String("entries")).toArray();
        bool sawScript = false;
        bool sawRedacted = false;
        for (const QJsonValue &value : entries) {
            const QJsonObject entry = value.toObject();
            const QString command = entry.value(QLatin1String("command")).toString();
            if (command.startsWith(QLatin1String("EVAL")) &&
                entry.value(QLatin1String("node")).toString() == slowNode.toString()) {
                sawScript = true;
                QVERIFY2(entry.value(QLatin1String("duration_us")).toInteger() >= 25000, qPrintable(command));
            }
            if (command.contains(QLatin1String("masterauth")) &&
                command.contains(QLatin1String("(redacted)")))
                sawRedacted = true;
        }
        QVERIFY2(sawScript, qPrintable(job->resultText()));
        QVERIFY2(sawRedacted, qPrintable(job->resultText()));
        const QByteArray json = QJsonDocument(job->resultJson()).toJson();
        QVERIFY2(!json.contains(PlantedSecret), json.constData());
        QVERIFY2(!job->resultText().contains(QString::fromLatin1(PlantedSecret)),
                 qPrintable(job->resultText()));
        // The server itself logged the secret's command (5.0 keeps it verbatim): the redaction was ours.
        const Result<RedisReply> raw = ask(m_pool, secretNode, {"SLOWLOG", "GET", "128"});
        QVERIFY(raw.ok());
        qInfo("the server's own slow log %s the secret",
              raw->toDisplayString().contains(QString::fromLatin1(PlantedSecret)) ? "holds"
                                                                                  : "does not hold");
        QVERIFY(ask(m_pool, slowNode, {"CONFIG", "SET", "slowlog-log-slower-than", "10000"}).ok());
    }
};

QTEST_GUILESS_MAIN(TestObserve)
#include "tst_observe.moc"
