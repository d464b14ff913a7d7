// Issue 15, the operator user and rotate-password through the real redis-cluster-studio binary on
// kube-sandbox, on the server of $RCS_REDIS_SERVER. With ACL (6.0 and later): deploy --password
// --operator-user, then create, add-node (slots migrated with MIGRATE), failover, remove-node, check and
// the observation verbs (top, slowlog, bigkeys, hotkeys, slot-heat) run as the operator, and ACL LOG is empty
// on every node afterwards; a command outside the list is refused by the server (NOPERM). On every server:
// rotate-password under the test writer (no write error, master_link_status up on every replica at every
// sample, the old password refused and the new one accepted, no password in any output), and a pod restarted
// afterwards rejoins with the Secret's new password. On Redis 5 the rotation is the default user's
// (masterauth first, then requirepass).
//
// One deployment for all of it (a 6-pod deploy and create cost about a minute; the functions build on
// each other like the story's).
#include "e2e_support.h"

#include "../integration/cluster_key_client.h"
#include "../integration/job_helpers.h"
#include "common/operator_acl.h"
#include "kube/manifest_set.h"
#include "recording_writer.h"
#include "redis/redis_pool.h"
#include "redis_app_objects.h"
#include "replication_watch.h"
#include "support/redis_test_nodes.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTest>

using namespace rcs;
using namespace rcs::test;

namespace {
const QString Namespace = QStringLiteral("redis-cluster");
const QString SecretName = ManifestSet::secretName(QStringLiteral("redis-app"));
const QString OperatorName = QString::fromLatin1(operator_acl::kUserName);

// The reply's text, or the error's message: what a refusal says.
QString answerOf(const Result<RedisReply> &reply)
{
    if (!reply)
        return reply.error().message() + QLatin1Char(' ') + reply.error().detail();
    return reply->isError() ? QStringLiteral("error: ") + reply->text() : reply->toDisplayString();
}

bool refused(const Result<RedisReply> &reply)
{
    return !reply || reply->isError();
}
} // namespace

class TestE2eOperator final : public QObject {
    Q_OBJECT
private:
    QStringList target() const { return m_sandbox.target(QStringLiteral("direct")); }
    QList<NodeAddress> pods() { return podAddresses(redisAppPods(m_sandbox)); }
    QByteArray secretValue(const char *key)
    {
        return rcs::test::secretValue(m_sandbox, SecretName, QLatin1String(key));
    }
    // The application's credentials (the default user).
    RedisConnectionOptions application() const
    {
        RedisConnectionOptions options;
        options.password = m_appPassword;
        return options;
    }
    // Fails naming the password and the output it appears in.
    void assertNoPassword(const QString &where, const QString &text, const QStringList &passwords)
    {
        for (const QString &password : passwords) {
            QVERIFY(password.size() >= 16);
            QVERIFY2(!text.contains(password), qPrintable(QStringLiteral("a password appears in ") + where));
            QVERIFY2(!text.contains(QString::fromLatin1(password.toUtf8().toBase64())),
                     qPrintable(QStringLiteral("a password (base64) appears in ") + where));
        }
    }

