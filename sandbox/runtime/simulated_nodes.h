#pragma once

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

namespace sandbox {

// The simulated Kubernetes nodes sandbox-node-1..K. All of them live on this machine (hostIP
// 127.0.0.1); a node can be failed (NotReady: its pods are evicted, nothing is scheduled on it)
// and recovered.
class SimulatedNodes final {
public:
    explicit SimulatedNodes(int count = 3);

    QStringList names() const { return m_names; }
    QStringList readyNames() const;
    bool contains(const QString &name) const { return m_names.contains(name); }
    bool isReady(const QString &name) const { return contains(name) && !m_failed.contains(name); }
    void setFailed(const QString &name, bool failed);

    // Node objects (v1) as the API serves them.
    QList<QJsonObject> objects() const;
    QJsonObject object(const QString &name) const;

private:
    QStringList m_names;
    QSet<QString> m_failed;
    QString m_createdAt;
    QString m_readySince;
};

} // namespace sandbox
