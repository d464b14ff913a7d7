// Replays one fuzz target's seed corpus (tests/fuzz/corpus/<target>/) as an ordinary QtTest, so CI
// runs every stored input — including each crash the fuzzer once found — under the normal build
// and under scripts/sanitize.sh.
#include <QDir>
#include <QFile>
#include <QTest>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

class CorpusReplay final : public QObject {
    Q_OBJECT

private slots:
    void replay_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(QStringLiteral(RCS_FUZZ_CORPUS_DIR));
        const auto files = dir.entryInfoList(QDir::Files, QDir::Name);
        // An empty corpus would make this test pass without checking anything.
        QVERIFY2(!files.isEmpty(), qPrintable(QStringLiteral("no seed inputs in %1").arg(dir.path())));
        for (const auto &file : files)
            QTest::newRow(qPrintable(file.fileName())) << file.filePath();
    }

    void replay()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QByteArray data = file.readAll();
        QCOMPARE(
            LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(data.constData()), size_t(data.size())),
            0);
    }
};

QTEST_GUILESS_MAIN(CorpusReplay)
#include "corpus_replay.moc"
