#include "yaml_highlighter.h"

#include "theme.h"

#include <QRegularExpression>

namespace rcs::ui {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    const bool dark = Theme::isDark();
    m_key.setForeground(dark ? QColor(0x7c, 0xb7, 0xff) : QColor(0x1a, 0x5f, 0xb4));
    m_string.setForeground(dark ? QColor(0xa5, 0xd6, 0x7f) : QColor(0x2e, 0x7d, 0x32));
    m_number.setForeground(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0xb3, 0x4d, 0x00));
    m_keyword.setForeground(dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x7b, 0x1f, 0xa2));
    m_comment.setForeground(Theme::mutedText());
    m_comment.setFontItalic(true);
    m_marker.setForeground(Theme::mutedText());
    m_marker.setFontWeight(QFont::Bold);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    static const QRegularExpression key(
        QStringLiteral("^(\\s*(?:-\\s+)?)([A-Za-z0-9_.\\-/]+)(\\s*:)(?=\\s|$)"));
    static const QRegularExpression quoted(QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'"));
    static const QRegularExpression number(QStringLiteral(":\\s+(-?[0-9]+(?:\\.[0-9]+)?)\\s*$"));
    static const QRegularExpression keyword(QStringLiteral(":\\s+(true|false|null|yes|no)\\s*$"));
    static const QRegularExpression comment(QStringLiteral("(^|\\s)#.*$"));

    if (text.startsWith(QLatin1String("---")) || text.startsWith(QLatin1String("..."))) {
        setFormat(0, int(text.size()), m_marker);
        return;
    }
    const QRegularExpressionMatch k = key.match(text);
    if (k.hasMatch())
        setFormat(int(k.capturedStart(2)), int(k.capturedLength(2)), m_key);
    auto it = quoted.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        setFormat(int(m.capturedStart()), int(m.capturedLength()), m_string);
    }
    if (const QRegularExpressionMatch m = number.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_number);
    if (const QRegularExpressionMatch m = keyword.match(text); m.hasMatch())
        setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), m_keyword);
    // A '#' inside quotes is not a comment: only colour it when no string started before it.
    if (const QRegularExpressionMatch m = comment.match(text); m.hasMatch()) {
        const qsizetype start = m.capturedStart() + (text.at(m.capturedStart()) == QLatin1Char('#') ? 0 : 1);
        if (format(int(start)) != m_string)
            setFormat(int(start), int(text.size() - start), m_comment);
    }
}

} // namespace rcs::ui
