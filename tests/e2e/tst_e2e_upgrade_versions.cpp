// Upgrades that change the server, through the real redis-cluster-studio binary on kube-sandbox, whose
// --image-map decides which program each image runs: a real version upgrade from Redis 5.0.5 to Debian's
// 7.0 while an application keeps writing (no acknowledged write lost, every node at 7.0 afterwards), and
// an image whose server exits at start: the upgrade stops at the first pod with that pod's last log
// lines, the other pods untouched and every slot served, and the upgrade back to the previous image
// (the rollback) finishes on that half-upgraded cluster.
#include "e2e_support.h"

#include "../integration/job_helpers.h"
#include "recording_writer.h"
#include "redis/redis_pool.h"
#include "redis_app_objects.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString OldImage = QStringLiteral("redis:5.0.5");
const QString NewImage = QStringLiteral("redis:7.0");
const QString BrokenImage = QStringLiteral("redis:broken");
const QString NewServer = QStringLiteral("/usr/bin/redis-server");
// What the broken server writes before it exits: the upgrade's error must quote it.
const QString BrokenLine = QStringLiteral("broken-image: this server refuses to start");

QString oldServer()
{
    return QDir::homePath() + QStringLiteral("/.cache/redis-servers/redis-5.0.5/src/redis-server");
}

QString nameOf(const QJsonObject &object)
{
    return object[QLatin1String("metadata")][QLatin1String("name")].toString();
}
} // namespace

