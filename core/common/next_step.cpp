#include "next_step.h"

namespace rcs {

namespace {
NextStepPhrasing &installedPhrasing()
{
    static NextStepPhrasing phrasing;
    return phrasing;
}
} // namespace

void setNextStepPhrasing(NextStepPhrasing phrasing)
{
    installedPhrasing() = std::move(phrasing);
}

QString withNextStep(const QString &sentence, NextStep step, const NextStepPhrasing &phrase)
{
    const QString suggestion = step == NextStep::None || !phrase ? QString() : phrase(step);
    if (suggestion.isEmpty())
        return sentence;
    return sentence.isEmpty() ? suggestion : sentence + QLatin1Char(' ') + suggestion;
}

QString withNextStep(const QString &sentence, NextStep step)
{
    return withNextStep(sentence, step, installedPhrasing());
}

} // namespace rcs
