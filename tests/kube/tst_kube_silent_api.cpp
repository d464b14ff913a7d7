// A Kubernetes API that accepts the connection and never answers (a stuck API server, or something
// else listening at the kubeconfig's address): the request ends after its transfer timeout with a
// sentence that says it timed out, after how long, and what to check, and no Qt warning reaches the
// console (the aborted reply used to be read: "QIODevice::read (QNetworkReplyHttpImpl): device not
// open").

#include "kube/kube_client.h"
#include "kube/kube_config.h"
#include "kube/kube_request.h"
#include "support/studio_process.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {

QStringList g_messages;

void recordMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_messages.append(message);
}

} // namespace

class TestKubeSilentApi final : public QObject {
    Q_OBJECT
private:
    QTcpServer m_server;
    QList<QTcpSocket *> m_accepted; // kept open, never answered
    QTemporaryDir m_dir;

    QString server() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                m_accepted.append(socket);
        });
    }

    void requestSaysItTimedOut()
    {
        KubeTarget target;
        target.contextName = QStringLiteral("silent");
        target.cluster.name = QStringLiteral("silent");
        target.cluster.server = server();
        target.cluster.definedIn = QStringLiteral("test-kubeconfig");
        target.user.name = QStringLiteral("tester");
        target.user.definedIn = QStringLiteral("test-kubeconfig");
        target.ns = QStringLiteral("demo");
        Result<KubeClient *> client = KubeClient::create(target, this);
        QVERIFY2(client.ok(), qPrintable(client.error().message()));
        KubeRequest *request =
            (*client)->get({QStringLiteral("v1"), QStringLiteral("Namespace"), {}, QStringLiteral("demo")});
        request->setAutoDelete(false);
        request->setTransferTimeout(1000);
        QSignalSpy finished(request, &Job::finished);

        g_messages.clear();
        const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
        request->start();
        const bool ended = finished.wait(15000);
        qInstallMessageHandler(previous);

        QVERIFY2(ended, "the request did not end within 15 s");
        QVERIFY(!m_accepted.isEmpty()); // the connection was accepted: the server just stays silent
        QCOMPARE(request->error().code(), ErrorCode::Timeout);
        const QString message = request->errorString();
        QVERIFY2(message.contains(QStringLiteral("did not answer the request to get namespaces within 1 s")),
                 qPrintable(message));
        QVERIFY2(message.contains(server()), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("try again")), qPrintable(message));
        QVERIFY2(g_messages.isEmpty(), qPrintable(g_messages.join(QLatin1Char('\n'))));
        delete request;
    }

    void statusCommandSaysItTimedOut()
    {
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        QFile file(kubeconfig);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral("apiVersion: v1\nkind: Config\ncurrent-context: silent\n"
                                  "clusters:\n- name: silent\n  cluster:\n    server: %1\n"
                                  "users:\n- name: tester\n  user:\n    token: not-a-secret\n"
                                  "contexts:\n- name: silent\n  context:\n    cluster: silent\n"
                                  "    user: tester\n")
                       .arg(server())
                       .toUtf8());
        file.close();

        // The command runs with its default bounds: the API's transfer timeout (30 s) comes first.
        // The event loop runs meanwhile: the server accepts.
        const rcs::test::StudioRun run = rcs::test::runStudio(
            {QStringLiteral("status"), QStringLiteral("--kubeconfig"), kubeconfig}, 90000);
        const QString &err = run.err;
        const QString all = run.describe();
        QVERIFY2(run.ran(), qPrintable(all));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(err.contains(QStringLiteral("did not answer the request to get namespaces within 30 s")),
                 qPrintable(all));
        QVERIFY2(!err.contains(QStringLiteral("QIODevice")), qPrintable(all));
        QVERIFY2(!err.contains(QStringLiteral("Operation canceled")), qPrintable(all));
    }
};

QTEST_GUILESS_MAIN(TestKubeSilentApi)
#include "tst_kube_silent_api.moc"
