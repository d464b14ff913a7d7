#pragma once

#include "kube/manifest_set.h"
#include "workflow.h"

#include <QJsonObject>

namespace rcs {

// Renders the manifests (namespace, ConfigMap, Services, StatefulSet, optional password and TLS
// Secrets; the TLS certificates made or read first, see deploy_tls.h) with
// the parameters, applies them server-side with force, and follows the pods until every one is Ready.
// A pod that does not get there is explained from its status (unschedulable / no storage class, image
// pull error, crash loop with the last lines of its termination message); the wait is bounded by
// podTimeout(). Dry run: renders and logs the kubectl commands, applies nothing.
class DeployWorkflow final : public Workflow {
    Q_OBJECT
public:
    DeployWorkflow(KubeSession *session, ManifestParameters parameters, QObject *parent = nullptr);

    // The deployment's plan: the apply line of every object the parameters render to, in order. What a
    // dry run logs and what the studio's review shows before anything is applied, made here once.
    // Errors: the manifests' (a folder that cannot be read, a template that does not render).
    static Result<QList<EquivalentCommand>> plan(const ManifestParameters &parameters,
                                                 const QString &manifestDirectory = {});

    // A folder of *.yaml manifests instead of the embedded ones.
    void setManifestDirectory(const QString &path) { m_manifestDirectory = path; }
    // The rendered objects as YAML (Secret values hidden), once rendered.
    QString renderedYaml() const { return m_yaml; }
    const Deployment &deployment() const { return m_deployment; }

protected:
    void doStart() override;

private:
    void render();
    void applyNext(int index);
    static EquivalentCommand applyCommand(const QJsonObject &object, const QString &tlsSummary);

    ManifestParameters m_parameters;
    QString m_manifestDirectory;
    QList<QJsonObject> m_objects;
    QString m_yaml;
    QString m_tlsSummary;
    bool m_keepsCaSecret = false; // TLS: the Secrets of an earlier deploy are reused
    Deployment m_deployment;
};

} // namespace rcs
