#pragma once

#include "certificate_rotation.h"
#include "workflow.h"

#include <QHash>
#include <QJsonObject>

namespace rcs {

// rotate-certificates: renews the servers' certificate (and the CA when asked) and has every node load
// it live (CONFIG SET tls-cert-file, which reloads certificate, key and CA files; no restart, no link
// dropped: links made before keep their session). Each phase writes the TLS Secret, waits until the
// kubelet has updated the pods' files and every node serves the phase's certificate to a fresh
// handshake, and only then starts the next (certificate_rotation.h says why in that order).
// A deployment whose certificates come from the user's own Secret (no CA key with the studio) can only
// be reloaded (setReloadOnly): the user puts the new files into the Secret, the studio makes every node
// serve them.
class RotateCertificatesWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit RotateCertificatesWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setOptions(const RotationOptions &options) { m_options = options; }
    void setReloadOnly(bool reloadOnly) { m_reloadOnly = reloadOnly; }
    // Dropping CAs from ca.crt (RotationOptions::dropOldCas) needs it: unconfirmed, that run lists the
    // plan and changes nothing.
    void setConfirmed(bool confirmed) { m_confirmed = confirmed; }
    // How long the nodes may take to serve a phase's certificate (the kubelet's Secret sync); default 3 min.
    void setReloadTimeout(int ms) { m_reloadTimeoutMs = ms; }

protected:
    void doStart() override;

private:
    struct Node {
        NodeAddress address;
        QString pod;
    };
    void readSecrets(const QList<Node> &nodes);
    void planAndRun(const QList<Node> &nodes, const TlsMaterial &current, const QJsonObject &caSecret);
    void runPhase(const QList<Node> &nodes, qsizetype index);
    void reloadAll(const QList<Node> &nodes, const QByteArray &certificatePem, const QString &step,
                   std::function<void()> next);
    void reloadNode(const Node &node, const QSslCertificate &expected, const QString &step,
                    QDeadlineTimer deadline, std::shared_ptr<int> waiting, std::function<void()> next);
    void writeSecret(const QJsonObject &known, const QJsonObject &data, const QString &step,
                     std::function<void()> next);
    void trustForPhase(const TlsMaterial &material);
    void finish();

    RotationOptions m_options;
    bool m_reloadOnly = false;
    bool m_confirmed = false;
    int m_reloadTimeoutMs = 180000;
    QString m_tlsSecret;
    QString m_caSecret;
    QJsonObject m_tlsSecretObject;
    QJsonObject m_caSecretObject;
    RotationPlan m_plan;
    QHash<NodeAddress, QString> m_certFiles; // tls-cert-file of each node, as CONFIG GET gives it
    int m_reloadTotal = 0;
    QByteArray m_trusted; // every CA the studio trusts during the run (old and new)
};

} // namespace rcs
