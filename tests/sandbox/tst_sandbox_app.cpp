#include "wiring/sandbox_app.h"

#include <QFileInfo>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using sandbox::SandboxApp;

// kube-sandbox's wiring run in-process: what main() starts, a test can start, query and stop.
class TestSandboxApp final : public QObject {
    Q_OBJECT
private:
    // The first line of the answer to GET /version over TLS (the sandbox's own CA is not trusted here:
    // the point is that it serves HTTPS at its URL), or empty when nothing answers.
    static QByteArray statusLine(const QUrl &url)
    {
        QSslSocket socket;
        socket.setPeerVerifyMode(QSslSocket::VerifyNone);
        socket.connectToHostEncrypted(url.host(), quint16(url.port()));
        // The server runs in this thread: wait with the event loop turning, never with waitFor*().
        if (!QTest::qWaitFor([&socket] { return socket.isEncrypted(); }, 5000))
            return {};
        socket.write("GET /version HTTP/1.1\r\nHost: sandbox\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        [[maybe_unused]] const bool complete = QTest::qWaitFor(
            [&] {
                answer += socket.readAll();
                return answer.contains("\r\n");
            },
            5000);
        return answer.left(answer.indexOf("\r\n"));
    }

private Q_SLOTS:
    void refusesWhatMainRefuses()
    {
        QTemporaryDir dir;
        SandboxApp app;
        SandboxApp::Options options;
        options.dataDir = dir.path();
        options.listen = QStringLiteral("10.1.2.3:6443");
        const auto started = app.start(options);
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message().contains(QLatin1String("loopback")),
                 qPrintable(started.error().message()));

        SandboxApp noFolder;
        const auto withoutFolder = noFolder.start(SandboxApp::Options{});
        QVERIFY(!withoutFolder.ok());
        QVERIFY(withoutFolder.error().message().contains(QLatin1String("--data-dir is required")));
    }

    void startsServesAndStops()
    {
        QTemporaryDir dir;
        SandboxApp app;
        SandboxApp::Options options;
        options.dataDir = dir.path();
        options.nodes = 2;
        const auto started = app.start(options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
        QVERIFY(QFileInfo::exists(app.kubeconfigPath()));
        const QUrl url(app.url());
        QVERIFY(url.port() > 0);
        QVERIFY2(statusLine(url).startsWith("HTTP/1.1 "), qPrintable(app.url()));

        app.stop();
        QVERIFY(statusLine(url).isEmpty()); // no longer listening
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("state.json"))));
        app.stop(); // idempotent
    }
};

QTEST_GUILESS_MAIN(TestSandboxApp)
#include "tst_sandbox_app.moc"
