#include "shell_quote.h"

#include <algorithm>

namespace rcs {

namespace {
bool isPlain(QChar c)
{
    if (c.unicode() > 0x7f)
        return false; // a shell's idea of a "letter" depends on its locale: quote to be safe
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') ||
           QStringView(u"_@%+=:,./-").contains(c);
}
} // namespace

QString shellQuote(const QString &word)
{
    if (!word.isEmpty() && std::all_of(word.cbegin(), word.cend(), isPlain))
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString shellJoin(const QStringList &words)
{
    QStringList quoted;
    quoted.reserve(words.size());
    for (const QString &word : words)
        quoted.append(shellQuote(word));
    return quoted.join(QLatin1Char(' '));
}

} // namespace rcs
