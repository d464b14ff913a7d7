#include "cluster_views.h"

#include "redis/cluster_info_parser.h"
#include "redis/cluster_nodes_parser.h"

namespace rcs::test {

QString nodeId(int i)
{
    return QString(39, QLatin1Char('a' + i)) + QString::number(i);
}

QList<Spec> sixNodes()
{
    return {
        {nodeId(0), QStringLiteral("10.0.0.1"), -1, QStringLiteral("0-5460")},
        {nodeId(1), QStringLiteral("10.0.0.2"), -1, QStringLiteral("5461-10922")},
        {nodeId(2), QStringLiteral("10.0.0.3"), -1, QStringLiteral("10923-16383")},
        {nodeId(3), QStringLiteral("10.0.0.4"), 0, QString()},
        {nodeId(4), QStringLiteral("10.0.0.5"), 1, QString()},
        {nodeId(5), QStringLiteral("10.0.0.6"), 2, QString()},
    };
}

QByteArray nodesText(const QList<Spec> &specs, int self, const ViewOptions &options)
{
    QStringList lines;
    for (int i = 0; i < specs.size(); ++i) {
        const Spec &spec = specs.at(i);
        QString flags = spec.master < 0 ? QStringLiteral("master") : QStringLiteral("slave");
        if (i == self)
            flags = QStringLiteral("myself,") + flags;
        if (options.extraFlags.contains(i))
            flags += QLatin1Char(',') + options.extraFlags.value(i);
        const QString ip = options.seenIp.value(i, spec.ip);
        const QString link =
            options.disconnected.contains(i) ? QStringLiteral("disconnected") : QStringLiteral("connected");
        const QString slotText = options.slotsOverride.value(i, spec.slotText);
        lines.append(
            QStringLiteral("%1 %2:6379@16379 %3 %4 0 1700000000000 %5 %6 %7 %8")
                .arg(spec.id, ip, flags, spec.master < 0 ? QStringLiteral("-") : specs.at(spec.master).id)
                .arg(i + 1)
                .arg(link, slotText, options.tail.value(i))
                .trimmed());
    }
    lines += options.extraLines;
    return lines.join(QLatin1Char('\n')).toUtf8();
}

NodeView view(const QList<Spec> &specs, int self, const ViewOptions &options, const char *state)
{
    NodeView v;
    v.address = NodeAddress{specs.at(self).ip, 6379};
    v.reachable = true;
    const auto nodes = parseClusterNodes(nodesText(specs, self, options));
    const auto info =
        parseClusterInfo(QByteArray("cluster_state:") + state + "\r\ncluster_known_nodes:6\r\n");
    // A view the parsers refuse is a mistake in the test itself.
    if (!nodes || !info)
        qFatal("Bad test view: %s", qPrintable(nodes ? info.error().message() : nodes.error().message()));
    v.nodes = *nodes;
    v.info = *info;
    v.serverInfo =
        parseInfoFields(options.serverInfo + "used_memory:" + QByteArray::number(1000 + self) +
                        "\r\ndb0:keys=" + QByteArray::number(10 * self) + ",expires=0,avg_ttl=0\r\n");
    if (const Result<ServerIdentity> server = serverIdentityFromInfo(v.serverInfo))
        v.server = server.value();
    return v;
}

QList<NodeView> restartedWithNewIps(QList<Spec> &specs, const QStringList &newIps)
{
    const QList<Spec> before = specs;
    for (int i = 0; i < specs.size(); ++i)
        specs[i].ip = newIps.at(i);
    QList<NodeView> views;
    for (int i = 0; i < specs.size(); ++i) {
        ViewOptions options;
        for (int j = 0; j < specs.size(); ++j) {
            options.seenIp.insert(j, before.at(j).ip);
            if (j != i) {
                options.extraFlags.insert(j, QStringLiteral("fail"));
                options.disconnected.append(j);
            }
        }
        views.append(view(specs, i, options, "fail"));
    }
    return views;
}

NodeView unreachable(const QString &ip)
{
    NodeView v;
    v.address = NodeAddress{ip, 6379};
    v.error = QStringLiteral("Connection refused");
    return v;
}

} // namespace rcs::test
