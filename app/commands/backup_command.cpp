#include "backup_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "job_runner.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "backup/backup_archive.h"
#include "operations/backup_result.h"
#include "operations/operation_catalogue.h"
#include "operations/operation_job.h"

#include <functional>
#include <memory>

namespace rcs::cli {

namespace {
const QString ToOption = QStringLiteral("to");
const QString ForceOption = QStringLiteral("force");
const QString FromOption = QStringLiteral("from");
const QString MergeOption = QStringLiteral("merge");
const QString ReplaceOption = QStringLiteral("replace");
const QString YesOption = QStringLiteral("yes");

const QString BackupDescription = QStringLiteral(
    "Backs up every master that serves slots: its data as an RDB taken through the replication protocol "
    "(SYNC, as redis-cli --rdb does: a point-in-time copy per master, nothing run on the pods), streamed "
    "into one archive FILE, a tar of shard-<n>.rdb per master and manifest.json (time, server versions, node "
    "ids, slots, key counts, SHA-256 of each RDB and a digest per slot). Written to FILE.partial and renamed "
    "once complete; an existing FILE is kept unless --force. Check a backup with 'backup verify FILE'.");
const QString VerifyDescription = QStringLiteral(
    "Checks a backup archive completely: the tar structure, each RDB's size and SHA-256 against the "
    "manifest, each RDB read to its CRC-64, each key in a slot its master served, and every slot digest "
    "recomputed. Prints the first problem, naming the member, and exits 1; changes nothing.");

int runVerify(const QStringList &args)
{
    QStringList rest = args;
    QString file;
    if (!rest.isEmpty() && !rest.first().startsWith(QLatin1Char('-')))
        file = rest.takeFirst();
    CommandLine line(QStringLiteral("backup verify"), VerifyDescription);
    line.addJsonOption();
    if (const std::optional<int> stop = line.parse(rest))
        return *stop;
    if (file.isEmpty())
        return line.usageError(QStringLiteral("Give the archive to check: backup verify FILE."));
    const Result<backup::VerifiedArchive> verified = backup::verifyArchive(file);
    if (!verified)
        return reportFailure(verified.error());
    printBytes(line.json() ? jsonLine(ops::verifiedToJson(file, verified.value()))
                           : ops::verifiedToText(file, verified.value()).toUtf8());
    return ExitSuccess;
}

const QString RestoreDescription = QStringLiteral(
    "Puts a backup archive back into a cluster of any shape (another number of masters, another server "
    "version as long as it reads the backup's values). FILE is first verified completely, as 'backup "
    "verify' does: a damaged, truncated or foreign file is refused with the reason and nothing is written. "
    "Then every key is sent as RESTORE (its TTL kept; keys whose TTL has passed are skipped) to the master "
    "that owns its slot, pipelined; functions (Redis 7.0+) are loaded on every master. Into a cluster that "
    "holds keys only with --merge (an existing key is reported and left as it is) or --replace (an "
    "existing key takes the backup's value; without --yes it lists what it would do and exits 1).");

// Runs the operation request asks on the target the form reads, printing its result.
int runArchiveOperation(CommandLine &line, const QStringList &args, const TargetForm &form,
                        const std::function<void(ops::OperationRequest &)> &fill)
{
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::Target target;
    if (const std::optional<int> stop = form.readTarget(line, target))
        return *stop;
    ops::OperationRequest request;
    // The transfer has its own bound (no byte for a minute); --timeout bounds the status read.
    request.timeoutMs = 0;
    fill(request);
    const Result<ops::OperationJob *> made = ops::createOperation(target, request);
    if (!made)
        return line.usageError(made.error().message());
    const std::unique_ptr<ops::OperationJob> job(made.value());
    WorkflowPrinter printer(job.get(), line.json());
    if (const Error error = runJob(job.get()); error.isError())
        return reportFailure(error);
    printBytes(line.json() ? jsonLine(job->resultJson()) : job->resultText().toUtf8());
    return ExitSuccess;
}

int runRestoreCommand(const QStringList &args, const TargetForm &form)
{
    CommandLine line(QStringLiteral("restore"), RestoreDescription);
    form.addOptions(line);
    line.addOption({FromOption, QStringLiteral("The backup archive to restore."), QStringLiteral("FILE")});
    line.addOption(
        {MergeOption, QStringLiteral("Restore into a cluster that holds keys; keep existing keys.")});
    line.addOption(
        {ReplaceOption, QStringLiteral("Overwrite existing keys with the backup's values (needs --yes).")});
    line.addOption({YesOption, QStringLiteral("Confirm --replace.")});
    return runArchiveOperation(line, args, form, [&line](ops::OperationRequest &request) {
        request.kind = ops::OperationKind::Restore;
        request.backupPath = line.value(FromOption);
        request.restoreMerge = line.isSet(MergeOption);
        request.restoreReplace = line.isSet(ReplaceOption);
        request.confirmed = line.isSet(YesOption);
    });
}

int runBackupCommand(const QStringList &args, const TargetForm &form)
{
    if (!args.isEmpty() && args.first() == QStringLiteral("verify"))
        return runVerify(args.mid(1));
    CommandLine line(QStringLiteral("backup"), BackupDescription);
    form.addOptions(line);
    line.addOption({ToOption, QStringLiteral("The archive to write."), QStringLiteral("FILE")});
    line.addOption({ForceOption, QStringLiteral("Replace FILE when it exists.")});
    return runArchiveOperation(line, args, form, [&line](ops::OperationRequest &request) {
        request.kind = ops::OperationKind::Backup;
        request.backupPath = line.value(ToOption);
        request.overwrite = line.isSet(ForceOption);
    });
}

} // namespace

int runBackup(const QStringList &args)
{
    return runBackupCommand(args, endpointsForm(30));
}

int runKubeBackup(const QStringList &args)
{
    return runBackupCommand(args, kubernetesForm(60));
}

int runRestore(const QStringList &args)
{
    return runRestoreCommand(args, endpointsForm(30));
}

int runKubeRestore(const QStringList &args)
{
    return runRestoreCommand(args, kubernetesForm(60));
}

} // namespace rcs::cli
