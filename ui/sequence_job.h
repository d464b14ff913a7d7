#pragma once

#include "common/job.h"

#include <QPointer>

#include <functional>

namespace rcs::ui {

// Runs jobs one after another, each made only when its turn comes (so a step can use what the
// previous one produced, e.g. the sandbox's kubeconfig). Steps of the children show as its own steps;
// the first error stops the run; cancel() cancels the running child.
class SequenceJob final : public rcs::Job {
    Q_OBJECT
public:
    // Returns the next job (not started), or nullptr with a sentence in *why.
    using Step = std::function<rcs::Job *(QString *why)>;

    explicit SequenceJob(QList<Step> steps, QObject *parent = nullptr);

protected:
    void doStart() override;
    void doCancel() override;

private:
    void runNext();

    QList<Step> m_steps;
    qsizetype m_next = 0;
    QPointer<rcs::Job> m_current;
};

} // namespace rcs::ui
