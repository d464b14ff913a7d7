// kube-sandbox's image map (issue 14, item 5): a pod's container image decides which server binary it
// runs (exact match; an unmapped image runs the default), the cli follows the server, and a bad map is
// refused at start, by kube-sandbox and through `redis-cluster-studio sandbox start`. Under OnDelete a
// new image waits until a pod is deleted, which then comes back at the new revision and server. The
// rollout commands (history, undo, status, restart, maxUnavailable) are in tst_sandbox_images_rollout.cpp.
#include "tst_sandbox_images.h"

#include "support/server_under_test.h"
#include "support/studio_process.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace rcs::test;
using namespace sandbox_images_test;

namespace sandbox_images_test {

QList<KubectlVersion> kubectlVersions()
{
    const QString cache = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return {{QStringLiteral("dispatcher"), Kubectl::executable(),
             QStringLiteral("install kubectl (the Cloud SDK's dispatcher or Debian's kubernetes-client)")},
            {QStringLiteral("1.20"),
             cache + QStringLiteral("/redis-cluster-studio/kubectl-1.20/usr/bin/kubectl"),
             QStringLiteral("scripts/unpack-debian-kubectl.sh (which scripts/install-deps.sh runs) unpacks "
                            "Debian's kubernetes-client there")}};
}

} // namespace sandbox_images_test

