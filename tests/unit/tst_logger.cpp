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
