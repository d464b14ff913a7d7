#include "runtime/simulated_nodes.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>

namespace sandbox {

SimulatedNodes::SimulatedNodes(int count)
    : m_createdAt(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
    , m_readySince(m_createdAt)
{
    for (int i = 1; i <= count; ++i)
        m_names.append(QStringLiteral("sandbox-node-%1").arg(i));
}

QStringList SimulatedNodes::readyNames() const
{
    QStringList ready;
    for (const QString &name : m_names) {
        if (!m_failed.contains(name))
            ready.append(name);
    }
    return ready;
}

void SimulatedNodes::setFailed(const QString &name, bool failed)
{
    if (failed)
        m_failed.insert(name);
    else
        m_failed.remove(name);
}

QList<QJsonObject> SimulatedNodes::objects() const
{
    QList<QJsonObject> result;
    for (const QString &name : m_names)
        result.append(object(name));
    return result;
}

QJsonObject SimulatedNodes::object(const QString &name) const
{
    if (!contains(name))
        return {};
    const bool ready = !m_failed.contains(name);
    // A stable uid per name, so clients that cache nodes by uid see the same node across restarts.
    const QByteArray hash = QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Md5).toHex();
    const QString uid = QString::fromLatin1(hash.left(8) + '-' + hash.mid(8, 4) + '-' + hash.mid(12, 4) +
                                            '-' + hash.mid(16, 4) + '-' + hash.mid(20, 12));
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QJsonObject readyCondition{
        {QStringLiteral("type"), QStringLiteral("Ready")},
        {QStringLiteral("status"), ready ? QStringLiteral("True") : QStringLiteral("Unknown")},
        {QStringLiteral("reason"),
         ready ? QStringLiteral("KubeletReady") : QStringLiteral("NodeStatusUnknown")},
        {QStringLiteral("message"), ready ? QStringLiteral("kubelet is posting ready status")
                                          : QStringLiteral("Kubelet stopped posting node status (failed by "
                                                           "kube-sandbox).")},
        {QStringLiteral("lastHeartbeatTime"), now},
        {QStringLiteral("lastTransitionTime"), m_readySince},
    };
    const QJsonObject resources{{QStringLiteral("cpu"), QStringLiteral("2")},
                                {QStringLiteral("memory"), QStringLiteral("8Gi")},
                                {QStringLiteral("pods"), QStringLiteral("110")}};
    QJsonObject spec;
    if (!ready) {
        spec.insert(
            QStringLiteral("taints"),
            QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("node.kubernetes.io/unreachable")},
                                   {QStringLiteral("effect"), QStringLiteral("NoExecute")}}});
    }
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("Node")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("name"), name},
             {QStringLiteral("uid"), uid},
             {QStringLiteral("resourceVersion"), QStringLiteral("1")},
             {QStringLiteral("creationTimestamp"), m_createdAt},
             {QStringLiteral("labels"),
              QJsonObject{{QStringLiteral("kubernetes.io/hostname"), name},
                          {QStringLiteral("kubernetes.io/os"), QStringLiteral("linux")},
                          {QStringLiteral("kubernetes.io/arch"), QStringLiteral("amd64")},
                          {QStringLiteral("topology.kubernetes.io/zone"), QStringLiteral("sandbox")}}}}},
        {QStringLiteral("spec"), spec},
        {QStringLiteral("status"),
         QJsonObject{
             {QStringLiteral("conditions"), QJsonArray{readyCondition}},
             {QStringLiteral("addresses"),
              QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("InternalIP")},
                                     {QStringLiteral("address"), QStringLiteral("127.0.0.1")}},
                         QJsonObject{{QStringLiteral("type"), QStringLiteral("Hostname")},
                                     {QStringLiteral("address"), name}}}},
             {QStringLiteral("capacity"), resources},
             {QStringLiteral("allocatable"), resources},
             {QStringLiteral("nodeInfo"),
              QJsonObject{{QStringLiteral("kubeletVersion"), QStringLiteral("v1.32.0")},
                          {QStringLiteral("containerRuntimeVersion"), QStringLiteral("kube-sandbox://1")},
                          {QStringLiteral("operatingSystem"), QStringLiteral("linux")},
                          {QStringLiteral("architecture"), QStringLiteral("amd64")},
                          {QStringLiteral("osImage"), QStringLiteral("kube-sandbox")}}}}},
    };
}

} // namespace sandbox
