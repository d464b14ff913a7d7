#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rcs {

// The one place where yaml-cpp meets the rest of the code: YAML text becomes QJson values (exceptions
// caught here), and QJson values become YAML text for review. The studio (manifests, kubeconfig) and
// kube-sandbox (request bodies) both read YAML here, so they agree with each other and with the
// Kubernetes API server on what a scalar is.
namespace yamljson {

enum class Scalars {
    // As the API server reads YAML (sigs.k8s.io/yaml, YAML 1.1): a quoted or !!str scalar is a string;
    // a plain one is null (~, null, empty), a boolean (true/false, yes/no, on/off, y/n), an integer
    // (decimal, 0x hex, 0o or leading-0 octal, 0b binary, _ separators) or a float where it reads so,
    // else a string.
    Typed,
    Strings, // every scalar stays a string (kubeconfig: a token "0123" must not turn into 123)
};

// Parses every document of a (multi-document) YAML text; empty documents are skipped. Each document
// must be a mapping. Errors name sourceName and, for syntax errors, the line and column (1-based); a
// syntax error's detail() is "yaml: line L: REASON", the form the API server's own messages take.
Result<QList<QJsonObject>> parseDocuments(const QByteArray &text, const QString &sourceName,
                                          Scalars scalars = Scalars::Typed);

// Emits the objects as one multi-document YAML text ("---" between documents). Strings that a YAML
// reader would take for another type are quoted; multi-line strings use the literal block style.
QString toYaml(const QList<QJsonObject> &documents);

} // namespace yamljson
} // namespace rcs
