// The pure parts of issue 14's sandbox work: the --image-map parser and the RollingUpdate choice of the
// pods to replace (partition, maxUnavailable as a number or a percentage, OnDelete).
#include "runtime/image_map.h"
#include "runtime/rolling_update.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace sandbox;

namespace {

QJsonObject setWith(const QJsonObject &strategy, const QString &image = QStringLiteral("redis:7.0"))
{
    return QJsonObject{
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("web")}}},
        {QStringLiteral("spec"),
         QJsonObject{
             {QStringLiteral("updateStrategy"), strategy},
             {QStringLiteral("template"),
              QJsonObject{{QStringLiteral("spec"),
                           QJsonObject{{QStringLiteral("containers"),
                                        QJsonArray{QJsonObject{{QStringLiteral("image"), image}}}}}}}}}}};
}

QJsonObject podAt(const QString &revision)
{
    return QJsonObject{{QStringLiteral("metadata"),
                        QJsonObject{{QStringLiteral("labels"),
                                     QJsonObject{{QStringLiteral("controller-revision-hash"), revision}}}}}};
}

} // namespace

class TestSandboxRolloutUnits final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ordinalsToUpdate_data();
    void ordinalsToUpdate();
    void imageMapParses();
};

void TestSandboxRolloutUnits::ordinalsToUpdate_data()
{
    QTest::addColumn<QJsonObject>("strategy");
    QTest::addColumn<int>("unavailable");
    QTest::addColumn<QList<int>>("expected");
    const auto rolling = [](const QJsonObject &rollingUpdate) {
        return QJsonObject{{QStringLiteral("type"), QStringLiteral("RollingUpdate")},
                           {QStringLiteral("rollingUpdate"), rollingUpdate}};
    };
    // Six pods; ordinals 1, 3, 4 and 5 run the old template.
    QTest::newRow("default: one at a time, highest first") << rolling({}) << 0 << QList<int>{5};
    QTest::newRow("maxUnavailable 2")
        << rolling({{QStringLiteral("maxUnavailable"), 2}}) << 0 << QList<int>{5, 4};
    QTest::newRow("maxUnavailable 2, one already down")
        << rolling({{QStringLiteral("maxUnavailable"), 2}}) << 1 << QList<int>{5};
    QTest::newRow("maxUnavailable 2, two down")
        << rolling({{QStringLiteral("maxUnavailable"), 2}}) << 2 << QList<int>{};
    QTest::newRow("50% of 6 is 3") << rolling({{QStringLiteral("maxUnavailable"), QStringLiteral("50%")}})
                                   << 0 << QList<int>{5, 4, 3};
    QTest::newRow("10% of 6 rounds down to 0, at least 1")
        << rolling({{QStringLiteral("maxUnavailable"), QStringLiteral("10%")}}) << 0 << QList<int>{5};
    QTest::newRow("partition 4 keeps ordinals below it")
        << rolling({{QStringLiteral("maxUnavailable"), 6}, {QStringLiteral("partition"), 4}}) << 0
        << QList<int>{5, 4};
    QTest::newRow("all old pods, even below pods of the new template")
        << rolling({{QStringLiteral("maxUnavailable"), 6}}) << 0 << QList<int>{5, 4, 3, 1};
    QTest::newRow("OnDelete waits for the user")
        << QJsonObject{{QStringLiteral("type"), QStringLiteral("OnDelete")}} << 0 << QList<int>{};
}

void TestSandboxRolloutUnits::ordinalsToUpdate()
{
    QFETCH(QJsonObject, strategy);
    QFETCH(int, unavailable);
    QFETCH(QList<int>, expected);
    const QJsonObject set = setWith(strategy);
    const QString current = templateRevision(set);
    QVERIFY(current.startsWith(QLatin1String("web-")));
    QCOMPARE_NE(templateRevision(setWith(strategy, QStringLiteral("redis:5.0.5"))), current);
    QMap<int, QJsonObject> pods;
    for (int ordinal = 0; ordinal < 6; ++ordinal)
        pods.insert(ordinal, podAt(QList<int>{0, 2}.contains(ordinal) ? current : QStringLiteral("web-old")));
    QCOMPARE(sandbox::ordinalsToUpdate(set, pods, 6, unavailable), expected);
}

void TestSandboxRolloutUnits::imageMapParses()
{
    const auto parsed =
        parseImageMap(QStringLiteral(" redis:5.0.5=/bin/sh , registry:5000/redis:7.0=/bin/true,"));
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().message()));
    QCOMPARE(parsed.value().size(), 2);
    QCOMPARE(parsed.value().at(0).image, QStringLiteral("redis:5.0.5"));
    QCOMPARE(parsed.value().at(0).serverPath, QStringLiteral("/bin/sh"));
    QCOMPARE(parsed.value().at(1).image, QStringLiteral("registry:5000/redis:7.0"));
    QVERIFY(parseImageMap(QString()).ok() && parseImageMap(QString()).value().isEmpty());
    for (const char *bad : {"redis", "=/bin/sh", "redis:7.0=", "a=/bin/sh,a=/bin/true", "a=/no/such/file"}) {
        const auto refused = parseImageMap(QString::fromLatin1(bad));
        QVERIFY2(!refused.ok() && refused.error().message().startsWith(QLatin1String("--image-map ")), bad);
    }
}

QTEST_GUILESS_MAIN(TestSandboxRolloutUnits)
#include "tst_sandbox_rollout_units.moc"
