#include "cluster_node.h"

namespace rcs {

QString nodeFlagsToString(NodeFlags flags)
{
    static const struct {
        NodeFlag flag;
        const char *name;
    } table[] = {
        {NodeFlag::Myself, "myself"}, {NodeFlag::Master, "master"},
        {NodeFlag::Replica, "slave"}, {NodeFlag::PFail, "fail?"},
        {NodeFlag::Fail, "fail"},     {NodeFlag::Handshake, "handshake"},
        {NodeFlag::NoAddr, "noaddr"}, {NodeFlag::NoFailover, "nofailover"},
    };
    QStringList names;
    for (const auto &entry : table) {
        if (flags.testFlag(entry.flag))
            names.append(QLatin1String(entry.name));
    }
    return names.isEmpty() ? QStringLiteral("noflags") : names.join(QLatin1Char(','));
}

} // namespace rcs
