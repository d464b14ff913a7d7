#include "redis_cli_check.h"
#include "support/redis_test_nodes.h"
#include "support/studio_process.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;
using rcs::test::RedisTestNodes;

namespace {
using Run = rcs::test::StudioRun;
using rcs::test::runStudio;

bool isOneSentence(const QString &err)
{
    const QString text = err.trimmed();
    return !text.isEmpty() && !text.contains(u'\n') && text.endsWith(u'.');
}
} // namespace

class TestClusterCommands final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        test::RedisTestNodeOptions options;
        options.extraConfig = {QStringLiteral("repl-diskless-sync-delay 0")};
        const Result<void> started = m_nodes.start(6, options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("negative replicas")
            << QStringList{QStringLiteral("create"), QStringLiteral("--nodes"), QStringLiteral("127.0.0.1:1"),
                           QStringLiteral("--cluster-replicas"), QStringLiteral("-1")};
        QTest::newRow("--nodes without value")
            << QStringList{QStringLiteral("create"), QStringLiteral("--nodes")};
        QTest::newRow("bad address") << QStringList{QStringLiteral("status"), QStringLiteral("--nodes"),
                                                    QStringLiteral("10.0.0.1:99999")};
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("check"), QStringLiteral("--nodez"), QStringLiteral("x")};
        QTest::newRow("bad replicas")
            << QStringList{QStringLiteral("create"), QStringLiteral("--nodes"), QStringLiteral("127.0.0.1:1"),
                           QStringLiteral("--cluster-replicas"), QStringLiteral("many")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        const Run run = runStudio(args);
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(isOneSentence(run.err), qPrintable(run.describe()));
    }

    void helpPerCommand()
    {
        // --nodes selects the plain-endpoint form of the verb (without it the Kubernetes form answers).
        const Run run = runStudio({QStringLiteral("create"), QStringLiteral("--nodes"),
                                   QStringLiteral("127.0.0.1"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(u"Usage: redis-cluster-studio create [OPTIONS]\n"));
        QVERIFY(run.out.contains(u"--cluster-replicas"));
        QVERIFY(run.out.contains(u"--password"));
        QVERIFY2(
            run.out.contains(u"Without --nodes it works on the Redis pods of a Kubernetes StatefulSet: see "
                             "'redis-cluster-studio create --help'."),
            qPrintable(run.out));

        // The Kubernetes form's help points back at the plain one, for every verb that has both.
        for (const QString &verb :
             {QStringLiteral("create"), QStringLiteral("status"), QStringLiteral("check"),
              QStringLiteral("recover"), QStringLiteral("add-node"), QStringLiteral("remove-node"),
              QStringLiteral("rebalance"), QStringLiteral("reshard"), QStringLiteral("failover")}) {
            const Run kube = runStudio({verb, QStringLiteral("--help")});
            const QString kubeHelp = kube.out;
            QCOMPARE(kube.exitCode, 0);
            QVERIFY2(
                kubeHelp.startsWith(QStringLiteral("Usage: redis-cluster-studio %1 [OPTIONS]\n").arg(verb)),
                qPrintable(kubeHelp));
            QVERIFY2(kubeHelp.contains(QLatin1String("--kubeconfig")), qPrintable(kubeHelp));
            QVERIFY2(kubeHelp.contains(
                         QStringLiteral("With --nodes H:P,… it works on plain Redis nodes instead of a "
                                        "StatefulSet's pods: see 'redis-cluster-studio %1 --nodes= --help'.")
                             .arg(verb)),
                     qPrintable(kubeHelp));
            const Run plain = runStudio({verb, QStringLiteral("--nodes="), QStringLiteral("--help")});
            QCOMPARE(plain.exitCode, 0);
            QVERIFY2(plain.out.contains(u"--password") && !plain.out.contains(u"--kubeconfig"),
                     qPrintable(plain.out));
        }
    }

    // The README's first command without a display: the seed's story on a throw-away kube-sandbox.
    void demoTellsTheSeedsStoryOnTheSandbox()
    {
        const Run run = runStudio({QStringLiteral("demo")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.describe()));
        const QString out = run.out;
        // Every step, in the seed's order, each with its equivalent command and its time.
        const QStringList steps{QStringLiteral("sandbox start"),
                                QStringLiteral("deploy --kubeconfig"),
                                QStringLiteral("create --kubeconfig"),
                                QStringLiteral("status --kubeconfig"),
                                QStringLiteral("kubectl -n redis-cluster delete pod -l app=redis"),
                                QStringLiteral("status --kubeconfig"),
                                QStringLiteral("recover --kubeconfig"),
                                QStringLiteral("status --kubeconfig"),
                                QStringLiteral("sandbox stop")};
        qsizetype at = 0;
        for (const QString &step : steps) {
            at = out.indexOf(QStringLiteral("\n$ ") + (step.startsWith(QLatin1String("kubectl"))
                                                           ? step
                                                           : QStringLiteral("redis-cluster-studio ") + step),
                             at);
            QVERIFY2(at >= 0, qPrintable(step + QStringLiteral(" is missing or out of order:\n") + out));
            const qsizetype done = out.indexOf(QStringLiteral("\n-- done in "), at);
            QVERIFY2(done > at, qPrintable(step + QStringLiteral(" has no time:\n") + out));
        }
        // The commands' own equivalent lines are shown, and the situations are the seed's.
        QVERIFY2(out.contains(QLatin1String("$ kubectl -n redis-cluster apply --server-side")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("CLUSTER MEET")), qPrintable(out));
        const qsizetype failure = out.indexOf(QLatin1String("Situation: total-failure"));
        const qsizetype healed = out.lastIndexOf(QLatin1String("Situation: healthy"));
        QVERIFY2(failure > 0 && healed > failure, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("The cluster is healthy again.")), qPrintable(out));
        // The sandbox stopped and its temporary folder is gone.
        const QRegularExpression dataIn(QStringLiteral("data in (\\S+)"));
        const QRegularExpressionMatch match = dataIn.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(match.captured(1)), 10000);
        const QRegularExpressionMatch stopped =
            QRegularExpression(QStringLiteral("stopped \\(pid (\\d+)\\)")).match(out);
        QVERIFY2(stopped.hasMatch(), qPrintable(out));
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(QStringLiteral("/proc/") + stopped.captured(1)), 10000);
    }

    void demoSaysWhenRedisServerIsMissing()
    {
        // The README's first command ends in `demo` without a display: on a machine without redis-server
        // it must say so in one sentence, not fail obscurely. PATH is emptied for the child only.
        const QByteArray path = qgetenv("PATH");
        const QTemporaryDir empty;
        qputenv("PATH", empty.path().toLocal8Bit());
        const Run run = runStudio({QStringLiteral("demo")});
        qputenv("PATH", path);
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(run.err.trimmed().endsWith(
                     u"redis-server was not found on PATH; install the redis-server package "
                     "(scripts/install-deps.sh)."),
                 qPrintable(run.describe()));
    }

    void refuseFourNodesWithOneReplica()
    {
        QStringList four;
        for (int i = 0; i < 4; ++i)
            four.append(m_nodes.address(i).toString());
        const Run run =
            runStudio({QStringLiteral("create"), QStringLiteral("--nodes"), four.join(QLatin1Char(',')),
                       QStringLiteral("--cluster-replicas"), QStringLiteral("1")});
        QVERIFY2(run.exitCode == 2, qPrintable(run.describe()));
        QVERIFY2(isOneSentence(run.err), qPrintable(run.describe()));
    }

    void statusOfUnreachableNode()
    {
        const QString nobody =
            m_nodes.address(0).host.section(QLatin1Char('.'), 0, 2) + QStringLiteral(".222:6379");
        const Run run = runStudio({QStringLiteral("status"), QStringLiteral("--nodes"), nobody});
        QVERIFY2(run.exitCode == 1, qPrintable(run.describe()));
        QVERIFY2(isOneSentence(run.err), qPrintable(run.describe()));
        QVERIFY2(run.err.contains(nobody), qPrintable(run.describe()));
    }

    void createStatusCheck()
    {
        const Run created =
            runStudio({QStringLiteral("create"), QStringLiteral("--nodes"), m_nodes.addressList(),
                       QStringLiteral("--cluster-replicas"), QStringLiteral("1")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QVERIFY2(created.out.startsWith(u"cluster_state: ok"), qPrintable(created.describe()));

        // One address is enough: the others are discovered.
        const Run status = runStudio({QStringLiteral("status"), QStringLiteral("--nodes"),
                                      m_nodes.address(3).toString(), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(status.describe()));
        QCOMPARE(json.value(QStringLiteral("cluster_state")).toString(), QStringLiteral("ok"));
        // The situation the studio shows for the same nodes (one assessor for both front ends).
        QCOMPARE(json.value(QStringLiteral("situation")).toString(), QStringLiteral("healthy"));
        QCOMPARE(json.value(QStringLiteral("next")).toString(), QString());
        const QJsonArray nodes = json.value(QStringLiteral("nodes")).toArray();
        QCOMPARE(nodes.size(), 6);
        // Every node names its server as its binary does (redis-server --version), not a fixed version.
        const Result<test::RedisServerBuild> build = RedisTestNodes::serverBuild();
        QVERIFY2(build.ok(), qPrintable(build.error().message()));
        const QJsonObject server{{QStringLiteral("name"), build->name},
                                 {QStringLiteral("version"), build->version.toString()}};
        QStringList masterSlots;
        QSet<QString> addresses;
        for (const QJsonValue &value : nodes) {
            const QJsonObject node = value.toObject();
            QCOMPARE(node.value(QStringLiteral("id")).toString().size(), 40);
            QCOMPARE(node.value(QStringLiteral("link")).toString(), QStringLiteral("connected"));
            QCOMPARE(node.value(QStringLiteral("server")).toObject(), server);
            addresses.insert(node.value(QStringLiteral("address")).toString());
            const QString role = node.value(QStringLiteral("role")).toString();
            if (role == QLatin1String("master")) {
                QVERIFY(node.value(QStringLiteral("master_id")).isNull());
                masterSlots.append(node.value(QStringLiteral("slots")).toString());
                QVERIFY(node.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("master")));
            } else {
                QCOMPARE(role, QStringLiteral("replica"));
                QCOMPARE(node.value(QStringLiteral("master_id")).toString().size(), 40);
            }
        }
        QCOMPARE(masterSlots, (QStringList{QStringLiteral("0-5460"), QStringLiteral("5461-10922"),
                                           QStringLiteral("10923-16383")}));
        for (const NodeAddress &address : m_nodes.addresses())
            QVERIFY(addresses.contains(address.toString()));

        const QString named = build->name + QLatin1Char(' ') + build->version.toString();
        const Run text =
            runStudio({QStringLiteral("status"), QStringLiteral("--nodes"), m_nodes.address(3).toString()});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QCOMPARE(text.out.count(QStringLiteral("reachable, ") + named + QLatin1Char(',')), 6);

        const Run check =
            runStudio({QStringLiteral("check"), QStringLiteral("--nodes"), m_nodes.address(0).toString()});
        QVERIFY2(check.exitCode == 0, qPrintable(check.describe()));
        QVERIFY(check.out.contains(u"[OK] All 16384 slots are covered."));
        QVERIFY2(check.out.contains(QStringLiteral("[OK] All 6 nodes that answered run ") + named),
                 qPrintable(check.describe()));

        // redis-cli's check agrees with the command's verdict and lists every node as we do.
        const Result<test::RedisCliCheck> cli = test::runRedisCliCheck(m_nodes.address(0));
        if (!cli && cli.error().code() == ErrorCode::NotFound)
            QSKIP("redis-cli (Debian package redis-tools) is not installed; cannot compare with it.");
        QVERIFY2(cli.ok(), qPrintable(cli.error().message()));
        QVERIFY2(cli->healthy(), qPrintable(cli->output));
        const QString differs = test::redisCliDisagreement(m_nodes.address(0));
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
    }

    void createRefusesNodesOfAFormedCluster()
    {
        // Runs after createStatusCheck: every node now knows others and has slots or a master.
        const Run again =
            runStudio({QStringLiteral("create"), QStringLiteral("--nodes"), m_nodes.addressList(),
                       QStringLiteral("--cluster-replicas"), QStringLiteral("1")});
        QVERIFY2(again.exitCode == 1, qPrintable(again.describe()));
        QVERIFY2(isOneSentence(again.err), qPrintable(again.describe()));
        QVERIFY2(again.err.contains(u" is not empty"), qPrintable(again.describe()));
        QVERIFY2(again.err.contains(m_nodes.address(0).toString()), qPrintable(again.describe()));
        // And nothing changed: the cluster is still healthy.
        const Run check =
            runStudio({QStringLiteral("check"), QStringLiteral("--nodes"), m_nodes.address(0).toString()});
        QVERIFY2(check.exitCode == 0, qPrintable(check.describe()));
    }

    void statusAndCheckWithKilledMaster()
    {
        // Runs after createStatusCheck on the same cluster.
        const Run before = runStudio({QStringLiteral("status"), QStringLiteral("--nodes"),
                                      m_nodes.address(0).toString(), QStringLiteral("--json")});
        QVERIFY2(before.exitCode == 0, qPrintable(before.describe()));
        const QJsonArray nodes = before.json().value(QStringLiteral("nodes")).toArray();
        QString victimAddress;
        QString victimId;
        for (const QJsonValue &value : nodes) {
            if (value.toObject().value(QStringLiteral("role")).toString() == QLatin1String("master")) {
                victimAddress = value.toObject().value(QStringLiteral("address")).toString();
                victimId = value.toObject().value(QStringLiteral("id")).toString();
                break;
            }
        }
        QVERIFY(!victimAddress.isEmpty());
        int victim = -1;
        for (int i = 0; i < m_nodes.count(); ++i) {
            if (m_nodes.address(i).toString() == victimAddress)
                victim = i;
        }
        QVERIFY(victim >= 0);
        QVERIFY(m_nodes.kill(victim).ok());
        const QString seed = m_nodes.address(victim == 0 ? 1 : 0).toString();

        const Run check =
            runStudio({QStringLiteral("check"), QStringLiteral("--nodes"), seed, QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 1, qPrintable(check.describe()));
        QVERIFY2(isOneSentence(check.err), qPrintable(check.describe()));
        const QJsonObject report = check.json();
        QCOMPARE(report.value(QStringLiteral("healthy")).toBool(), false);
        bool namesVictim = false;
        for (const QJsonValue &finding : report.value(QStringLiteral("findings")).toArray()) {
            if (finding.toObject().value(QStringLiteral("code")).toString() == QLatin1String("unreachable") &&
                finding.toObject().value(QStringLiteral("node_id")).toString() == victimId)
                namesVictim = true;
        }
        QVERIFY2(namesVictim, qPrintable(check.describe()));

        // redis-cli also exits 1: it leaves the dead master out and finds its slots uncovered — unless the
        // replica already took over (the machine stalled for cluster-node-timeout since the kill), after
        // which redis-cli, which ignores nodes flagged fail, has nothing left to report.
        QString replicaId;
        for (const QJsonValue &value : nodes) {
            if (value.toObject().value(QStringLiteral("master_id")).toString() == victimId)
                replicaId = value.toObject().value(QStringLiteral("id")).toString();
        }
        const Result<test::RedisCliCheck> cli = test::runRedisCliCheck(NodeAddress::parse(seed).value());
        QVERIFY2(cli.ok(), qPrintable(cli.error().message()));
        const test::RedisCliCheckNode *promoted = cli->node(replicaId);
        if (!(promoted && promoted->master)) {
            QVERIFY2(cli->exitCode == 1, qPrintable(cli->output));
            QVERIFY2(cli->output.contains(QStringLiteral("[ERR] Not all 16384 slots are covered")),
                     qPrintable(cli->output));
        }

        // Status keeps working and, once the failure is agreed, shows the dead master flagged fail.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Run status = runStudio(
                    {QStringLiteral("status"), QStringLiteral("--nodes"), seed, QStringLiteral("--json")});
                if (status.exitCode != 0)
                    return false;
                for (const QJsonValue &value : status.json().value(QStringLiteral("nodes")).toArray()) {
                    const QJsonObject node = value.toObject();
                    if (node.value(QStringLiteral("id")).toString() == victimId)
                        return !node.value(QStringLiteral("reachable")).toBool() &&
                               node.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("fail"));
                }
                return false;
            }(),
            30000);
        const Run text = runStudio({QStringLiteral("status"), QStringLiteral("--nodes"), seed});
        QVERIFY2(text.exitCode == 0, qPrintable(text.describe()));
        QVERIFY2(text.out.contains(u"UNREACHABLE"), qPrintable(text.describe()));
    }

    void checkNamesMixedServers()
    {
        // A cluster halfway through an upgrade: its third master runs another server. Status names each
        // node's server, check warns and says which nodes run what (still healthy), and the equivalent
        // commands name each node's own cli.
        const Result<QString> other = RedisTestNodes::otherServerBinary();
        if (!other && other.error().code() == ErrorCode::NotFound)
            QSKIP(qPrintable(other.error().message()));
        QVERIFY2(other.ok(), qPrintable(other.error().message()));
        const Result<test::RedisServerBuild> mine = RedisTestNodes::serverBuild();
        const Result<test::RedisServerBuild> theirs = RedisTestNodes::serverBuild(*other);
        QVERIFY2(mine.ok() && theirs.ok(), qPrintable((mine ? theirs : mine).error().message()));
        RedisTestNodes nodes;
        test::RedisTestNodeOptions options;
        options.serverPerNode.insert(2, *other);
        const Result<void> started = nodes.start(3, options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));

        const Run created = runStudio({QStringLiteral("create"), QStringLiteral("--nodes"),
                                       nodes.addressList(), QStringLiteral("--cluster-replicas"),
                                       QStringLiteral("0"), QStringLiteral("--verbose")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        const auto cliLine = [&](const test::RedisServerBuild &build, int node) -> QString {
            return build.name + QStringLiteral("-cli -h ") + nodes.address(node).host + QLatin1Char(' ');
        };
        QVERIFY2(created.err.contains(cliLine(*mine, 0)), qPrintable(created.describe()));
        QVERIFY2(created.err.contains(cliLine(*theirs, 2)), qPrintable(created.describe()));

        const Run status = runStudio({QStringLiteral("status"), QStringLiteral("--nodes"),
                                      nodes.address(0).toString(), QStringLiteral("--json")});
        QVERIFY2(status.exitCode == 0, qPrintable(status.describe()));
        int named = 0;
        for (const QJsonValue &value : status.json().value(QStringLiteral("nodes")).toArray()) {
            const QJsonObject node = value.toObject();
            const bool isOther =
                node.value(QStringLiteral("address")).toString() == nodes.address(2).toString();
            const test::RedisServerBuild &expected = isOther ? *theirs : *mine;
            QCOMPARE(node.value(QStringLiteral("server")).toObject(),
                     (QJsonObject{{QStringLiteral("name"), expected.name},
                                  {QStringLiteral("version"), expected.version.toString()}}));
            ++named;
        }
        QCOMPARE(named, 3);

        const Run check = runStudio({QStringLiteral("check"), QStringLiteral("--nodes"),
                                     nodes.address(0).toString(), QStringLiteral("--json")});
        QVERIFY2(check.exitCode == 0, qPrintable(check.describe()));
        const QJsonObject report = check.json();
        QCOMPARE(report.value(QStringLiteral("healthy")).toBool(), true);
        QString mixed;
        for (const QJsonValue &finding : report.value(QStringLiteral("findings")).toArray()) {
            if (finding.toObject().value(QStringLiteral("code")).toString() ==
                QLatin1String("mixed-servers")) {
                QCOMPARE(finding.toObject().value(QStringLiteral("severity")).toString(),
                         QStringLiteral("warning"));
                mixed = finding.toObject().value(QStringLiteral("text")).toString();
            }
        }
        const auto on = [](const test::RedisServerBuild &build, const QString &addresses) -> QString {
            return build.name + QLatin1Char(' ') + build.version.toString() + QStringLiteral(" on ") +
                   addresses;
        };
        QVERIFY2(mixed.contains(on(*mine, nodes.address(0).toString() + QStringLiteral(", ") +
                                              nodes.address(1).toString())),
                 qPrintable(check.describe()));
        QVERIFY2(mixed.contains(on(*theirs, nodes.address(2).toString())), qPrintable(check.describe()));
    }

    void passwordProtectedNodes()
    {
        // create, status and check on nodes with requirepass: the password comes from --password or
        // $REDISCLI_AUTH and never shows in the output, not even with --verbose.
        const QString password = QStringLiteral("pw-4f9c2a7e1b83");
        RedisTestNodes nodes;
        test::RedisTestNodeOptions options;
        options.password = password;
        const Result<void> started = nodes.start(3, options);
        QVERIFY2(started.ok(), qPrintable(started.error().message()));

        const Run created =
            runStudio({QStringLiteral("create"), QStringLiteral("--nodes"), nodes.addressList(),
                       QStringLiteral("--cluster-replicas"), QStringLiteral("0"),
                       QStringLiteral("--password"), password, QStringLiteral("--verbose")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.describe()));
        QVERIFY2(created.out.startsWith(u"cluster_state: ok"), qPrintable(created.describe()));
        QVERIFY2(created.err.contains(u"CLUSTER MEET"), qPrintable(created.describe()));
        QVERIFY(!created.out.contains(password) && !created.err.contains(password));

        // Without the password every node refuses: exit 1, one sentence naming a node.
        const Run denied =
            runStudio({QStringLiteral("status"), QStringLiteral("--nodes"), nodes.address(0).toString()});
        QVERIFY2(denied.exitCode == 1, qPrintable(denied.describe()));
        QVERIFY2(isOneSentence(denied.err), qPrintable(denied.describe()));
        QVERIFY2(denied.err.contains(nodes.address(0).toString()), qPrintable(denied.describe()));

        qputenv("REDISCLI_AUTH", password.toUtf8());
        const Run checked =
            runStudio({QStringLiteral("check"), QStringLiteral("--nodes"), nodes.address(1).toString(),
                       QStringLiteral("--json"), QStringLiteral("--verbose")});
        qunsetenv("REDISCLI_AUTH");
        QVERIFY2(checked.exitCode == 0, qPrintable(checked.describe()));
        QCOMPARE(checked.json().value(QStringLiteral("healthy")).toBool(), true);
        QVERIFY(!checked.out.contains(password) && !checked.err.contains(password));

        // redis-cli, given the password, agrees.
        const Result<test::RedisCliCheck> cli = test::runRedisCliCheck(nodes.address(0), password);
        QVERIFY2(cli.ok(), qPrintable(cli.error().message()));
        QVERIFY2(cli->healthy(), qPrintable(cli->output));
        QCOMPARE(cli->nodes.size(), 3);
    }

private:
    RedisTestNodes m_nodes;
};

QTEST_GUILESS_MAIN(TestClusterCommands)
#include "tst_cluster_commands.moc"