namespace {

const QString kNewServer = QStringLiteral("/usr/bin/redis-server");

QByteArray manifest(const QString &defaultImage)
{
    return QStringLiteral(R"(apiVersion: v1
kind: Namespace
metadata:
  name: %1
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: %2
  namespace: %1
spec:
  serviceName: %2
  replicas: %3
  selector:
    matchLabels:
      app: %2
  updateStrategy:
    type: OnDelete
  template:
    metadata:
      labels:
        app: %2
    spec:
      containers:
      - name: redis
        image: %4
        command: ["redis-server"]
        args: ["--appendonly", "no"]
---
apiVersion: v1
kind: Pod
metadata:
  name: plain
  namespace: %1
spec:
  containers:
  - name: redis
    image: %5
    command: ["redis-server"]
)")
        .arg(kNs, kSet)
        .arg(kReplicas)
        .arg(defaultImage, kUnmappedImage)
        .toUtf8();
}

// A copy of a program under dir/name (the copy of a server is told apart by its path).
QString copyProgram(const QString &from, const QString &dir, const QString &name)
{
    const QString to = dir + u'/' + name;
    if (!QFile::copy(from, to))
        return {};
    QFile::setPermissions(to, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return to;
}

} // namespace

void TestSandboxImages::initTestCase()
{
    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl not found: install Debian's kubernetes-client (or put kubectl on PATH)");
    if (!QFileInfo(kNewServer).isExecutable())
        QSKIP(
            "Debian's redis-server (/usr/bin/redis-server, 7.0) is not installed: the new image maps to it");
    QVERIFY(m_dataDir.isValid() && m_home.isValid() && m_tools.isValid());
    m_defaultServer = QFileInfo(redisServerProgram()).absoluteFilePath();
    m_new = {kNewServer, QStringLiteral("/usr/bin/redis-cli"), {}};
    const QString built = QDir::homePath() + QStringLiteral("/.cache/redis-servers/redis-5.0.5/src");
    if (QFileInfo(built + QStringLiteral("/redis-server")).isExecutable()) {
        m_old = {built + QStringLiteral("/redis-server"), built + QStringLiteral("/redis-cli"),
                 QStringLiteral("5.0.5")};
    } else {
        // No 5.0.5 build (scripts/compat.sh makes it): the old image maps to a copy of Debian's server
        // in a folder of its own, with a cli beside it; the mapping is checked through the binary.
        qWarning("%s/redis-server is absent (scripts/compat.sh builds it): redis:5.0.5 maps to a copy of "
                 "/usr/bin/redis-server, told apart by its path",
                 qPrintable(built));
        m_old = {
            copyProgram(kNewServer, m_tools.path(), QStringLiteral("redis-server")),
            copyProgram(QStringLiteral("/usr/bin/redis-cli"), m_tools.path(), QStringLiteral("redis-cli")),
            {}};
        QVERIFY(!m_old.server.isEmpty() && !m_old.cli.isEmpty());
    }
    m_sandbox = std::make_unique<KubeSandboxProcess>(m_dataDir.path());
    m_sandbox->setExtraArguments(
        {QStringLiteral("--nodes"), QStringLiteral("2"), QStringLiteral("--image-map"),
         QStringLiteral("%1=%2, %3=%4").arg(kOldImage, m_old.server, kNewImage, m_new.server)});
    const auto started = m_sandbox->start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
    m_api = std::make_unique<ApiClient>(*m_sandbox);
}

void TestSandboxImages::cleanupTestCase()
{
    m_api.reset();
    if (m_sandbox)
        QCOMPARE(m_sandbox->stop(), 0);
}

void TestSandboxImages::badImageMapIsRefused_data()
{
    QTest::addColumn<QString>("map");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("no equals sign") << QStringLiteral("redis:5.0.5")
                                    << QStringLiteral("--image-map entry \"redis:5.0.5\" has no '='");
    QTest::newRow("binary missing") << QStringLiteral("redis:5.0.5=/nonexistent/redis-server")
                                    << QStringLiteral("maps redis:5.0.5 to /nonexistent/redis-server, which "
                                                      "does not exist");
    QTest::newRow("not executable") << QStringLiteral("redis:5.0.5=NOT_EXECUTABLE")
                                    << QStringLiteral("which is not an executable file");
    QTest::newRow("not a server") << QStringLiteral("redis:5.0.5=/bin/true")
                                  << QStringLiteral("maps redis:5.0.5 to a server that cannot run");
    QTest::newRow("image twice") << QStringLiteral("a=/bin/true,a=/bin/true")
                                 << QStringLiteral("names the image a twice");
}

// Refused at start, before anything listens: exit code 1 and one sentence saying what to fix.
void TestSandboxImages::badImageMapIsRefused()
{
    QFETCH(QString, map);
    QFETCH(QString, sentence);
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString plain = data.filePath(QStringLiteral("plain-file"));
    QFile file(plain);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    map.replace(QStringLiteral("NOT_EXECUTABLE"), plain);
    ProgramOptions options;
    options.timeoutMs = 30000;
    const ProgramRun run =
        runProgram(KubeSandboxProcess::executable(),
                   {QStringLiteral("--data-dir"), data.path(), QStringLiteral("--image-map"), map}, options);
    QVERIFY2(run.exitCode == 1 && run.err.contains(sentence), qPrintable(run.describe()));
    QVERIFY2(!run.out.contains(QLatin1String("listening on")), qPrintable(run.describe()));
}

// `redis-cluster-studio sandbox start --image-map` hands the map to kube-sandbox: a bad one ends the
// start with kube-sandbox's sentence, a good one is on its command line; a running sandbox is not
// restarted behind the user's back, so a second start with a map is refused.
void TestSandboxImages::studioSandboxStartPassesTheMap()
{
    QTemporaryDir data;
    QVERIFY(data.isValid());
    const QString map = QStringLiteral("%1=%2").arg(kNewImage, kNewServer);
    const QStringList base{QStringLiteral("sandbox"),    QStringLiteral("start"),
                           QStringLiteral("--data-dir"), data.path(),
                           QStringLiteral("--nodes"),    QStringLiteral("1")};
    const StudioRun bad = runStudio(base + QStringList{QStringLiteral("--image-map"), kNewImage}, 60000);
    QVERIFY2(bad.exitCode != 0 && bad.err.contains(QLatin1String("has no '='")), qPrintable(bad.describe()));

    const StudioRun good = runStudio(base + QStringList{QStringLiteral("--image-map"), map}, 60000);
    QVERIFY2(good.exitCode == 0, qPrintable(good.describe()));
    const qint64 pid = good.out.section(QStringLiteral("(pid "), 1, 1).section(u')', 0, 0).toLongLong();
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QVERIFY2(pid > 0 && cmdline.open(QIODevice::ReadOnly), qPrintable(good.describe()));
    const QList<QByteArray> words = cmdline.readAll().split('\0');
    const qsizetype at = words.indexOf("--image-map");
    const bool passed = at >= 0 && words.value(at + 1) == map.toUtf8();
    const StudioRun again = runStudio(base + QStringList{QStringLiteral("--image-map"), map}, 60000);
    const StudioRun stop = runStudio(
        {QStringLiteral("sandbox"), QStringLiteral("stop"), QStringLiteral("--data-dir"), data.path()},
        60000);
    QVERIFY2(passed, words.join(' ').constData());
    QVERIFY2(again.exitCode != 0 && again.err.contains(QLatin1String("already runs")),
             qPrintable(again.describe()));
    QVERIFY2(stop.exitCode == 0, qPrintable(stop.describe()));
}

void TestSandboxImages::mappedImageRunsItsServer()
{
    const QString file = m_home.filePath(QStringLiteral("images.yaml"));
    QFile yaml(file);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write(manifest(kOldImage));
    yaml.close();
    const ProgramRun applied = kubectl({QStringLiteral("apply"), QStringLiteral("-f"), file});
    QVERIFY2(applied.exitCode == 0, qPrintable(applied.describe()));
    QString why;
    QVERIFY2(waitForRolledOut(&why), qPrintable(why + m_sandbox->output().right(2000)));
    const QMap<int, QJsonObject> pods = setPods();
    for (const QJsonObject &pod : pods) {
        QCOMPARE(serverInfo(pod, QStringLiteral("executable")), m_old.server);
        if (!m_old.version.isEmpty())
            QCOMPARE(serverInfo(pod, QStringLiteral("redis_version")), m_old.version);
    }
    // The pod's redis-cli is the one beside its server.
    const ProgramRun wrapper = kubectl(
        {QStringLiteral("exec"), QStringLiteral("-n"), kNs, kSet + QStringLiteral("-0"), QStringLiteral("--"),
         QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("cat \"$(command -v redis-cli)\"")});
    QVERIFY2(wrapper.exitCode == 0 && wrapper.out.contains(m_old.cli + u' '), qPrintable(wrapper.describe()));
    if (!m_old.version.isEmpty()) {
        const ProgramRun version =
            kubectl({QStringLiteral("exec"), QStringLiteral("-n"), kNs, kSet + QStringLiteral("-0"),
                     QStringLiteral("--"), QStringLiteral("redis-cli"), QStringLiteral("--version")});
        QVERIFY2(version.out.contains(QLatin1String("redis-cli 5.0.5")), qPrintable(version.describe()));
    }
    // An image the map does not name runs the default server.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return isReady(api("GET", QStringLiteral("/api/v1/namespaces/%1/pods/plain").arg(kNs)).json());
        },
        kWaitMs));
    const QJsonObject plain = api("GET", QStringLiteral("/api/v1/namespaces/%1/pods/plain").arg(kNs)).json();
    QCOMPARE(serverInfo(plain, QStringLiteral("executable")), m_defaultServer);
}

