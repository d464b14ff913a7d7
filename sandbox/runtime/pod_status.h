#pragma once

#include <QJsonObject>
#include <QString>

namespace sandbox {

class PodProcess;

// Inputs for a pod's status besides its process.
struct PodStatusInput {
    QString nodeName;             // empty: not scheduled
    QString unschedulableMessage; // set when scheduling failed
    QString configError;          // set when the container could not be created (missing ConfigMap …)
    QString startTime;            // when the pod got its sandbox (ISO 8601)
};

// The status object a kubelet would report. Conditions keep their lastTransitionTime from previous
// while their status does not change, so building the same state twice gives the same JSON (the
// runtime writes a status only when it differs).
QJsonObject buildPodStatus(const QJsonObject &pod, const PodStatusInput &input, const PodProcess *process,
                           const QJsonObject &previous);

} // namespace sandbox
