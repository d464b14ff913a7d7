#include "api/gnostic_protobuf.h"

#include "api/protobuf_writer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox {

namespace {

// Field numbers of openapiv2/OpenAPIv2.proto, per message.
namespace field {
constexpr int kAnyYaml = 2;
constexpr int kNamedName = 1;
constexpr int kNamedValue = 2;
constexpr int kTypeItemValue = 1;
constexpr int kItemsItemSchema = 1;
constexpr int kPropertiesEntry = 1;
constexpr int kAdditionalSchema = 1;
constexpr int kAdditionalBoolean = 2;
} // namespace field

// The text of any JSON value (scalars too): JSON is YAML, which is what gnostic's Any.yaml holds.
QString jsonText(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

ProtobufWriter any(const QJsonValue &value)
{
    ProtobufWriter out;
    out.addRepeatedString(field::kAnyYaml, jsonText(value));
    return out;
}

ProtobufWriter named(const QString &name, const ProtobufWriter &value)
{
    ProtobufWriter out;
    out.addString(field::kNamedName, name);
    out.addMessage(field::kNamedValue, value);
    return out;
}

void addExtensions(ProtobufWriter &out, int number, const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().startsWith(QLatin1String("x-")))
            out.addMessage(number, named(it.key(), any(it.value())));
    }
}

void addStrings(ProtobufWriter &out, int number, const QJsonValue &value)
{
    if (value.isString()) {
        out.addRepeatedString(number, value.toString());
        return;
    }
    for (const QJsonValue &item : value.toArray())
        out.addRepeatedString(number, item.toString());
}

void addAnys(ProtobufWriter &out, int number, const QJsonValue &values)
{
    for (const QJsonValue &value : values.toArray())
        out.addMessage(number, any(value));
}

ProtobufWriter schema(const QJsonObject &json)
{
    ProtobufWriter out;
    const auto text = [&json](const char *key) { return json.value(QLatin1String(key)).toString(); };
    const auto number = [&json](const char *key) { return json.value(QLatin1String(key)).toDouble(); };
    const auto integer = [&json](const char *key) {
        return qint64(json.value(QLatin1String(key)).toDouble());
    };
    const auto flag = [&json](const char *key) { return json.value(QLatin1String(key)).toBool(); };
    out.addString(1, text("$ref"));
    out.addString(2, text("format"));
    out.addString(3, text("title"));
    out.addString(4, text("description"));
    if (json.contains(QLatin1String("default")))
        out.addMessage(5, any(json.value(QLatin1String("default"))));
    out.addDouble(6, number("multipleOf"));
    out.addDouble(7, number("maximum"));
    out.addBool(8, flag("exclusiveMaximum"));
    out.addDouble(9, number("minimum"));
    out.addBool(10, flag("exclusiveMinimum"));
    out.addInt64(11, integer("maxLength"));
    out.addInt64(12, integer("minLength"));
    out.addString(13, text("pattern"));
    out.addInt64(14, integer("maxItems"));
    out.addInt64(15, integer("minItems"));
    out.addBool(16, flag("uniqueItems"));
    out.addInt64(17, integer("maxProperties"));
    out.addInt64(18, integer("minProperties"));
    addStrings(out, 19, json.value(QLatin1String("required")));
    addAnys(out, 20, json.value(QLatin1String("enum")));
    const QJsonValue additional = json.value(QLatin1String("additionalProperties"));
    if (additional.isObject() || additional.isBool()) {
        ProtobufWriter item;
        if (additional.isObject())
            item.addMessage(field::kAdditionalSchema, schema(additional.toObject()));
        else
            item.addBool(field::kAdditionalBoolean, additional.toBool());
        out.addMessage(21, item);
    }
    if (json.contains(QLatin1String("type"))) {
        ProtobufWriter type;
        addStrings(type, field::kTypeItemValue, json.value(QLatin1String("type")));
        out.addMessage(22, type);
    }
    const QJsonValue items = json.value(QLatin1String("items"));
    if (items.isObject() || items.isArray()) {
        ProtobufWriter item;
        for (const QJsonValue &one : items.isArray() ? items.toArray() : QJsonArray{items})
            item.addMessage(field::kItemsItemSchema, schema(one.toObject()));
        out.addMessage(23, item);
    }
    for (const QJsonValue &part : json.value(QLatin1String("allOf")).toArray())
        out.addMessage(24, schema(part.toObject()));
    if (json.contains(QLatin1String("properties"))) {
        // Present even when empty: kube-openapi reads "has properties" as "is a kind, not a map".
        ProtobufWriter properties;
        const QJsonObject fields = json.value(QLatin1String("properties")).toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            properties.addMessage(field::kPropertiesEntry, named(it.key(), schema(it.value().toObject())));
        out.addMessage(25, properties);
    }
    out.addString(26, text("discriminator"));
    out.addBool(27, flag("readOnly"));
    if (json.contains(QLatin1String("example")))
        out.addMessage(30, any(json.value(QLatin1String("example"))));
    addExtensions(out, 31, json);
    return out;
}

