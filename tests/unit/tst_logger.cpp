#include "common/logger.h"

#include <QSignalSpy>
#include <QTest>

using namespace rcs;

class TestLogger final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { Logger::instance().clear(); }

    void recordsEntriesWithCommand()
    {
        QSignalSpy spy(&Logger::instance(), &Logger::entryAdded);
        Logger::instance().command(
            QStringLiteral("kube"), QStringLiteral("Scaling"),
            QStringLiteral("kubectl -n redis-cluster scale statefulset redis-app --replicas=7"));
        QCOMPARE(spy.count(), 1);
        const auto entries = Logger::instance().entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().category, QStringLiteral("kube"));
        QVERIFY(entries.first().command.startsWith(QStringLiteral("kubectl ")));
        QVERIFY(entries.first().time.isValid());
        QCOMPARE(entries.first().level, LogLevel::Info);
        QCOMPARE(entries.first().message, QStringLiteral("Scaling"));
    }

    void levelsAreKept()
    {
        Logger::instance().warning(QStringLiteral("redis"),
                                   QStringLiteral("A replica shares its master's host."));
        Logger::instance().error(QStringLiteral("workflow"), QStringLiteral("The cluster did not form."));
        const auto entries = Logger::instance().entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).level, LogLevel::Warning);
        QCOMPARE(entries.at(1).level, LogLevel::Error);
        QCOMPARE(entries.at(1).category, QStringLiteral("workflow"));
        QVERIFY(entries.at(1).command.isEmpty());
        QVERIFY(entries.at(0).time <= entries.at(1).time);
        QCOMPARE(logLevelName(LogLevel::Warning).isEmpty(), false);
    }

    void redactsSecretsInMessageAndCommand()
    {
        Logger::instance().addSecret(QStringLiteral("s3cr3t-token"));
        Logger::instance().info(QStringLiteral("redis"), QStringLiteral("AUTH with s3cr3t-token"),
                                QStringLiteral("redis-cli -a s3cr3t-token ping"));
        const auto entry = Logger::instance().entries().constLast();
        QVERIFY(!entry.message.contains(QStringLiteral("s3cr3t")));
        QVERIFY(!entry.command.contains(QStringLiteral("s3cr3t")));
        QVERIFY(entry.command.contains(QStringLiteral("***")));
    }

    void shortSecretsAreIgnored()
    {
        Logger::instance().addSecret(QStringLiteral("a"));
        QCOMPARE(Logger::instance().redact(QStringLiteral("a cat")), QStringLiteral("a cat"));
    }
};

QTEST_GUILESS_MAIN(TestLogger)
#include "tst_logger.moc"
