// top and slowlog in their Kubernetes form, through the real redis-cluster-studio binary on kube-sandbox
// (a 6-pod cluster), reaching the pods directly and through port-forward tunnels: every pod is sampled
// and named, one compact JSON line per sample (or CSV rows with --csv); the slow log names the pod of a
// planted slow script.
#include "../integration/job_helpers.h"
#include "e2e_support.h"

#include "redis_app_objects.h"
#include "support/program_run.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

class TestE2eObserve final : public QObject {
    Q_OBJECT
    E2eSandbox m_sandbox;

private Q_SLOTS:
    void initTestCase()
    {
        const QString problem = m_sandbox.startWithCluster(m_sandbox.target(QStringLiteral("direct")));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void topSamplesEveryPod_data()
    {
        QTest::addColumn<QString>("access");
        QTest::newRow("direct") << QStringLiteral("direct");
        QTest::newRow("tunnel") << QStringLiteral("tunnel");
    }
    void topSamplesEveryPod()
    {
        QFETCH(QString, access);
        const StudioRun run = runStudio(QStringList{QStringLiteral("top"), QStringLiteral("--count"),
                                                    QStringLiteral("2"), QStringLiteral("--interval"),
                                                    QStringLiteral("0.5"), QStringLiteral("--json")} +
                                            m_sandbox.target(access),
                                        120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        for (const QString &line : lines) {
            const QJsonObject sample = QJsonDocument::fromJson(line.toUtf8()).object();
            QCOMPARE(sample.value(QLatin1String("nodes_read")).toInt(), 6);
            QVERIFY(sample.value(QLatin1String("ops_per_sec")).toDouble() >= 0);
            QVERIFY(sample.value(QLatin1String("used_memory")).toInteger() > 0);
            QSet<QString> pods;
            for (const QJsonValue &node : sample.value(QLatin1String("nodes")).toArray())
                pods.insert(node.toObject().value(QLatin1String("pod")).toString());
            QCOMPARE(pods, (QSet<QString>{QStringLiteral("redis-app-0"), QStringLiteral("redis-app-1"),
                                          QStringLiteral("redis-app-2"), QStringLiteral("redis-app-3"),
                                          QStringLiteral("redis-app-4"), QStringLiteral("redis-app-5")}));
        }
    }

    // top --csv: the header, then one row per pod per sample, each naming its pod, no negative rate.
    void topCsvRowPerPodPerSample()
    {
        const StudioRun run = runStudio(QStringList{QStringLiteral("top"), QStringLiteral("--count"),
                                                    QStringLiteral("2"), QStringLiteral("--interval"),
                                                    QStringLiteral("0.5"), QStringLiteral("--csv")} +
                                            m_sandbox.target(QStringLiteral("direct")),
                                        120000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(int(lines.size()), 1 + 2 * 6);
        const QStringList header = lines.first().split(QLatin1Char(','));
        QCOMPARE(header.mid(0, 4), (QStringList{QStringLiteral("time_utc"), QStringLiteral("node"),
                                                QStringLiteral("pod"), QStringLiteral("role")}));
        QSet<QString> pods;
        for (const QString &line : lines.mid(1)) {
            const QStringList fields = line.split(QLatin1Char(','));
            QCOMPARE(fields.size(), header.size());
            QVERIFY2(QDateTime::fromString(fields.at(0), Qt::ISODateWithMs).isValid(), qPrintable(line));
            QVERIFY2(fields.at(0).endsWith(QLatin1Char('Z')), qPrintable(line));
            pods.insert(fields.at(2));
            QVERIFY2(!line.contains(QLatin1String(",-")), qPrintable(line));
            QVERIFY(fields.at(header.indexOf(QStringLiteral("used_memory_bytes"))).toLongLong() > 0);
        }
        QCOMPARE(pods.size(), 6);
        QVERIFY(pods.contains(QStringLiteral("redis-app-0")));
    }

    void slowLogNamesThePod()
    {
        const Result<QList<QJsonObject>> pods =
            m_sandbox.list(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("redis-cluster"));
        QVERIFY(pods.ok());
        QJsonObject pod;
        for (const QJsonObject &p : *pods) {
            if (p[QLatin1String("metadata")][QLatin1String("name")].toString() ==
                QLatin1String("redis-app-1"))
                pod = p;
        }
        const NodeAddress address = podAddresses({pod}).first();
        const QStringList cli{QStringLiteral("-h"), address.host, QStringLiteral("-p"),
                              QString::number(address.port)};
        QCOMPARE(
            runRedisCli(cli + QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                          QStringLiteral("slowlog-log-slower-than"), QStringLiteral("10000")},
                        10000)
                .exitCode,
            0);
        const ProgramRun spin = runRedisCli(
            cli + QStringList{QStringLiteral("EVAL"), QString::fromLatin1(spinScript()), QStringLiteral("0")},
            10000);
        QVERIFY2(spin.exitCode == 0, qPrintable(spin.all()));
        const StudioRun run = runStudio(QStringList{QStringLiteral("slowlog"), QStringLiteral("--json")} +
                                            m_sandbox.target(QStringLiteral("direct")),
                                        60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));
        const QJsonObject result = QJsonDocument::fromJson(run.out.toUtf8()).object();
        bool found = false;
        for (const QJsonValue &value : result.value(QLatin1String("entries")).toArray()) {
            const QJsonObject entry = value.toObject();
            if (entry.value(QLatin1String("command")).toString().startsWith(QLatin1String("EVAL")) &&
                entry.value(QLatin1String("pod")).toString() == QLatin1String("redis-app-1")) {
                found = true;
                QVERIFY(entry.value(QLatin1String("duration_us")).toInteger() >= 25000);
            }
        }
        QVERIFY2(found, qPrintable(run.all()));
    }
};

QTEST_GUILESS_MAIN(TestE2eObserve)
#include "tst_e2e_observe.moc"
