// This part: what kube-controller-manager and kubectl do with a StatefulSet's revisions, against
// kube-sandbox — `kubectl rollout history` lists the ControllerRevisions and `undo` restores the
// previous template, maxUnavailable takes two pods down at once, `rollout status` returns once the
// rollout is done and `rollout restart` replaces every pod — with the dispatcher and Debian's 1.20.
#include "tst_sandbox_images.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>

using namespace rcs::test;
using namespace sandbox_images_test;

namespace {

QList<int> revisionNumbers(const QString &history)
{
    QList<int> numbers;
    for (const QString &line : history.split(u'\n')) {
        if (!line.isEmpty() && line.at(0).isDigit())
            numbers.append(line.section(u' ', 0, 0).toInt());
    }
    return numbers;
}

void addKubectlRows()
{
    QTest::addColumn<QString>("binary");
    QTest::addColumn<QString>("howToGet");
    for (const KubectlVersion &version : kubectlVersions())
        QTest::newRow(qPrintable(version.name)) << version.path << version.howToGet;
}

} // namespace

std::optional<Kubectl> TestSandboxImages::rowKubectl(QString *missing) const
{
    QFETCH(QString, binary);
    QFETCH(QString, howToGet);
    if (!QFileInfo(binary).isExecutable()) {
        *missing = QStringLiteral("%1 is not there: %2").arg(binary, howToGet);
        return std::nullopt;
    }
    return Kubectl(m_sandbox->kubeconfigPath(), m_home.path(), binary);
}

void TestSandboxImages::rolloutHistoryAndUndo_data()
{
    addKubectlRows();
}

// Each row undoes the last change: the template flips between the two images, the revision it returns
// to becomes the newest, and every revision is a ControllerRevision the set controls.
void TestSandboxImages::rolloutHistoryAndUndo()
{
    QString missing;
    const std::optional<Kubectl> k = rowKubectl(&missing);
    if (!k)
        QSKIP(qPrintable(missing));
    const QStringList target{QStringLiteral("statefulset/") + kSet, QStringLiteral("-n"), kNs};
    const ProgramRun history =
        k->run(QStringList{QStringLiteral("rollout"), QStringLiteral("history")} + target);
    const QList<int> before = revisionNumbers(history.out);
    QVERIFY2(history.exitCode == 0 && before.size() >= 2, qPrintable(history.describe()));
    const QString image = templateImage();
    const ProgramRun undo = k->run(QStringList{QStringLiteral("rollout"), QStringLiteral("undo")} + target);
    QVERIFY2(undo.exitCode == 0 && undo.out.contains(QLatin1String("rolled back")),
             qPrintable(undo.describe()));
    QCOMPARE(templateImage(), image == kNewImage ? kOldImage : kNewImage);
    QList<int> after;
    QVERIFY(QTest::qWaitFor(
        [&] {
            after = revisionNumbers(
                k->run(QStringList{QStringLiteral("rollout"), QStringLiteral("history")} + target).out);
            return !after.isEmpty() && after.last() == before.last() + 1;
        },
        30000));
    QCOMPARE(after.size(), before.size());

    const QJsonArray revisions =
        fieldAt(api("GET", QStringLiteral("/apis/apps/v1/namespaces/%1/controllerrevisions").arg(kNs)).json(),
                {"items"})
            .toArray();
    QList<int> served;
    for (const QJsonValue &value : revisions) {
        const QJsonObject revision = value.toObject();
        QVERIFY2(fieldAt(revision, {"metadata", "ownerReferences", "kind"}) == QLatin1String("StatefulSet") &&
                     fieldAt(revision, {"metadata", "ownerReferences", "name"}) == kSet &&
                     fieldAt(revision, {"metadata", "ownerReferences", "controller"}).toBool(),
                 QJsonDocument(revision).toJson().constData());
        served.append(fieldAt(revision, {"revision"}).toInt());
    }
    std::sort(served.begin(), served.end());
    QCOMPARE(served, after);
}

