#pragma once

#include <QJsonObject>

namespace sandbox {

// Kubernetes LabelSelector ({matchLabels, matchExpressions}) evaluated against an object's labels.
// An empty selector matches everything, as in the API.
bool selectorMatches(const QJsonObject &selector, const QJsonObject &labels);

// matchLabels of a selector as a flat map; PVCs from volumeClaimTemplates carry these.
QJsonObject selectorMatchLabels(const QJsonObject &selector);

} // namespace sandbox
