#include "kube/watch_stream_parser.h"

#include <QRandomGenerator>
#include <QTest>

using namespace rcs;

namespace {
const QByteArray kStream =
    R"({"type":"ADDED","object":{"kind":"Pod","metadata":{"name":"redis-app-0","resourceVersion":"812"}}})"
    "\n"
    R"({"type":"MODIFIED","object":{"kind":"Pod","metadata":{"name":"redis-app-0","resourceVersion":"813"},"status":{"phase":"Running"}}})"
    "\n"
    R"({"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"830"}}})"
    "\n"
    R"({"type":"DELETED","object":{"kind":"Pod","metadata":{"name":"redis-app-0","resourceVersion":"831"}}})"
    "\n"
    R"json({"type":"ERROR","object":{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"too old resource version: 1 (2692711)","reason":"Expired","code":410}})json"
    "\n";

QList<KubeWatchEvent> parseInChunks(const QByteArray &stream, const QList<int> &cuts)
{
    WatchStreamParser parser;
    QList<KubeWatchEvent> events;
    int from = 0;
    for (int cut : cuts) {
        parser.feed(stream.mid(from, cut - from));
        events += parser.takeEvents();
        from = cut;
    }
    parser.feed(stream.mid(from));
    parser.finish();
    events += parser.takeEvents();
    return events;
}

void checkEvents(const QList<KubeWatchEvent> &events)
{
    QCOMPARE(events.size(), 5);
    QCOMPARE(events[0].type, KubeWatchEvent::Type::Added);
    QCOMPARE(events[0].resourceVersion, QStringLiteral("812"));
    QCOMPARE(events[1].type, KubeWatchEvent::Type::Modified);
    QCOMPARE(
        events[1].object.value(QStringLiteral("status")).toObject().value(QStringLiteral("phase")).toString(),
        QStringLiteral("Running"));
    QCOMPARE(events[2].type, KubeWatchEvent::Type::Bookmark);
    QCOMPARE(events[2].resourceVersion, QStringLiteral("830"));
    QCOMPARE(events[3].type, KubeWatchEvent::Type::Deleted);
    QCOMPARE(events[4].type, KubeWatchEvent::Type::Error);
    QCOMPARE(events[4].errorCode, 410);
    QVERIFY(events[4].isGone());
}
} // namespace

class TestWatchStreamParser final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wholeStream() { checkEvents(parseInChunks(kStream, {})); }

    void splitEverywhere()
    {
        // Every single cut position, including inside UTF-8 and right at the newlines.
        for (int cut = 1; cut < kStream.size(); ++cut) {
            const auto events = parseInChunks(kStream, {cut});
            QCOMPARE(events.size(), 5);
            QCOMPARE(events[2].resourceVersion, QStringLiteral("830"));
        }
    }

    void byteByByte()
    {
        QList<int> cuts;
        for (int i = 1; i < kStream.size(); ++i)
            cuts.append(i);
        checkEvents(parseInChunks(kStream, cuts));
    }

    void randomChunks()
    {
        QRandomGenerator random(42);
        for (int round = 0; round < 200; ++round) {
            QList<int> cuts;
            int at = 0;
            while (true) {
                at += 1 + int(random.bounded(40));
                if (at >= kStream.size())
                    break;
                cuts.append(at);
            }
            checkEvents(parseInChunks(kStream, cuts));
        }
    }

    void lastEventWithoutNewline()
    {
        WatchStreamParser parser;
        parser.feed(R"({"type":"ADDED","object":{"metadata":{"resourceVersion":"5"}}})");
        QVERIFY(parser.takeEvents().isEmpty());
        parser.finish();
        const auto events = parser.takeEvents();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].resourceVersion, QStringLiteral("5"));
    }

    void crlfAndBlankLines()
    {
        WatchStreamParser parser;
        parser.feed("\r\n\n"
                    R"({"type":"ADDED","object":{}})"
                    "\r\n\n");
        QCOMPARE(parser.takeEvents().size(), 1);
        QVERIFY(!parser.hasError());
    }

    void garbageLineIsReportedAndSkipped()
    {
        WatchStreamParser parser;
        parser.feed("not json\n"
                    R"({"type":"WHAT","object":{}})"
                    "\n"
                    R"({"type":"ADDED","object":{}})"
                    "\n");
        QCOMPARE(parser.takeEvents().size(), 1);
        QVERIFY(parser.hasError());
        QVERIFY(parser.error().contains(QStringLiteral("WHAT")) ||
                parser.error().contains(QStringLiteral("JSON")));
    }

    void fuzzDoesNotCrash()
    {
        QRandomGenerator random(7);
        for (int round = 0; round < 300; ++round) {
            WatchStreamParser parser;
            QByteArray noise = kStream;
            for (int i = 0; i < 20; ++i)
                noise[int(random.bounded(noise.size()))] = char(random.bounded(256));
            parser.feed(noise.left(noise.size() / 2));
            parser.feed(noise.mid(noise.size() / 2));
            parser.finish();
            QVERIFY(parser.takeEvents().size() <= 5);
        }
    }
};

QTEST_GUILESS_MAIN(TestWatchStreamParser)
#include "tst_watch_stream_parser.moc"
