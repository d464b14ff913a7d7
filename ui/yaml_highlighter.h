#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace rcs::ui {

// Colours YAML keys, strings, numbers, comments and document markers, enough to read manifests.
class YamlHighlighter final : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_comment;
    QTextCharFormat m_marker;
    QTextCharFormat m_keyword;
};

} // namespace rcs::ui
