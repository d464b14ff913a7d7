#include "ui/situation.h"

#include <QTest>

using namespace rcs::ui;

Q_DECLARE_METATYPE(rcs::ui::Situation)
Q_DECLARE_METATYPE(rcs::ui::Action)

class TestActionPolicy final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<Situation>("situation");
        QTest::addColumn<QString>("enabled"); // the enabled actions, by letter (see letters below)
        QTest::addColumn<QString>("prominent");
        // D deploy, C create, R recover, A add, X remove, B rebalance, F failover, K check, U cleanup,
        // F5 refresh is always on, E export.
        QTest::newRow("unknown") << Situation::Unknown << QStringLiteral("D") << QString();
        QTest::newRow("not-deployed") << Situation::NotDeployed << QStringLiteral("D") << QStringLiteral("D");
        QTest::newRow("pods-not-ready") << Situation::PodsNotReady << QStringLiteral("UE") << QString();
        QTest::newRow("not-created") << Situation::NotCreated << QStringLiteral("CUE") << QStringLiteral("C");
        QTest::newRow("healthy") << Situation::Healthy << QStringLiteral("AXBFKUE") << QString();
        QTest::newRow("degraded") << Situation::Degraded << QStringLiteral("RFKUE") << QString();
        QTest::newRow("total-failure")
            << Situation::TotalFailure << QStringLiteral("RKUE") << QStringLiteral("R");
        QTest::newRow("open-slots") << Situation::OpenSlots << QStringLiteral("KUE") << QStringLiteral("K");
    }

    void table()
    {
        QFETCH(Situation, situation);
        QFETCH(QString, enabled);
        QFETCH(QString, prominent);
        const QList<QPair<QChar, Action>> letters = {
            {QLatin1Char('D'), Action::Deploy},     {QLatin1Char('C'), Action::CreateCluster},
            {QLatin1Char('R'), Action::Recover},    {QLatin1Char('A'), Action::AddNode},
            {QLatin1Char('X'), Action::RemoveNode}, {QLatin1Char('B'), Action::Rebalance},
            {QLatin1Char('F'), Action::Failover},   {QLatin1Char('K'), Action::Check},
            {QLatin1Char('U'), Action::Cleanup},    {QLatin1Char('E'), Action::ExportPicture},
        };
        for (const auto &[letter, action] : letters) {
            const ActionState state = ActionPolicy::state(action, situation);
            QVERIFY2(
                state.enabled == enabled.contains(letter),
                qPrintable(QStringLiteral("%1 in %2").arg(actionTitle(action), situationName(situation))));
            QCOMPARE(state.prominent, prominent.contains(letter));
            // A disabled action always says why, in a sentence.
            if (!state.enabled) {
                QVERIFY2(!state.reason.isEmpty(), qPrintable(actionTitle(action)));
                QVERIFY(state.reason.endsWith(QLatin1Char('.')));
            } else {
                QVERIFY(state.reason.isEmpty());
            }
        }
        QVERIFY(ActionPolicy::state(Action::Refresh, situation).enabled);
    }

    void busyBlocksChangingActionsOnly()
    {
        const QString busy = QStringLiteral("Rebalance");
        const ActionState add = ActionPolicy::state(Action::AddNode, Situation::Healthy, busy);
        QVERIFY(!add.enabled);
        QVERIFY(add.reason.contains(busy));
        QVERIFY(ActionPolicy::state(Action::Check, Situation::Healthy, busy).enabled);
        QVERIFY(ActionPolicy::state(Action::ExportPicture, Situation::Healthy, busy).enabled);
        QVERIFY(ActionPolicy::state(Action::Refresh, Situation::Healthy, busy).enabled);
    }

    void namesRoundTrip()
    {
        for (Situation s :
             {Situation::NotDeployed, Situation::PodsNotReady, Situation::NotCreated, Situation::Healthy,
              Situation::Degraded, Situation::TotalFailure, Situation::OpenSlots}) {
            QCOMPARE(situationFromName(situationName(s)), s);
            QVERIFY(!situationAdvice(s).isEmpty());
        }
        QCOMPARE(situationName(Situation::TotalFailure), QStringLiteral("total-failure"));
        QCOMPARE(situationFromName(QStringLiteral("no-such-thing")), Situation::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestActionPolicy)
#include "tst_action_policy.moc"
