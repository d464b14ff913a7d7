// upgrade --set's pure parts: parsing settings, editing redis.conf, reading CONFIG GET, classifying a
// setting from CONFIG SET's answer, and the config-hash annotation.
#include "redis/redis_reply.h"
#include "workflows/upgrade_config.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace rcs;

namespace {
const QString kConf = QStringLiteral("# persistence\n"
                                     "appendonly yes\n"
                                     "cluster-enabled yes\n"
                                     "save 900 1\n"
                                     "# save 60 10000 (kept as a comment)\n"
                                     "save 300 10\n"
                                     "port 6379\n");

QJsonObject statefulSet(const QString &annotationsJson, const QString &volumesJson)
{
    const QByteArray text = QStringLiteral("{\"spec\":{\"template\":{\"metadata\":{\"annotations\":%1},"
                                           "\"spec\":{\"volumes\":%2}}}}")
                                .arg(annotationsJson, volumesJson)
                                .toUtf8();
    return QJsonDocument::fromJson(text).object();
}
} // namespace

class TestUpgradeConfig final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseSetting_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << "maxmemory-policy=allkeys-lru" << true << "maxmemory-policy"
                               << "allkeys-lru";
        QTest::newRow("upper case key") << "MaxMemory=100mb" << true << "maxmemory"
                                        << "100mb";
        QTest::newRow("value with spaces and =") << "save=900 1 300 10" << true << "save"
                                                 << "900 1 300 10";
        QTest::newRow("empty value") << "notify-keyspace-events=" << true << "notify-keyspace-events"
                                     << "";
        QTest::newRow("no =") << "maxmemory-policy allkeys-lru" << false << ""
                              << "";
        QTest::newRow("empty key") << "=5" << false << ""
                                   << "";
        QTest::newRow("pattern") << "max*=1" << false << ""
                                 << "";
        QTest::newRow("password") << "requirepass=secret" << false << ""
                                  << "";
    }

    void parseSetting()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const Result<ConfigSetting> setting = parseConfigSetting(text);
        QCOMPARE(bool(setting), ok);
        if (!ok) {
            QCOMPARE(setting.error().code(), ErrorCode::InvalidInput);
            QVERIFY(!setting.error().message().isEmpty());
            // The password's own message never repeats its value.
            QVERIFY(!setting.error().message().contains(QLatin1String("secret")));
            return;
        }
        QFETCH(QString, key);
        QFETCH(QString, value);
        QCOMPARE(setting->key, key);
        QCOMPARE(setting->value, value);
    }

    void parseLines()
    {
        const Result<QList<ConfigSetting>> settings = parseConfigSettingLines(
            QStringLiteral("maxmemory-policy allkeys-lru\n\n  databases=32 \nsave 900 1 300 10\n"));
        QVERIFY(settings);
        const QList<ConfigSetting> expected{
            {QStringLiteral("maxmemory-policy"), QStringLiteral("allkeys-lru")},
            {QStringLiteral("databases"), QStringLiteral("32")},
            {QStringLiteral("save"), QStringLiteral("900 1 300 10")}};
        QCOMPARE(*settings, expected);
        const Result<QList<ConfigSetting>> bad =
            parseConfigSettingLines(QStringLiteral("databases 32\nmaxmemory-policy"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message().contains(QLatin1String("Line 2")), qPrintable(bad.error().message()));
        QVERIFY(parseConfigSettingLines(QString())->isEmpty());
    }

    void editConf_data()
    {
        QTest::addColumn<QString>("conf");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("replace one line, keep the rest")
            << kConf << "port"
            << "7000" << QString(kConf).replace(QLatin1String("port 6379"), QLatin1String("port 7000"));
        QTest::newRow("append") << kConf << "maxmemory-policy"
                                << "allkeys-lru" << kConf + QStringLiteral("maxmemory-policy allkeys-lru\n");
        QTest::newRow("several lines become one, the comment stays")
            << kConf << "save"
            << "3600 1"
            << QStringLiteral("# persistence\nappendonly yes\ncluster-enabled yes\nsave 3600 1\n"
                              "# save 60 10000 (kept as a comment)\nport 6379\n");
        QTest::newRow("indented, other case") << "  Databases 16\n"
                                              << "databases"
                                              << "32"
                                              << "databases 32\n";
        QTest::newRow("no final newline") << "port 6379"
                                          << "databases"
                                          << "32"
                                          << "port 6379\ndatabases 32\n";
        QTest::newRow("empty conf") << ""
                                    << "databases"
                                    << "32"
                                    << "databases 32\n";
        QTest::newRow("empty value is quoted") << "port 6379\n"
                                               << "notify-keyspace-events"
                                               << ""
                                               << "port 6379\nnotify-keyspace-events \"\"\n";
        QTest::newRow("a quote is escaped") << ""
                                            << "masteruser"
                                            << "a\"b"
                                            << "masteruser \"a\\\"b\"\n";
        QTest::newRow("a prefix is another directive") << "maxmemory-policy noeviction\n"
                                                       << "maxmemory"
                                                       << "1gb"
                                                       << "maxmemory-policy noeviction\nmaxmemory 1gb\n";
    }

    void editConf()
    {
        QFETCH(QString, conf);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QCOMPARE(setConfigDirective(conf, {key, value}), expected);
        // Setting it again changes nothing: a re-run writes the same ConfigMap.
        QCOMPARE(setConfigDirective(expected, {key, value}), expected);
    }

    void configGet()
    {
        const auto pairs = [](QList<QByteArray> words) {
            QList<RedisReply> elements;
            for (const QByteArray &word : words)
                elements << RedisReply::string(word);
            return RedisReply::array(elements);
        };
        QCOMPARE(
            configGetValue(pairs({"maxmemory-policy", "noeviction"}), QStringLiteral("maxmemory-policy")),
            std::optional<QString>(QStringLiteral("noeviction")));
        QCOMPARE(configGetValue(pairs({}), QStringLiteral("no-such-key")), std::nullopt);
        // An alias answers under its new name.
        QCOMPARE(configGetValue(pairs({"replica-read-only", "yes"}), QStringLiteral("slave-read-only")),
                 std::optional<QString>(QStringLiteral("yes")));
        QCOMPARE(configGetValue(pairs({"a", "1", "b", "2"}), QStringLiteral("b")),
                 std::optional<QString>(QStringLiteral("2")));
        QCOMPARE(configGetValue(pairs({"a", "1", "b", "2"}), QStringLiteral("c")), std::nullopt);
    }

    void classify()
    {
        const ConfigSetting databases{QStringLiteral("databases"), QStringLiteral("32")};
        const ProbedSetting restart = classifySetting(
            databases, QStringLiteral("16"),
            QStringLiteral("ERR CONFIG SET failed (possibly related to argument 'databases') - can't set "
                           "immutable config"));
        QCOMPARE(restart.apply, ConfigApply::Restart);
        QVERIFY(describeSetting(restart).contains(QLatin1String("can't set immutable config")));
        QVERIFY(describeSetting(restart).contains(QLatin1String("rolling restart")));
        const ProbedSetting live =
            classifySetting({QStringLiteral("maxmemory-policy"), QStringLiteral("allkeys-lru")},
                            QStringLiteral("noeviction"), QString());
        QCOMPARE(live.apply, ConfigApply::Live);
        QCOMPARE(live.current, QStringLiteral("noeviction"));
        QVERIFY(describeSetting(live).contains(QLatin1String("live")));
    }

    void configMapName()
    {
        QCOMPARE(redisConfMapName(statefulSet(
                     QStringLiteral("{}"),
                     QStringLiteral("[{\"name\":\"data\",\"emptyDir\":{}},"
                                    "{\"name\":\"other\",\"configMap\":{\"name\":\"x\"}},"
                                    "{\"name\":\"conf\",\"configMap\":{\"name\":\"my-conf\","
                                    "\"items\":[{\"key\":\"redis.conf\",\"path\":\"redis.conf\"}]}}]"))),
                 QStringLiteral("my-conf"));
        QCOMPARE(redisConfMapName(
                     statefulSet(QStringLiteral("{}"),
                                 QStringLiteral("[{\"name\":\"c\",\"configMap\":{\"name\":\"only\"}}]"))),
                 QStringLiteral("only"));
        QCOMPARE(redisConfMapName(QJsonObject()), QStringLiteral("redis-conf"));
    }

    void hashAnnotation()
    {
        const QString hash = configHash(kConf);
        QCOMPARE(hash.size(), 16);
        QCOMPARE(configHash(kConf), hash);
        QVERIFY(configHash(kConf + QStringLiteral("databases 32\n")) != hash);

        const QJsonObject without = statefulSet(QStringLiteral("{}"), QStringLiteral("[]"));
        const QJsonObject patched = withConfigHash({}, without, hash);
        // A template patch has the StatefulSet's shape: the annotation reads back the same way.
        QCOMPARE(templateConfigHash(patched), hash);
        // The template already has it (a re-run): no change. No hash asked: no change.
        const QJsonObject with =
            statefulSet(QStringLiteral("{\"%1\":\"%2\"}").arg(QLatin1String(kConfigHashAnnotation), hash),
                        QStringLiteral("[]"));
        QCOMPARE(templateConfigHash(with), hash);
        QVERIFY(withConfigHash({}, with, hash).isEmpty());
        QVERIFY(withConfigHash({}, without, QString()).isEmpty());
        // Merged into an existing template patch, which keeps its own parts.
        const QJsonObject image =
            QJsonDocument::fromJson("{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"redis\","
                                    "\"image\":\"redis:7.2\"}]}}}}")
                .object();
        const QJsonObject both = withConfigHash(image, without, hash);
        const QJsonObject templ =
            both.value(QLatin1String("spec")).toObject().value(QLatin1String("template")).toObject();
        QVERIFY(templ.contains(QLatin1String("spec")));
        QVERIFY(templ.contains(QLatin1String("metadata")));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeConfig)
#include "tst_upgrade_config.moc"
