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
};

QTEST_GUILESS_MAIN(TestKubeStatus)
#include "tst_kube_status.moc"
