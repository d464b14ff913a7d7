// The cleanup confirmation and `cleanup` without --yes show one list, core's CleanupWorkflow plan: on a
// kube-sandbox deployment made with --password, both name the same objects, the password Secret
// among them, and neither deletes anything.
#include "e2e/e2e_support.h"
#include "kube/kube_resources.h"
#include "studio_fixtures.h"
#include "ui/confirmation_dialog.h"
#include "ui/core_backend.h"
#include "ui/main_window.h"
#include "ui/topology_model.h"

#include <QAction>
#include <QPushButton>
#include <QTest>

using namespace rcs::ui;

namespace {
// The "would delete X" lines of an unconfirmed cleanup's output.
QStringList plannedByCli(const QString &output)
{
    QStringList planned;
    const QLatin1String prefix("would delete ");
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (trimmed.startsWith(prefix))
            planned << trimmed.mid(prefix.size());
    }
    return planned;
}
} // namespace

class TestCleanupPlan final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::isolateStudioSettings();
        if (rcs::test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("kube-sandbox is not built in this tree: build the kube-sandbox target.");
    }

    void confirmationAndCommandLineListTheSameObjects()
    {
        rcs::test::E2eSandbox sandbox;
        const rcs::Result<void> started = sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        const QStringList target = sandbox.target(QStringLiteral("direct"));

        const rcs::test::StudioRun deploy = rcs::test::runStudio(
            QStringList{QStringLiteral("deploy"), QStringLiteral("--password")} + target);
        QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.all()));

        // The command line: the plan, then exit 1 because --yes is missing.
        const rcs::test::StudioRun listing = rcs::test::runStudio(
            QStringList{QStringLiteral("cleanup"), QStringLiteral("--delete-pvcs")} + target);
        QVERIFY2(listing.exitCode == 1, qPrintable(listing.all()));
        const QStringList fromCli = plannedByCli(listing.out);
        QVERIFY2(!fromCli.isEmpty(), qPrintable(listing.all()));

        // The window's confirmation with the PVCs ticked.
        CoreBackend backend;
        MainWindow window(&backend);
        window.setRefreshInterval(1000);
        window.show();
        StudioTarget studioTarget;
        studioTarget.kind = StudioTarget::Kind::Kubernetes;
        studioTarget.kubeconfig = sandbox.kubeconfig();
        window.setTarget(studioTarget);
        QTRY_VERIFY_WITH_TIMEOUT(window.action(Action::Cleanup)->isEnabled(), 60000);
        window.action(Action::Cleanup)->trigger();
        ConfirmationDialog *dialog = nullptr;
        QTRY_VERIFY(
            (dialog = window.findChild<ConfirmationDialog *>(QStringLiteral("cleanupConfirmation"))) &&
            dialog->isVisible());
        auto *pvcs = dialog->findChild<QWidget *>(QStringLiteral("deletePvcs"));
        QVERIFY(pvcs);
        QTest::mouseClick(pvcs, Qt::LeftButton, {}, QPoint(5, pvcs->height() / 2));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->acceptButton()->isEnabled(), 30000);
        const QStringList fromGui = dialog->items();
        dialog->reject();

        QCOMPARE(fromGui, fromCli);
        const auto named = [&](const QString &prefix) {
            return std::any_of(fromGui.cbegin(), fromGui.cend(),
                               [&](const QString &item) { return item.startsWith(prefix); });
        };
        QVERIFY2(named(QStringLiteral("secret/")), qPrintable(fromGui.join(QLatin1Char(','))));
        QVERIFY2(named(QStringLiteral("statefulset/redis-app")), qPrintable(fromGui.join(QLatin1Char(','))));
        QVERIFY2(named(QStringLiteral("pvc/redis-data-redis-app-0")),
                 qPrintable(fromGui.join(QLatin1Char(','))));

        // Neither listing deleted anything.
        const rcs::Result<bool> statefulSet =
            sandbox.exists(rcs::KubeObjectRef{QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"),
                                              QStringLiteral("redis-cluster"), QStringLiteral("redis-app")});
        QVERIFY2(statefulSet.ok() && statefulSet.value(), "the StatefulSet is gone after the listings");
    }
};

QTEST_MAIN(TestCleanupPlan)
#include "tst_cleanup_plan.moc"
