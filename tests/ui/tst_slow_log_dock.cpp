// The Slow log dock on real redis-server nodes: a planted 30 ms script shows as a row of its node with
// its duration, a CONFIG SET requirepass row shows no password, the topology's selection filters the
// rows (the toggle shows them all again), reading never blocks the event loop and can be cancelled, and
// a node that refuses SLOWLOG is listed under the table. The JSON the backend reads back is checked
// without servers.
#include "../integration/job_helpers.h"
#include "operations/observe_result.h"
#include "redis/redis_pool.h"
#include "studio_fixtures.h"
#include "support/redis_test_nodes.h"
#include "ui/core_backend.h"
#include "ui/main_window.h"
#include "ui/slow_log_dock.h"
#include "ui/topology_model.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace rcs;
using namespace rcs::ui;
using rcs::test::ask;

namespace {
const QByteArray PlantedSecret = "planted-S3cret-pw";
// slow_log_dock.cpp's roles: the numbers a column sorts by; a latency event's mark.
constexpr int SortRole = Qt::UserRole + 1;
constexpr int LatencyRole = Qt::UserRole + 3;

struct ShownRow {
    QString node;
    qint64 durationUs = 0;
    QString command;
    QString text; // every cell, for the secret check
};

QList<ShownRow> shownRows(const SlowLogDock *dock)
{
    const QAbstractItemModel *model = dock->table()->model();
    QList<ShownRow> rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        ShownRow shown;
        shown.node = model->index(row, SlowLogDock::NodeColumn).data().toString();
        shown.durationUs = model->index(row, SlowLogDock::DurationColumn).data(SortRole).toLongLong();
        shown.command = model->index(row, SlowLogDock::CommandColumn).data().toString();
        for (int column = 0; column < SlowLogDock::ColumnCount; ++column)
            shown.text += model->index(row, column).data().toString() + QLatin1Char('|');
        rows.append(shown);
    }
    return rows;
}

const ShownRow *scriptRow(const QList<ShownRow> &rows)
{
    for (const ShownRow &row : rows) {
        if (row.command.startsWith(QLatin1String("EVAL")))
            return &row;
    }
    return nullptr;
}

// Refresh pressed; true once the reading (still running after the click) ended as ok says. ticks counts
// the event loop's passes meanwhile.
bool refreshAndWait(SlowLogDock *dock, bool ok, int *ticks = nullptr)
{
    QSignalSpy done(dock, &SlowLogDock::refreshed);
    QTimer ticker;
    int count = 0;
    QObject::connect(&ticker, &QTimer::timeout, [&count] { ++count; });
    // A zero timer fires at every pass of the event loop: the passes made while the reading ran.
    ticker.start(0);
    QTest::mouseClick(dock->refreshButton(), Qt::LeftButton);
    // The click returned with the reading still running: it goes on in the background.
    if (!dock->isRunning())
        return false;
    if (done.isEmpty() && !done.wait(60000))
        return false;
    if (ticks)
        *ticks = count;
    return done.first().first().toBool() == ok;
}
} // namespace

