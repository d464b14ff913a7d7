#include "rotate_certificates_workflow.h"

#include "common/logger.h"
#include "kube/kube_client.h"
#include "kube/kube_request.h"
#include "kube/manifest_set.h"
#include "kube_session.h"
#include "redis/redis_cli_line.h"
#include "redis/redis_pool.h"
#include "redis/served_certificate.h"
#include "upgrade_config.h"

#include <QTimer>

namespace rcs {

namespace {
constexpr int kReloadRetryMs = 1000;

} // namespace

RotateCertificatesWorkflow::RotateCertificatesWorkflow(KubeSession *session, QObject *parent)
    : Workflow(session, parent)
{
    setTitle(tr("Rotate the certificates"));
}

void RotateCertificatesWorkflow::doStart()
{
    scanReadyPods(
        tr("no certificate to rotate."), NextStep::Deploy,
        [this](const Deployment &, const QList<NodeAddress> &addresses, const ClusterTopology &topology) {
            // inspect() read the StatefulSet and set the session's TLS from the Secret its pods mount.
            m_tlsSecret = session()->tlsSecretName();
            if (m_tlsSecret.isEmpty()) {
                fail(ErrorCode::Refused,
                     tr("%1 does not use TLS (its pods mount no certificate at %2): there is no certificate "
                        "to rotate. Deploy with --tls to use TLS.")
                         .arg(session()->target().statefulSet, QLatin1String(ManifestSet::kTlsMountPath)));
                return;
            }
            QList<Node> nodes;
            for (const NodeAddress &address : addresses) {
                const TopologyNode *node = topology.nodeAt(address);
                nodes.append({address, node && node->pod ? node->pod->name : address.toString()});
            }
            readSecrets(nodes);
        });
}

void RotateCertificatesWorkflow::readSecrets(const QList<Node> &nodes)
{
    const QString ns = session()->ns();
    const QString statefulSet = session()->target().statefulSet;
    m_caSecret = ManifestSet::tlsCaSecretName(statefulSet);
    const KubeObjectRef tlsRef{QStringLiteral("v1"), QStringLiteral("Secret"), ns, m_tlsSecret};
    runStep(tr("Reading Secret %1").arg(m_tlsSecret), session()->client()->get(tlsRef), [=, this](Job *job) {
        m_tlsSecretObject = static_cast<KubeRequest *>(job)->object();
        const TlsMaterial current{ManifestSet::secretValue(m_tlsSecretObject, QStringLiteral("ca.crt")),
                                  ManifestSet::secretValue(m_tlsSecretObject, QStringLiteral("tls.crt")),
                                  ManifestSet::secretValue(m_tlsSecretObject, QStringLiteral("tls.key"))};
        Logger::instance().addSecretValue(current.keyPem);
        m_trusted = current.caBundlePem;
        if (m_reloadOnly) {
            // The user's files, as they are: every node is made to serve the Secret's certificate.
            m_plan = RotationPlan{};
            m_plan.phases.append({RotationPhase::Kind::Reissue, current});
            trustForPhase(current);
            reloadAll(nodes, current.certificatePem,
                      tr("Loading the certificate of Secret %1 on every node").arg(m_tlsSecret),
                      [this] { finish(); });
            return;
        }
        const KubeObjectRef caRef{QStringLiteral("v1"), QStringLiteral("Secret"), ns, m_caSecret};
        runStep(tr("Reading Secret %1").arg(m_caSecret), allowNotFound(session()->client()->get(caRef)),
                [=, this](Job *job) {
                    auto *request = static_cast<KubeRequest *>(job);
                    if (request->httpStatus() == 404 ||
                        m_tlsSecret != ManifestSet::tlsSecretName(statefulSet)) {
                        fail(ErrorCode::Refused,
                             tr("The certificates of %1 come from Secret %2 and the studio holds no key of "
                                "their CA (Secret %3), so it cannot sign new ones. Put the new ca.crt, "
                                "tls.crt and tls.key into %2, then run rotate-certificates --reload: every "
                                "node loads them live. Nothing was changed.")
                                 .arg(statefulSet, m_tlsSecret, m_caSecret));
                        return;
                    }
                    m_caSecretObject = request->object();
                    planAndRun(nodes, current, m_caSecretObject);
                });
    });
}

void RotateCertificatesWorkflow::planAndRun(const QList<Node> &nodes, const TlsMaterial &current,
                                            const QJsonObject &caSecret)
{
    const SigningAuthority authority{ManifestSet::secretValue(caSecret, QStringLiteral("ca.crt")),
                                     ManifestSet::secretValue(caSecret, QStringLiteral("ca.key"))};
    Logger::instance().addSecretValue(authority.keyPem);
    Result<RotationPlan> plan = planCertificateRotation(current, authority, m_options);
    if (!plan) {
        fail(plan.error());
        return;
    }
    m_plan = *plan;
    for (const RotationPhase &phase : std::as_const(m_plan.phases))
        Logger::instance().addSecretValue(phase.material.keyPem);
    if (m_plan.newAuthority)
        Logger::instance().addSecretValue(m_plan.newAuthority->keyPem);
    for (const QString &warning : std::as_const(m_plan.warnings))
        Logger::instance().warning(QStringLiteral("tls"), warning);

    QStringList steps;
    for (const RotationPhase &phase : std::as_const(m_plan.phases))
        steps << describePhase(phase);
    if (m_plan.newAuthority)
        steps << tr("the new CA's key is kept in Secret %1").arg(m_caSecret);
    const bool drops = !m_plan.droppedCas.isEmpty();
    const QString wouldDo =
        drops ? tr("stop trusting %1 (clients whose certificates they signed are refused from then on); %2")
                    .arg(m_plan.droppedCas.join(QLatin1String("; ")), steps.join(QLatin1String("; then ")))
              : steps.join(QLatin1String("; then "));
    const auto logCommands = [this, nodes] {
        KubeRequest *request = session()->client()->apply(QJsonObject{
            {QStringLiteral("apiVersion"), QStringLiteral("v1")},
            {QStringLiteral("kind"), QStringLiteral("Secret")},
            {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), m_tlsSecret},
                                                     {QStringLiteral("namespace"), session()->ns()}}}});
        const QString line = request->spec().equivalentCommand;
        request->deleteLater();
        for (const RotationPhase &phase : std::as_const(m_plan.phases)) {
            // The step that takes trust away names whom (what a confirmation shows before the yes).
            const bool drop = phase.kind == RotationPhase::Kind::Drop && !m_plan.droppedCas.isEmpty();
            logCommand(QStringLiteral("kube"),
                       drop ? tr("Write the certificates: %1; no longer trusted: %2")
                                  .arg(describePhase(phase), m_plan.droppedCas.join(QLatin1String("; ")))
                            : tr("Write the certificates: %1").arg(describePhase(phase)),
                       line);
            for (const Node &node : nodes)
                logCommand(QStringLiteral("redis"), tr("Load them live on %1").arg(node.pod),
                           redisCliLine(session()->pool(), node.address,
                                        QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                                    QStringLiteral("tls-cert-file"),
                                                    QStringLiteral("<its tls-cert-file>")}));
        }
    };
    // Renewing replaces one certificate by another the same clients accept; only dropping a CA takes
    // trust away from someone, and that needs the user's yes.
    if (!proceedIfConfirmed(m_confirmed || !drops, wouldDo,
                            tr("Nothing was changed (dry run): %1.").arg(wouldDo), logCommands))
        return;
    runPhase(nodes, 0);
}

