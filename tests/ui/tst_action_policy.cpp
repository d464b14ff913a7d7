#include "ui/situation.h"

#include <QTest>

using namespace rcs::ui;

Q_DECLARE_METATYPE(rcs::Situation)
Q_DECLARE_METATYPE(rcs::SuggestedOperation)
Q_DECLARE_METATYPE(rcs::ui::Action)

class TestActionPolicy final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void table_data()
    {
        QTest::addColumn<Situation>("situation");
        QTest::addColumn<QString>("enabled"); // the enabled actions, by letter (see letters below)
        QTest::addColumn<QString>("prominent");
        // D deploy, C create, R recover, A add, X remove, B rebalance, F failover, G upgrade, P rotate
        // password, T rotate certificates, K check,
        // U cleanup, E export; F5 refresh is always on.
        QTest::newRow("unknown") << Situation::Unknown << QStringLiteral("D") << QString();
        QTest::newRow("not-deployed") << Situation::NotDeployed << QStringLiteral("D") << QStringLiteral("D");
        QTest::newRow("pods-not-ready") << Situation::PodsNotReady << QStringLiteral("UE") << QString();
        QTest::newRow("not-created") << Situation::NotCreated << QStringLiteral("CUE") << QStringLiteral("C");
        QTest::newRow("healthy") << Situation::Healthy << QStringLiteral("AXBFGPTKUE") << QString();
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
            {QLatin1Char('D'), Action::Deploy},         {QLatin1Char('C'), Action::CreateCluster},
            {QLatin1Char('R'), Action::Recover},        {QLatin1Char('A'), Action::AddNode},
            {QLatin1Char('X'), Action::RemoveNode},     {QLatin1Char('B'), Action::Rebalance},
            {QLatin1Char('F'), Action::Failover},       {QLatin1Char('K'), Action::Check},
            {QLatin1Char('G'), Action::Upgrade},        {QLatin1Char('U'), Action::Cleanup},
            {QLatin1Char('P'), Action::RotatePassword}, {QLatin1Char('T'), Action::RotateCertificates},
            {QLatin1Char('E'), Action::ExportPicture},
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

    void everySituationHasATitleAndFallbackAdvice()
    {
        for (Situation s :
             {Situation::Unknown, Situation::NotDeployed, Situation::PodsNotReady, Situation::NotCreated,
              Situation::Healthy, Situation::Degraded, Situation::TotalFailure, Situation::OpenSlots}) {
            QVERIFY(!situationTitle(s).isEmpty());
            QVERIFY(!situationAdvice(s).isEmpty());
        }
    }

    // Core's assessor suggests these operations in these situations (tst_cluster_situation): the
    // studio's advice says "Click <action>.", so that button must be enabled there.
    void suggestedActionIsEnabled_data()
    {
        QTest::addColumn<Situation>("situation");
        QTest::addColumn<SuggestedOperation>("next");
        QTest::addColumn<QString>("text");
        QTest::newRow("not-deployed")
            << Situation::NotDeployed << SuggestedOperation::Deploy << QStringLiteral("Click Deploy.");
        QTest::newRow("not-created") << Situation::NotCreated << SuggestedOperation::Create
                                     << QStringLiteral("Click Create cluster.");
        QTest::newRow("total-failure")
            << Situation::TotalFailure << SuggestedOperation::Recover << QStringLiteral("Click Recover.");
        QTest::newRow("degraded stale")
            << Situation::Degraded << SuggestedOperation::Recover << QStringLiteral("Click Recover.");
        QTest::newRow("degraded") << Situation::Degraded << SuggestedOperation::Check
                                  << QStringLiteral("Click Check.");
        QTest::newRow("open-slots") << Situation::OpenSlots << SuggestedOperation::CheckFix
                                    << QStringLiteral("Click Check.");
    }
    void suggestedActionIsEnabled()
    {
        QFETCH(Situation, situation);
        QFETCH(SuggestedOperation, next);
        QFETCH(QString, text);
        const std::optional<Action> action = suggestedAction(next);
        QVERIFY(action.has_value());
        QVERIFY2(ActionPolicy::state(*action, situation).enabled, qPrintable(actionTitle(*action)));
        QCOMPARE(suggestionText(next), text);
        QVERIFY(suggestionText(SuggestedOperation::None).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestActionPolicy)
#include "tst_action_policy.moc"