class TestE2eUpgradeVersions final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }
    // Pod name → redis_version from INFO server, or the error text.
    QHash<QString, QString> serverVersions()
    {
        QHash<QString, QString> versions;
        RedisPool pool;
        const QList<QJsonObject> pods = redisAppPods(m_sandbox);
        const QList<NodeAddress> addresses = podAddresses(pods);
        for (qsizetype i = 0; i < pods.size() && i < addresses.size(); ++i) {
            const Result<RedisReply> info = ask(pool, addresses[i], {"INFO", "server"});
            QString version = info ? QStringLiteral("(no redis_version)") : info.error().message();
            for (const QByteArray &line : info ? info->bytes().split('\n') : QList<QByteArray>()) {
                if (line.startsWith("redis_version:"))
                    version = QString::fromLatin1(line.mid(14).trimmed());
            }
            versions.insert(nameOf(pods[i]), version);
        }
        return versions;
    }
    static QString describe(const QHash<QString, QString> &byPod)
    {
        QStringList parts;
        for (auto it = byPod.cbegin(); it != byPod.cend(); ++it)
            parts << it.key() + QLatin1Char('=') + it.value();
        parts.sort();
        return parts.join(QLatin1String(", "));
    }
    void verifyEveryNodeAt(const QString &versionPrefix)
    {
        const QHash<QString, QString> versions = serverVersions();
        QCOMPARE(versions.size(), 6);
        for (const QString &version : versions)
            QVERIFY2(version.startsWith(versionPrefix), qPrintable(describe(versions)));
    }

    mutable E2eSandbox m_sandbox;
    QTemporaryDir m_tools;
    bool m_hasOldServer = false;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(studioExecutable()), "redis-cluster-studio was not built");
        if (!QFileInfo(NewServer).isExecutable())
            QSKIP(
                "Debian's redis-server (/usr/bin/redis-server, 7.0) is not installed: redis:7.0 maps to it");
        QVERIFY(m_tools.isValid());
        // Answers --version like a redis-server (kube-sandbox checks that when it loads the map), and
        // otherwise says why it stops and exits 1, as a server with a bad configuration would.
        const QString broken = m_tools.filePath(QStringLiteral("broken-redis-server"));
        QFile script(broken);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(QStringLiteral("#!/bin/sh\n"
                                    "if [ \"$1\" = \"--version\" ]; then\n"
                                    "  echo 'Redis server v=7.0.99 sha=00000000:0 malloc=libc bits=64'\n"
                                    "  exit 0\n"
                                    "fi\n"
                                    "echo '%1 (a test image)'\n"
                                    "echo '%1 (a test image)' >&2\n"
                                    "exit 1\n")
                         .arg(BrokenLine)
                         .toUtf8());
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFileDevice::ExeOwner));

        m_hasOldServer = QFileInfo(oldServer()).isExecutable();
        QStringList map{NewImage + QLatin1Char('=') + NewServer, BrokenImage + QLatin1Char('=') + broken};
        if (m_hasOldServer)
            map << OldImage + QLatin1Char('=') + oldServer();
        const Result<void> started = m_sandbox.start(3, {QStringLiteral("--image-map"), map.join(u',')});
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
        // Without the 5.0.5 build the cluster starts at 7.0: the failed-image case needs no other version.
        const StudioRun deploy = runStudio(QStringList{QStringLiteral("deploy"), QStringLiteral("--image"),
                                                       m_hasOldServer ? OldImage : NewImage} +
                                           target());
        QVERIFY2(deploy.exitCode == 0, qPrintable(deploy.all()));
        const StudioRun create = runStudio(QStringList{QStringLiteral("create")} + target());
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
    }

    void versionUpgradeUnderWrites()
    {
        if (!m_hasOldServer)
            QSKIP(qPrintable(QStringLiteral("%1 is absent: `scripts/compat.sh redis-5.0.5` builds it; the "
                                            "upgrade from 5.0.5 to 7.0 needs it")
                                 .arg(oldServer())));
        QCOMPARE(templateImage(redisAppStatefulSet(m_sandbox)), OldImage);
        verifyEveryNodeAt(QStringLiteral("5.0.5"));

        RecordingWriter writer(podAddresses(redisAppPods(m_sandbox)), "version");
        QVERIFY(writer.refresh().ok());
        const StudioRun run =
            runWhileWriting(writer,
                            QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"), NewImage,
                                        QStringLiteral("--yes")} +
                                target(),
                            kRolloutRunTimeoutMs);
        QVERIFY2(run.exitCode == 0, qPrintable(run.all()));

        const QString problem = writer.problemAfterRun(podAddresses(redisAppPods(m_sandbox)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(templateImage(redisAppStatefulSet(m_sandbox)), NewImage);
        verifyEveryNodeAt(QStringLiteral("7.0."));
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
    }

    void failedImageStopsThenRollbackFinishes()
    {
        const QString previous = templateImage(redisAppStatefulSet(m_sandbox));
        QCOMPARE(previous, NewImage);
        const QHash<QString, QString> uidsBefore = redisAppPodUids(m_sandbox);
        QCOMPARE(uidsBefore.size(), 6);

        const StudioRun failed = runStudio(QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"),
                                                       BrokenImage, QStringLiteral("--yes"),
                                                       QStringLiteral("--timeout"), QStringLiteral("90")} +
                                               target(),
                                           kRolloutRunTimeoutMs);
        QVERIFY2(failed.exitCode != 0, qPrintable(failed.all()));
        QVERIFY2(failed.all().contains(QLatin1String("The upgrade stopped here")), qPrintable(failed.all()));
        QVERIFY2(failed.all().contains(BrokenLine), qPrintable(failed.all()));

        // One pod replaced (the first, a replica), the others untouched; every slot still served.
        const QHash<QString, QString> uidsAfter = redisAppPodUids(m_sandbox);
        QStringList replaced;
        for (auto it = uidsBefore.cbegin(); it != uidsBefore.cend(); ++it) {
            if (uidsAfter.value(it.key()) != it.value())
                replaced << it.key();
        }
        QCOMPARE(replaced.size(), 1);
        QVERIFY2(failed.all().contains(replaced.first()), qPrintable(failed.all()));
        RedisPool pool;
        ClusterKeyClient client(&pool, podAddresses(redisAppPods(m_sandbox)));
        QVERIFY(client.refreshBlocking(20000).ok());
        const Result<void> written = client.writeBlocking("after-broken", 500);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message()));
        QCOMPARE(client.verifyBlocking("after-broken", 500).value(), 500);

        // status shows the rollout stopped halfway: every pod but the replaced one behind the update
        // revision (the broken image's).
        StudioRun statusRun;
        const QJsonObject rollout = statusJson(target(), &statusRun)[QLatin1String("rollout")].toObject();
        QVERIFY2(rollout[QLatin1String("in_progress")].toBool(), qPrintable(statusRun.all()));
        QStringList behind;
        for (const QJsonValue &pod : rollout[QLatin1String("pods_behind")].toArray())
            behind << pod.toString();
        QCOMPARE(behind.size(), 5);
        QVERIFY(!behind.contains(replaced.first()));

        // The rollback: back to the previous image on the half-upgraded cluster.
        const StudioRun rollback = runStudio(QStringList{QStringLiteral("upgrade"), QStringLiteral("--image"),
                                                         previous, QStringLiteral("--yes")} +
                                                 target(),
                                             kRolloutRunTimeoutMs);
        // QTest cuts long messages: the whole output goes to the log.
        if (rollback.exitCode != 0)
            qInfo("%s", qPrintable(rollback.all()));
        QVERIFY2(rollback.exitCode == 0, qPrintable(rollback.err));
        // The run says why it went on although the cluster was not healthy.
        QVERIFY2(
            rollback.all().contains(replaced.first() + QStringLiteral(" (replicas of the stopped upgrade)")),
            qPrintable(rollback.all().left(900)));
        const QJsonObject after = redisAppStatefulSet(m_sandbox);
        QCOMPARE(templateImage(after), previous);
        QVERIFY(!after[QLatin1String("metadata")][QLatin1String("annotations")].toObject().contains(
            QLatin1String("redis-cluster-studio/previous-update-strategy")));
        verifyEveryNodeAt(QStringLiteral("7.0."));
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
        const QJsonObject done = statusJson(target())[QLatin1String("rollout")].toObject();
        QCOMPARE(done[QLatin1String("in_progress")].toBool(true), false);
        QCOMPARE(done[QLatin1String("mixed_servers")].toBool(true), false);
        QCOMPARE(client.verifyBlocking("after-broken", 500).value(), 500);
    }
};

QTEST_GUILESS_MAIN(TestE2eUpgradeVersions)
#include "tst_e2e_upgrade_versions.moc"
