#pragma once

#include "kube/kube_resources.h"
#include "workflow.h"

namespace rcs {

// Deletes exactly what deploy created (the StatefulSet, its Services, ConfigMap and password Secret,
// found by rendering the same manifests), waits until the pods are gone, and — only when asked — the
// PersistentVolumeClaims (the data!) and the namespace. Without confirmation it only lists what would
// be deleted and fails with Refused, so that nothing is deleted by accident. Plan only, it finds the
// same list and succeeds without deleting or logging anything: the studio's confirmation shows it.
class CleanupWorkflow final : public Workflow {
    Q_OBJECT
public:
    explicit CleanupWorkflow(KubeSession *session, QObject *parent = nullptr);

    void setDeletePersistentVolumeClaims(bool remove) { m_deletePvcs = remove; }
    void setDeleteNamespace(bool remove) { m_deleteNamespace = remove; }
    void setConfirmed(bool confirmed) { m_confirmed = confirmed; }
    void setManifestDirectory(const QString &path) { m_manifestDirectory = path; }
    // Stop once the plan is known (the same list the unconfirmed run prints), changing nothing.
    void setPlanOnly(bool planOnly) { m_planOnly = planOnly; }
    // "statefulset/redis-app", "secret/…", "pvc/redis-data-redis-app-0 (its data is lost)", … in the
    // order they would be deleted (found before deleting).
    QStringList plannedDeletions() const { return m_planned; }

protected:
    void doStart() override;

private:
    void probeNext(int index);
    void listClaims();
    // The kubectl lines of the deletions (what a dry run or an unconfirmed run shows).
    void logCommands();
    void deleteNext(int index);
    void waitForPodsGone();
    void deleteClaims();
    void deleteNamespace();
    void done();

    bool m_deletePvcs = false;
    bool m_deleteNamespace = false;
    bool m_confirmed = false;
    bool m_planOnly = false;
    QString m_manifestDirectory;
    QString m_selector;
    QList<KubeObjectRef> m_candidates;
    QList<KubeObjectRef> m_existing;
    QStringList m_claims;
    QStringList m_planned;
};

} // namespace rcs
