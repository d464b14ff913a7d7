// The Keys dialog and the heat strip through the real CoreBackend on real redis-server nodes: the
// planted big key tops the dialog's table, Cancel stops a slow scan while the window stays responsive,
// and View → Slot heat fills the strip with the keys written.
#include "real_cluster_fixture.h"
#include "redis/redis_pool.h"
#include "redis/redis_reply.h"
#include "studio_fixtures.h"
#include "support/redis_test_nodes.h"
#include "ui/core_backend.h"
#include "ui/keys_dialog.h"
#include "ui/main_window.h"
#include "ui/slot_bar_item.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QAction>
#include <QCoreApplication>
#include <QGraphicsScene>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <numeric>

using namespace rcs::ui;

class TestKeyAnalysisStudio final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { rcs::ui::test::isolateSettings(); }

    void keysThroughTheWindow()
    {
        rcs::test::RedisTestNodes nodes;
        const QString formed = test::formCluster(nodes, 3);
        QVERIFY2(formed.isEmpty(), qPrintable(formed));
        const QString list = nodes.addressList();
        rcs::RedisPool pool;
        QList<std::pair<QByteArray, QByteArray>> planted;
        for (int i = 0; i < 300; ++i)
            planted.append({"k:" + QByteArray::number(i), "v"});
        planted.append({"the:big:one", QByteArray(100000, 'x')});
        QCOMPARE(test::plantKeys(pool, nodes, planted), 301);

        CoreBackend backend;
        MainWindow window(&backend);
        window.resize(1200, 800);
        window.setRefreshInterval(2000);
        window.show();
        StudioTarget target;
        target.kind = StudioTarget::Kind::Endpoints;
        target.endpoints = list;
        window.setTarget(target);
        QTRY_COMPARE_WITH_TIMEOUT(window.topologyModel()->nodes().size(), qsizetype(3), 30000);

        auto *analyze = window.findChild<QAction *>(QStringLiteral("analyzeKeys"));
        QVERIFY(analyze);
        analyze->trigger();
        auto *dialog = window.findChild<KeysDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("bigKeysTable"));
        dialog->findChild<QPushButton *>(QStringLiteral("startBigKeys"))->click();
        QVERIFY(dialog->isScanning());
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isScanning(), 60000);
        QVERIFY(table->rowCount() > 0);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("the:big:one"));

        // A slow scan (one key per call, one call a second), cancelled: it stops at once.
        const QList<QSpinBox *> spins = dialog->findChildren<QSpinBox *>();
        for (QSpinBox *spin : spins)
            spin->setValue(spin->minimum()); // count 1, top 1, rate 1, 1 s … then a long bound
        for (QSpinBox *spin : spins) {
            if (spin->suffix() == tr(" s"))
                spin->setValue(600);
        }
        dialog->findChild<QPushButton *>(QStringLiteral("startBigKeys"))->click();
        QVERIFY(dialog->isScanning());
        // The paced scan reported progress and is still going: Cancel stops a scan in flight.
        auto *progress = dialog->findChild<QProgressBar *>();
        QVERIFY(progress);
        QTRY_VERIFY_WITH_TIMEOUT(progress->value() > 0, 10000);
        QVERIFY(dialog->isScanning());
        dialog->findChild<QPushButton *>(QStringLiteral("cancelScan"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isScanning(), 5000);

        // View → Slot heat: the strip holds the keys written.
        auto *heat = window.findChild<QAction *>(QStringLiteral("slotHeat"));
        QVERIFY(heat);
        heat->trigger();
        SlotBarItem *bar = nullptr;
        for (QGraphicsItem *item : window.topologyView()->scene()->items()) {
            if (auto *found = dynamic_cast<SlotBarItem *>(item))
                bar = found;
        }
        QVERIFY(bar);
        QTRY_COMPARE_WITH_TIMEOUT(bar->heat().size(), size_t(16384), 60000);
        qint64 total = 0;
        for (qint64 keys : bar->heat())
            total += std::max<qint64>(keys, 0);
        QCOMPARE(total, 301);
    }
};

QTEST_MAIN(TestKeyAnalysisStudio)
#include "tst_key_analysis_studio.moc"
