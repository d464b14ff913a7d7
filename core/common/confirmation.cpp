#include "confirmation.h"

#include "next_step.h"

#include <QCoreApplication>

namespace rcs {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::Confirmation)
};
} // namespace

std::optional<Error> refusalUnlessConfirmed(bool confirmed, const QString &wouldDo,
                                            const std::function<void()> &logCommands)
{
    if (confirmed)
        return std::nullopt;
    logCommands();
    return Error(ErrorCode::Refused,
                 withNextStep(Text::tr("%1. Nothing was changed.").arg(wouldDo), NextStep::Confirm));
}

} // namespace rcs
