#include "bench_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QVariantMap>

#include <algorithm>
#include <cstdio>

namespace rcs::bench {

double median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    if (n == 0)
        return 0;
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
}

QString joined(const QList<qint64> &values, int failed)
{
    QStringList parts;
    for (qint64 value : values)
        parts.append(QString::number(value));
    if (failed)
        parts.append(QStringLiteral("%1 failed").arg(failed));
    return parts.join(QStringLiteral(", "));
}

QString speedUp(double ours, double reference)
{
    return ours > 0 && reference > 0 ? QStringLiteral("%1×").arg(reference / ours, 0, 'f', 1)
                                     : QStringLiteral("—");
}

qint64 pollUntil(const std::function<bool()> &done, const QElapsedTimer &clock, int timeoutMs, int pauseMs)
{
    while (clock.elapsed() < timeoutMs) {
        if (done())
            return clock.elapsed();
        QTest::qWait(pauseMs);
    }
    return -1;
}

ToolRun timeProgram(const QString &program, const QStringList &args, const std::function<bool()> &done,
                    int timeoutMs)
{
    ToolRun run;
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QElapsedTimer clock;
    // The exit is stamped when it happens, not when the poll below gets round to looking.
    QObject::connect(&process, &QProcess::finished, &process,
                     [&run, &clock](int exitCode, QProcess::ExitStatus status) {
                         run.exitedAt = clock.elapsed();
                         run.exitCode = status == QProcess::NormalExit ? exitCode : -1;
                     });
    clock.start();
    process.start(program, args);
    if (!process.waitForStarted(10000)) {
        std::fprintf(stderr, "could not start %s: %s\n", qPrintable(program),
                     qPrintable(process.errorString()));
        return run;
    }
    run.doneAt = pollUntil(done, clock, timeoutMs);
    if (!QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; }, timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        run.exitedAt = -1;
    }
    run.output = process.readAll();
    if (!run.ok())
        std::fprintf(stderr, "%s failed (exit %d after %lld ms, condition met at %lld ms):\n%s\n",
                     qPrintable(program), run.exitCode, run.exitedAt, run.doneAt, run.output.constData());
    return run;
}

void printResult(const QString &scenario, const QList<qint64> &ours, int oursFailed, const QString &reference,
                 const QList<qint64> &theirs, int theirsFailed, const QVariantMap &extra)
{
    const auto array = [](const QList<qint64> &values) {
        QJsonArray result;
        for (qint64 value : values)
            result.append(value);
        return result;
    };
    QJsonObject object = QJsonObject::fromVariantMap(extra);
    object.insert(QStringLiteral("scenario"), scenario);
    object.insert(QStringLiteral("ours"), array(ours));
    object.insert(QStringLiteral("ours_failed"), oursFailed);
    object.insert(QStringLiteral("reference"), reference);
    object.insert(QStringLiteral("reference_times"), array(theirs));
    object.insert(QStringLiteral("reference_failed"), theirsFailed);
    std::printf("RESULT %s\n", QJsonDocument(object).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

} // namespace rcs::bench