class TestSlowLogDock final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { rcs::ui::test::isolateSettings(); }

    // What the backend reads back from the operation's JSON is what core put there (no servers).
    void readingFromJson()
    {
        observe::SlowLogRow slow;
        slow.timeUnix = 1700000000;
        slow.node = NodeAddress{QStringLiteral("10.0.0.1"), 6379};
        slow.pod = QStringLiteral("redis-app-0");
        slow.durationUs = 31250;
        slow.command = QStringLiteral("CONFIG SET requirepass (redacted)");
        observe::SlowLogRow latency;
        latency.timeUnix = 1700000001;
        latency.node = NodeAddress{QStringLiteral("10.0.0.2"), 6380};
        latency.durationUs = 120000;
        latency.command = QStringLiteral("latency: command (max 120 ms)");
        latency.isLatencyEvent = true;
        const observe::SampledNode down{NodeAddress{QStringLiteral("10.0.0.3"), 6379}, {}, {}};
        const QString why =
            QStringLiteral("NOPERM this user has no permissions to run the 'slowlog' command");

        const SlowLogReading reading =
            slowLogReadingFromJson(ops::slowLogToJson({latency, slow}, {{down, why}}));
        QCOMPARE(reading.rows.size(), 2);
        const observe::SlowLogRow &first = reading.rows.at(0);
        QCOMPARE(first.node, latency.node);
        QCOMPARE(first.timeUnix, latency.timeUnix);
        QCOMPARE(first.durationUs, latency.durationUs);
        QCOMPARE(first.command, latency.command);
        QVERIFY(first.isLatencyEvent);
        QVERIFY(first.pod.isEmpty());
        const observe::SlowLogRow &second = reading.rows.at(1);
        QCOMPARE(second.node, slow.node);
        QCOMPARE(second.pod, slow.pod);
        QCOMPARE(second.durationUs, slow.durationUs);
        QCOMPARE(second.command, slow.command);
        QVERIFY(!second.isLatencyEvent);
        QCOMPARE(reading.unread.size(), 1);
        QCOMPARE(reading.unread.first().first, down.address.toString());
        QCOMPARE(reading.unread.first().second, why);
        // Anything else (not an object, no entries, a node that is no address) reads as nothing.
        QVERIFY(slowLogReadingFromJson(QJsonObject()).rows.isEmpty());
        QJsonObject odd{{QStringLiteral("entries"), QJsonArray{QJsonObject{{QStringLiteral("node"), 7}}, 3}}};
        QVERIFY(slowLogReadingFromJson(odd).rows.isEmpty());
    }

    void slowLogInTheWindow()
    {
        rcs::test::RedisTestNodes nodes;
        const Result<void> started = nodes.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const Error formed = rcs::test::formCluster(nodes.addresses(), 0);
        QVERIFY2(!formed.isError(), qPrintable(formed.message()));

        // The planted entries: a 30 ms script on one node, a password set (and taken back) on another.
        const NodeAddress slowNode = nodes.address(1);
        const NodeAddress secretNode = nodes.address(2);
        RedisPool pool;
        for (const NodeAddress &address : nodes.addresses())
            QVERIFY(ask(pool, address, {"SLOWLOG", "RESET"}).ok());
        QVERIFY(ask(pool, slowNode, {"CONFIG", "SET", "slowlog-log-slower-than", "10000"}).ok());
        // The latency monitor records the script too: a latency event row.
        QVERIFY(ask(pool, slowNode, {"CONFIG", "SET", "latency-monitor-threshold", "10"}).ok());
        const Result<RedisReply> spun = ask(pool, slowNode, {"EVAL", rcs::test::spinScript(), "0"});
        QVERIFY2(spun.ok(), qPrintable(spun.ok() ? QString() : spun.error().message()));
        QVERIFY(ask(pool, secretNode, {"CONFIG", "SET", "slowlog-log-slower-than", "0"}).ok());
        // The connection that sets the password logs in with it (5.0 asks it at once) and takes it back.
        QVERIFY(ask(pool, secretNode, {"CONFIG", "SET", "requirepass", PlantedSecret}).ok());
        QVERIFY(ask(pool, secretNode, {"AUTH", PlantedSecret}).ok());
        QVERIFY(ask(pool, secretNode, {"CONFIG", "SET", "requirepass", ""}).ok());
        QVERIFY(ask(pool, secretNode, {"SET", "slowlog:visible", "1"}).ok());
        QVERIFY(ask(pool, secretNode, {"CONFIG", "SET", "slowlog-log-slower-than", "10000"}).ok());

        CoreBackend backend;
        MainWindow window(&backend);
        window.resize(1200, 800);
        window.setRefreshInterval(2000);
        window.show();
        StudioTarget target;
        target.kind = StudioTarget::Kind::Endpoints;
        target.endpoints = nodes.addressList();
        window.setTarget(target);
        QTRY_COMPARE_WITH_TIMEOUT(window.topologyModel()->nodes().size(), qsizetype(3), 30000);

        // View → Slow log shows the dock and starts reading; the window goes on meanwhile.
        SlowLogDock *dock = window.slowLogPanel();
        QVERIFY(!window.slowLogDock()->isVisible());
        QAction *open = nullptr;
        for (QAction *menu : window.menuBar()->actions()) {
            for (QAction *a : menu->menu() ? menu->menu()->actions() : QList<QAction *>()) {
                if (a->text() == QLatin1String("Slow log"))
                    open = a;
            }
        }
        QVERIFY2(open, "no Slow log entry in the menus");
        QSignalSpy firstRead(dock, &SlowLogDock::refreshed);
        open->trigger();
        QVERIFY(window.slowLogDock()->isVisible());
        QVERIFY(!dock->visibleRegion().isEmpty()); // in front of the Log it shares a tab group with
        QVERIFY(dock->isRunning());
        QVERIFY(dock->cancelButton()->isEnabled());
        QVERIFY(!dock->refreshButton()->isEnabled());
        QVERIFY2(dock->statusLabel()->text().contains(QLatin1String("Reading")),
                 qPrintable(dock->statusLabel()->text()));
        QVERIFY(firstRead.wait(60000));
        QVERIFY2(firstRead.first().first().toBool(), qPrintable(dock->statusLabel()->text()));
        QVERIFY(!dock->isRunning());

        // Refresh again: the event loop keeps turning until the reading ends.
        int ticks = 0;
        QVERIFY2(refreshAndWait(dock, true, &ticks), qPrintable(dock->statusLabel()->text()));
        QVERIFY2(ticks > 0, "the event loop did not run while the slow logs were read");
        QVERIFY(dock->unreadLabel()->isHidden());

        // The script is a row of its node, at least 30 ms long; nothing shows the password.
        QVERIFY(dock->showsCluster());
        QList<ShownRow> rows = shownRows(dock);
        const ShownRow *script = scriptRow(rows);
        QVERIFY2(script, qPrintable(rows.isEmpty() ? QStringLiteral("no rows") : rows.first().text));
        QCOMPARE(script->node, slowNode.toString());
        QVERIFY2(script->durationUs >= 30000, qPrintable(script->text));
        bool sawRequirepass = false;
        for (const ShownRow &row : std::as_const(rows)) {
            QVERIFY2(!row.text.contains(QString::fromLatin1(PlantedSecret)), qPrintable(row.text));
            if (row.command.contains(QLatin1String("requirepass"), Qt::CaseInsensitive)) {
                sawRequirepass = true;
                QVERIFY2(row.command.contains(QLatin1String("(redacted)")), qPrintable(row.text));
                QCOMPARE(row.node, secretNode.toString());
            }
        }
        QVERIFY(sawRequirepass);
        // AUTH, where the server logs it (5.0 does): its password redacted.
        for (const ShownRow &row : std::as_const(rows)) {
            if (row.command.startsWith(QLatin1String("AUTH")))
                QCOMPARE(row.command, QStringLiteral("AUTH (redacted)"));
        }
        // Newest first (the default order).
        for (int i = 1; i < rows.size(); ++i) {
            const QAbstractItemModel *model = dock->table()->model();
            QVERIFY(model->index(i - 1, SlowLogDock::TimeColumn).data(SortRole).toLongLong() >=
                    model->index(i, SlowLogDock::TimeColumn).data(SortRole).toLongLong());
        }
        // The latency monitor's event is a marked row of the slow node, not a command.
        bool sawLatency = false;
        const QAbstractItemModel *shown = dock->table()->model();
        for (int i = 0; i < shown->rowCount(); ++i) {
            const QModelIndex command = shown->index(i, SlowLogDock::CommandColumn);
            const bool marked = command.data(LatencyRole).toBool();
            QCOMPARE(marked, command.data().toString().startsWith(QLatin1String("latency: ")));
            QCOMPARE(!command.data(Qt::DecorationRole).value<QIcon>().isNull(), marked);
            if (marked) {
                sawLatency = true;
                QCOMPARE(shown->index(i, SlowLogDock::NodeColumn).data().toString(), slowNode.toString());
            }
        }
        QVERIFY(sawLatency);
        // Sorted by duration, longest first: the script leads.
        dock->table()->sortByColumn(SlowLogDock::DurationColumn, Qt::DescendingOrder);
        QVERIFY(shownRows(dock).first().command.startsWith(QLatin1String("EVAL")));
        dock->table()->sortByColumn(SlowLogDock::TimeColumn, Qt::DescendingOrder);

        // The selection filters: the slow node shows its script only; the secret node its own rows.
        const auto keyOf = [&window](const NodeAddress &address) {
            for (const NodeCard &card : window.topologyModel()->nodes()) {
                if (card.address == address.toString())
                    return card.key();
            }
            return QString();
        };
        window.topologyModel()->setSelectedKey(keyOf(slowNode));
        QVERIFY(!dock->showsCluster());
        rows = shownRows(dock);
        QVERIFY(scriptRow(rows));
        for (const ShownRow &row : std::as_const(rows))
            QCOMPARE(row.node, slowNode.toString());
        window.topologyModel()->setSelectedKey(keyOf(secretNode));
        rows = shownRows(dock);
        QVERIFY(!rows.isEmpty());
        QVERIFY(!scriptRow(rows));
        for (const ShownRow &row : std::as_const(rows))
            QCOMPARE(row.node, secretNode.toString());
        // The toggle shows every node again, the selection kept.
        dock->setWholeCluster(true);
        QVERIFY(dock->showsCluster());
        QVERIFY(scriptRow(shownRows(dock)));
        QVERIFY(shownRows(dock).size() > rows.size());

        const QString docs = qEnvironmentVariable("RCS_SOURCE_DIR");
        if (!docs.isEmpty() && qEnvironmentVariableIsSet("RCS_UPDATE_SCREENSHOTS")) {
            window.resizeDocks({window.slowLogDock()}, {330}, Qt::Vertical);
            QCoreApplication::sendPostedEvents(); // the new dock size laid out before the grab
            window.slowLogDock()->grab().save(
                QDir(docs).filePath(QStringLiteral("docs/screenshots/slowlog.png")));
        }
        const QString shots = qEnvironmentVariable("RCS_UI_SHOTS");
        if (!shots.isEmpty())
            window.slowLogDock()->grab().save(QDir(shots).filePath(QStringLiteral("slowlog.png")));

        // Off by default; on, it reads again by itself while the dock is open, and stops when closed.
        QVERIFY(!dock->autoRefresh());
        dock->setAutoRefreshInterval(300);
        QSignalSpy automatic(dock, &SlowLogDock::refreshed);
        dock->setAutoRefresh(true);
        QTRY_VERIFY_WITH_TIMEOUT(automatic.size() >= 2, 20000);
        QVERIFY(automatic.first().first().toBool());
        window.slowLogDock()->toggleViewAction()->trigger();
        QVERIFY(!dock->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!dock->isRunning(), 20000);
        automatic.clear();
        // Closed: no reading comes in 1 s, more than three of the 300 ms periods set above.
        QVERIFY(!automatic.wait(1000));
        QCOMPARE(automatic.size(), 0);
        dock->setAutoRefresh(false);
        window.slowLogDock()->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());

        // Cancel stops a reading at once; the table keeps the last one.
        const qsizetype before = shownRows(dock).size();
        QSignalSpy cancelled(dock, &SlowLogDock::refreshed);
        dock->refresh();
        QVERIFY(dock->isRunning());
        QTest::mouseClick(dock->cancelButton(), Qt::LeftButton);
        QVERIFY(!cancelled.isEmpty() || cancelled.wait(10000));
        QCOMPARE(cancelled.first().first().toBool(), false);
        QVERIFY(!dock->isRunning());
        QCOMPARE(shownRows(dock).size(), before);

        // A node that refuses SLOWLOG (an ACL without it; Redis 6.0+) is listed under the table with the
        // reason; the others are still read.
        const Result<QVersionNumber> version = rcs::test::RedisTestNodes::serverVersion();
        if (version.ok() && version.value().majorVersion() < 6)
            return;
        QVERIFY(ask(pool, nodes.address(0), {"ACL", "SETUSER", "default", "-slowlog"}).ok());
        QVERIFY2(refreshAndWait(dock, true), qPrintable(dock->statusLabel()->text()));
        QVERIFY(dock->unreadLabel()->isVisible());
        QVERIFY2(dock->unreadLabel()->text().contains(nodes.address(0).toString()),
                 qPrintable(dock->unreadLabel()->text()));
        QVERIFY(scriptRow(shownRows(dock)));
        QVERIFY(ask(pool, nodes.address(0), {"ACL", "SETUSER", "default", "+slowlog"}).ok());
    }
};

QTEST_MAIN(TestSlowLogDock)
#include "tst_slow_log_dock.moc"
