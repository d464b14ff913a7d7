// TestSandboxKubectl: the README's walk-through, once with every kubectl on the machine.
#include "tst_sandbox_kubectl.h"

void TestSandboxKubectl::seedWalkThrough_data()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QString>("howToGet");
    QTest::addColumn<bool>("execOverSpdy");
    for (const KubectlBinary &kubectl : kubectlMatrix())
        QTest::newRow(qPrintable(QStringLiteral("kubectl ") + kubectl.version))
            << kubectl.path << kubectl.howToGet << (kubectl.version.section(u'.', 1, 1).toInt() <= 29);
}

// The README's walk-through of the seed with one kubectl, as written there: create -f manifests/ (then
// apply -f over it), rollout status, get pod,service -owide, the pod IPs by jsonpath, redis-cli --cluster
// create inside kubectl exec, an interactive bash through exec -it on a terminal, delete pod, a
// port-forward, rollout restart and history, delete -f manifests/ and the PVCs. kubectl 1.20–1.28 fetch
// /openapi/v2 (protobuf) before create and apply (1.20 validates every object with it and builds apply's
// strategic merge patches from it); up to 1.29 exec runs over SPDY/3.1, from 1.30 over WebSocket.
void TestSandboxKubectl::seedWalkThrough()
{
    QFETCH(QString, binary);
    QFETCH(QString, howToGet);
    QFETCH(bool, execOverSpdy);
    if (!QFileInfo(binary).isExecutable())
        QSKIP(qPrintable(QStringLiteral("%1 is not there: %2").arg(binary, howToGet)));
    const QString script = QStandardPaths::findExecutable(QStringLiteral("script"));
    QVERIFY2(!script.isEmpty(), "util-linux script is needed to give kubectl exec -it a terminal");
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QProcessEnvironment env = kubectlEnvironment(home.path());
    const auto k = [&](const QStringList &args, int timeoutMs = 120000, const QByteArray &input = {}) {
        return runProgram(binary, args, env, timeoutMs, input);
    };
    const auto show = [](const Run &run) { return (run.out + run.err).toLocal8Bit(); };
    const QStringList inPod{QStringLiteral("exec"), QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                            QStringLiteral("--")};
    const QStringList rolloutStatus{QStringLiteral("rollout"),
                                    QStringLiteral("status"),
                                    QStringLiteral("statefulset/redis-app"),
                                    QStringLiteral("-n"),
                                    kNs,
                                    QStringLiteral("--timeout=180s")};
    const auto podIp = [&](const QString &pod) {
        return k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-n"), kNs, pod,
                  QStringLiteral("-o"), QStringLiteral("jsonpath={.status.podIP}")},
                 30000)
            .out.trimmed();
    };
    const auto clusterOk = [&] {
        return k(inPod + QStringList{QStringLiteral("redis-cli"), QStringLiteral("cluster"),
                                     QStringLiteral("info")},
                 30000)
            .out.contains(QLatin1String("cluster_state:ok"));
    };
    // kubectl -v=6 logs every request with its answer ("GET https://…/openapi/v2?timeout=32s 200 OK", or
    // from 1.32 on verb="GET" url="…" status="200 OK"): what the row really used, not just that it passed.
    const auto requested = [](const Run &run, const char *method, const char *path, const char *status) {
        for (const QString &line : run.err.split(u'\n')) {
            if (line.contains(QLatin1String(method)) && line.contains(QLatin1String(path)) &&
                line.contains(QLatin1String(status)))
                return true;
        }
        return false;
    };
    // A row that failed half-way must not fail the next ones: start from no redis-cluster namespace.
    k({QStringLiteral("delete"), QStringLiteral("namespace"), kNs, QStringLiteral("--ignore-not-found"),
       QStringLiteral("--wait=true")},
      120000);
    QElapsedTimer timer;
    timer.start();

    // 部署 (deploy): the namespace first, then ConfigMap, Services and StatefulSet; client-side apply
    // over them patches only the last-applied annotation in (the pod template stays as it is).
    const Run create = k({QStringLiteral("create"), QStringLiteral("-f"), m_manifests});
    QVERIFY2(create.exitCode == 0 && create.out.contains(QLatin1String("namespace/redis-cluster created")) &&
                 create.out.contains(QLatin1String("statefulset.apps/redis-app created")),
             show(create).constData());
    const Run apply = k({QStringLiteral("apply"), QStringLiteral("-f"), m_manifests, QStringLiteral("-v=6")});
    QVERIFY2(apply.exitCode == 0 &&
                 apply.out.contains(QLatin1String("statefulset.apps/redis-app configured")),
             show(apply).constData());
    // Every version reads the patch strategies from /openapi/v2 (the sandbox's v3 documents have no
    // schemas, so newer ones fall back to v2, as they do on clusters without them).
    QVERIFY2(requested(apply, "GET", "/openapi/v2", "200 OK"), show(apply).constData());
    const Run generation = k({QStringLiteral("get"), QStringLiteral("statefulset"),
                              QStringLiteral("redis-app"), QStringLiteral("-n"), kNs, QStringLiteral("-o"),
                              QStringLiteral("jsonpath={.metadata.generation}")});
    QCOMPARE(generation.out.trimmed(), QStringLiteral("1"));
    const Run rolledOut = k(rolloutStatus, 200000);
    QVERIFY2(rolledOut.exitCode == 0 && rolledOut.out.contains(QLatin1String("roll out complete")),
             show(rolledOut).constData());
    const Run get = k({QStringLiteral("get"), QStringLiteral("pod,service"),
                       QStringLiteral("--namespace=redis-cluster"), QStringLiteral("-owide")});
    QVERIFY2(get.exitCode == 0 && get.out.contains(QLatin1String("6379:30379/TCP")), show(get).constData());
    int running = 0;
    for (const QString &line : get.out.split(u'\n')) {
        running += line.startsWith(QLatin1String("pod/redis-app-")) &&
                   line.contains(QLatin1String(" 1/1 ")) && line.contains(QLatin1String(" Running "));
    }
    QVERIFY2(running == 6, show(get).constData());

    // 创建集群 (create the cluster) inside redis-app-0 with the pod IPs, as the seed does.
    const Run ips =
        k({QStringLiteral("get"), QStringLiteral("pod"), QStringLiteral("-n"), kNs, QStringLiteral("-o"),
           QStringLiteral("jsonpath={range .items[*]}{.status.podIP}:6379 {end}")});
    const QStringList addresses = ips.out.split(u' ', Qt::SkipEmptyParts);
    QVERIFY2(addresses.size() == 6, show(ips).constData());
    const Run created = k(
        inPod +
            QStringList{QStringLiteral("redis-cli"), QStringLiteral("--cluster"), QStringLiteral("create")} +
            addresses +
            QStringList{QStringLiteral("--cluster-replicas"), QStringLiteral("1"),
                        QStringLiteral("--cluster-yes")},
        180000);
    QVERIFY2(created.exitCode == 0 && created.out.contains(QLatin1String("[OK] All 16384 slots covered.")),
             show(created).constData());
    QVERIFY(QTest::qWaitFor(clusterOk, 60000));
    // The exit code, stdin and stderr come through.
    const Run failing = k(inPod + QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                              QStringLiteral("echo to-stderr >&2; exit 3")});
    QCOMPARE(failing.exitCode, 3);
    QVERIFY2(failing.err.contains(QLatin1String("to-stderr")), show(failing).constData());
    // -v=6 on a command that succeeds: kubectl 1.20 turns an error into a fatal exit 255 when verbose.
    const Run echoed =
        k({QStringLiteral("exec"), QStringLiteral("-v=6"), QStringLiteral("-i"), QStringLiteral("-n"), kNs,
           QStringLiteral("redis-app-0"), QStringLiteral("--"), QStringLiteral("cat")},
          60000, "through stdin\n");
    QCOMPARE(echoed.out, QStringLiteral("through stdin\n"));
    // Up to 1.29 kubectl execs over SPDY/3.1 (a POST upgraded to SPDY); from 1.30 over WebSocket (a GET),
    // falling back to SPDY only when that fails, which must not happen here.
    QVERIFY2(requested(echoed, execOverSpdy ? "POST" : "GET", "/exec?", "101 Switching Protocols"),
             show(echoed).constData());
    // Interactively, as the README offers: bash on a terminal of the client's size (script gives kubectl
    // a 91x33 terminal), redis-cli inside it, and its exit code.
    const Run terminal =
        runProgram(script,
                   {QStringLiteral("-q"), QStringLiteral("-e"), QStringLiteral("-c"),
                    QStringLiteral("stty cols 91 rows 33; exec ") +
                        rcs::shellJoin(QStringList{binary, QStringLiteral("exec"), QStringLiteral("-it"),
                                                   QStringLiteral("-n"), kNs, QStringLiteral("redis-app-0"),
                                                   QStringLiteral("--"), QStringLiteral("/bin/bash")}),
                    QStringLiteral("/dev/null")},
                   env, 60000, "stty size\nredis-cli cluster info | grep state\nexit 7\n");
    QVERIFY2(terminal.exitCode == 7 && terminal.out.contains(QLatin1String("33 91")) &&
                 terminal.out.contains(QLatin1String("cluster_state:ok")),
             show(terminal).constData());

    // 非全体节点故障 (a node fails): the pod comes back with a new IP and the cluster heals.
    const QString oldIp = podIp(QStringLiteral("redis-app-0"));
    const Run deleted = k({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs,
                           QStringLiteral("redis-app-0")});
    QVERIFY2(deleted.exitCode == 0 && deleted.out.contains(QLatin1String("pod \"redis-app-0\" deleted")),
             show(deleted).constData());
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QString ip = podIp(QStringLiteral("redis-app-0"));
            return !ip.isEmpty() && ip != oldIp;
        },
        kPodsTimeoutMs));
    const Run back = k(rolloutStatus, 200000);
    QVERIFY2(back.exitCode == 0, show(back).constData());
    QVERIFY(QTest::qWaitFor(clusterOk, 60000));

    // port-forward: raw SPDY/3.1 up to 1.30, SPDY inside a WebSocket from 1.31.
    const Forwarded forwarded = throughPortForward(binary, env, QStringLiteral("redis-app-1"),
                                                   {{QStringLiteral("cluster"), QStringLiteral("info")}});
    QVERIFY2(forwarded.answers.value(0).contains(QLatin1String("cluster_state:ok")),
             qPrintable(forwarded.kubectlOutput + forwarded.answers.join(u'\n')));

    // A rolling restart: the template changes (a new revision in the history) and the pods are replaced
    // one by one. Waiting for all six adds 11 s per kubectl and tests the sandbox's controller rather
    // than kubectl, so rollout status only reports the rollout under way; the cleanup stops it.
    const Run restart = k({QStringLiteral("rollout"), QStringLiteral("restart"),
                           QStringLiteral("statefulset/redis-app"), QStringLiteral("-n"), kNs});
    QVERIFY2(restart.exitCode == 0 && restart.out.contains(QLatin1String("restarted")),
             show(restart).constData());
    const Run history = k({QStringLiteral("rollout"), QStringLiteral("history"),
                           QStringLiteral("statefulset/redis-app"), QStringLiteral("-n"), kNs});
    QVERIFY2(history.exitCode == 0 && history.out.contains(QLatin1String("REVISION")),
             show(history).constData());
    QStringList revisions;
    for (const QString &line : history.out.split(u'\n'))
        if (!line.isEmpty() && line.at(0).isDigit())
            revisions.append(line.section(u' ', 0, 0));
    QCOMPARE(revisions, (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    const Run underWay =
        k({QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("statefulset/redis-app"),
           QStringLiteral("-n"), kNs, QStringLiteral("--watch=false")});
    QVERIFY2(underWay.exitCode == 0 && underWay.out.contains(QLatin1String("Waiting for")),
             show(underWay).constData());

    // 清理环境 (cleanup): the namespace goes first and takes the rest; kubectl may then find them gone.
    const Run removed = k({QStringLiteral("delete"), QStringLiteral("-f"), m_manifests}, 180000);
    QVERIFY2(removed.out.contains(QLatin1String("namespace \"redis-cluster\" deleted")),
             show(removed).constData());
    for (const QString &line : removed.err.split(u'\n', Qt::SkipEmptyParts))
        QVERIFY2(line.contains(QLatin1String("(NotFound)")) || line.contains(QLatin1String("not found")),
                 show(removed).constData());
    const Run claims = k({QStringLiteral("delete"), QStringLiteral("pvc"), QStringLiteral("-n"), kNs,
                          QStringLiteral("-l"), QStringLiteral("app=redis")});
    QVERIFY2(claims.exitCode == 0, show(claims).constData());
    QVERIFY(QTest::qWaitFor(
        [&] {
            return k({QStringLiteral("get"), QStringLiteral("namespace"), kNs}, 30000)
                .err.contains(QLatin1String("NotFound"));
        },
        60000));
    qInfo().noquote() << QTest::currentDataTag() << "walk-through:" << timer.elapsed() << "ms";
}
