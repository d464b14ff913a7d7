#pragma once

#include "common/result.h"
#include "redis/node_address.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rcs {
class RedisReply;
}

namespace rcs::observe {

// One entry of SLOWLOG GET (Redis 4.0+ adds the client's address and name; 5.0 has them).
struct SlowLogEntry {
    qint64 id = 0;
    qint64 timeUnix = 0; // seconds
    qint64 durationUs = 0;
    QList<QByteArray> arguments; // as the server logged them (it already cuts them at 32 and 128 bytes)
    QString client;
    QString clientName;
};

// One event of LATENCY LATEST: the latest and the highest latency the monitor saw (in milliseconds; only
// recorded when latency-monitor-threshold is set on the node).
struct LatencyEvent {
    QString event;
    qint64 timeUnix = 0;
    qint64 latestMs = 0;
    qint64 maxMs = 0;
};

// Error (Protocol): the reply is not an array of entries of the documented shape.
Result<QList<SlowLogEntry>> parseSlowLog(const RedisReply &reply);
Result<QList<LatencyEvent>> parseLatencyLatest(const RedisReply &reply);

// A command as it may be shown: the arguments that carry a secret replaced by "(redacted)" — every
// argument after AUTH; after HELLO's AUTH (user and password); after MIGRATE's AUTH or AUTH2; after
// ACL SETUSER's user name (its rules hold passwords and hashes); CONFIG SET of requirepass, masterauth,
// masteruser or tls-key-file-pass (their values) — then each argument cut to maxArgumentChars and the
// list to maxArguments (the rest said as "… (N more)"). Arguments that are not valid UTF-8 print
// escaped. This is the only place the slow log's arguments are turned into text.
QString displayCommand(const QList<QByteArray> &arguments, int maxArguments = 12, int maxArgumentChars = 40);

// The redaction alone (same rules): the arguments with the secret ones replaced.
QList<QByteArray> redactArguments(const QList<QByteArray> &arguments);

// A merged row: a slow-log entry or a latency event of one node.
struct SlowLogRow {
    qint64 timeUnix = 0;
    NodeAddress node;
    QString pod; // Kubernetes: the node's pod; empty elsewhere
    qint64 durationUs = 0;
    QString command; // displayCommand(), or "latency: EVENT (max N ms)"
    bool isLatencyEvent = false;
};

// The rows of every node, newest first (then by node, for a stable order).
QList<SlowLogRow> mergeSlowLogRows(QList<SlowLogRow> rows);

} // namespace rcs::observe
