#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace sandbox {

struct ResourceType;

// meta.k8s.io/v1 Table answers for `kubectl get` (columns as the API server prints them; priority 1
// columns appear with -o wide). includeObject: "None", "Metadata" (default) or "Object".
QJsonObject toTable(const ResourceType &type, const QList<QJsonObject> &objects,
                    const QString &resourceVersion, const QString &continueToken,
                    const QString &includeObject);

// kubectl's human duration ("5s", "3m20s", "2d4h").
QString humanDuration(qint64 seconds);

} // namespace sandbox
