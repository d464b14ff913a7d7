// The one situation assessor: assessSituation (Kubernetes: deployment, pods and Redis) and
// assessClusterSituation (plain endpoints: Redis alone), fed what the studio's refresh hands them —
// the topology merged from every node's view (joined with the pods on Kubernetes) and its check
// report — for the situations the studio shows and enables buttons by.
#include "cluster_views.h"

#include "redis/cluster_check.h"
#include "workflows/cluster_situation.h"
#include "workflows/pod_state.h"
#include "workflows/workflow.h"

#include <QTest>

using namespace rcs;
using namespace rcs::test;

Q_DECLARE_METATYPE(rcs::Situation)
Q_DECLARE_METATYPE(rcs::SuggestedOperation)

namespace {

// The pods of sixNodes() at the addresses given (all Running; `notReady` lists the ones that are not
// Ready), spread over three Kubernetes nodes.
Deployment deploymentOf(const QList<Spec> &specs, const QList<int> &notReady = {})
{
    Deployment deployment;
    deployment.namespaceExists = true;
    deployment.statefulSetExists = true;
    deployment.replicas = int(specs.size());
    for (int i = 0; i < specs.size(); ++i) {
        PodState pod;
        pod.ordinal = i;
        pod.info = PodInfo{QStringLiteral("redis-app-%1").arg(i),
                           specs.at(i).ip,
                           QStringLiteral("worker-%1").arg(i % 3),
                           QStringLiteral("Running"),
                           !notReady.contains(i),
                           0};
        deployment.pods.append(pod);
    }
    return deployment;
}

QList<NodeView> healthyViews(const QList<Spec> &specs)
{
    QList<NodeView> views;
    for (int i = 0; i < specs.size(); ++i)
        views.append(view(specs, i));
    return views;
}

// Every pod restarted with a new IP (10.0.1.x): the seed's total failure.
QList<NodeView> totalFailureViews(QList<Spec> &specs)
{
    QStringList newIps;
    for (int i = 0; i < specs.size(); ++i)
        newIps << QStringLiteral("10.0.1.%1").arg(i + 1);
    return restartedWithNewIps(specs, newIps);
}

// Master 0 is down (no answer): its peers flag it fail with the link down, and its slots are not
// served until its replica takes over (cluster_state:fail everywhere).
QList<NodeView> masterDownViews(const QList<Spec> &specs)
{
    QList<NodeView> views{unreachable(specs.at(0).ip)};
    ViewOptions options;
    options.extraFlags.insert(0, QStringLiteral("fail"));
    options.disconnected.append(0);
    for (int i = 1; i < specs.size(); ++i)
        views.append(view(specs, i, options, "fail"));
    return views;
}

// Blank cluster-mode nodes: each knows only itself and has no slot.
QList<NodeView> blankViews(const QList<Spec> &specs)
{
    QList<NodeView> views;
    for (int i = 0; i < specs.size(); ++i) {
        Spec self = specs.at(i);
        self.master = -1;
        self.slotText.clear();
        views.append(view({self}, 0, {}, "fail"));
    }
    return views;
}

} // namespace

