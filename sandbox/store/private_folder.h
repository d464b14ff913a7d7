#pragma once

#include <QString>

namespace sandbox {

// The data folder holds every Secret (state.json), the CA key, the admin token and the pods'
// volumes, so it is kept as private as etcd's and the kubelet's: folders 0700, files 0600 (an
// executable file keeps its owner's execute bit). makeDataFolderPrivate() sets the process umask
// to 077, so that everything created from now on — also by the pods' redis-server processes, which
// inherit it — is private, and tightens what an earlier run or another tool left more open.
// Returns an empty string on success, else a sentence naming the path it could not change.
QString makeDataFolderPrivate(const QString &root);

} // namespace sandbox
