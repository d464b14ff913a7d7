// RBAC: kube-sandbox tokens limited to some verbs/resources/namespaces (data-dir/tokens) answer 403
// with the real apiserver's message; our client's error names the verb, the resource and the
// namespace that are missing, and what to ask for.
#include "kube/kube_client.h"
#include "reliability_support.h"
#include "support/kube_sandbox_fixture.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace rcs;

namespace {
const QByteArray kViewerToken = "limited-viewer-token-0123456789abcdef";
} // namespace

class TestRbacErrors final : public QObject {
    Q_OBJECT

private:
    test::KubeSandboxFixture m_sandbox;
    KubeClient *m_viewer = nullptr;

private Q_SLOTS:
    void initTestCase()
    {
        if (test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("kube-sandbox was not built: build the whole tree.");
        // Written before the sandbox starts: it reads the file once, with its other credentials.
        QFile tokens(m_sandbox.dataDir() + QStringLiteral("/tokens"));
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write("# token user verbs resources namespaces\n" + kViewerToken +
                     " viewer get,list,watch pods,statefulsets demo\n");
        tokens.close();
        const Result<void> started = m_sandbox.start(1);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message()));
        KubeTarget target = *m_sandbox.target();
        target.user.token = QString::fromLatin1(kViewerToken);
        auto client = KubeClient::create(target, this);
        QVERIFY(client);
        m_viewer = *client;
    }

    void allowedVerbsWork()
    {
        KubeRequest *list =
            m_viewer->list(QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"));
        QVERIFY2(test::runJob(list), qPrintable(list->errorString()));
        delete list;
    }

    void serverSendsTheKubernetesMessage()
    {
        KubeRequest::Spec spec;
        spec.method = "GET";
        spec.path = QStringLiteral("/api/v1/namespaces/other/pods");
        KubeRequest *raw = m_viewer->raw(spec);
        QVERIFY(!test::runJob(raw));
        QCOMPARE(raw->httpStatus(), 403);
        QVERIFY2(
            QString::fromUtf8(raw->body())
                .contains(QStringLiteral(
                    R"(pods is forbidden: User \"viewer\" cannot list resource \"pods\" in API group \"\" in the namespace \"other\")")),
            raw->body().constData());
        delete raw;
    }

    void forbiddenNamesVerbResourceAndNamespace_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("ns");
        QTest::newRow("list configmaps in demo")
            << QStringLiteral("list") << QStringLiteral("configmaps") << QStringLiteral("demo");
        QTest::newRow("list pods in other")
            << QStringLiteral("list") << QStringLiteral("pods") << QStringLiteral("other");
        QTest::newRow("delete a statefulset")
            << QStringLiteral("delete") << QStringLiteral("statefulsets") << QStringLiteral("demo");
    }

    void forbiddenNamesVerbResourceAndNamespace()
    {
        QFETCH(QString, verb);
        QFETCH(QString, resource);
        QFETCH(QString, ns);
        KubeRequest *request = nullptr;
        if (verb == u"delete") {
            request = m_viewer->remove(
                {QStringLiteral("apps/v1"), QStringLiteral("StatefulSet"), ns, QStringLiteral("redis-app")});
        } else {
            request =
                m_viewer->list(QStringLiteral("v1"),
                               resource == u"pods" ? QStringLiteral("Pod") : QStringLiteral("ConfigMap"), ns);
        }
        QVERIFY(!test::runJob(request));
        QCOMPARE(request->error().code(), ErrorCode::Forbidden);
        const QString message = request->errorString();
        QVERIFY2(message.contains(verb), qPrintable(message));
        QVERIFY2(message.contains(resource), qPrintable(message));
        QVERIFY2(message.contains(ns), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("RBAC")), qPrintable(message));
        delete request;
    }
};

QTEST_GUILESS_MAIN(TestRbacErrors)
#include "tst_rbac_errors.moc"