void RotateCertificatesWorkflow::runPhase(const QList<Node> &nodes, qsizetype index)
{
    if (ended())
        return;
    if (index >= m_plan.phases.size()) {
        if (!m_plan.newAuthority) {
            finish();
            return;
        }
        QJsonObject data = m_caSecretObject.value(QLatin1String("data")).toObject();
        data.insert(QStringLiteral("ca.crt"),
                    QString::fromLatin1(m_plan.newAuthority->certificatePem.toBase64()));
        data.insert(QStringLiteral("ca.key"), QString::fromLatin1(m_plan.newAuthority->keyPem.toBase64()));
        writeSecret(m_caSecretObject, data, tr("Keeping the new CA in Secret %1").arg(m_caSecret),
                    [this] { finish(); });
        return;
    }
    const RotationPhase phase = m_plan.phases.at(index);
    const QString counter = m_plan.phases.size() > 1
                                ? tr(" (step %1 of %2)").arg(index + 1).arg(m_plan.phases.size())
                                : QString();
    QJsonObject data = m_tlsSecretObject.value(QLatin1String("data")).toObject();
    data.insert(QStringLiteral("ca.crt"), QString::fromLatin1(phase.material.caBundlePem.toBase64()));
    data.insert(QStringLiteral("tls.crt"), QString::fromLatin1(phase.material.certificatePem.toBase64()));
    data.insert(QStringLiteral("tls.key"), QString::fromLatin1(phase.material.keyPem.toBase64()));
    info(describePhase(phase) + counter);
    writeSecret(m_tlsSecretObject, data,
                tr("Writing the new certificates into Secret %1%2").arg(m_tlsSecret, counter),
                [this, nodes, index, phase, counter] {
                    trustForPhase(phase.material);
                    reloadAll(nodes, phase.material.certificatePem,
                              tr("Loading the new certificate on every node%1").arg(counter),
                              [this, nodes, index] { runPhase(nodes, index + 1); });
                });
}

