#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rcs {

// The one place where yaml-cpp meets the rest of the code: YAML text becomes QJson values (exceptions
// caught here), and QJson values become YAML text for review.
namespace yamljson {

enum class Scalars {
    Typed,   // plain scalars become numbers, booleans and null where YAML 1.2 core would say so
    Strings, // every scalar stays a string (kubeconfig: a token "0123" must not turn into 123)
};

// Parses every document of a (multi-document) YAML text; empty documents are skipped. Each document
// must be a mapping. Errors name sourceName and, for syntax errors, the line and column (1-based).
Result<QList<QJsonObject>> parseDocuments(const QByteArray &text, const QString &sourceName,
                                          Scalars scalars = Scalars::Typed);

// Emits the objects as one multi-document YAML text ("---" between documents). Strings that a YAML
// reader would take for another type are quoted; multi-line strings use the literal block style.
QString toYaml(const QList<QJsonObject> &documents);

} // namespace yamljson
} // namespace rcs