class TestClusterSituation final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void assess_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<Situation>("kubernetes");
        QTest::addColumn<Situation>("endpoints"); // Unknown: not a plain-endpoints situation
        QTest::addColumn<SuggestedOperation>("next");
        QTest::newRow("healthy") << "healthy" << Situation::Healthy << Situation::Healthy
                                 << SuggestedOperation::None;
        QTest::newRow("total failure") << "total-failure" << Situation::TotalFailure
                                       << Situation::TotalFailure << SuggestedOperation::Recover;
        QTest::newRow("master down") << "master-down" << Situation::Degraded << Situation::Degraded
                                     << SuggestedOperation::Check;
        QTest::newRow("pods not ready")
            << "pods-not-ready" << Situation::PodsNotReady << Situation::Unknown << SuggestedOperation::None;
        QTest::newRow("not created") << "not-created" << Situation::NotCreated << Situation::NotCreated
                                     << SuggestedOperation::Create;
        QTest::newRow("not deployed")
            << "not-deployed" << Situation::NotDeployed << Situation::Unknown << SuggestedOperation::Deploy;
    }
    void assess()
    {
        QFETCH(QString, scenario);
        QFETCH(Situation, kubernetes);
        QFETCH(Situation, endpoints);
        QFETCH(SuggestedOperation, next);

        QList<Spec> specs = sixNodes();
        QList<NodeView> views;
        QList<int> notReady;
        if (scenario == QLatin1String("healthy")) {
            views = healthyViews(specs);
        } else if (scenario == QLatin1String("total-failure")) {
            views = totalFailureViews(specs);
        } else if (scenario == QLatin1String("master-down")) {
            views = masterDownViews(specs);
        } else if (scenario == QLatin1String("pods-not-ready")) {
            // Pod 0 restarted and is not Ready yet: the studio asks only the others.
            notReady = {0};
            views = healthyViews(specs).mid(1);
        } else if (scenario == QLatin1String("not-created")) {
            views = blankViews(specs);
        }
        Deployment deployment = deploymentOf(specs, notReady);
        if (scenario == QLatin1String("not-deployed"))
            deployment = Deployment{};

        const ClusterTopology topology = ClusterTopology::fromViews(views, podsByIp(deployment.pods));
        const ClusterCheckReport report = checkCluster(topology);
        const SituationAssessment onKube =
            assessSituation(deployment, topology, report, QStringLiteral("ns"));
        QCOMPARE(onKube.situation, kubernetes);
        QCOMPARE(onKube.next, next);
        QVERIFY(!onKube.advice.isEmpty());
        // The sentence is for either front end: each adds its own way to start the operation.
        QVERIFY2(!onKube.advice.contains(QLatin1String("redis-cluster-studio")), qPrintable(onKube.advice));

        if (endpoints != Situation::Unknown) {
            const ClusterTopology plain = ClusterTopology::fromViews(views);
            const SituationAssessment onEndpoints = assessClusterSituation(plain, checkCluster(plain));
            QCOMPARE(onEndpoints.situation, endpoints);
            QCOMPARE(onEndpoints.next, next);
            QVERIFY2(!onEndpoints.advice.contains(QLatin1String("redis-cluster-studio")),
                     qPrintable(onEndpoints.advice));
        }
    }

    // A node that reports a stale cluster_state:ok right after its restart does not hide a total
    // failure: nobody hears anybody. (The studio's former rule needed every state to be fail.)
    void staleOkStateStillTotalFailure()
    {
        QList<Spec> specs = sixNodes();
        QList<NodeView> views = totalFailureViews(specs);
        views[0] = view(
            specs, 0,
            [&] {
                ViewOptions options;
                for (int j = 0; j < specs.size(); ++j) {
                    options.seenIp.insert(j, QStringLiteral("10.0.0.%1").arg(j + 1));
                    if (j != 0)
                        options.disconnected.append(j);
                }
                return options;
            }(),
            "ok");
        const ClusterTopology topology = ClusterTopology::fromViews(views);
        QCOMPARE(assessClusterSituation(topology, checkCluster(topology)).situation, Situation::TotalFailure);
    }

    void nothingAskedIsUnknown()
    {
        QCOMPARE(assessClusterSituation(ClusterTopology{}, ClusterCheckReport{}).situation,
                 Situation::Unknown);
    }

    void phrasing()
    {
        const SituationAssessment assessment{Situation::TotalFailure, QStringLiteral("They lost each other."),
                                             SuggestedOperation::Recover};
        const NextStepPhrasing click = [](SuggestedOperation operation) {
            return QStringLiteral("Click %1.").arg(suggestedOperationName(operation));
        };
        QCOMPARE(phrasedAdvice(assessment, click), QStringLiteral("They lost each other. Click recover."));
        QCOMPARE(phrasedAdvice(SituationAssessment{Situation::Healthy, QStringLiteral("Fine."),
                                                   SuggestedOperation::None},
                               click),
                 QStringLiteral("Fine."));
        // Installed once by a front end, used by core's own messages.
        QCOMPARE(phrasedAdvice(assessment), QStringLiteral("They lost each other."));
        setNextStepPhrasing(click);
        QCOMPARE(phrasedAdvice(assessment), QStringLiteral("They lost each other. Click recover."));
        setNextStepPhrasing({});
        QCOMPARE(suggestedOperationName(SuggestedOperation::CheckFix), QStringLiteral("check --fix"));
    }
};

QTEST_GUILESS_MAIN(TestClusterSituation)
#include "tst_cluster_situation.moc"
