#include "retry_after.h"

#include <QString>

#include <algorithm>

namespace rcs {

std::optional<int> retryAfterMs(const QByteArray &header, const QDateTime &now, int maxMs)
{
    const QByteArray value = header.trimmed();
    if (value.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong seconds = value.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? std::nullopt
                           : std::optional<int>(int(std::min<qlonglong>(seconds * 1000, maxMs)));
    // IMF-fixdate is RFC 2822's date form with the zone spelled "GMT", which Qt's RFC 2822 parser
    // does not take: spell it as an offset. (The obsolete RFC 850 and asctime forms are not read.)
    QString date = QString::fromLatin1(value);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(3) + QStringLiteral("+0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(now.msecsTo(when), 0, maxMs));
}

} // namespace rcs