void RotateCertificatesWorkflow::writeSecret(const QJsonObject &known, const QJsonObject &data,
                                             const QString &step, std::function<void()> next)
{
    // Server-side apply drops the fields this manager set before and leaves out now: keep the labels
    // and annotations the deploy gave the Secret.
    const QJsonObject metadata = known.value(QLatin1String("metadata")).toObject();
    QJsonObject kept{{QStringLiteral("name"), metadata.value(QLatin1String("name"))},
                     {QStringLiteral("namespace"), metadata.value(QLatin1String("namespace"))}};
    for (const char *field : {"labels", "annotations"}) {
        if (metadata.contains(QLatin1String(field)))
            kept.insert(QLatin1String(field), metadata.value(QLatin1String(field)));
    }
    QJsonObject object{{QStringLiteral("apiVersion"), QStringLiteral("v1")},
                       {QStringLiteral("kind"), QStringLiteral("Secret")},
                       {QStringLiteral("metadata"), kept},
                       {QStringLiteral("data"), data}};
    if (known.contains(QLatin1String("type")))
        object.insert(QStringLiteral("type"), known.value(QLatin1String("type")));
    runStep(step, session()->client()->apply(object), [next](Job *) { next(); });
}

void RotateCertificatesWorkflow::trustForPhase(const TlsMaterial &material)
{
    // The studio trusts the old and the new CAs until the run ends: nodes not reloaded yet still
    // serve the old certificate. Its client certificate (when the servers demand one) is the new one,
    // which every node accepts at this point of the rotation.
    m_trusted = mergedBundle(m_trusted, material.caBundlePem);
    RedisConnectionOptions options = session()->pool()->options();
    options.tls.caCertificates = m_trusted;
    options.tls.caFile.clear();
    if (!options.tls.clientCertificate.isEmpty() || !options.tls.clientCertificateFile.isEmpty()) {
        options.tls.clientCertificate = material.certificatePem;
        options.tls.clientKey = material.keyPem;
        options.tls.clientCertificateFile.clear();
        options.tls.clientKeyFile.clear();
    }
    session()->pool()->setOptions(options);
}

void RotateCertificatesWorkflow::reloadAll(const QList<Node> &nodes, const QByteArray &certificatePem,
                                           const QString &step, std::function<void()> next)
{
    setStep(step);
    const QList<QSslCertificate> expected = certificatesOf(certificatePem);
    if (expected.isEmpty()) {
        fail(ErrorCode::InvalidInput,
             tr("Secret %1 holds no readable tls.crt: there is no certificate to load.").arg(m_tlsSecret));
        return;
    }
    auto waiting = std::make_shared<int>(int(nodes.size()));
    const QDeadlineTimer deadline(m_reloadTimeoutMs);
    m_reloadTotal = int(nodes.size());
    setProgress(0, m_reloadTotal);
    for (const Node &node : nodes)
        reloadNode(node, expected.constFirst(), step, deadline, waiting, next);
}

