// Back up, Verify backup and Restore through the window on real redis-server nodes (the real
// CoreBackend): the save dialog's answer starts core's backup, the archive verifies with every key
// planted, Verify backup reports a complete file and refuses a damaged one naming the member, a
// cancelled dialog runs nothing; Restore's question shows what the file holds (a damaged file cannot be
// confirmed), a cluster holding the keys is refused without a choice, "keep" leaves a changed key and
// "overwrite" (destructive) puts the backup's value back. (Cleanup's and Upgrade's "back up first" run on
// kube-sandbox in tst_studio_sandbox.)
#include "backup/backup_archive.h"
#include "real_cluster_fixture.h"
#include "redis/redis_pool.h"
#include "redis/redis_reply.h"
#include "studio_fixtures.h"
#include "support/redis_test_nodes.h"
#include "ui/confirmation.h"
#include "ui/core_backend.h"
#include "ui/job_progress_panel.h"
#include "ui/main_window.h"
#include "ui/studio_controller.h"
#include "ui/topology_model.h"

#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs::ui;

class TestStudioBackup final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { rcs::ui::test::isolateStudioSettings(); }

    void backUpAndVerifyThroughTheWindow()
    {
        rcs::test::RedisTestNodes nodes;
        const QString formed = test::formCluster(nodes, 3);
        QVERIFY2(formed.isEmpty(), qPrintable(formed));
        const QString list = nodes.addressList();
        rcs::RedisPool pool;
        constexpr int keys = 500;
        QList<std::pair<QByteArray, QByteArray>> planted;
        for (int i = 0; i < keys; ++i)
            planted.append({"k:" + QByteArray::number(i), QByteArray::number(i)});
        QCOMPARE(test::plantKeys(pool, nodes, planted), keys);

        CoreBackend backend;
        MainWindow window(&backend);
        window.resize(1200, 800);
        window.show();
        StudioTarget target;
        target.kind = StudioTarget::Kind::Endpoints;
        target.endpoints = list;
        window.setTarget(target);
        QTRY_COMPARE_WITH_TIMEOUT(window.topologyModel()->situation(), Situation::Healthy, 30000);
        QAction *backup = window.action(Action::Backup);
        QTRY_VERIFY_WITH_TIMEOUT(backup->isEnabled(), 10000);

        // The save dialog suggests a name; cancelled, nothing runs.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QSignalSpy finished(&window, &MainWindow::jobFinished);
        backup->trigger();
        auto *dialog = window.findChild<QFileDialog *>(QStringLiteral("backupFileDialog"));
        QVERIFY(dialog);
        QVERIFY2(dialog->selectedFiles().value(0).endsWith(QLatin1String(".rcsbackup")),
                 qPrintable(dialog->selectedFiles().join(QLatin1Char(','))));
        QVERIFY(test::answerFileDialog(&window, QStringLiteral("backupFileDialog"), QString()));
        QVERIFY(window.jobPanel()->runs().isEmpty());

        // Answered: core's backup writes the archive, which holds every key.
        const QString path = folder.filePath(QStringLiteral("cluster.rcsbackup"));
        backup->trigger();
        QVERIFY(test::answerFileDialog(&window, QStringLiteral("backupFileDialog"), path));
        QVERIFY(finished.wait(60000));
        QVERIFY2(finished.last().at(1).toBool(), qPrintable(window.jobPanel()->runs().first()->resultText()));
        QVERIFY(QFile::exists(path));
        QVERIFY(!QFile::exists(path + QLatin1String(".partial")));
        const rcs::Result<rcs::backup::VerifiedArchive> verified = rcs::backup::verifyArchive(path);
        QVERIFY2(verified.ok(), qPrintable(verified.error().message()));
        QCOMPARE(verified.value().manifest.shards.size(), qsizetype(3));
        qint64 archived = 0;
        for (const rcs::backup::ShardManifest &shard : verified.value().manifest.shards)
            archived += shard.keys;
        QCOMPARE(archived, qint64(keys));
        // What was written stays in the status bar.
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("cluster.rcsbackup")));

        // Verify backup: a complete file is reported as such.
        auto *verify = window.findChild<QAction *>(QStringLiteral("verifyBackup"));
        QVERIFY(verify && verify->isEnabled());
        finished.clear();
        verify->trigger();
        QVERIFY(test::answerFileDialog(&window, QStringLiteral("verifyBackupDialog"), path));
        QVERIFY(finished.wait(60000));
        QVERIFY(finished.last().at(1).toBool());
        QTRY_VERIFY(window.statusBar()->currentMessage().contains(QLatin1String("complete backup")));

        // A damaged copy (one byte of the first shard's RDB flipped) is refused, naming the member.
        QFile original(path);
        QVERIFY(original.open(QIODevice::ReadOnly));
        QByteArray bytes = original.readAll();
        const qsizetype rdb = bytes.indexOf("REDIS00");
        QVERIFY(rdb > 0);
        bytes[rdb + 40] = char(bytes[rdb + 40] ^ 0x5a);
        const QString damaged = folder.filePath(QStringLiteral("damaged.rcsbackup"));
        QFile copy(damaged);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(bytes);
        copy.close();
        finished.clear();
        verify->trigger();
        QVERIFY(test::answerFileDialog(&window, QStringLiteral("verifyBackupDialog"), damaged));
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.last().at(1).toBool());
        const QString refusal = window.jobPanel()->runs().first()->resultText();
        QVERIFY2(refusal.contains(QLatin1String("shard-")), qPrintable(refusal));

        // Restore: the damaged file cannot be confirmed; the question says why.
        QSignalSpy asked(window.controller(), &StudioController::confirmationRequested);
        QAction *restore = window.action(Action::Restore);
        QVERIFY(restore->isEnabled());
        restore->trigger();
        QVERIFY(test::answerFileDialog(&window, QStringLiteral("restoreFileDialog"), damaged));
        Confirmation *question = test::nextQuestion(asked);
        QVERIFY(question);
        QTRY_VERIFY_WITH_TIMEOUT(question->items().value(0).contains(QLatin1String("shard-0.rdb")), 30000);
        QVERIFY(!question->isAcceptEnabled());
        question->reject();

        // The good file into the cluster that holds its keys: without a choice for them, refused with
        // nothing written.
        const auto askRestore = [&]() -> Confirmation * {
            restore->trigger();
            if (!test::answerFileDialog(&window, QStringLiteral("restoreFileDialog"), path))
                return nullptr;
            Confirmation *next = test::nextQuestion(asked);
            if (!next || !QTest::qWaitFor([next] { return next->isAcceptEnabled(); }, 30000))
                return nullptr;
            return next;
        };
        question = askRestore();
        QVERIFY(question);
        QVERIFY2(question->items().value(0).startsWith(QLatin1String("500 keys from 3 masters")),
                 qPrintable(question->items().join(QLatin1Char('\n'))));
        QVERIFY(!question->isDestructive());
        finished.clear();
        question->accept();
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.last().at(1).toBool());
        const QString busy = window.jobPanel()->runs().first()->resultText();
        // Said for the studio: what to choose in the dialog, no command-line option.
        QVERIFY2(busy.contains(QLatin1String("keep the keys")) && !busy.contains(QLatin1String("--")),
                 qPrintable(busy));

        // A key changed after the backup: "keep" leaves it, "overwrite" (destructive) puts it back.
        const auto valueOf = [&](const QByteArray &key) {
            QByteArray value;
            int replies = 0;
            for (const rcs::NodeAddress &address : nodes.addresses())
                pool.command(address, {"GET", key}, this, [&](rcs::Result<rcs::RedisReply> reply) {
                    ++replies;
                    if (reply.ok() && reply.value().isString())
                        value = reply.value().bytes();
                });
            return QTest::qWaitFor([&] { return replies == 3; }, 10000) ? value : QByteArray("(no answer)");
        };
        const auto setValue = [&](const QByteArray &key, const QByteArray &value) {
            int replies = 0;
            for (const rcs::NodeAddress &address : nodes.addresses())
                pool.command(address, {"SET", key, value}, this,
                             [&](rcs::Result<rcs::RedisReply>) { ++replies; });
            return QTest::qWaitFor([&] { return replies == 3; }, 10000);
        };
        QVERIFY(setValue("k:7", "changed"));
        for (const QString &choice : {QStringLiteral("restoreMerge"), QStringLiteral("restoreReplace")}) {
            question = askRestore();
            QVERIFY(question);
            question->setOptionChecked(choice, true);
            QCOMPARE(question->isDestructive(), choice == QLatin1String("restoreReplace"));
            finished.clear();
            question->accept();
            QVERIFY(finished.wait(60000));
            QVERIFY2(finished.last().at(1).toBool(),
                     qPrintable(window.jobPanel()->runs().first()->resultText()));
            QCOMPARE(valueOf("k:7"),
                     choice == QLatin1String("restoreMerge") ? QByteArray("changed") : QByteArray("7"));
        }
    }
};

QTEST_MAIN(TestStudioBackup)
#include "tst_studio_backup.moc"
