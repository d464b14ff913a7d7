#include "bench_support.h"

#include "support/program_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QVariantMap>

#include <algorithm>
#include <cstdio>

#include <sys/resource.h>
#include <unistd.h>

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
    test::ProgramOptions options;
    options.timeoutMs = 2 * timeoutMs; // timeoutMs for the condition, as much again for the exit
    options.mergeChannels = true;
    QElapsedTimer clock;
    clock.start();
    test::RunningProgram tool(program, args, options);
    if (tool.started())
        run.doneAt = pollUntil(done, clock, timeoutMs);
    const test::ProgramRun finished = tool.finish();
    run.exitedAt = finished.exitedAfterMs;
    run.exitCode = finished.exitCode;
    run.output = finished.out.toUtf8();
    if (!finished.ran())
        std::fprintf(stderr, "%s\n", qPrintable(finished.failure.message()));
    if (!run.ok())
        std::fprintf(stderr, "%s failed (exit %d after %lld ms, condition met at %lld ms):\n%s\n",
                     qPrintable(program), run.exitCode, run.exitedAt, run.doneAt, run.output.constData());
    return run;
}

qint64 cpuMsOf(qint64 pid)
{
    QFile file(pid == 0 ? QStringLiteral("/proc/self/stat") : QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const QByteArray text = file.readAll();
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the state (field 3).
    if (fields.size() < 13)
        return -1;
    const qint64 ticks = fields.at(11).toLongLong() + fields.at(12).toLongLong();
    return ticks * 1000 / sysconf(_SC_CLK_TCK);
}

qint64 exitedChildrenCpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const auto ms = [](const timeval &t) { return qint64(t.tv_sec) * 1000 + t.tv_usec / 1000; };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
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
