#pragma once

#include "common/job.h"
#include "support/kube_pod_info.h"

#include <QJsonObject>
#include <QPointer>

namespace rcs {
class KubeClient;
}

namespace rcs::test {

// Test support (tst_kube_sandbox): finds the pods of a StatefulSet the way kubectl does: GET the StatefulSet,
// then LIST pods with its spec.selector.matchLabels. Error behaviour: a missing namespace or StatefulSet
// fails with NotFound and a sentence naming both (deploy first); a StatefulSet without matchLabels fails with
// InvalidInput.
class StatefulSetPodsJob final : public Job {
    Q_OBJECT
public:
    StatefulSetPodsJob(KubeClient *client, QString ns, QString statefulSet, QObject *parent = nullptr);

    QJsonObject statefulSet() const { return m_statefulSet; }
    QString selector() const { return m_selector; }
    int desiredReplicas() const;
    // Sorted by ordinal.
    QList<KubePodInfo> pods() const { return m_pods; }
    QList<QJsonObject> podObjects() const { return m_podObjects; }

protected:
    void doStart() override;

private:
    QPointer<KubeClient> m_client;
    QString m_ns;
    QString m_name;
    QJsonObject m_statefulSet;
    QString m_selector;
    QList<KubePodInfo> m_pods;
    QList<QJsonObject> m_podObjects;
};

} // namespace rcs::test
