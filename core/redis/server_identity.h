#pragma once

#include <QMap>
#include <QString>
#include <QVersionNumber>

namespace rcs {

// Which server a node runs, as its INFO server section tells: Valkey names itself in server_name and
// valkey_version while it keeps redis_version at the Redis version it is compatible with (7.2.4 for
// Valkey 8), so behaviour is decided by this, never by redis_version alone.
struct ServerIdentity {
    QString name; // "redis", "valkey", or what server_name says; empty when INFO was not read
    QVersionNumber version;

    bool isKnown() const { return !name.isEmpty(); }
    bool isValkey() const { return name == QLatin1String("valkey"); }
    // "valkey 8.0.1", "redis 7.0.15", or "unknown server".
    QString toString() const;
    // Valkey 8.0 and later replicate CLUSTER SETSLOT to the master's replicas before applying it and
    // answer only once they acknowledged (valkey-io/valkey#445), waiting at most the command's own
    // TIMEOUT argument (2 s without it) and answering NOREPLICAS when it runs out.
    bool replicatesSetSlot() const;

    friend bool operator==(const ServerIdentity &, const ServerIdentity &) = default;
};

// From INFO fields (parseInfoFields of INFO or INFO server). A node that gave no INFO is unknown; one
// with redis_version but no server_name is Redis (Redis does not print server_name).
ServerIdentity serverIdentityFromInfo(const QMap<QString, QString> &info);

} // namespace rcs
