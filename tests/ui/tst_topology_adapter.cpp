#include "../unit/cluster_views.h"
#include "operations/status_result.h"
#include "ui/node_card_item.h"
#include "ui/topology_adapter.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QImage>
#include <QJsonObject>
#include <QPainter>
#include <QTest>

using namespace rcs::ui;

namespace {
constexpr const char *OldRevision = "redis-app-5f7c9d";
constexpr const char *NewRevision = "redis-app-86b4f1";

// A six-pod StatefulSet whose pods 0..newPods-1 run the update revision and the others the current
// one, every pod a member of the cluster, and a seventh pod that is Pending (no Redis answer yet).
rcs::ops::StatusReport statusMidRollout(int newPods)
{
    rcs::ops::StatusReport status;
    const QList<rcs::test::Spec> specs = rcs::test::sixNodes();
    QList<rcs::NodeView> views;
    QMap<QString, rcs::PodInfo> podsByIp;
    for (int i = 0; i < specs.size(); ++i) {
        views << rcs::test::view(specs, i);
        const rcs::PodInfo info{QStringLiteral("redis-app-%1").arg(i),
                                specs.at(i).ip,
                                QStringLiteral("worker-%1").arg(i % 3 + 1),
                                QStringLiteral("Running"),
                                true,
                                0};
        podsByIp.insert(info.ip, info);
        rcs::PodState pod;
        pod.info = info;
        pod.ordinal = i;
        pod.revision = QLatin1String(i < newPods ? NewRevision : OldRevision);
        status.deployment.pods << pod;
    }
    rcs::PodState pending;
    pending.info.name = QStringLiteral("redis-app-6");
    pending.info.phase = QStringLiteral("Pending");
    pending.ordinal = 6;
    pending.revision = QLatin1String(NewRevision);
    status.deployment.pods << pending;
    status.topology = rcs::ClusterTopology::fromViews(views, podsByIp);
    status.onKubernetes = true;
    status.deployment.statefulSet =
        QJsonObject{{QStringLiteral("status"),
                     QJsonObject{{QStringLiteral("currentRevision"), QLatin1String(OldRevision)},
                                 {QStringLiteral("updateRevision"), QLatin1String(NewRevision)}}}};
    return status;
}

const NodeCard *cardOfPod(const TopologySnapshot &snapshot, const QString &pod)
{
    for (const NodeCard &card : snapshot.nodes) {
        if (card.podName == pod)
            return &card;
    }
    return nullptr;
}

QImage rendered(const NodeCard &card)
{
    QGraphicsScene scene;
    auto *item = new NodeCardItem(card);
    scene.addItem(item);
    QImage image(int(NodeCardItem::kWidth), int(NodeCardItem::kHeight), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(), item->sceneBoundingRect());
    return image;
}
} // namespace

// The cards of a status taken halfway through an upgrade say which pods already run the new revision.
class TestTopologyAdapter final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cardsTellNewFromOldRevisionMidRollout()
    {
        const TopologySnapshot snapshot = snapshotFromStatus(statusMidRollout(3));
        QCOMPARE(snapshot.nodes.size(), 7);
        for (int i = 0; i < 6; ++i) {
            const NodeCard *card = cardOfPod(snapshot, QStringLiteral("redis-app-%1").arg(i));
            QVERIFY(card);
            QVERIFY(!card->id.isEmpty()); // a cluster member, not a pod-only card
            QCOMPARE(card->revision, QLatin1String(i < 3 ? NewRevision : OldRevision));
            QCOMPARE(card->revisionState, i < 3 ? NodeCard::Revision::New : NodeCard::Revision::Old);
        }
        const NodeCard *pending = cardOfPod(snapshot, QStringLiteral("redis-app-6"));
        QVERIFY(pending);
        QCOMPARE(pending->state, NodeCard::State::PodDown);
        QCOMPARE(pending->revisionState, NodeCard::Revision::New);
    }

    void noRolloutMarksNoCard()
    {
        // Every pod at the update revision (the pending one too): nothing to point out.
        const TopologySnapshot snapshot = snapshotFromStatus(statusMidRollout(6));
        QCOMPARE(snapshot.nodes.size(), 7);
        for (const NodeCard &card : snapshot.nodes) {
            QCOMPARE(card.revision, QLatin1String(NewRevision));
            QCOMPARE(card.revisionState, NodeCard::Revision::Current);
        }
    }

    void cardDrawsItsRevisionOnlyMidRollout()
    {
        const TopologySnapshot mid = snapshotFromStatus(statusMidRollout(3));
        NodeCard old = *cardOfPod(mid, QStringLiteral("redis-app-4"));
        NodeCard current = old;
        current.revisionState = NodeCard::Revision::Current;
        NodeCard updated = old;
        updated.revisionState = NodeCard::Revision::New;
        const QImage oldImage = rendered(old);
        const QImage currentImage = rendered(current);
        const QImage newImage = rendered(updated);
        if (!qEnvironmentVariableIsEmpty("RCS_SCREENSHOT_DIR"))
            oldImage.save(qEnvironmentVariable("RCS_SCREENSHOT_DIR") +
                          QStringLiteral("/card-old-revision.png"));
        QVERIFY(oldImage != currentImage);
        QVERIFY(newImage != currentImage);
        QVERIFY(newImage != oldImage);
    }
};

QTEST_MAIN(TestTopologyAdapter)
#include "tst_topology_adapter.moc"