// A query, path, header or formData parameter: the *ParameterSubSchema messages share their fields
// up to `type`, whose number is one higher where allow_empty_value exists (query, formData).
ProtobufWriter nonBodyParameter(const QJsonObject &json)
{
    const QString in = json.value(QLatin1String("in")).toString();
    const bool hasAllowEmpty = in == u"query" || in == u"formData";
    const int shift = hasAllowEmpty ? 1 : 0;
    ProtobufWriter sub;
    sub.addBool(1, json.value(QLatin1String("required")).toBool());
    sub.addString(2, in);
    sub.addString(3, json.value(QLatin1String("description")).toString());
    sub.addString(4, json.value(QLatin1String("name")).toString());
    if (hasAllowEmpty)
        sub.addBool(5, json.value(QLatin1String("allowEmptyValue")).toBool());
    sub.addString(5 + shift, json.value(QLatin1String("type")).toString());
    sub.addString(6 + shift, json.value(QLatin1String("format")).toString());
    sub.addBool(19 + shift, json.value(QLatin1String("uniqueItems")).toBool());
    addExtensions(sub, 22 + shift, json);
    const int oneof = in == u"header" ? 1 : in == u"formData" ? 2 : in == u"query" ? 3 : 4;
    ProtobufWriter out;
    out.addMessage(oneof, sub);
    return out;
}

ProtobufWriter parametersItem(const QJsonObject &json)
{
    ProtobufWriter item;
    if (json.contains(QLatin1String("$ref"))) {
        ProtobufWriter reference;
        reference.addString(1, json.value(QLatin1String("$ref")).toString());
        item.addMessage(2, reference);
        return item;
    }
    ProtobufWriter parameter;
    if (json.value(QLatin1String("in")).toString() == u"body") {
        ProtobufWriter body;
        body.addString(1, json.value(QLatin1String("description")).toString());
        body.addString(2, json.value(QLatin1String("name")).toString());
        body.addString(3, QStringLiteral("body"));
        body.addBool(4, json.value(QLatin1String("required")).toBool());
        if (json.contains(QLatin1String("schema")))
            body.addMessage(5, schema(json.value(QLatin1String("schema")).toObject()));
        addExtensions(body, 6, json);
        parameter.addMessage(1, body);
    } else {
        parameter.addMessage(2, nonBodyParameter(json));
    }
    item.addMessage(1, parameter);
    return item;
}

ProtobufWriter responses(const QJsonObject &json)
{
    ProtobufWriter out;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (it.key().startsWith(QLatin1String("x-")))
            continue;
        const QJsonObject response = it.value().toObject();
        ProtobufWriter value;
        if (response.contains(QLatin1String("$ref"))) {
            ProtobufWriter reference;
            reference.addString(1, response.value(QLatin1String("$ref")).toString());
            value.addMessage(2, reference);
        } else {
            ProtobufWriter body;
            body.addString(1, response.value(QLatin1String("description")).toString());
            if (response.contains(QLatin1String("schema"))) {
                ProtobufWriter schemaItem;
                schemaItem.addMessage(1, schema(response.value(QLatin1String("schema")).toObject()));
                body.addMessage(2, schemaItem);
            }
            addExtensions(body, 5, response);
            value.addMessage(1, body);
        }
        out.addMessage(1, named(it.key(), value));
    }
    addExtensions(out, 2, json);
    return out;
}

