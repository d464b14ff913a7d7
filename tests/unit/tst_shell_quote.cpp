// shellQuote's rules, and a real /bin/sh reading the quoted words back.
#include "common/shell_quote.h"

#include <QProcess>
#include <QTest>

using namespace rcs;

class TestShellQuote final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void quote_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("safe characters stay plain")
            << QStringLiteral("redis-app-0.redis_svc:6379/a=b,c+d@e%f")
            << QStringLiteral("redis-app-0.redis_svc:6379/a=b,c+d@e%f");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("space") << QStringLiteral("two words") << QStringLiteral("'two words'");
        QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("only a single quote") << QStringLiteral("'") << QStringLiteral("''\\'''");
        QTest::newRow("double quote") << QStringLiteral("a\"b") << QStringLiteral("'a\"b'");
        QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
        QTest::newRow("glob") << QStringLiteral("key*") << QStringLiteral("'key*'");
        QTest::newRow("braces") << QStringLiteral("{user}1") << QStringLiteral("'{user}1'");
        QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("'a\\b'");
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QStringLiteral("'a;b'");
        QTest::newRow("tilde") << QStringLiteral("~") << QStringLiteral("'~'");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("'a\nb'");
        QTest::newRow("non-ASCII letter") << QStringLiteral("caf\u00e9") << QStringLiteral("'caf\u00e9'");
    }

    void quote()
    {
        QFETCH(QString, word);
        QFETCH(QString, quoted);
        QCOMPARE(shellQuote(word), quoted);
    }

    void joinQuotesEachWord()
    {
        QCOMPARE(shellJoin({QStringLiteral("redis-cli"), QStringLiteral("SET"), QStringLiteral("my key"),
                            QString()}),
                 QStringLiteral("redis-cli SET 'my key' ''"));
        QCOMPARE(shellJoin({}), QString());
    }

    // What the rules promise: sh reads the joined line back as the same words.
    void shellReadsTheWordsBack()
    {
        const QStringList words{QStringLiteral("plain"),
                                QStringLiteral("two words"),
                                QStringLiteral("it's"),
                                QString(),
                                QStringLiteral("$HOME `id` \"q\" \\ * ? ; & | < > ( ) # ~ !"),
                                QStringLiteral("a\nb"),
                                QStringLiteral("caf\u00e9"),
                                QStringLiteral("''")};
        QProcess sh;
        sh.start(QStringLiteral("/bin/sh"),
                 {QStringLiteral("-c"), QStringLiteral("for w in ") + shellJoin(words) +
                                            QStringLiteral("; do printf '%s\\0' \"$w\"; done")});
        QVERIFY2(sh.waitForFinished(10000), "/bin/sh did not finish within 10 s");
        QCOMPARE(sh.exitCode(), 0);
        QStringList read = QString::fromUtf8(sh.readAllStandardOutput()).split(QLatin1Char('\0'));
        QCOMPARE(read.takeLast(), QString()); // after the last terminator
        QCOMPARE(read, words);
    }
};

QTEST_GUILESS_MAIN(TestShellQuote)
#include "tst_shell_quote.moc"
