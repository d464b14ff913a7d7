// The console dock on real redis-server nodes: a command typed in the dock comes back as a typed reply,
// Up and Down walk the history, FLUSHALL asks first (and changes nothing when refused), the node
// cards' context menu offers what fits the node (remove only on the highest pod ordinal).
#include "redis/create_cluster_job.h"
#include "redis/slot_set.h"
#include "studio_fixtures.h"
#include "support/redis_test_nodes.h"
#include "ui/confirmation_dialog.h"
#include "ui/console_panel.h"
#include "ui/core_backend.h"
#include "ui/main_window.h"
#include "ui/node_menu.h"
#include "ui/topology_model.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPointer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace rcs::ui;

namespace {
NodeCard card(const QString &pod, NodeCard::Role role)
{
    NodeCard node;
    node.podName = pod;
    node.id = pod + QStringLiteral("-id");
    node.address = QStringLiteral("10.0.0.%1:6379").arg(podOrdinal(pod) + 1);
    node.role = role;
    return node;
}

QStringList actionNames(const QMenu *menu)
{
    QStringList names;
    for (const QAction *action : menu->actions())
        names << action->objectName();
    return names;
}

// Types line into the console and presses Enter; true once the command finished.
bool typeCommand(ConsolePanel *console, const QString &line)
{
    QSignalSpy done(console, &ConsolePanel::commandFinished);
    console->commandLine()->setFocus();
    QTest::keyClicks(console->commandLine(), line);
    QTest::keyClick(console->commandLine(), Qt::Key_Return);
    return !done.isEmpty() || done.wait(30000);
}
} // namespace

Q_DECLARE_METATYPE(QList<rcs::ui::NodeMenuAction>)

