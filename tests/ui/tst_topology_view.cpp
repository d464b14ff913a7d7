#include "studio_fixtures.h"
#include "ui/node_card_item.h"
#include "ui/theme.h"
#include "ui/topology_model.h"
#include "ui/topology_view.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs::ui;

class TestTopologyView final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cardsFollowTheModel()
    {
        TopologyModel model;
        TopologyView view(&model);
        view.resize(1200, 800);
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        QCOMPARE(view.cardCount(), 6);
        QCOMPARE(view.groupCount(), 3);

        // Updates reuse the items: the same pointer, new data.
        NodeCardItem *item = view.cardItem(snapshot.nodes[0].key());
        QVERIFY(item);
        snapshot.nodes[0].keys = 42;
        model.setSnapshot(snapshot);
        QCOMPARE(view.cardItem(snapshot.nodes[0].key()), item);
        QCOMPARE(item->card().keys, 42);

        snapshot.nodes.removeLast();
        model.setSnapshot(snapshot);
        QCOMPARE(view.cardCount(), 5);
    }

    void replicasOfAMasterShareItsColour()
    {
        TopologyModel model;
        TopologyView view(&model);
        const TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        for (const NodeCard &card : snapshot.nodes) {
            if (card.isMaster())
                continue;
            const NodeCard *master = nullptr;
            for (const NodeCard &other : snapshot.nodes) {
                if (other.id == card.masterId)
                    master = &other;
            }
            QVERIFY(master);
            NodeCardItem *replicaItem = view.cardItem(card.key());
            NodeCardItem *masterItem = view.cardItem(master->key());
            QVERIFY(replicaItem && masterItem);
            // Pod i on worker i%3: the replica of master m is pod 3+m, on the same worker as m.
            QCOMPARE(replicaItem->isColocated(), card.hostGroup == master->hostGroup);
        }
    }

    void colocatedMasterAndReplicaAreFlagged()
    {
        TopologyModel model;
        TopologyView view(&model);
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        // Move every replica off its master's node, except the replica of master 0.
        for (NodeCard &card : snapshot.nodes) {
            if (card.role == NodeCard::Role::Replica && card.masterName != QLatin1String("redis-app-0"))
                card.hostGroup = QStringLiteral("worker-9");
        }
        snapshot.nodes[3].hostGroup = snapshot.nodes[0].hostGroup; // replica of redis-app-0
        model.setSnapshot(snapshot);
        QVERIFY(view.cardItem(snapshot.nodes[0].key())->isColocated());
        QVERIFY(view.cardItem(snapshot.nodes[3].key())->isColocated());
        QVERIFY(!view.cardItem(snapshot.nodes[1].key())->isColocated());
        QVERIFY(!view.cardItem(snapshot.nodes[4].key())->isColocated());
    }

    void selectionAndZoomSurviveARefresh()
    {
        TopologyModel model;
        TopologyView view(&model);
        view.resize(1000, 700);
        view.show();
        TopologySnapshot snapshot = test::makeSnapshot(3, 1, 3);
        model.setSnapshot(snapshot);
        const QString key = snapshot.nodes[2].key();
        view.cardItem(key)->setSelected(true);
        QCOMPARE(model.selectedKey(), key);
        view.zoomIn();
        const qreal zoom = view.zoom();

        snapshot.nodes[2].keys += 5;
        snapshot.nodes[5].state = NodeCard::State::Fail;
        model.setSnapshot(snapshot);
        QCOMPARE(model.selectedKey(), key);
        QVERIFY(view.cardItem(key)->isSelected());
        QCOMPARE(view.zoom(), zoom);

        // Selecting in the model selects in the view.
        model.setSelectedKey(snapshot.nodes[4].key());
        QVERIFY(view.cardItem(snapshot.nodes[4].key())->isSelected());
        QVERIFY(!view.cardItem(key)->isSelected());
    }

    void zoomActionsAreBounded()
    {
        TopologyModel model;
        TopologyView view(&model);
        model.setSnapshot(test::makeSnapshot(3, 1, 3));
        view.resetZoom();
        QCOMPARE(view.zoom(), 1.0);
        for (int i = 0; i < 40; ++i)
            view.zoomIn();
        QVERIFY(view.zoom() <= 4.0 + 1e-9);
        for (int i = 0; i < 80; ++i)
            view.zoomOut();
        QVERIFY(view.zoom() >= 0.08 - 1e-9);
    }

    void twoHundredNodesBuildAndExport()
    {
        TopologyModel model;
        TopologyView view(&model);
        view.resize(1400, 900);
        view.show();
        QElapsedTimer timer;
        timer.start();
        model.setSnapshot(test::makeSnapshot(100, 1, 12));
        const qint64 buildMs = timer.elapsed();
        QCOMPARE(view.cardCount(), 200);
        QCOMPARE(view.groupCount(), 12);
        // No two cards overlap.
        QList<QRectF> rects;
        for (const NodeCard &card : model.nodes())
            rects.append(view.cardItem(card.key())->sceneBoundingRect().adjusted(3, 3, -3, -3));
        for (int i = 0; i < rects.size(); ++i) {
            for (int j = i + 1; j < rects.size(); ++j)
                QVERIFY2(!rects[i].intersects(rects[j]),
                         qPrintable(QStringLiteral("cards %1 and %2").arg(i).arg(j)));
        }
        // Fitted into the window when the user has not zoomed.
        QVERIFY(view.zoom() < 1.0);
        qInfo("200 nodes: model + view built in %lld ms", buildMs);

        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("topology.png"));
        QVERIFY2(view.exportPicture(png, &error), qPrintable(error));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() > 1000);
        const QString svg = dir.filePath(QStringLiteral("topology.svg"));
        QVERIFY2(view.exportPicture(svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.contains("<svg"));
        QVERIFY(svgText.contains("redis-app-199"));

        QVERIFY(!view.exportPicture(dir.filePath(QStringLiteral("topology.bmp")), &error));
        QVERIFY(error.contains(QLatin1String(".png")));
    }

    // 250 nodes fitted into a window are too small to read: the boxes show their counts, slot share,
    // health and a dot per node instead, the cards are hidden (and cost nothing to repaint); zooming
    // in, or a double-click on a box, brings the cards back. The picture is kept as
    // topology_overview.png under $RCS_BINARY_DIR to be looked at.
    void largeClusterZoomedOutShowsTheBoxes()
    {
        TopologyModel model;
        TopologyView view(&model);
        view.resize(1400, 900);
        view.show();
        TopologySnapshot snapshot = test::makeSnapshot(125, 1, 12);
        snapshot.nodes[7].state = NodeCard::State::Fail;
        model.setSnapshot(snapshot);
        QVERIFY(view.zoom() < TopologyView::kOverviewZoom);
        QVERIFY(view.overview());
        for (const NodeCard &card : model.nodes())
            QVERIFY(!view.cardItem(card.key())->isVisible());

        const QImage picture = view.grab().toImage();
        const QString dir = qEnvironmentVariable("RCS_BINARY_DIR");
        if (!dir.isEmpty())
            QVERIFY(picture.save(dir + QStringLiteral("/topology_overview.png")));
        // The failed node's ring is drawn in the fail colour somewhere in its box.
        const QColor fail = Theme::stateColor(NodeCard::State::Fail);
        int failPixels = 0;
        for (int y = 0; y < picture.height(); ++y) {
            for (int x = 0; x < picture.width(); ++x)
                failPixels += picture.pixelColor(x, y) == fail ? 1 : 0;
        }
        QVERIFY2(failPixels > 20, qPrintable(QString::number(failPixels)));

        // A double-click on a box zooms into it, where its cards can be read.
        const NodeCardItem *failed = view.cardItem(snapshot.nodes[7].key());
        const QPoint inBox = view.mapFromScene(failed->sceneBoundingRect().center());
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, inBox);
        QVERIFY(view.zoom() >= TopologyView::kOverviewZoom);
        QVERIFY(!view.overview());
        QVERIFY(failed->isVisible());
        QVERIFY(view.viewport()->rect().contains(view.mapFromScene(failed->sceneBoundingRect().center())));

        // Zooming out again hides them; a refresh in the overview adds no visible card.
        while (view.zoom() >= TopologyView::kOverviewZoom)
            view.zoomOut();
        QVERIFY(view.overview());
        snapshot.nodes.append(test::makeSnapshot(1, 0, 1).nodes.first());
        snapshot.nodes.last().id = QStringLiteral("f").repeated(40);
        snapshot.nodes.last().podName = QStringLiteral("redis-app-new");
        model.setSnapshot(snapshot);
        QVERIFY(view.cardItem(snapshot.nodes.last().key()));
        QVERIFY(!view.cardItem(snapshot.nodes.last().key())->isVisible());
    }

    // The sparkline of a card with a history is painted in the card's last row (and nothing is there
    // without one); the picture is kept as sparkline_card.png under $RCS_BINARY_DIR to be looked at.
    void sparklineIsPaintedFromTheHistory()
    {
        NodeCard card = test::makeSnapshot(1, 0, 1).nodes.first();
        auto render = [](const NodeCard &c) {
            NodeCardItem item(c);
            item.setOwnerColor(QColor(0x1f, 0x77, 0xb4));
            QImage image(int(NodeCardItem::kWidth) + 8, int(NodeCardItem::kHeight) + 8,
                         QImage::Format_ARGB32_Premultiplied);
            image.fill(Qt::white);
            QPainter painter(&image);
            painter.translate(4, 4);
            QStyleOptionGraphicsItem option;
            item.paint(&painter, &option, nullptr);
            return image;
        };
        const QImage without = render(card);
        for (int i = 0; i < 40; ++i)
            card.opsHistory.append(float(1000 + 400 * (i % 10)));
        const QImage with = render(card);
        // Pixels of the last row's right part (where the sparkline goes) differ; the rest of the card not.
        int changedInRow = 0;
        int changedElsewhere = 0;
        for (int y = 0; y < with.height(); ++y) {
            for (int x = 0; x < with.width(); ++x) {
                if (with.pixel(x, y) == without.pixel(x, y))
                    continue;
                if (y >= 4 + 92 && y < 4 + 108 && x >= with.width() / 2 - 10)
                    ++changedInRow;
                else
                    ++changedElsewhere;
            }
        }
        QVERIFY2(changedInRow > 60, qPrintable(QString::number(changedInRow)));
        QCOMPARE(changedElsewhere, 0);
        const QString dir = qEnvironmentVariable("RCS_BINARY_DIR");
        if (!dir.isEmpty())
            QVERIFY(with.save(dir + QStringLiteral("/sparkline_card.png")));
    }

    void emptyModelExportsNothing()
    {
        TopologyModel model;
        TopologyView view(&model);
        QString error;
        QTemporaryDir dir;
        QVERIFY(!view.exportPicture(dir.filePath(QStringLiteral("x.png")), &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_MAIN(TestTopologyView)
#include "tst_topology_view.moc"
