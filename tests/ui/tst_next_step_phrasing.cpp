// The same conditions, met by core, phrased for the command line and for the studio: core writes the
// sentence once and names the next step; each front end's phrasing (the one it installs at start)
// says how to take it there, and neither's words leak into the other's.

#include "commands/cli_options.h"
#include "common/confirmation.h"
#include "common/next_step.h"
#include "redis/cluster_scan_job.h"
#include "ui/situation.h"
#include "workflows/cluster_situation.h"
#include "workflows/kube_session.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace rcs;

namespace {
enum class FrontEnd { CommandLine, Studio };

void install(FrontEnd frontEnd)
{
    setNextStepPhrasing(frontEnd == FrontEnd::CommandLine ? NextStepPhrasing(&cli::commandSuggestion)
                                                          : NextStepPhrasing(&ui::suggestionText));
}

// Each condition as core meets it, returning the message a user would read.
QString unconfirmedRemoval()
{
    const std::optional<Error> refusal = refusalUnlessConfirmed(
        false, QStringLiteral("remove-node would remove 10.0.0.5:6379 (0f3c2a1b) as listed above"), [] {});
    return refusal ? refusal->message() : QString();
}

QString missingKubeconfig(const QString &file)
{
    ClusterTarget target;
    target.kubeconfig = file;
    const Result<KubeSession *> session = KubeSession::open(target);
    if (session) {
        delete *session;
        return QString();
    }
    return session.error().message();
}

QString scanWithoutNodes()
{
    ClusterScanJob scan({});
    QSignalSpy finished(&scan, &Job::finished);
    scan.start();
    if (!finished.wait(5000) || !scan.hasError())
        return QString();
    return scan.errorString();
}

QString totalFailureAdvice()
{
    return phrasedAdvice(
        {Situation::TotalFailure, QStringLiteral("The nodes lost each other."), SuggestedOperation::Recover});
}
} // namespace

class TestNextStepPhrasing final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { setNextStepPhrasing({}); }

    void sameConditionBothFrontEnds_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("sentence"); // core's part, the same for both
        QTest::addColumn<QString>("commandLine");
        QTest::addColumn<QString>("studio");
        QTest::newRow("remove without confirmation")
            << "confirm"
            << "remove-node would remove 10.0.0.5:6379 (0f3c2a1b) as listed above. Nothing was changed."
            << "Run again with --yes to confirm."
            << "Start it again and confirm it in the dialog to go ahead.";
        QTest::newRow("no kubeconfig")
            << "kubeconfig"
            << "The kubeconfig file %1 does not exist."
            << "Pass --kubeconfig FILE, set KUBECONFIG, or start the sandbox with 'redis-cluster-studio "
               "sandbox start'."
            << "Choose a kubeconfig file in the target bar, or the local sandbox.";
        QTest::newRow("no node address") << "nodes"
                                         << "No node address was given."
                                         << "Name at least one with --nodes."
                                         << "Enter at least one node address (HOST:PORT) in the target bar.";
        QTest::newRow("total failure") << "advice"
                                       << "The nodes lost each other."
                                       << "Run 'redis-cluster-studio recover'."
                                       << "Click Recover.";
    }

    void sameConditionBothFrontEnds()
    {
        QFETCH(QString, condition);
        QFETCH(QString, sentence);
        QFETCH(QString, commandLine);
        QFETCH(QString, studio);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString missing = dir.filePath(QStringLiteral("no-such-kubeconfig"));
        const auto meet = [&]() -> QString {
            if (condition == QLatin1String("confirm"))
                return unconfirmedRemoval();
            if (condition == QLatin1String("kubeconfig"))
                return missingKubeconfig(missing);
            if (condition == QLatin1String("nodes"))
                return scanWithoutNodes();
            return totalFailureAdvice();
        };
        if (sentence.contains(QLatin1String("%1")))
            sentence = sentence.arg(missing);

        install(FrontEnd::CommandLine);
        const QString forCommandLine = meet();
        install(FrontEnd::Studio);
        const QString forStudio = meet();

        QCOMPARE(forCommandLine, sentence + QLatin1Char(' ') + commandLine);
        QCOMPARE(forStudio, sentence + QLatin1Char(' ') + studio);
        // The studio never tells its user to type an option.
        QVERIFY2(!forStudio.contains(QLatin1String("--")), qPrintable(forStudio));
    }

    void withoutFrontEndOnlyTheSentence()
    {
        // A caller that installed no phrasing (a test, a library user) gets core's sentence alone.
        QCOMPARE(
            unconfirmedRemoval(),
            QStringLiteral("remove-node would remove 10.0.0.5:6379 (0f3c2a1b) as listed above. Nothing was "
                           "changed."));
    }
};

QTEST_GUILESS_MAIN(TestNextStepPhrasing)
#include "tst_next_step_phrasing.moc"
