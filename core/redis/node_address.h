#pragma once

#include "common/result.h"

#include <QList>
#include <QString>

namespace rcs {

// A Redis node's address as the cluster bus and clients know it: an IP (or host name) and a port.
struct NodeAddress {
    QString host;
    quint16 port = 6379;

    bool isValid() const { return !host.isEmpty() && port != 0; }
    // "10.244.1.5:6379"; IPv6 hosts are bracketed: "[::1]:6379".
    QString toString() const;
    friend bool operator==(const NodeAddress &, const NodeAddress &) = default;

    // Accepts "host", "host:port", "[v6]:port" and a bare IPv6 address; the port defaults to 6379.
    static Result<NodeAddress> parse(const QString &text);
    // A comma-separated list, as given to --nodes; empty items are an error.
    static Result<QList<NodeAddress>> parseList(const QString &text);
};

size_t qHash(const NodeAddress &address, size_t seed = 0);

} // namespace rcs
