#include "api/request_body.h"

#include "common/yaml_json.h"

#include <QJsonArray>
#include <QJsonDocument>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

rcs::Result<QJsonObject> decodeObjectBody(const QByteArray &body, bool allowYaml)
{
    const QByteArray trimmed = body.trimmed();
    if (trimmed.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("the request body is empty; expected an object"));
    if (trimmed.startsWith('{') || !allowYaml) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(trimmed, &parseError);
        if (document.isObject())
            return document.object();
        if (!allowYaml || parseError.error == QJsonParseError::NoError)
            return Error(ErrorCode::InvalidInput,
                         parseError.error == QJsonParseError::NoError
                             ? QStringLiteral("the request body is not a JSON object")
                             : QStringLiteral("couldn't get version/kind; json parse error: %1 at offset %2")
                                   .arg(parseError.errorString())
                                   .arg(parseError.offset));
    }
    // Read as the API server reads YAML (yamljson's Typed scalars), by the studio's own reader.
    const auto documents = rcs::yamljson::parseDocuments(body, QStringLiteral("the request body"));
    if (!documents)
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("error converting YAML to JSON: %1")
                         .arg(documents.error().detail().isEmpty() ? documents.error().message()
                                                                   : documents.error().detail()));
    if (documents->size() != 1)
        return Error(
            ErrorCode::InvalidInput,
            QStringLiteral("error converting YAML to JSON: the request body holds %1 YAML documents; "
                           "send one object per request")
                .arg(documents->size()));
    return documents->first();
}

rcs::Result<QJsonValue> decodeJsonBody(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error(ErrorCode::InvalidInput, QStringLiteral("json parse error: %1 at offset %2")
                                                  .arg(parseError.errorString())
                                                  .arg(parseError.offset));
    if (document.isArray())
        return QJsonValue(document.array());
    return QJsonValue(document.object());
}

} // namespace sandbox
