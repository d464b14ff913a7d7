#pragma once

#include <QString>
#include <QStringList>

namespace rcs {

// The one rule for the equivalent commands we print (redis-cli, kubectl exec) and for the lines
// kube-sandbox logs: a word made only of characters no POSIX shell treats specially (ASCII letters,
// digits and _@%+=:,./-) is written as it is; any other word, the empty one included, goes in single
// quotes, each ' inside becoming '\'' . Pasting the result into sh gives back the same words.
QString shellQuote(const QString &word);

// The words quoted one by one and joined by single spaces.
QString shellJoin(const QStringList &words);

} // namespace rcs
