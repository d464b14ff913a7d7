#pragma once

#include <QStringList>

namespace rcs::cli {

// backup --to FILE [--force]: every master's RDB over SYNC into one archive, on plain endpoints
// (--nodes) or on a StatefulSet's pods (through the tunnels when the pods are not reachable directly).
// backup verify FILE: checks an archive completely (tar, SHA-256s, RDB checksums, slot digests).
// runBackup and runKubeBackup both hand "verify" to the verifier: it needs no target.
int runBackup(const QStringList &args);
int runKubeBackup(const QStringList &args);
// restore --from FILE [--merge] [--replace --yes]: the archive verified, then its keys put back into a
// cluster of any shape (the slot decides the master); both target forms, like backup.
int runRestore(const QStringList &args);
int runKubeRestore(const QStringList &args);

} // namespace rcs::cli
