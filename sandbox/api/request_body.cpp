#include "api/request_body.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

namespace {

QJsonValue scalarValue(const YAML::Node &node)
{
    const std::string &raw = node.Scalar();
    const QString text = QString::fromStdString(raw);
    if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
        return text; // quoted: always a string
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(
        QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (text.isEmpty() || text == u"~" || text == u"null" || text == u"Null" || text == u"NULL")
        return QJsonValue::Null;
    if (text == u"true" || text == u"True" || text == u"TRUE")
        return true;
    if (text == u"false" || text == u"False" || text == u"FALSE")
        return false;
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 value = text.toLongLong(&ok);
        if (ok)
            return value;
    }
    if (real.match(text).hasMatch())
        return text.toDouble();
    return text;
}

QJsonValue toJson(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        QJsonObject object;
        for (const auto &entry : node)
            object.insert(QString::fromStdString(entry.first.as<std::string>()), toJson(entry.second));
        return object;
    }
    case YAML::NodeType::Sequence: {
        QJsonArray array;
        for (const auto &item : node)
            array.append(toJson(item));
        return array;
    }
    case YAML::NodeType::Scalar:
        return scalarValue(node);
    default:
        return QJsonValue::Null;
    }
}

} // namespace

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
    try {
        const YAML::Node node = YAML::Load(body.toStdString());
        if (!node.IsMap())
            return Error(ErrorCode::InvalidInput,
                         QStringLiteral("error converting YAML to JSON: the document is "
                                        "not a mapping"));
        return toJson(node).toObject();
    } catch (const YAML::Exception &e) {
        return Error(ErrorCode::InvalidInput,
                     QStringLiteral("error converting YAML to JSON: yaml: line %1: %2")
                         .arg(e.mark.line + 1)
                         .arg(QString::fromStdString(e.msg)));
    }
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