class TestConsoleDock final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { rcs::ui::test::isolateSettings(); }

    // The menu's choices on Kubernetes and on plain endpoints (pure: no window).
    void menuActions_data()
    {
        QTest::addColumn<QString>("pod");
        QTest::addColumn<bool>("replica");
        QTest::addColumn<bool>("kube");
        QTest::addColumn<QList<NodeMenuAction>>("expected");
        using A = NodeMenuAction;
        QTest::newRow("kube master, not the highest")
            << "redis-app-0" << false << true << QList<A>{A::Console, A::PodLog};
        QTest::newRow("kube replica, not the highest")
            << "redis-app-4" << true << true << QList<A>{A::Console, A::Failover, A::PodLog};
        QTest::newRow("kube replica, the highest ordinal")
            << "redis-app-5" << true << true << QList<A>{A::Console, A::Failover, A::Remove, A::PodLog};
        QTest::newRow("plain master") << "redis-app-0" << false << false << QList<A>{A::Console, A::Remove};
        QTest::newRow("plain replica")
            << "redis-app-3" << true << false << QList<A>{A::Console, A::Failover, A::Remove};
    }
    void menuActions()
    {
        QFETCH(QString, pod);
        QFETCH(bool, replica);
        QFETCH(bool, kube);
        QFETCH(QList<NodeMenuAction>, expected);
        QList<NodeCard> nodes;
        // Ordinals 0..5 out of order, 10 would sort before 5 as text: the number decides.
        for (int i : {3, 0, 5, 1, 4, 2})
            nodes << card(QStringLiteral("redis-app-%1").arg(i),
                          i >= 3 ? NodeCard::Role::Replica : NodeCard::Role::Master);
        const NodeCard chosen = card(pod, replica ? NodeCard::Role::Replica : NodeCard::Role::Master);
        QCOMPARE(nodeMenuActions(chosen, nodes, kube), expected);
    }
    void highestOrdinalIsNumeric()
    {
        const QList<NodeCard> nodes{card(QStringLiteral("redis-app-9"), NodeCard::Role::Replica),
                                    card(QStringLiteral("redis-app-10"), NodeCard::Role::Replica)};
        QVERIFY(nodeMenuActions(nodes.at(1), nodes, true).contains(NodeMenuAction::Remove));
        QVERIFY(!nodeMenuActions(nodes.at(0), nodes, true).contains(NodeMenuAction::Remove));
    }

    void consoleInTheWindow()
    {
        rcs::test::RedisTestNodes nodes;
        const rcs::Result<void> started = nodes.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        QList<rcs::PlannedNodeInput> inputs;
        for (const rcs::NodeAddress &address : nodes.addresses())
            inputs.append({address, {}});
        auto *create = new rcs::CreateClusterJob(inputs, 0);
        create->setAutoDelete(false);
        QSignalSpy created(create, &rcs::Job::finished);
        create->start();
        QVERIFY(created.wait(120000));
        QVERIFY2(!create->hasError(), qPrintable(create->errorString()));
        delete create;

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

        // View → Console shows the dock.
        QVERIFY(!window.consoleDock()->isVisible());
        window.consoleDock()->toggleViewAction()->trigger();
        QVERIFY(window.consoleDock()->isVisible());
        ConsolePanel *console = window.consolePanel();
        QCOMPARE(console->scopeSelector()->count(), 4); // the cluster and its three nodes

        QVERIFY(typeCommand(console, QStringLiteral("SET console:key \"a value\"")));
        QVERIFY(typeCommand(console, QStringLiteral("GET console:key")));
        QVERIFY(typeCommand(console, QStringLiteral("INCR console:key")));
        QVERIFY(typeCommand(console, QStringLiteral("LRANGE console:nothing 0 -1")));
        const QString output = console->output()->toPlainText();
        QVERIFY2(output.contains(QLatin1String("cluster> SET console:key \"a value\"\nOK")),
                 qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("\n\"a value\"")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("(error) ERR value is not an integer")), qPrintable(output));
        QVERIFY2(output.contains(QLatin1String("(empty array)")), qPrintable(output));

        // Up recalls the history, newest first; Down goes back to the line being typed.
        QTest::keyClicks(console->commandLine(), QStringLiteral("PI"));
        QTest::keyClick(console->commandLine(), Qt::Key_Up);
        QCOMPARE(console->commandLine()->text(), QStringLiteral("LRANGE console:nothing 0 -1"));
        QTest::keyClick(console->commandLine(), Qt::Key_Up);
        QCOMPARE(console->commandLine()->text(), QStringLiteral("INCR console:key"));
        QTest::keyClick(console->commandLine(), Qt::Key_Down);
        QTest::keyClick(console->commandLine(), Qt::Key_Down);
        QCOMPARE(console->commandLine()->text(), QStringLiteral("PI"));
        console->commandLine()->clear();

        // FLUSHALL asks first, naming what it does; refused, the key is still there.
        QTest::keyClicks(console->commandLine(), QStringLiteral("FLUSHALL"));
        QTest::keyClick(console->commandLine(), Qt::Key_Return);
        QPointer<ConfirmationDialog> dialog;
        QTRY_VERIFY((dialog = window.findChild<ConfirmationDialog *>(QStringLiteral("consoleConfirmation"))));
        bool named = false;
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            named = named || label->text().contains(QLatin1String("deletes every key"));
        QVERIFY(named);
        const QString shots = qEnvironmentVariable("RCS_UI_SHOTS");
        if (!shots.isEmpty())
            dialog->grab().save(QDir(shots).filePath(QStringLiteral("console-flushall.png")));
        dialog->reject();
        QTRY_VERIFY(console->output()->toPlainText().contains(QLatin1String("not run")));
        QVERIFY(typeCommand(console, QStringLiteral("GET console:key")));
        QVERIFY(console->output()->toPlainText().endsWith(QLatin1String("\"a value\"")));

        // One node: the card's context menu opens the console on it; a MOVED is then the reply.
        const NodeCard first = window.topologyModel()->nodes().first();
        std::unique_ptr<QMenu> menu(window.createNodeMenu(first.key()));
        QVERIFY(menu);
        QCOMPARE(actionNames(menu.get()),
                 (QStringList{QStringLiteral("nodeMenuConsole"), QStringLiteral("nodeMenuRemove")}));
        menu->actions().first()->trigger();
        QCOMPARE(console->focusedNode(), first.key());
        // A key of another master's slot, so this node answers MOVED.
        QString otherKey;
        for (int i = 0; otherKey.isEmpty(); ++i) {
            const QString key = QStringLiteral("k%1").arg(i);
            const int slot = rcs::keyHashSlot(key.toUtf8());
            bool mine = false;
            for (const auto &range : first.slotRanges)
                mine = mine || (slot >= range.first && slot <= range.second);
            if (!mine)
                otherKey = key;
        }
        QVERIFY(typeCommand(console, QStringLiteral("GET ") + otherKey));
        const QString last = console->output()->toPlainText().section(QLatin1Char('\n'), -1);
        QVERIFY2(last.startsWith(QLatin1String("(error) MOVED ")), qPrintable(last));

        console->clearOutput();
        console->focusNode({});
        typeCommand(console, QStringLiteral("SET user:1 alice"));
        typeCommand(console, QStringLiteral("HSET session:42 user alice ttl 3600"));
        typeCommand(console, QStringLiteral("HGETALL session:42"));
        typeCommand(console, QStringLiteral("CLUSTER KEYSLOT user:1"));
        // Tall enough for the picture to show a few replies.
        window.resizeDocks({window.consoleDock()}, {380}, Qt::Vertical);
        QCoreApplication::sendPostedEvents(); // the new dock size laid out before the grab
        const QString docs = qEnvironmentVariable("RCS_SOURCE_DIR");
        if (!docs.isEmpty() && qEnvironmentVariableIsSet("RCS_UPDATE_SCREENSHOTS"))
            window.consoleDock()->grab().save(
                QDir(docs).filePath(QStringLiteral("docs/screenshots/console.png")));
        if (!shots.isEmpty())
            window.consoleDock()->grab().save(QDir(shots).filePath(QStringLiteral("console.png")));
    }
};

QTEST_MAIN(TestConsoleDock)
#include "tst_console_dock.moc"