ProtobufWriter operation(const QJsonObject &json)
{
    ProtobufWriter out;
    addStrings(out, 1, json.value(QLatin1String("tags")));
    out.addString(2, json.value(QLatin1String("summary")).toString());
    out.addString(3, json.value(QLatin1String("description")).toString());
    out.addString(5, json.value(QLatin1String("operationId")).toString());
    addStrings(out, 6, json.value(QLatin1String("produces")));
    addStrings(out, 7, json.value(QLatin1String("consumes")));
    for (const QJsonValue &parameter : json.value(QLatin1String("parameters")).toArray())
        out.addMessage(8, parametersItem(parameter.toObject()));
    if (json.contains(QLatin1String("responses")))
        out.addMessage(9, responses(json.value(QLatin1String("responses")).toObject()));
    addStrings(out, 10, json.value(QLatin1String("schemes")));
    out.addBool(11, json.value(QLatin1String("deprecated")).toBool());
    addExtensions(out, 13, json);
    return out;
}

ProtobufWriter pathItem(const QJsonObject &json)
{
    ProtobufWriter out;
    out.addString(1, json.value(QLatin1String("$ref")).toString());
    const char *const methods[] = {"get", "put", "post", "delete", "options", "head", "patch"};
    for (int i = 0; i < 7; ++i) {
        const QJsonValue method = json.value(QLatin1String(methods[i]));
        if (method.isObject())
            out.addMessage(2 + i, operation(method.toObject()));
    }
    for (const QJsonValue &parameter : json.value(QLatin1String("parameters")).toArray())
        out.addMessage(9, parametersItem(parameter.toObject()));
    addExtensions(out, 10, json);
    return out;
}

} // namespace

QByteArray encodeGnosticDocument(const QJsonObject &swagger)
{
    ProtobufWriter document;
    document.addString(1, swagger.value(QLatin1String("swagger")).toString());
    if (swagger.contains(QLatin1String("info"))) {
        const QJsonObject json = swagger.value(QLatin1String("info")).toObject();
        ProtobufWriter info;
        info.addString(1, json.value(QLatin1String("title")).toString());
        info.addString(2, json.value(QLatin1String("version")).toString());
        info.addString(3, json.value(QLatin1String("description")).toString());
        addExtensions(info, 7, json);
        document.addMessage(2, info);
    }
    document.addString(3, swagger.value(QLatin1String("host")).toString());
    document.addString(4, swagger.value(QLatin1String("basePath")).toString());
    addStrings(document, 5, swagger.value(QLatin1String("schemes")));
    addStrings(document, 6, swagger.value(QLatin1String("consumes")));
    addStrings(document, 7, swagger.value(QLatin1String("produces")));
    if (swagger.contains(QLatin1String("paths"))) {
        const QJsonObject json = swagger.value(QLatin1String("paths")).toObject();
        ProtobufWriter paths;
        addExtensions(paths, 1, json);
        for (auto it = json.begin(); it != json.end(); ++it) {
            if (!it.key().startsWith(QLatin1String("x-")))
                paths.addMessage(2, named(it.key(), pathItem(it.value().toObject())));
        }
        document.addMessage(8, paths);
    }
    if (swagger.contains(QLatin1String("definitions"))) {
        const QJsonObject json = swagger.value(QLatin1String("definitions")).toObject();
        ProtobufWriter definitions;
        for (auto it = json.begin(); it != json.end(); ++it)
            definitions.addMessage(1, named(it.key(), schema(it.value().toObject())));
        document.addMessage(9, definitions);
    }
    addExtensions(document, 16, swagger);
    return document.data();
}

} // namespace sandbox