// Under OnDelete a new image changes the update revision only: the pods keep running the old server
// until one is deleted, which comes back at the new revision with the new image's server.
void TestSandboxImages::onDeleteKeepsPodsUntilDeleted()
{
    const QMap<int, QJsonObject> before = setPods();
    QCOMPARE(before.size(), kReplicas);
    const ProgramRun set =
        kubectl({QStringLiteral("set"), QStringLiteral("image"), QStringLiteral("-n"), kNs,
                 QStringLiteral("statefulset/") + kSet, QStringLiteral("redis=") + kNewImage});
    QVERIFY2(set.exitCode == 0, qPrintable(set.describe()));
    QString updateRevision;
    QVERIFY(QTest::qWaitFor(
        [&] {
            const QJsonObject set = statefulSet();
            updateRevision = fieldAt(set, {"status", "updateRevision"}).toString();
            return updateRevision != fieldAt(set, {"status", "currentRevision"}).toString();
        },
        30000));
    // Nothing may restart by itself: the controller resyncs every 2 s, so 3 s cover a full pass; a pod
    // replaced within them ends the wait at once.
    QVERIFY(!QTest::qWaitFor(
        [&] {
            const QMap<int, QJsonObject> now = setPods();
            for (auto it = before.begin(); it != before.end(); ++it) {
                if (uidOf(now.value(it.key())) != uidOf(it.value()))
                    return true;
            }
            return false;
        },
        3000));
    const QMap<int, QJsonObject> kept = setPods();
    for (auto it = before.begin(); it != before.end(); ++it) {
        QCOMPARE(uidOf(kept.value(it.key())), uidOf(it.value()));
        QVERIFY(revisionOf(kept.value(it.key())) != updateRevision);
        QCOMPARE(serverInfo(kept.value(it.key()), QStringLiteral("executable")), m_old.server);
    }
    const QString victim = kSet + u'-' + QString::number(kReplicas - 1);
    const ProgramRun deleted =
        kubectl({QStringLiteral("delete"), QStringLiteral("pod"), QStringLiteral("-n"), kNs, victim});
    QVERIFY2(deleted.exitCode == 0, qPrintable(deleted.describe()));
    QJsonObject back;
    QVERIFY2(QTest::qWaitFor(
                 [&] {
                     back = setPods().value(kReplicas - 1);
                     return uidOf(back) != uidOf(before.value(kReplicas - 1)) && isReady(back);
                 },
                 kWaitMs),
             QJsonDocument(back).toJson().constData());
    QCOMPARE(revisionOf(back), updateRevision);
    QCOMPARE(serverInfo(back, QStringLiteral("executable")), m_new.server);
    QVERIFY(serverInfo(back, QStringLiteral("redis_version")).startsWith(QLatin1String("7.")));
    QCOMPARE(uidOf(setPods().value(0)), uidOf(before.value(0)));
}

