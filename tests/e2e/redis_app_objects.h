#pragma once

#include "e2e_support.h"
#include "redis/redis_pool.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rcs::test {

// What deploy makes (StatefulSet redis-app in namespace redis-cluster) as the API shows it, for the
// upgrade tests; empty when the API does not answer.
QList<QJsonObject> redisAppPods(E2eSandbox &sandbox);
QJsonObject redisAppStatefulSet(E2eSandbox &sandbox);
// Pod name → uid: a replaced pod has a new one.
QHash<QString, QString> redisAppPodUids(E2eSandbox &sandbox);
// A label of an object ("controller-revision-hash" of a pod: its revision).
QString labelOf(const QJsonObject &object, const char *label);
// The image of the StatefulSet's pod template (its first container).
QString templateImage(const QJsonObject &statefulSet);
// The Secret name of namespace redis-cluster, empty when absent; one decoded value of its data.
QJsonObject secretOf(E2eSandbox &sandbox, const QString &name);
QByteArray secretValue(E2eSandbox &sandbox, const QString &name, const QString &key);
// A client of a `deploy --tls` cluster: TLS trusting only ca.crt of Secret redis-app-tls, its tls.crt and
// tls.key as client certificate, verifying the name of pod redis-app-0 under the headless service (the
// certificate covers every pod by a wildcard, so that name verifies each of them).
RedisConnectionOptions tlsClientOptions(E2eSandbox &sandbox);
// `status --json`'s situation ("healthy", …), or "status failed: " and the run's output.
QString situationOf(const QStringList &target);

} // namespace rcs::test