void RotateCertificatesWorkflow::reloadNode(const Node &node, const QSslCertificate &expected,
                                            const QString &step, QDeadlineTimer deadline,
                                            std::shared_ptr<int> waiting, std::function<void()> next)
{
    if (ended())
        return;
    RedisPool *pool = session()->pool();
    const auto retry = [=, this](const QString &problem) {
        if (deadline.hasExpired()) {
            fail(ErrorCode::Timeout,
                 tr("%1: %2 does not serve the new certificate after %3 s: %4. Secret %5 holds it; once the "
                    "pod sees the new files, run rotate-certificates --reload.")
                     .arg(step, node.pod)
                     .arg(m_reloadTimeoutMs / 1000)
                     .arg(problem, m_tlsSecret));
            return;
        }
        QTimer::singleShot(kReloadRetryMs, this,
                           [=, this] { reloadNode(node, expected, step, deadline, waiting, next); });
    };
    if (!m_certFiles.contains(node.address)) {
        pool->command(node.address, {"CONFIG", "GET", "tls-cert-file"}, this,
                      [=, this](Result<RedisReply> reply) {
                          if (ended())
                              return;
                          if (!reply) {
                              retry(reply.error().message());
                              return;
                          }
                          const QString path =
                              configGetValue(*reply, QStringLiteral("tls-cert-file")).value_or(QString());
                          if (path.isEmpty()) {
                              fail(ErrorCode::Refused,
                                   tr("%1 has no tls-cert-file: it does not serve TLS, so it cannot load a "
                                      "certificate. Check its redis.conf (ConfigMap).")
                                       .arg(node.pod));
                              return;
                          }
                          m_certFiles.insert(node.address, path);
                          logCommand(QStringLiteral("redis"),
                                     tr("Load the certificate files again on %1").arg(node.pod),
                                     redisCliLine(pool, node.address,
                                                  QStringList{QStringLiteral("CONFIG"), QStringLiteral("SET"),
                                                              QStringLiteral("tls-cert-file"), path}));
                          reloadNode(node, expected, step, deadline, waiting, next);
                      });
        return;
    }
    // Setting tls-cert-file, even to the value it has, reloads the certificate, key and CA files (6.2
    // applies every CONFIG SET; 7.0 and Valkey mark the TLS files volatile for this purpose). While the
    // kubelet has not written the new files it reloads the old ones: the served certificate tells.
    const QString path = m_certFiles.value(node.address);
    pool->command(node.address, {"CONFIG", "SET", "tls-cert-file", path.toUtf8()}, this,
                  [=, this](Result<RedisReply> reply) {
                      if (ended())
                          return;
                      const QString setProblem = reply ? QString() : reply.error().message();
                      fetchServedCertificate(
                          pool, node.address, this, [=, this](Result<QSslCertificate> served) {
                              if (ended())
                                  return;
                              if (served && sameCertificate(*served, expected)) {
                                  --*waiting;
                                  setProgress(m_reloadTotal - *waiting, m_reloadTotal);
                                  info(tr("%1 serves the new certificate.").arg(node.pod));
                                  if (*waiting == 0)
                                      next();
                                  return;
                              }
                              if (!served)
                                  retry(served.error().message());
                              else if (!setProblem.isEmpty())
                                  retry(setProblem);
                              else
                                  retry(tr("it still serves %1 (the kubelet has not written the Secret's new "
                                           "files into the pod yet)")
                                            .arg(describeCertificate(*served)));
                          });
                  });
}

void RotateCertificatesWorkflow::finish()
{
    const QList<QSslCertificate> served = certificatesOf(
        m_plan.phases.isEmpty() ? QByteArray() : m_plan.phases.constLast().material.certificatePem);
    if (m_reloadOnly)
        addResult(
            tr("Every node serves the certificate of Secret %1 (%2).")
                .arg(m_tlsSecret, served.isEmpty() ? QString() : describeCertificate(served.constFirst())));
    else
        addResult(tr("Every node serves the new certificate (%1), loaded live: no restart.")
                      .arg(served.isEmpty() ? QString() : describeCertificate(served.constFirst())));
    if (m_plan.newAuthority && m_plan.droppedCas.isEmpty()) {
        const QList<QSslCertificate> ca = certificatesOf(m_plan.newAuthority->certificatePem);
        addResult(
            tr("A new CA signs it (%1); ca.crt of Secret %2 holds the old CA too, so clients that trust "
               "only the old one keep working. Give your clients the new ca.crt, then run "
               "rotate-certificates --drop-old-ca --yes.")
                .arg(ca.isEmpty() ? QString() : describeCertificate(ca.constFirst()), m_tlsSecret));
    }
    if (!m_plan.droppedCas.isEmpty())
        addResult(tr("No longer trusted: %1.").arg(m_plan.droppedCas.join(QLatin1String("; "))));
    succeed();
}

} // namespace rcs
