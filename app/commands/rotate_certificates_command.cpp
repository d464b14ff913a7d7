#include "rotate_certificates_command.h"

#include "cli_options.h"
#include "kube_command_support.h"

namespace rcs::cli {

int runKubeRotateCertificates(const QStringList &args)
{
    CommandLine line(
        QStringLiteral("rotate-certificates"),
        QStringLiteral(
            "Renews the certificate of a TLS deployment and has every node load it live (CONFIG SET "
            "tls-cert-file reloads the files; no restart, no link dropped): the new certificate goes into "
            "the TLS Secret, and the studio waits until every node serves it to a new connection. With "
            "--ca a new CA signs it, trusted beside the old one first. --drop-old-ca removes the CAs that "
            "no longer sign from ca.crt (needs --yes). --reload only loads what the Secret holds now (for "
            "certificates from your own Secret)."));
    addKubeOptions(line, true, 180);
    line.addOption(
        {QStringLiteral("ca"), QStringLiteral("Renew the CA too (it is trusted beside the old one).")});
    line.addOption(
        {QStringLiteral("drop-old-ca"),
         QStringLiteral("Stop trusting the CAs that no longer sign (clients whose certificates they "
                        "signed are refused from then on).")});
    line.addOption({QStringLiteral("reload"),
                    QStringLiteral("Make no certificate: have every node load the Secret's current files.")});
    line.addOption({QStringLiteral("days"), QStringLiteral("Validity of the new certificate (default 365)."),
                    QStringLiteral("N"), QStringLiteral("365")});
    line.addOption({QStringLiteral("yes"), QStringLiteral("Confirm --drop-old-ca.")});
    if (const std::optional<int> stop = line.parse(args))
        return *stop;
    bool daysOk = false;
    const int days = line.value(QStringLiteral("days")).toInt(&daysOk);
    if (!daysOk)
        return line.usageError(QStringLiteral("--days needs a number of days."));
    ops::OperationRequest request;
    request.kind = ops::OperationKind::RotateCertificates;
    request.renewCa = line.isSet(QStringLiteral("ca"));
    request.dropOldCas = line.isSet(QStringLiteral("drop-old-ca"));
    request.reloadOnly = line.isSet(QStringLiteral("reload"));
    request.certificateDays = days;
    request.confirmed = line.isSet(QStringLiteral("yes"));
    return runKubeOperation(line, request);
}

} // namespace rcs::cli
