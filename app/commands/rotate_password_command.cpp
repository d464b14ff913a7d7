#include "rotate_password_command.h"

#include "cli_options.h"
#include "command_registry.h"
#include "kube_command_support.h"
#include "topology_output.h"

#include "common/logger.h"
#include "operations/workflow_operation_job.h"

#include <QFile>

#include <cstdio>

namespace rcs::cli {

namespace {
// The first line of FILE ("-": stdin), without its line end.
std::optional<QString> readPassword(const QString &path, QString *problem)
{
    QFile file;
    const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                   : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *problem = QStringLiteral("Cannot read the new password from %1: %2.").arg(path, file.errorString());
        return std::nullopt;
    }
    QString password = QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    if (password.isEmpty()) {
        *problem = QStringLiteral("%1 holds no password on its first line.").arg(path);
        return std::nullopt;
    }
    Logger::instance().addSecret(password);
    return password;
}
} // namespace

int runKubeRotatePassword(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("rotate-password"),
        QStringLiteral("Gives a user of the deployment a new password without dropping a replication link: "
                       "with ACL (6.0 and later) the new one is added beside the old on every node, "
                       "masterauth and the Secret follow, then the old one is removed; on Redis 5 masterauth "
                       "changes first, then requirepass. Without --yes it lists the plan and exits 1."));
    addKubeOptions(line, true, 120);
    line.addJsonOption();
    line.addOption({QStringLiteral("user"),
                    QStringLiteral("The user: default or studio-operator (default: the operator when the "
                                   "deployment has one, else default)."),
                    QStringLiteral("NAME")});
    line.addOption(
        {QStringLiteral("password-file"),
         QStringLiteral("Read the new password from the first line of FILE ('-': stdin) instead of "
                        "generating one."),
         QStringLiteral("FILE")});
    line.addOption({QStringLiteral("yes"),
                    QStringLiteral("Confirm: without it the plan is listed and nothing changes.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    ops::OperationRequest request;
    request.kind = ops::OperationKind::RotatePassword;
    request.rotateUser = line.value(QStringLiteral("user"));
    request.confirmed = line.isSet(QStringLiteral("yes"));
    if (line.isSet(QStringLiteral("password-file"))) {
        QString problem;
        const std::optional<QString> password =
            readPassword(line.value(QStringLiteral("password-file")), &problem);
        if (!password)
            return line.usageError(problem);
        request.newPassword = *password;
    }
    return runKubeOperationWithJson(line, request);
}

} // namespace rcs::cli
