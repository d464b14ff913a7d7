// kube-sandbox's data folder holds every Secret (state.json), the CA key, the admin token and the
// pods' volumes: it must be as private as etcd's and the kubelet's (issue 12, item 5). A folder
// left open by an earlier run is tightened on start, and everything written later — by the sandbox
// and by the pods' redis-server processes — is private too.
#include "sandbox_api_harness.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs::test;

namespace {

constexpr QFileDevice::Permissions kGroupOrOther = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                   QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                   QFileDevice::WriteOther | QFileDevice::ExeOther;

// Every entry below root (root included) that a user other than the owner could read or enter.
QStringList openEntries(const QString &root)
{
    QStringList open;
    const auto check = [&open](const QFileInfo &info) {
        if (!info.isSymLink() && (info.permissions() & kGroupOrOther))
            open.append(QStringLiteral("%1 (%2)")
                            .arg(info.absoluteFilePath())
                            .arg(int(info.permissions() & kGroupOrOther), 0, 16));
    };
    check(QFileInfo(root));
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        check(it.fileInfo());
    }
    return open;
}

} // namespace

class TestSandboxDataFolder final : public QObject {
    Q_OBJECT

private slots:
    void existingFolderIsTightenedAndStaysPrivate();
};

void TestSandboxDataFolder::existingFolderIsTightenedAndStaysPrivate()
{
    if (Kubectl::executable().isEmpty())
        QSKIP("kubectl not found: install Debian's kubernetes-client (or put kubectl on PATH)");
    QTemporaryDir data;
    QTemporaryDir home;
    QVERIFY(data.isValid() && home.isValid());
    // What an older kube-sandbox (or a careless copy) left behind: open folders and files.
    const QString oldFolder = data.filePath(QStringLiteral("volumes/left-over"));
    QVERIFY(QDir().mkpath(oldFolder));
    QFile oldFile(oldFolder + QStringLiteral("/dump.rdb"));
    QVERIFY(oldFile.open(QIODevice::WriteOnly));
    oldFile.write("REDIS0009");
    oldFile.close();
    const auto open =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(oldFile.setPermissions(open));
    for (const QString &folder : {data.path(), data.filePath(QStringLiteral("volumes")), oldFolder})
        QVERIFY(QFile::setPermissions(folder, open | QFileDevice::ExeOwner | QFileDevice::ExeGroup |
                                                  QFileDevice::ExeOther));
    QVERIFY(!openEntries(data.path()).isEmpty());

    KubeSandboxProcess server(data.path());
    server.setExtraArguments({QStringLiteral("--verbose")});
    const auto started = server.start();
    QVERIFY2(started.ok(), qPrintable(started.error().message()));
    QVERIFY2(openEntries(data.path()).isEmpty(), qPrintable(openEntries(data.path()).join(u'\n')));

    // A Secret (into state.json) and a pod whose redis-server writes into its own folder.
    const QString manifest = home.filePath(QStringLiteral("objects.yaml"));
    QFile yaml(manifest);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n---\n"
               "apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\n  namespace: demo\n"
               "stringData:\n  password: not-for-other-users\n---\n"
               "apiVersion: v1\nkind: Pod\nmetadata:\n  name: solo\n  namespace: demo\nspec:\n"
               "  containers:\n  - name: redis\n    image: redis:7\n");
    yaml.close();
    const Kubectl kubectl(server.kubeconfigPath(), home.path());
    ProgramRun r = kubectl.run({QStringLiteral("apply"), QStringLiteral("-f"), manifest});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    r = kubectl.run({QStringLiteral("wait"), QStringLiteral("-n"), QStringLiteral("demo"),
                     QStringLiteral("--for=condition=Ready"), QStringLiteral("pod/solo"),
                     QStringLiteral("--timeout=60s")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
    QCOMPARE(server.stop(), 0); // writes state.json

    QVERIFY(QFileInfo::exists(data.filePath(QStringLiteral("state.json"))));
    QVERIFY2(openEntries(data.path()).isEmpty(), qPrintable(openEntries(data.path()).join(u'\n')));
}

QTEST_GUILESS_MAIN(TestSandboxDataFolder)
#include "tst_sandbox_data_folder.moc"
