#include "common/logger.h"
#include "ui/log_model.h"
#include "ui/log_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QFontDatabase>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs::ui;

class TestLogPanel final : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { rcs::Logger::instance().clear(); }

    void entriesArriveWithTheirCommand()
    {
        LogPanel panel;
        const int before = panel.model()->rowCount();
        rcs::Logger::instance().command(QStringLiteral("kube"), QStringLiteral("Scaling the StatefulSet"),
                                        QStringLiteral("kubectl -n redis-cluster scale statefulset redis-app "
                                                       "--replicas=7"));
        QTRY_COMPARE(panel.model()->rowCount(), before + 1);
        const QModelIndex command = panel.model()->index(before, LogModel::CommandColumn);
        QVERIFY(command.data().toString().startsWith(QLatin1String("kubectl -n redis-cluster scale")));
        QCOMPARE(command.data(Qt::FontRole).value<QFont>().family(),
                 QFontDatabase::systemFont(QFontDatabase::FixedFont).family());

        // Selecting the row offers the command for copying.
        panel.view()->setCurrentIndex(panel.filterModel()->index(panel.filterModel()->rowCount() - 1, 0));
        QCOMPARE(panel.currentCommand(), command.data().toString());
        panel.copyCurrentCommand();
        QCOMPARE(QApplication::clipboard()->text(), command.data().toString());
    }

    void filterByLevelAndText()
    {
        LogPanel panel;
        rcs::Logger &log = rcs::Logger::instance();
        log.log(rcs::LogLevel::Debug, QStringLiteral("redis"), QStringLiteral("polling 10.0.0.1"));
        log.info(QStringLiteral("redis"), QStringLiteral("Meeting 10.0.0.2"));
        log.warning(QStringLiteral("kube"), QStringLiteral("Pod redis-app-3 is Pending"));
        log.error(QStringLiteral("workflow"), QStringLiteral("Recover failed"));
        LogFilterModel *filter = panel.filterModel();
        QTRY_COMPARE(panel.model()->rowCount(), 4);
        QCOMPARE(filter->rowCount(), 3); // info and above by default
        filter->setMinimumLevel(rcs::LogLevel::Debug);
        QCOMPARE(filter->rowCount(), 4);
        filter->setMinimumLevel(rcs::LogLevel::Warning);
        QCOMPARE(filter->rowCount(), 2);
        filter->setMinimumLevel(rcs::LogLevel::Error);
        QCOMPARE(filter->rowCount(), 1);
        filter->setMinimumLevel(rcs::LogLevel::Debug);
        filter->setSearchText(QStringLiteral("redis-app"));
        QCOMPARE(filter->rowCount(), 1);
        filter->setSearchText(QStringLiteral("10.0.0"));
        QCOMPARE(filter->rowCount(), 2);
    }

    void secretsNeverReachThePanelOrTheFile()
    {
        const QString password = QStringLiteral("s3cret-Passw0rd");
        rcs::Logger::instance().addSecret(password);
        LogPanel panel;
        rcs::Logger::instance().command(QStringLiteral("redis"),
                                        QStringLiteral("Authenticating with ") + password,
                                        QStringLiteral("redis-cli -a ") + password + QStringLiteral(" PING"));
        QTRY_COMPARE(panel.model()->rowCount(), 1);
        for (int column = 0; column < LogModel::ColumnCount; ++column) {
            const QString text = panel.model()->index(0, column).data().toString();
            QVERIFY2(!text.contains(password), qPrintable(text));
        }
        QVERIFY(panel.model()
                    ->index(0, LogModel::CommandColumn)
                    .data()
                    .toString()
                    .contains(QLatin1String("***")));

        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("studio.log"));
        QString error;
        QVERIFY2(panel.saveToFile(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray saved = file.readAll();
        QVERIFY(saved.contains("Authenticating with ***"));
        QVERIFY(saved.contains("    $ redis-cli -a *** PING"));
        QVERIFY(!saved.contains(password.toUtf8()));
    }

    void savingToAMissingFolderSaysSo()
    {
        LogPanel panel;
        QString error;
        QVERIFY(!panel.saveToFile(QStringLiteral("/nonexistent-folder/x/studio.log"), &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent-folder/x/studio.log")));
    }

    void modelStaysBounded()
    {
        LogModel model;
        model.setMaximumRows(50);
        for (int i = 0; i < 120; ++i)
            model.append(rcs::LogEntry{QDateTime::currentDateTime(),
                                       rcs::LogLevel::Info,
                                       QStringLiteral("ui"),
                                       QString::number(i),
                                       {}});
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(model.index(49, LogModel::MessageColumn).data().toString(), QStringLiteral("119"));
    }
};

QTEST_MAIN(TestLogPanel)
#include "tst_log_panel.moc"
