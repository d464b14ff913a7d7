#include "studio_fixtures.h"
#include "ui/upgrade_dialog.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>

using namespace rcs::ui;

// The Upgrade / restart dialog on its own: what its widgets make of the request, and when OK is offered
// (the plan it leads to is compared with the command line's in tst_studio_sandbox).
class TestUpgradeDialog final : public QObject {
    Q_OBJECT
private:
    static QAbstractButton *ok(const UpgradeDialog &dialog)
    {
        return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    static QLineEdit *field(const UpgradeDialog &dialog, const char *name)
    {
        return dialog.findChild<QLineEdit *>(QLatin1String(name));
    }

private Q_SLOTS:
    void nothingToDoOffersNoOk()
    {
        UpgradeDialog dialog;
        dialog.show();
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY(!ok(dialog)->toolTip().isEmpty());
        // The image the pods already run is no change either.
        dialog.setCurrentImage(QStringLiteral("redis:7.0"));
        QCOMPARE(field(dialog, "image")->text(), QStringLiteral("redis:7.0"));
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY(dialog.choices().image.isEmpty());
    }

    void fieldsMakeTheRequest()
    {
        UpgradeDialog dialog;
        dialog.setCurrentImage(QStringLiteral("redis:7.0"));
        dialog.show();
        QSignalSpy chosen(&dialog, &UpgradeDialog::chosen);
        QTest::keyClicks(field(dialog, "memory"), QStringLiteral(" 1Gi "));
        QVERIFY(ok(dialog)->isEnabled());
        field(dialog, "image")->setText(QStringLiteral("redis:7.2"));
        QTest::keyClicks(field(dialog, "cpu"), QStringLiteral("500m"));
        rcs::ui::test::saveShot(&dialog, QStringLiteral("upgrade-dialog"));
        QTest::mouseClick(ok(dialog), Qt::LeftButton);
        QCOMPARE(chosen.size(), 1);
        const auto request = chosen.first().first().value<ActionRequest>();
        QVERIFY(!request.restartOnly);
        QCOMPARE(request.image, QStringLiteral("redis:7.2"));
        QCOMPARE(request.cpu, QStringLiteral("500m"));
        QCOMPARE(request.memory, QStringLiteral("1Gi"));
    }

    // One setting a line ("key value"); a line that is not one keeps OK off, its tooltip naming the line.
    void settingsMakeTheRequest()
    {
        UpgradeDialog dialog;
        dialog.show();
        auto *settings = dialog.findChild<QPlainTextEdit *>(QStringLiteral("settings"));
        QVERIFY(settings);
        QTest::keyClicks(settings, QStringLiteral("maxmemory-policy allkeys-lru"));
        QVERIFY(ok(dialog)->isEnabled());
        settings->appendPlainText(QStringLiteral("databases"));
        QVERIFY(!ok(dialog)->isEnabled());
        QVERIFY2(ok(dialog)->toolTip().contains(QLatin1String("Line 2")), qPrintable(ok(dialog)->toolTip()));
        settings->setPlainText(QStringLiteral("maxmemory-policy allkeys-lru\n\ndatabases 32"));
        QVERIFY(ok(dialog)->isEnabled());
        const QList<rcs::ConfigSetting> expected{
            {QStringLiteral("maxmemory-policy"), QStringLiteral("allkeys-lru")},
            {QStringLiteral("databases"), QStringLiteral("32")}};
        QCOMPARE(dialog.choices().settings, expected);
        QVERIFY(dialog.choices().image.isEmpty());
    }

    void restartOnlyIgnoresTheFields()
    {
        UpgradeDialog dialog;
        dialog.show();
        field(dialog, "image")->setText(QStringLiteral("redis:7.2"));
        QTest::mouseClick(dialog.findChild<QRadioButton *>(QStringLiteral("restartOnly")), Qt::LeftButton);
        QVERIFY(!field(dialog, "image")->isEnabled());
        QVERIFY(ok(dialog)->isEnabled());
        const ActionRequest request = dialog.choices();
        QVERIFY(request.restartOnly);
        QVERIFY(request.image.isEmpty());
    }
};

QTEST_MAIN(TestUpgradeDialog)
#include "tst_upgrade_dialog.moc"
