#pragma once

#include "common/job.h"
#include "kube_resources.h"

#include <QPointer>
#include <QStringList>

namespace rcs {

class KubeClient;

// Deletes every object of a kind that matches a label selector: LIST, then one DELETE per item, the
// way `kubectl delete pvc -l app=redis` does (deletecollection is not granted everywhere).
class KubeRemoveByLabelJob final : public Job {
    Q_OBJECT
public:
    KubeRemoveByLabelJob(KubeClient *client, KubeObjectRef collection, QString labelSelector,
                         QObject *parent = nullptr);
    QStringList removedNames() const { return m_removed; }

protected:
    void doStart() override;

private:
    void removeNext();

    QPointer<KubeClient> m_client;
    KubeObjectRef m_collection;
    QString m_selector;
    QStringList m_pending;
    QStringList m_removed;
};

// Deletes a namespace and waits until the API no longer returns it (the namespace controller first
// deletes its contents). Bound it with setTimeout().
class KubeNamespaceRemoveJob final : public Job {
    Q_OBJECT
public:
    KubeNamespaceRemoveJob(KubeClient *client, QString name, QObject *parent = nullptr);

protected:
    void doStart() override;

private:
    void poll();

    QPointer<KubeClient> m_client;
    QString m_name;
};

} // namespace rcs
