#include "ui/core_backend.h"
#include "ui/deploy_parameters.h"
#include "ui/deploy_wizard.h"
#include "ui/deploy_wizard_pages.h"

#include <QAbstractButton>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QTest>

using namespace rcs::ui;

class TestDeployWizard final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namespaceNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("seed") << QStringLiteral("redis-cluster") << true;
        QTest::newRow("digits") << QStringLiteral("0abc9") << true;
        QTest::newRow("single") << QStringLiteral("a") << true;
        QTest::newRow("63") << QStringLiteral("a").repeated(63) << true;
        QTest::newRow("64") << QStringLiteral("a").repeated(64) << false;
        QTest::newRow("upper") << QStringLiteral("Redis") << false;
        QTest::newRow("leading dash") << QStringLiteral("-redis") << false;
        QTest::newRow("trailing dash") << QStringLiteral("redis-") << false;
        QTest::newRow("dot") << QStringLiteral("redis.cluster") << false;
        QTest::newRow("underscore") << QStringLiteral("redis_cluster") << false;
        QTest::newRow("empty") << QString() << false;
    }

    void namespaceNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isDnsLabel(name), valid);
        DeployParameters p;
        p.ns = name;
        QCOMPARE(p.validate().isEmpty(), valid);
    }

    void quantities()
    {
        for (const char *good : {"1Gi", "500Mi", "100m", "0.5", "2", "1.5G"})
            QVERIFY2(isQuantity(QString::fromLatin1(good)), good);
        for (const char *bad : {"", "Gi", "1 Gi", "1GB", "-1Gi", "one"})
            QVERIFY2(!isQuantity(QString::fromLatin1(bad)), bad);
    }

    void mastersFromPods()
    {
        DeployParameters p;
        QCOMPARE(p.masters(), 3);
        QCOMPARE(p.replicas(), 3);
        p.pods = 7;
        QCOMPARE(p.masters(), 3);
        QCOMPARE(p.replicas(), 4);
        QVERIFY(p.validate().isEmpty());
        p.pods = 5;
        const QStringList problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QLatin1String("at least 3 masters")),
                 qPrintable(problems.first()));
        QVERIFY(problems.first().contains(QLatin1String("at least 6 pods")));
        p.replicasPerMaster = 0;
        p.pods = 3;
        QVERIFY(p.validate().isEmpty());
    }

    // TLS: Redis 5 (the default image) is refused with the sentence deploy --tls gives; the user's
    // files must be all three; an existing Secret needs a valid name.
    void tlsParameters()
    {
        DeployParameters p;
        p.tls = true;
        QStringList problems = p.validate();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QLatin1String("TLS needs Redis 6.0 or later")),
                 qPrintable(problems.first()));
        p.image = QStringLiteral("redis:7.0");
        QVERIFY(p.validate().isEmpty());
        p.tlsSource = DeployParameters::TlsSource::Files;
        p.tlsCaFile = QStringLiteral("/tmp/ca.crt");
        QCOMPARE(p.validate().size(), 1);
        p.tlsCertFile = QStringLiteral("/tmp/tls.crt");
        p.tlsKeyFile = QStringLiteral("/tmp/tls.key");
        QVERIFY(p.validate().isEmpty());
        p.tlsSource = DeployParameters::TlsSource::Secret;
        p.tlsSecret = QStringLiteral("Bad_Name");
        QCOMPARE(p.validate().size(), 1);
        p.tlsSecret = QStringLiteral("redis-tls");
        QVERIFY(p.validate().isEmpty());
        p.tls = false;
        p.image = QStringLiteral("redis:5.0.5");
        QVERIFY(p.validate().isEmpty());
    }

    void parametersPageRefusesTooFewMasters()
    {
        CoreBackend backend;
        StudioTarget target;
        target.kind = StudioTarget::Kind::Sandbox;
        DeployWizard wizard(&backend, target);
        wizard.show();
        wizard.next(); // target → parameters
        QCOMPARE(wizard.currentId(), int(DeployWizard::ParametersPageId));
        auto *page = qobject_cast<ParametersPage *>(wizard.currentPage());
        QVERIFY(page);
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QVERIFY(next->isEnabled());
        QCOMPARE(page->layoutLabel()->text(), QStringLiteral("3 masters + 3 replicas"));

        page->podsSpin()->setValue(4);
        QVERIFY(!page->isComplete());
        QVERIFY(!next->isEnabled());
        QVERIFY2(page->problemsLabel()->text().contains(QLatin1String("at least 3 masters")),
                 qPrintable(page->problemsLabel()->text()));

        page->podsSpin()->setValue(9);
        page->replicasSpin()->setValue(2);
        QVERIFY(page->isComplete());
        QVERIFY(next->isEnabled());
        QCOMPARE(page->layoutLabel()->text(), QStringLiteral("3 masters + 6 replicas"));

        page->namespaceEdit()->setText(QStringLiteral("Redis_Cluster"));
        QVERIFY(!next->isEnabled());
        QVERIFY(page->problemsLabel()->text().contains(QLatin1String("not a valid Kubernetes name")));
        page->namespaceEdit()->setText(QStringLiteral("redis-prod"));
        QVERIFY(next->isEnabled());
        QCOMPARE(wizard.parameters().ns, QStringLiteral("redis-prod"));
        QCOMPARE(wizard.deployedTarget().ns, QStringLiteral("redis-prod"));
    }

    void reviewShowsTheRenderedManifestsAndCommands()
    {
        CoreBackend backend;
        StudioTarget target;
        target.kind = StudioTarget::Kind::Sandbox;
        DeployWizard wizard(&backend, target);
        wizard.show();
        wizard.next();
        auto *parameters = qobject_cast<ParametersPage *>(wizard.currentPage());
        parameters->podsSpin()->setValue(9);
        wizard.next();
        QCOMPARE(wizard.currentId(), int(DeployWizard::ReviewPageId));
        auto *review = qobject_cast<ReviewPage *>(wizard.currentPage());
        QVERIFY(review);
        QVERIFY(review->isComplete());
        QVERIFY2(review->yaml().contains(QLatin1String("kind: StatefulSet")),
                 qPrintable(review->yaml().left(400)));
        QVERIFY(review->yaml().contains(QLatin1String("replicas: 9")));
        QVERIFY(review->commands().contains(QLatin1String("kubectl")));
        QVERIFY(review->commands().contains(QLatin1String("apply --server-side")));
        // A picture for a person to look at when RCS_UI_SHOTS names a folder; never asserted.
        if (const QString shots = qEnvironmentVariable("RCS_UI_SHOTS"); !shots.isEmpty())
            wizard.grab().save(QDir(shots).filePath(QStringLiteral("wizard-review.png")));
    }

    void passwordNeverAppearsInTheReview()
    {
        CoreBackend backend;
        StudioTarget target;
        target.kind = StudioTarget::Kind::Sandbox;
        DeployWizard wizard(&backend, target);
        DeployParameters p = wizard.parameters();
        p.password = QStringLiteral("Very-Secret-42");
        wizard.setParameters(p);
        wizard.show();
        wizard.next();
        wizard.next();
        auto *review = qobject_cast<ReviewPage *>(wizard.currentPage());
        QVERIFY(review);
        QVERIFY(!review->yaml().contains(QLatin1String("Very-Secret-42")));
    }
};

QTEST_MAIN(TestDeployWizard)
#include "tst_deploy_wizard.moc"
