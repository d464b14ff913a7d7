#include "api/openapi_v2.h"

#include "api/gnostic_protobuf.h"
#include "api/resource_types.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox::openapi {

namespace {

// io.k8s.api.<package>.<version>.<Kind>, the names Kubernetes gives its definitions.
QString definitionName(const ResourceType &type)
{
    const QString package = type.group.isEmpty() ? QStringLiteral("core") : type.group.section(u'.', 0, 0);
    return QStringLiteral("io.k8s.api.%1.%2.%3").arg(package, type.version, type.kind);
}

QJsonObject queryParameter(const QString &name, const QString &description)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("in"), QStringLiteral("query")},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("type"), QStringLiteral("string")},
                       {QStringLiteral("uniqueItems"), true}};
}

// The parameters kubectl looks for in an operation (QueryParamVerifier: dryRun since 1.18,
// fieldValidation since 1.24), as kube-apiserver lists them on writes.
QJsonArray writeParameters()
{
    return QJsonArray{
        queryParameter(QStringLiteral("dryRun"), QStringLiteral("All: do not persist the change")),
        queryParameter(QStringLiteral("fieldManager"), QStringLiteral("the actor that makes the change")),
        queryParameter(QStringLiteral("fieldValidation"),
                       QStringLiteral("Ignore, Warn or Strict: what unknown or duplicate fields cause"))};
}

QJsonObject pathsFor(const QJsonObject &definitions)
{
    const QJsonArray produces{QStringLiteral("application/json"), QStringLiteral("application/yaml"),
                              QStringLiteral("application/vnd.kubernetes.protobuf")};
    QJsonObject paths;
    for (const ResourceType &type : resourceTypes()) {
        const QString definition = definitionName(type);
        const QJsonObject gvk{{QStringLiteral("group"), type.group},
                              {QStringLiteral("version"), type.version},
                              {QStringLiteral("kind"), type.kind}};
        const auto operation = [&](const QString &id, const QString &action, const QJsonArray &consumes,
                                   const QJsonArray &parameters) {
            QJsonObject ok{{QStringLiteral("description"), QStringLiteral("OK")}};
            if (definitions.contains(definition))
                ok.insert(QStringLiteral("schema"),
                          QJsonObject{{QStringLiteral("$ref"), QString(u"#/definitions/" + definition)}});
            QJsonObject out{{QStringLiteral("operationId"), QString(id + type.kind)},
                            {QStringLiteral("consumes"), consumes},
                            {QStringLiteral("produces"), produces},
                            {QStringLiteral("schemes"), QJsonArray{QStringLiteral("https")}},
                            {QStringLiteral("responses"), QJsonObject{{QStringLiteral("200"), ok}}},
                            {QStringLiteral("x-kubernetes-action"), action},
                            {QStringLiteral("x-kubernetes-group-version-kind"), gvk}};
            if (!parameters.isEmpty())
                out.insert(QStringLiteral("parameters"), parameters);
            return out;
        };
        const QJsonArray anything{QStringLiteral("*/*")};
        QJsonObject collection{
            {QStringLiteral("get"), operation(QStringLiteral("list"), QStringLiteral("list"), anything, {})}};
        QJsonObject item{
            {QStringLiteral("get"), operation(QStringLiteral("read"), QStringLiteral("get"), anything, {})}};
        if (!type.readOnly) {
            collection.insert(
                QStringLiteral("post"),
                operation(QStringLiteral("create"), QStringLiteral("post"), anything, writeParameters()));
            item.insert(QStringLiteral("put"), operation(QStringLiteral("replace"), QStringLiteral("put"),
                                                         anything, writeParameters()));
            item.insert(QStringLiteral("patch"),
                        operation(QStringLiteral("patch"), QStringLiteral("patch"),
                                  QJsonArray{QStringLiteral("application/json-patch+json"),
                                             QStringLiteral("application/merge-patch+json"),
                                             QStringLiteral("application/strategic-merge-patch+json"),
                                             QStringLiteral("application/apply-patch+yaml")},
                                  writeParameters()));
            item.insert(
                QStringLiteral("delete"),
                operation(QStringLiteral("delete"), QStringLiteral("delete"), anything,
                          QJsonArray{queryParameter(QStringLiteral("dryRun"),
                                                    QStringLiteral("All: do not persist the change"))}));
        }
        paths.insert(type.collectionPath(), collection);
        paths.insert(type.collectionPath() + QStringLiteral("/{name}"), item);
    }
    return paths;
}

QJsonObject embeddedDefinitions()
{
    QFile file(QStringLiteral(":/sandbox/openapi/definitions.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("kube-sandbox was built without its OpenAPI definitions resource");
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

QJsonObject v2Swagger()
{
    const QJsonObject definitions = embeddedDefinitions();
    return QJsonObject{
        {QStringLiteral("swagger"), QStringLiteral("2.0")},
        {QStringLiteral("info"), QJsonObject{{QStringLiteral("title"), QStringLiteral("Kubernetes")},
                                             {QStringLiteral("version"), QStringLiteral("v1.32.0")}}},
        {QStringLiteral("paths"), pathsFor(definitions)},
        {QStringLiteral("definitions"), definitions}};
}

const V2Document &v2Document()
{
    static const V2Document document = [] {
        const QJsonObject swagger = v2Swagger();
        V2Document out;
        out.json = QJsonDocument(swagger).toJson(QJsonDocument::Compact);
        out.protobuf = encodeGnosticDocument(swagger);
        out.etag =
            '"' + QCryptographicHash::hash(out.json, QCryptographicHash::Sha512).toHex().toUpper() + '"';
        return out;
    }();
    return document;
}

QByteArray v2FormatFor(const QByteArray &accept)
{
    if (accept.trimmed().isEmpty())
        return "json";
    for (const QByteArray &clause : accept.split(',')) {
        const QByteArray type = clause.split(';').first().trimmed().toLower();
        if (type == "application/com.github.proto-openapi.spec.v2@v1.0+protobuf" || type == kV2ProtobufType)
            return "protobuf";
        if (type == "application/json" || type == "application/*" || type == "*/*")
            return "json";
    }
    return {};
}

} // namespace sandbox::openapi