// maxUnavailable 2 under RollingUpdate: the controller replaces two pods at a time (and never more),
// and `kubectl rollout status` returns once every pod runs the new revision and is Ready.
void TestSandboxImages::rollingUpdateTakesTwoPodsDownAtOnce()
{
    const QByteArray patch =
        QStringLiteral(
            R"({"spec":{"updateStrategy":{"type":"RollingUpdate","rollingUpdate":{"maxUnavailable":2}},)"
            R"("template":{"metadata":{"annotations":{"rcs.test/round":"max-unavailable"}},)"
            R"("spec":{"containers":[{"name":"redis","image":"%1"}]}}}})")
            .arg(kNewImage)
            .toUtf8();
    const ProgramRun patched =
        kubectl({QStringLiteral("patch"), QStringLiteral("statefulset"), kSet, QStringLiteral("-n"), kNs,
                 QStringLiteral("-p"), QString::fromUtf8(patch)});
    QVERIFY2(patched.exitCode == 0, qPrintable(patched.describe()));
    ProgramOptions options;
    options.timeoutMs = 150000;
    options.environment = QProcessEnvironment::systemEnvironment();
    options.environment.insert(QStringLiteral("HOME"), m_home.path());
    RunningProgram status(Kubectl::executable(),
                          {QStringLiteral("--kubeconfig"), m_sandbox->kubeconfigPath(),
                           QStringLiteral("rollout"), QStringLiteral("status"),
                           QStringLiteral("statefulset/") + kSet, QStringLiteral("-n"), kNs,
                           QStringLiteral("--timeout=120s")},
                          options);
    int mostDown = 0;
    while (status.isRunning()) {
        const QMap<int, QJsonObject> pods = setPods();
        int down = 0;
        for (int ordinal = 0; ordinal < kReplicas; ++ordinal) {
            const QJsonObject pod = pods.value(ordinal);
            down += pod.isEmpty() || !isReady(pod);
        }
        mostDown = std::max(mostDown, down);
        QTest::qWait(20);
    }
    const ProgramRun done = status.finish();
    // Once rollout status says so, every pod is Ready at the update revision: nothing left to wait for.
    const QString revision = fieldAt(statefulSet(), {"status", "updateRevision"}).toString();
    const QMap<int, QJsonObject> pods = setPods();
    QVERIFY2(done.exitCode == 0 && done.out.contains(QLatin1String("roll out complete")),
             qPrintable(done.describe()));
    QCOMPARE(pods.size(), kReplicas);
    for (const QJsonObject &pod : pods) {
        QVERIFY2(isReady(pod, revision), QJsonDocument(pod).toJson().constData());
        QCOMPARE(serverInfo(pod, QStringLiteral("executable")), m_new.server);
    }
    QCOMPARE(mostDown, 2);
}

void TestSandboxImages::rolloutRestartAndStatus_data()
{
    addKubectlRows();
}

// `kubectl rollout restart` patches the template's restartedAt annotation: every pod is replaced, and
// `rollout status` waits for it.
void TestSandboxImages::rolloutRestartAndStatus()
{
    QString missing;
    const std::optional<Kubectl> k = rowKubectl(&missing);
    if (!k)
        QSKIP(qPrintable(missing));
    const QStringList target{QStringLiteral("statefulset/") + kSet, QStringLiteral("-n"), kNs};
    const QMap<int, QJsonObject> before = setPods();
    const ProgramRun restart =
        k->run(QStringList{QStringLiteral("rollout"), QStringLiteral("restart")} + target);
    QVERIFY2(restart.exitCode == 0 && restart.out.contains(QLatin1String("restarted")),
             qPrintable(restart.describe()));
    const ProgramRun status = k->run(
        QStringList{QStringLiteral("rollout"), QStringLiteral("status"), QStringLiteral("--timeout=120s")} +
            target,
        150000);
    QVERIFY2(status.exitCode == 0 && status.out.contains(QLatin1String("roll out complete")),
             qPrintable(status.describe()));
    const QJsonObject set = statefulSet();
    const QString revision = fieldAt(set, {"status", "updateRevision"}).toString();
    const QMap<int, QJsonObject> after = setPods();
    QCOMPARE(after.size(), kReplicas);
    for (auto it = after.begin(); it != after.end(); ++it) {
        QVERIFY2(isReady(*it, revision), QJsonDocument(*it).toJson().constData());
        QVERIFY(uidOf(*it) != uidOf(before.value(it.key())));
    }
    QVERIFY(fieldAt(set, {"spec", "template", "metadata", "annotations"})
                .toObject()
                .contains(QLatin1String("kubectl.kubernetes.io/restartedAt")));
}
