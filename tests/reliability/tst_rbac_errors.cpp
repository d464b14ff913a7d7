// RBAC: kube-sandbox tokens limited to some verbs/resources/namespaces (data-dir/tokens) answer 403
// with the real apiserver's message; our client's error names the verb, the resource and the
// namespace that are missing, and what to ask for.
#include "kube/kube_client.h"
#include "kube/port_forward.h"
#include "reliability_support.h"
#include "support/kube_sandbox_fixture.h"
#include "support/pod_exec.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace rcs;

namespace {
const QByteArray kViewerToken = "limited-viewer-token-0123456789abcdef";
const QByteArray kOperatorToken = "limited-operator-token-0123456789abcdef";
} // namespace

class TestRbacErrors final : public QObject {
    Q_OBJECT

private:
    test::KubeSandboxFixture m_sandbox;
    KubeClient *m_viewer = nullptr;
    KubeClient *m_operator = nullptr;
    KubeClient *m_admin = nullptr;

    KubeClient *clientWithToken(const QByteArray &token)
    {
        KubeTarget target = *m_sandbox.target();
        target.user.token = QString::fromLatin1(token);
        auto client = KubeClient::create(target, this);
        return client ? *client : nullptr;
    }

    // Pod "solo" in namespace demo, created with the admin token (it runs a redis-server).
    bool createStandalonePod()
    {
        const QJsonObject ns{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Namespace")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("demo")}}}};
        const QJsonObject container{{QStringLiteral("name"), QStringLiteral("redis")},
                                    {QStringLiteral("image"), QStringLiteral("redis:7")}};
        const QJsonObject pod{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Pod")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("solo")},
                                                     {QStringLiteral("namespace"), QStringLiteral("demo")}}},
            {QStringLiteral("spec"), QJsonObject{{QStringLiteral("containers"), QJsonArray{container}}}}};
        for (const QJsonObject &object : {ns, pod}) {
            std::unique_ptr<KubeRequest> apply(m_admin->apply(object));
            if (!test::runJob(apply.get())) {
                qWarning("%s", qPrintable(apply->errorString()));
                return false;
            }
        }
        return true;
    }

    bool soloIsReady()
    {
        std::unique_ptr<KubeRequest> get(m_admin->get(
            {QStringLiteral("v1"), QStringLiteral("Pod"), QStringLiteral("demo"), QStringLiteral("solo")}));
        if (!test::runJob(get.get()))
            return false;
        for (const QJsonValue &condition :
             get->object()[QStringLiteral("status")][QStringLiteral("conditions")].toArray()) {
            if (condition[QStringLiteral("type")] == QLatin1String("Ready"))
                return condition[QStringLiteral("status")] == QLatin1String("True");
        }
        return false;
    }

    // PING through a port-forward to pod solo: the server's answer line, or the forward's failure.
    static QString portForwardAnswer(KubeClient *client)
    {
        std::unique_ptr<PortForward> forward(
            client->portForward(QStringLiteral("demo"), QStringLiteral("solo"), 6379));
        if (!forward->listen().ok())
            return QStringLiteral("(could not listen)");
        QSignalSpy failed(forward.get(), &PortForward::connectionFailed);
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, forward->localPort());
        if (!socket.waitForConnected(10000))
            return QStringLiteral("(no local connection)");
        socket.write("PING\r\n");
        QSignalSpy readable(&socket, &QIODevice::readyRead);
        QDeadlineTimer deadline(30000);
        while (!socket.canReadLine() && failed.isEmpty() && !deadline.hasExpired())
            readable.wait(int(qBound(qint64(1), deadline.remainingTime(), qint64(250)))); // or until failed

        if (!failed.isEmpty())
            return failed.at(0).at(0).value<Error>().message();
        return socket.canReadLine() ? QString::fromLatin1(socket.readLine().trimmed())
                                    : QStringLiteral("(no answer within 30 s)");
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (test::KubeSandboxFixture::executable().isEmpty())
            QFAIL("kube-sandbox was not built: build the whole tree.");
        // Written before the sandbox starts: it reads the file once, with its other credentials.
        QFile tokens(m_sandbox.dataDir() + QStringLiteral("/tokens"));
        QVERIFY(tokens.open(QIODevice::WriteOnly));
        tokens.write("# token user verbs resources namespaces\n" + kViewerToken +
                     " viewer get,list,watch pods,statefulsets demo\n" + kOperatorToken +
                     " operator create pods/exec,pods/portforward demo\n");
        tokens.close();
        const Result<void> started = m_sandbox.start(1);
        QVERIFY2(started, started ? "" : qPrintable(started.error().message()));
        m_viewer = clientWithToken(kViewerToken);
        m_operator = clientWithToken(kOperatorToken);
        m_admin = clientWithToken(m_sandbox.token());
        QVERIFY(m_viewer && m_operator && m_admin);
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

    // Exec and port-forward are authorized as "create pods/exec" and "create pods/portforward" (as
    // kube-apiserver 1.31+ does for WebSocket upgrades too): reading pods is not enough, and the
    // refusal names the permission; a token that has it reaches the pod's redis-server.
    void streamsNeedCreateOnTheirSubresource()
    {
        QVERIFY(createStandalonePod());
        QTRY_VERIFY_WITH_TIMEOUT(soloIsReady(), 60000);

        const QString refused = portForwardAnswer(m_viewer);
        QVERIFY2(refused.contains(QStringLiteral("create pods/portforward")), qPrintable(refused));
        QVERIFY2(refused.contains(QStringLiteral("RBAC")), qPrintable(refused));
        std::unique_ptr<test::PodExec> viewerExec(
            new test::PodExec(m_viewer, QStringLiteral("demo"), QStringLiteral("solo"),
                              {QStringLiteral("redis-cli"), QStringLiteral("ping")}, {}, m_viewer));
        QVERIFY(!test::runJob(viewerExec.get()));
        QCOMPARE(viewerExec->error().code(), ErrorCode::Forbidden);
        QVERIFY2(viewerExec->errorString().contains(QStringLiteral("create pods/exec")),
                 qPrintable(viewerExec->errorString()));

        QCOMPARE(portForwardAnswer(m_operator), QStringLiteral("+PONG"));
        std::unique_ptr<test::PodExec> operatorExec(
            new test::PodExec(m_operator, QStringLiteral("demo"), QStringLiteral("solo"),
                              {QStringLiteral("redis-cli"), QStringLiteral("ping")}, {}, m_operator));
        QVERIFY2(test::runJob(operatorExec.get()), qPrintable(operatorExec->errorString()));
        QCOMPARE(operatorExec->standardOutput().trimmed(), QByteArray("PONG"));
    }
};

QTEST_GUILESS_MAIN(TestRbacErrors)
#include "tst_rbac_errors.moc"
