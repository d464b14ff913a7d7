// The heat strip under the slot bar and the Keys dialog, offscreen: the strip's colours follow the key
// counts, it adds its height and goes away again; the dialog shows a scan's result with its notes, and
// says why when the backend cannot scan. Writes docs/screenshots/slot-heat.png and keys.png.
#include "studio_fixtures.h"
#include "ui/keys_dialog.h"
#include "ui/slot_bar_item.h"
#include "ui/studio_controller.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QDir>
#include <QGraphicsScene>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QStyleOptionGraphicsItem>
#include <QTableWidget>
#include <QTest>

using namespace rcs::ui;

namespace {
SlotBarItem *slotBarOf(TopologyView &view)
{
    for (QGraphicsItem *item : view.scene()->items()) {
        if (auto *bar = dynamic_cast<SlotBarItem *>(item))
            return bar;
    }
    return nullptr;
}

QString screenshotPath(const QString &name)
{
    const QString source = qEnvironmentVariable("RCS_SOURCE_DIR");
    if (source.isEmpty())
        return {};
    QDir().mkpath(source + QStringLiteral("/docs/screenshots"));
    return source + QStringLiteral("/docs/screenshots/") + name;
}

rcs::observe::SampledNode node(const char *address, const char *pod)
{
    return {rcs::NodeAddress::parse(QString::fromLatin1(address)).value(), QString(),
            QString::fromLatin1(pod)};
}
} // namespace

class TestKeyAnalysisUi final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void heatStripShowsTheCounts()
    {
        TopologyModel model;
        TopologyView view(&model);
        view.resize(1200, 800);
        model.setSnapshot(test::makeSnapshot(3, 1, 3));
        SlotBarItem *bar = slotBarOf(view);
        QVERIFY(bar);
        const qreal plainHeight = bar->boundingRect().height();
        QCOMPARE(bar->heatHeight(), 0.0);

        // A smooth background with one hot region around slot 12000 and unread slots at the start.
        std::vector<qint64> keys(16384);
        for (int slot = 0; slot < 16384; ++slot)
            keys[size_t(slot)] = slot < 200 ? -1 : 3 + (slot % 7);
        for (int slot = 11900; slot < 12100; ++slot)
            keys[size_t(slot)] = 400;
        view.setSlotHeat(keys);
        QVERIFY(bar->heatHeight() > 0);
        QCOMPARE(bar->boundingRect().height(), plainHeight + bar->heatHeight());
        QCOMPARE(bar->heat().size(), size_t(16384));

        // The bar alone, painted: the hot column is redder than a cold one.
        const QRectF rect = bar->boundingRect();
        QImage image(rect.size().toSize(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        {
            QPainter painter(&image);
            QStyleOptionGraphicsItem option;
            bar->paint(&painter, &option, nullptr);
        }
        const int stripY = int(rect.height() - 6);
        const auto xOf = [&rect](int slot) { return int(rect.width() * (slot + 0.5) / 16384); };
        const QColor hot = image.pixelColor(xOf(12000), stripY);
        const QColor cold = image.pixelColor(xOf(5000), stripY);
        QVERIFY2(hot.red() - hot.green() > 100, qPrintable(hot.name()));
        QVERIFY2(cold.red() - cold.green() < hot.red() - hot.green() - 60, qPrintable(cold.name()));

        const QString path = screenshotPath(QStringLiteral("slot-heat.png"));
        if (!path.isEmpty())
            QVERIFY(view.renderImage(1.0).save(path));

        view.setSlotHeat({});
        QCOMPARE(bar->heatHeight(), 0.0);
        QCOMPARE(bar->boundingRect().height(), plainHeight);
    }

    void keysDialogShowsAResult()
    {
        test::FixtureBackend backend;
        StudioController controller(&backend);
        KeysDialog dialog(&controller);
        rcs::observe::KeyScanResult result;
        result.mode = rcs::observe::KeyScanMode::BigKeys;
        result.keys = {
            {"session:9f2c:payload", node("10.244.1.5:6379", "redis-app-1"), QStringLiteral("string"),
             1048632},
            {"queue:emails", node("10.244.2.7:6379", "redis-app-2"), QStringLiteral("list"), 524400},
            {"user:1042:profile", node("10.244.0.3:6379", "redis-app-0"), QStringLiteral("hash"), 18200},
            {"leaderboard:weekly", node("10.244.1.5:6379", "redis-app-1"), QStringLiteral("zset"), 9600}};
        result.nodes = {{node("10.244.0.3:6379", "redis-app-0"), 41210, 41210, true, {}, {}},
                        {node("10.244.1.5:6379", "redis-app-1"), 40877, 40877, true, {}, {}},
                        {node("10.244.2.7:6379", "redis-app-2"), 41002, 41002, true, {}, {}}};
        dialog.showResult(result);
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("bigKeysTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("session:9f2c:payload"));
        QCOMPARE(table->item(0, 5)->text(), QStringLiteral("redis-app-1"));
        dialog.resize(900, 480);
        const QString path = screenshotPath(QStringLiteral("keys.png"));
        if (!path.isEmpty())
            QVERIFY(dialog.grab().save(path));

        // A partial hot-key result says so, and a node without LFU says why.
        rcs::observe::KeyScanResult hot;
        hot.mode = rcs::observe::KeyScanMode::HotKeys;
        hot.partial = true;
        hot.nodes = {{node("10.244.0.3:6379", "redis-app-0"),
                      0,
                      10,
                      false,
                      rcs::observe::nonLfuAdvice(QStringLiteral("noeviction")),
                      {}},
                     {node("10.244.1.5:6379", "redis-app-1"), 5, 10, false, {}, {}}};
        dialog.showResult(hot);
        bool sawAdvice = false;
        bool sawPartial = false;
        for (QLabel *label : dialog.findChildren<QLabel *>()) {
            sawAdvice |= label->text().contains(QLatin1String("allkeys-lfu")) &&
                         label->text().contains(QLatin1String("noeviction"));
            sawPartial |= label->text().contains(QLatin1String("Partial: 5 of 20"));
        }
        QVERIFY(sawAdvice);
        QVERIFY(sawPartial);
    }

    void keysDialogSaysWhyItCannotScan()
    {
        test::FixtureBackend backend; // it has no observe operations
        StudioController controller(&backend);
        KeysDialog dialog(&controller);
        auto *start = dialog.findChild<QPushButton *>(QStringLiteral("startBigKeys"));
        QVERIFY(start);
        start->click();
        QVERIFY(!dialog.isScanning());
        QString why;
        QVERIFY(!backend.createObserveJob(controller.target(), {}, &why));
        QVERIFY(!why.isEmpty());
        bool said = false;
        for (QLabel *label : dialog.findChildren<QLabel *>())
            said |= label->text() == why;
        QVERIFY(said);
    }
};

QTEST_MAIN(TestKeyAnalysisUi)
#include "tst_key_analysis_ui.moc"