    mutable E2eSandbox m_sandbox;
    bool m_acl = false;
    QString m_appPassword;
    QString m_operatorPassword;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFileInfo::exists(studioExecutable()), "redis-cluster-studio was not built");
        const Result<RedisServerBuild> build = RedisTestNodes::serverBuild();
        QVERIFY2(build.ok(), qPrintable(build.ok() ? QString() : build.error().message()));
        m_acl = build->version.majorVersion() >= 6;
        qInfo("server %s %s: %s", qPrintable(build->name), qPrintable(build->version.toString()),
              m_acl ? "ACL, the operator user" : "no ACL, requirepass/masterauth only");
        const Result<void> started = m_sandbox.start(3);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message()));
    }

    void deployAndCreateAsOperator()
    {
        QStringList deploy{QStringLiteral("deploy"), QStringLiteral("--timeout"), QStringLiteral("150"),
                           QStringLiteral("--password")};
        // The sandbox runs $RCS_REDIS_SERVER whatever the tag; the tag is what deploy decides by, and a
        // redis:5 tag with --operator-user is refused.
        if (m_acl)
            deploy << QStringLiteral("--image") << QStringLiteral("redis:7.0")
                   << QStringLiteral("--operator-user");
        else
            deploy << QStringLiteral("--no-operator-user");
        const StudioRun deployed = runStudio(deploy + target());
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.all()));
        m_appPassword = QString::fromUtf8(secretValue(ManifestSet::kSecretKey));
        m_operatorPassword = QString::fromUtf8(secretValue(ManifestSet::kOperatorSecretKey));
        QVERIFY(m_appPassword.size() >= 16);
        QCOMPARE(m_operatorPassword.size() >= 16, m_acl);
        if (m_acl) {
            const QByteArray file = secretValue(ManifestSet::kAclFileKey);
            QVERIFY2(file.startsWith("user studio-operator reset #"), file.constData());
            QVERIFY2(!file.contains(m_operatorPassword.toUtf8()), "the include file holds only a hash");
        }
        const StudioRun create = runStudio(QStringList{QStringLiteral("create")} + target());
        QVERIFY2(create.exitCode == 0, qPrintable(create.all()));
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
        assertNoPassword(QStringLiteral("deploy and create"), deployed.all() + create.all(), {m_appPassword});
    }

    void everyWorkflowAsOperator()
    {
        if (m_appPassword.isEmpty())
            QFAIL("the deployment failed (see deployAndCreateAsOperator)");
        // Keys, so that add-node's rebalance migrates some (MIGRATE with AUTH2 as the operator).
        RedisPool pool;
        pool.setOptions(application());
        ClusterKeyClient client(&pool, pods());
        QVERIFY(client.refreshBlocking(20000).ok());
        const Result<void> written = client.writeBlocking("operator", 2000, 60000);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message()));

        QString replicaPod;
        for (const QJsonValue &node : statusJson(target()).value(QLatin1String("nodes")).toArray()) {
            if (node[QLatin1String("role")].toString() == QLatin1String("replica"))
                replicaPod = node[QLatin1String("pod")].toString();
        }
        QVERIFY(!replicaPod.isEmpty());
        const QList<QStringList> runs = {
            {QStringLiteral("add-node")},
            {QStringLiteral("check")},
            {QStringLiteral("failover"), QStringLiteral("--pod"), replicaPod},
            {QStringLiteral("remove-node"), QStringLiteral("--yes")},
            {QStringLiteral("rebalance")},
            {QStringLiteral("check")},
            // What observation sends (issue 17), so that ACL LOG below covers it too.
            {QStringLiteral("top"), QStringLiteral("--count"), QStringLiteral("1")},
            {QStringLiteral("slowlog")},
            {QStringLiteral("bigkeys"), QStringLiteral("--max-seconds"), QStringLiteral("10")},
            {QStringLiteral("hotkeys"), QStringLiteral("--max-seconds"), QStringLiteral("10")},
            {QStringLiteral("slot-heat")},
        };
        for (const QStringList &args : runs) {
            const StudioRun run = runStudio(args + target(), 300000);
            if (run.exitCode != 0)
                qWarning().noquote() << run.all();
            QVERIFY2(run.exitCode == 0,
                     qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(" failed (its output above)")));
        }
        QCOMPARE(situationOf(target()), QStringLiteral("healthy"));
        ClusterKeyClient reader(&pool, pods());
        QVERIFY(reader.refreshBlocking(20000).ok());
        const Result<int> good = reader.verifyBlocking("operator", 2000, 60000);
        QVERIFY2(good.ok(), qPrintable(good.ok() ? QString() : good.error().message()));
        QCOMPARE(*good, 2000);
        if (!m_acl)
            return;
        // The proof that the list is complete: no node refused the operator anything.
        for (const NodeAddress &address : pods()) {
            const Result<RedisReply> log = ask(pool, address, {"ACL", "LOG"});
            QVERIFY2(log && log->isArray(), qPrintable(answerOf(log)));
            QVERIFY2(log->elements().isEmpty(),
                     qPrintable(address.toString() + QStringLiteral(" ACL LOG: ") + log->toDisplayString()));
        }
    }

    void commandOutsideTheListIsRefused()
    {
        if (m_appPassword.isEmpty())
            QFAIL("the deployment failed (see deployAndCreateAsOperator)");
        if (!m_acl)
            QSKIP("Redis 5 has no ACL: the studio authenticates with the single password.");
        RedisPool pool;
        RedisConnectionOptions options;
        options.user = OperatorName;
        options.password = m_operatorPassword;
        pool.setOptions(options);
        const NodeAddress node = pods().first();
        QVERIFY2(!refused(ask(pool, node, {"PING"})), "the operator can connect");
        for (const QList<QByteArray> &argv :
             QList<QList<QByteArray>>{{"KEYS", "*"}, {"SET", "operator:k", "v"}, {"FLUSHDB"}}) {
            const Result<RedisReply> reply = ask(pool, node, argv);
            QVERIFY2(refused(reply) && answerOf(reply).contains(QLatin1String("NOPERM")),
                     qPrintable(QString::fromLatin1(argv.first()) + QStringLiteral(": ") + answerOf(reply)));
        }
    }

    void rotatePasswordUnderWrites()
    {
        if (m_appPassword.isEmpty())
            QFAIL("the deployment failed (see deployAndCreateAsOperator)");
        const QString user = m_acl ? OperatorName : QStringLiteral("default");
        const QString oldPassword = m_acl ? m_operatorPassword : m_appPassword;

        // Unconfirmed: the plan, exit 1, nothing changed.
        const StudioRun plan = runStudio(QStringList{QStringLiteral("rotate-password")} + target());
        QVERIFY2(plan.exitCode == 1, qPrintable(plan.all()));
        QVERIFY2(plan.all().contains(m_acl ? QLatin1String("ACL SETUSER") : QLatin1String("requirepass")),
                 qPrintable(plan.all()));
        QCOMPARE(
            QString::fromUtf8(secretValue(m_acl ? ManifestSet::kOperatorSecretKey : ManifestSet::kSecretKey)),
            oldPassword);

        RedisPool sampler;
        sampler.setOptions(application());
        const QList<NodeAddress> replicaNodes = replicasAmong(sampler, pods());
        QVERIFY(replicaNodes.size() >= 3);
        ReplicationWatch links(application(), replicaNodes);

        // Logged in before the rotation starts: a watch connection opened after it would log in with a
        // password the servers no longer take (Redis 5 keeps connections already logged in).
        QVERIFY2(links.waitUntilAllUp(60000), "a replica's link was not up before the rotation");

        RecordingWriter writer(pods(), "rotation", application());
        QVERIFY(writer.refresh().ok());
        links.start();
        const StudioRun rotated =
            runWhileWriting(writer,
                            QStringList{QStringLiteral("rotate-password"), QStringLiteral("--yes"),
                                        QStringLiteral("--verbose")} +
                                target(),
                            120000);
        links.stop();
        QVERIFY2(rotated.exitCode == 0, qPrintable(rotated.all()));
        QVERIFY2(writer.failures().isEmpty(), qPrintable(writer.failures().join(QLatin1Char('\n'))));
        if (links.unread() > 0)
            qInfo("%d of %d samples were not read: the watch's own login was refused", links.unread(),
                  links.samples());
        QVERIFY2(links.samples() > links.unread(), "the replication links were sampled");
        QVERIFY2(links.down().isEmpty(), qPrintable(links.down().join(QLatin1Char('\n'))));

        const QString newPassword =
            QString::fromUtf8(secretValue(m_acl ? ManifestSet::kOperatorSecretKey : ManifestSet::kSecretKey));
        QVERIFY(newPassword.size() >= 16);
        QVERIFY(newPassword != oldPassword);
        if (!m_acl)
            m_appPassword = newPassword; // the application's password was the one rotated
        writer.setReadCredentials(application());
        const QString lost = writer.problemAfterRun(pods());
        QVERIFY2(lost.isEmpty(), qPrintable(lost));
        assertNoPassword(QStringLiteral("rotate-password's output"), plan.all() + rotated.all(),
                         {oldPassword, newPassword});
        for (const NodeAddress &address : pods()) {
            RedisPool oldPool;
            RedisPool newPool;
            RedisConnectionOptions options;
            options.user = m_acl ? user : QString();
            options.password = oldPassword;
            oldPool.setOptions(options);
            options.password = newPassword;
            newPool.setOptions(options);
            const Result<RedisReply> withOld = ask(oldPool, address, {"PING"});
            QVERIFY2(refused(withOld),
                     qPrintable(address.toString() + QStringLiteral(" took the old password")));
            const Result<RedisReply> withNew = ask(newPool, address, {"PING"});
            QVERIFY2(!refused(withNew),
                     qPrintable(address.toString() + QStringLiteral(": ") + answerOf(withNew)));
        }
        if (m_acl) {
            const QByteArray file = secretValue(ManifestSet::kAclFileKey);
            QCOMPARE(file.count('#'), 1); // the new hash alone
            m_operatorPassword = newPassword;
        }
    }

    void restartedPodUsesTheNewPassword()
    {
        if (m_appPassword.isEmpty())
            QFAIL("the deployment failed (see deployAndCreateAsOperator)");
        // A replica's pod, deleted: it comes back with a new IP and the Secret's passwords (its include
        // file and environment), and its replication link must come up with them.
        RedisPool pool;
        pool.setOptions(application());
        const QList<NodeAddress> before = replicasAmong(pool, pods());
        QVERIFY(!before.isEmpty());
        const QList<NodeAddress> all = pods();
        const qsizetype ordinal = all.indexOf(before.first());
        QVERIFY(ordinal >= 0);
        const QString pod = QStringLiteral("redis-app-%1").arg(ordinal);
        QVERIFY(m_sandbox.deletePod(Namespace, pod).ok());
        // Give recover the moment it takes to bring the node (new IP) back into the cluster.
        const bool back = waitUntil(
            [&] {
                const QList<NodeAddress> now = pods();
                if (now.size() != all.size() || now.value(ordinal) == all.value(ordinal))
                    return false;
                const Result<RedisReply> info = ask(pool, now.at(ordinal), {"INFO", "replication"});
                if (info && info->text().contains(QLatin1String("role:slave")) &&
                    info->text().contains(QLatin1String("master_link_status:up")))
                    return true;
                runStudio(QStringList{QStringLiteral("recover")} + target(), 120000);
                return false;
            },
            150000, 2000);
        QVERIFY2(back, qPrintable(pod + QStringLiteral(" did not come back as a replica with its link up")));
        if (m_acl) {
            const Result<RedisReply> log = ask(pool, pods().at(ordinal), {"ACL", "LOG"});
            QVERIFY2(log && log->isArray() && log->elements().isEmpty(), qPrintable(answerOf(log)));
        }
    }
};

QTEST_GUILESS_MAIN(TestE2eOperator)
#include "tst_e2e_operator.moc"
