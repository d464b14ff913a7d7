#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace rcs {

// What a console command does that must be confirmed first, as one sentence ("FLUSHALL deletes every
// key of the node it runs on …"), or an empty string for a command that runs without confirmation.
// The commands that ask: FLUSHALL, FLUSHDB, CLUSTER RESET, SHUTDOWN, DEBUG (any subcommand: several
// crash, freeze or rewrite the node) and KEYS (blocks the server while it walks every key); names
// are matched case-insensitively. clusterMode: the command is routed to a master, so the sentence
// says that its replicas follow.
QString destructiveEffect(const QList<QByteArray> &argv, bool clusterMode);

// The index in argv of the command's first key, or -1 when the command has none the console knows of.
// The console routes the command to the master owning that key's slot (a MOVED would also bring it
// there, one round trip later). Known: the commands whose first argument is a key (GET, SET, HSET, …),
// EVAL/EVALSHA/FCALL with at least one key (argument 3), OBJECT/MEMORY USAGE (argument 2), XREAD and
// XREADGROUP (the first key after STREAMS).
int firstKeyIndex(const QList<QByteArray> &argv);

} // namespace rcs