ProgramRun TestSandboxImages::kubectl(const QStringList &args, int timeoutMs) const
{
    return Kubectl(m_sandbox->kubeconfigPath(), m_home.path()).run(args, timeoutMs);
}

HttpResult TestSandboxImages::api(const QByteArray &method, const QString &path, const QByteArray &body,
                                  const QByteArray &contentType)
{
    return m_api->send(method, path, body, contentType);
}

QJsonObject TestSandboxImages::statefulSet()
{
    return api("GET", QStringLiteral("/apis/apps/v1/namespaces/%1/statefulsets/%2").arg(kNs, kSet)).json();
}

QMap<int, QJsonObject> TestSandboxImages::setPods()
{
    QMap<int, QJsonObject> pods;
    const QJsonArray items =
        fieldAt(api("GET", QStringLiteral("/api/v1/namespaces/%1/pods?labelSelector=app%2")
                               .arg(kNs, QStringLiteral("%3D") + kSet))
                    .json(),
                {"items"})
            .toArray();
    for (const QJsonValue &item : items) {
        const QString name = fieldAt(item.toObject(), {"metadata", "name"}).toString();
        pods.insert(name.section(u'-', -1).toInt(), item.toObject());
    }
    return pods;
}

bool TestSandboxImages::waitForRolledOut(QString *why)
{
    const bool done = QTest::qWaitFor(
        [&] {
            const QString revision = fieldAt(statefulSet(), {"status", "updateRevision"}).toString();
            const QMap<int, QJsonObject> pods = setPods();
            *why = QStringLiteral("update revision %1; pods: ").arg(revision);
            bool all = pods.size() == kReplicas && !revision.isEmpty();
            for (auto it = pods.begin(); it != pods.end(); ++it) {
                *why +=
                    QStringLiteral("%1 %2 ready=%3; ").arg(it.key()).arg(revisionOf(*it)).arg(isReady(*it));
                all = all && isReady(*it, revision);
            }
            return all;
        },
        kWaitMs);
    return done;
}

QString TestSandboxImages::serverInfo(const QJsonObject &pod, const QString &field)
{
    const QString ip = fieldAt(pod, {"status", "podIP"}).toString();
    const ProgramRun info =
        runRedisCli({QStringLiteral("-h"), ip, QStringLiteral("info"), QStringLiteral("server")}, 15000);
    for (const QString &line : info.out.split(u'\n')) {
        if (line.startsWith(field + u':'))
            return line.section(u':', 1).trimmed();
    }
    return QStringLiteral("<no %1 in INFO server of %2: %3>").arg(field, ip, info.all());
}

QString TestSandboxImages::templateImage()
{
    return fieldAt(statefulSet(), {"spec", "template", "spec", "containers", "image"}).toString();
}

QTEST_GUILESS_MAIN(TestSandboxImages)
