#pragma once

#include <QCoreApplication>

namespace rcs::backup {

// The translation context of the backup layer's messages: lupdate finds Text::tr calls (a free tr()
// in a namespace it takes for a class without Q_OBJECT).
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::backup::Text)
};

} // namespace rcs::backup
