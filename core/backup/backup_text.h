#pragma once

#include <QCoreApplication>
#include <QString>

namespace rcs::backup {

// The translation context of core/backup's free functions (members of QObject classes use their own tr).
inline QString tr(const char *text)
{
    return QCoreApplication::translate("rcs::backup", text);
}

} // namespace rcs::backup
