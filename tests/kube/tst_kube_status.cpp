#include "kube/kube_status.h"

#include "kube_status_samples.h"

#include <QTest>

using namespace rcs;

class TestKubeStatus final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<int>("http");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QString>("ns");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("code");
        QTest::addColumn<QStringList>("mentions");

        QTest::newRow("403 names verb resource namespace")
            << 403 << QByteArray(kStatusSample0) << "list"
            << "pods"
            << "demo"
            << "" << int(ErrorCode::Forbidden)
            << QStringList{QStringLiteral("list"), QStringLiteral("pods"), QStringLiteral("\"demo\""),
                           QStringLiteral("RBAC")};
        QTest::newRow("404 names the object")
            << 404 << QByteArray(kStatusSample1) << "get"
            << "statefulsets"
            << "demo"
            << "redis" << int(ErrorCode::NotFound)
            << QStringList{QStringLiteral("statefulsets \"redis\""), QStringLiteral("\"demo\""),
                           QStringLiteral("not found")};
        QTest::newRow("404 missing namespace")
            << 404 << QByteArray(kStatusSample2) << "list"
            << "pods"
            << "nope"
            << "" << int(ErrorCode::NotFound) << QStringList{QStringLiteral("namespaces \"nope\" not found")};
        QTest::newRow("409 field conflict")
            << 409 << QByteArray(kStatusSample3) << "apply"
            << "statefulsets"
            << "demo"
            << "redis" << int(ErrorCode::Conflict)
            << QStringList{QStringLiteral("conflict"), QStringLiteral(".spec.replicas"),
                           QStringLiteral("kubectl")};
        QTest::newRow("409 already exists")
            << 409 << QByteArray(kStatusSample4) << "create"
            << "namespaces"
            << ""
            << "demo" << int(ErrorCode::Conflict) << QStringList{QStringLiteral("already exists")};
        QTest::newRow("401") << 401 << QByteArray(kStatusSample5) << "get"
                             << "pods"
                             << "demo"
                             << "x" << int(ErrorCode::Unauthorized)
                             << QStringList{QStringLiteral("401"), QStringLiteral("credentials")};
        QTest::newRow("422 with causes")
            << 422 << QByteArray(kStatusSample6) << "apply"
            << "statefulsets"
            << "demo"
            << "redis" << int(ErrorCode::InvalidInput)
            << QStringList{QStringLiteral("invalid"), QStringLiteral("spec.replicas")};
        QTest::newRow("code in body wins over the status line")
            << 500 << QByteArray(kStatusSample7) << "get"
            << "pods"
            << ""
            << "x" << int(ErrorCode::NotFound) << QStringList{QStringLiteral("not found")};
        QTest::newRow("proxy html") << 502 << QByteArray("<html><body><h1>502 Bad Gateway</h1></body></html>")
                                    << "get"
                                    << "pods"
                                    << "demo"
                                    << "" << int(ErrorCode::KubeApi)
                                    << QStringList{QStringLiteral("502"), QStringLiteral("Bad Gateway"),
                                                   QStringLiteral("proxy")};
        QTest::newRow("empty body") << 503 << QByteArray() << "list"
                                    << "pods"
                                    << "demo"
                                    << "" << int(ErrorCode::KubeApi)
                                    << QStringList{QStringLiteral("503"), QStringLiteral("empty body")};
    }
    void decode()
    {
        QFETCH(int, http);
        QFETCH(QByteArray, body);
        QFETCH(QString, verb);
        QFETCH(QString, resource);
        QFETCH(QString, ns);
        QFETCH(QString, name);
        QFETCH(int, code);
        QFETCH(QStringList, mentions);
        const Error error =
            decodeKubeError(http, body, {verb, resource, ns, name, QStringLiteral("https://x")});
        QCOMPARE(int(error.code()), code);
        for (const QString &mention : mentions)
            QVERIFY2(error.message().contains(mention, Qt::CaseInsensitive), qPrintable(error.message()));
        QVERIFY(error.message().endsWith(QLatin1Char('.')));
    }

    void webSocketRefusal_data()
    {
        QTest::addColumn<QString>("socketError");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");
        const QString qt =
            QStringLiteral("QWebSocketPrivate::processHandshake: Unhandled http status code: %1.");
        QTest::newRow("404 names the pod")
            << qt.arg(QStringLiteral("404 (Not Found)")) << int(ErrorCode::NotFound)
            << "Not found (404): pods \"redis-app-7\" in namespace \"demo\" does not exist.";
        QTest::newRow("403 names the RBAC permission")
            << qt.arg(QStringLiteral("403 (Forbidden)")) << int(ErrorCode::Forbidden)
            << "Forbidden (403): you may not create pods/portforward \"redis-app-7\" in namespace \"demo\". "
               "Ask a cluster administrator for RBAC permission to create pods/portforward in namespace "
               "\"demo\".";
        QTest::newRow("401")
            << qt.arg(QStringLiteral("401 (Unauthorized)")) << int(ErrorCode::Unauthorized)
            << "The Kubernetes API rejected the credentials (401 Unauthorized) while trying to "
               "create pods/portforward \"redis-app-7\": the token or client certificate is "
               "wrong or has expired. Check the user in the kubeconfig.";
        QTest::newRow("400 without a server message")
            << qt.arg(QStringLiteral("400 (Bad Request)")) << int(ErrorCode::KubeApi)
            << "The Kubernetes API failed to create pods/portforward \"redis-app-7\" in namespace \"demo\" "
               "(HTTP 400).";
        QTest::newRow("no status code") << QStringLiteral("Connection refused.")
                                        << int(ErrorCode::ConnectionFailed) << "Connection refused.";
    }
    void webSocketRefusal()
    {
        QFETCH(QString, socketError);
        QFETCH(int, code);
        QFETCH(QString, expected);
        const Error error =
            decodeWebSocketRefusal(socketError, QStringLiteral("demo"), QStringLiteral("redis-app-7"),
                                   QStringLiteral("portforward"), QStringLiteral("wss://x"));
        QCOMPARE(int(error.code()), code);
        QCOMPARE(error.message(), expected);
    }
};

QTEST_GUILESS_MAIN(TestKubeStatus)
#include "tst_kube_status.moc"
