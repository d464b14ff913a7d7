#include "operation_runner.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"

#include <cstdio>
#include <memory>
#include <optional>

namespace rcs::cli {

int runOperation(const CommandLine &line, ops::OperationRequest request, bool listSteps)
{
    request.timeoutMs = line.timeoutMs();
    const Result<ops::OperationJob *> made =
        ops::createOperation(ops::Target::plainEndpoints({line.nodes(), line.connectionOptions()}), request);
    if (!made)
        return line.usageError(made.error().message());
    const std::unique_ptr<ops::OperationJob> job(made.value());
    std::optional<WorkflowPrinter> printer;
    if (listSteps)
        printer.emplace(job.get(), line.json());
    const Error error = runJob(job.get());
    // The result is printed below, not as the job's last step.
    printer.reset();
    for (const QString &note : job->notes())
        std::fprintf(stderr, "%s\n", qPrintable(note));
    if (error.isError() && !job->hasResult()) {
        reportFailure(error);
        for (const QString &gap : job->remainingGaps().mid(0, 10))
            std::fprintf(stderr, "  %s\n", qPrintable(gap));
        return error.code() == ErrorCode::InvalidInput ? ExitUsage : ExitFailure;
    }
    printBytes(line.json() ? jsonLine(job->resultJson()) : job->resultText().toUtf8());
    if (!error.isError())
        return ExitSuccess;
    // A check that found errors: the report above lists them.
    const int errors = job->checkReport() ? job->checkReport()->count(CheckSeverity::Error) : 0;
    std::fprintf(stderr, "The cluster is not healthy: %d %s, listed above.\n", errors,
                 errors == 1 ? "error" : "errors");
    return ExitFailure;
}

} // namespace rcs::cli
