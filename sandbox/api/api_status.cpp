#include "api/api_status.h"

namespace sandbox {

namespace {

QJsonObject detailsFor(const QString &qualifiedResource, const QString &name)
{
    const qsizetype dot = qualifiedResource.indexOf(u'.');
    QJsonObject out{{QStringLiteral("kind"), dot < 0 ? qualifiedResource : qualifiedResource.left(dot)}};
    if (!name.isEmpty())
        out.insert(QStringLiteral("name"), name);
    if (dot >= 0)
        out.insert(QStringLiteral("group"), qualifiedResource.mid(dot + 1));
    return out;
}

} // namespace

QJsonObject ApiStatus::toJson() const
{
    QJsonObject out{
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject{}},
        {QStringLiteral("status"), code < 300 ? QStringLiteral("Success") : QStringLiteral("Failure")},
        {QStringLiteral("code"), code}};
    if (!message.isEmpty())
        out.insert(QStringLiteral("message"), message);
    if (!reason.isEmpty())
        out.insert(QStringLiteral("reason"), reason);
    QJsonObject d = details;
    if (retryAfterSeconds > 0)
        d.insert(QStringLiteral("retryAfterSeconds"), retryAfterSeconds);
    if (!d.isEmpty())
        out.insert(QStringLiteral("details"), d);
    return out;
}

ApiStatus ApiStatus::success()
{
    return {200, {}, {}, {}, 0};
}

ApiStatus ApiStatus::unauthorized()
{
    return {401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"), {}, 0};
}

ApiStatus ApiStatus::notFound(const QString &qualifiedResource, const QString &name)
{
    return {404, QStringLiteral("NotFound"),
            QStringLiteral("%1 \"%2\" not found").arg(qualifiedResource, name),
            detailsFor(qualifiedResource, name), 0};
}

ApiStatus ApiStatus::pathNotFound(const QString &path)
{
    Q_UNUSED(path)
    return {404,
            QStringLiteral("NotFound"),
            QStringLiteral("the server could not find the requested resource"),
            {},
            0};
}

ApiStatus ApiStatus::alreadyExists(const QString &qualifiedResource, const QString &name)
{
    return {409, QStringLiteral("AlreadyExists"),
            QStringLiteral("%1 \"%2\" already exists").arg(qualifiedResource, name),
            detailsFor(qualifiedResource, name), 0};
}

ApiStatus ApiStatus::conflict(const QString &qualifiedResource, const QString &name, const QString &message)
{
    return {409, QStringLiteral("Conflict"), message, detailsFor(qualifiedResource, name), 0};
}

ApiStatus ApiStatus::invalid(const QString &kind, const QString &group, const QString &name,
                             const QJsonArray &causes)
{
    QStringList parts;
    for (const QJsonValue &cause : causes) {
        const QJsonObject c = cause.toObject();
        parts.append(c.value(QStringLiteral("field")).toString() + QStringLiteral(": ") +
                     c.value(QStringLiteral("message")).toString());
    }
    const QString qualifiedKind = group.isEmpty() ? kind : kind + u'.' + group;
    QJsonObject d{
        {QStringLiteral("name"), name}, {QStringLiteral("kind"), kind}, {QStringLiteral("causes"), causes}};
    if (!group.isEmpty())
        d.insert(QStringLiteral("group"), group);
    const QString joined = parts.size() == 1 ? parts.first() : u'[' + parts.join(QStringLiteral(", ")) + u']';
    return {422, QStringLiteral("Invalid"),
            QStringLiteral("%1 \"%2\" is invalid: %3").arg(qualifiedKind, name, joined), d, 0};
}

ApiStatus ApiStatus::badRequest(const QString &message)
{
    return {400, QStringLiteral("BadRequest"), message, {}, 0};
}

ApiStatus ApiStatus::forbidden(const QString &qualifiedResource, const QString &name, const QString &message)
{
    return {403, QStringLiteral("Forbidden"), message, detailsFor(qualifiedResource, name), 0};
}

ApiStatus ApiStatus::namespaceTerminating(const QString &ns)
{
    const QString message =
        QStringLiteral("unable to create new content in namespace %1 because it is being terminated").arg(ns);
    QJsonObject d{{QStringLiteral("name"), ns},
                  {QStringLiteral("kind"), QStringLiteral("namespaces")},
                  {QStringLiteral("causes"),
                   QJsonArray{QJsonObject{{QStringLiteral("reason"), QStringLiteral("NamespaceTerminating")},
                                          {QStringLiteral("message"), message},
                                          {QStringLiteral("field"), QStringLiteral("metadata.namespace")}}}}};
    return {403, QStringLiteral("Forbidden"), message, d, 0};
}

ApiStatus ApiStatus::methodNotAllowed(const QString &message)
{
    return {405, QStringLiteral("MethodNotAllowed"), message, {}, 0};
}

ApiStatus ApiStatus::unsupportedMediaType(const QString &contentType)
{
    return {415,
            QStringLiteral("UnsupportedMediaType"),
            QStringLiteral("the body of the request was in an unknown format - accepted media types include: "
                           "application/json-patch+json, application/merge-patch+json, "
                           "application/apply-patch+yaml, application/strategic-merge-patch+json (got %1)")
                .arg(contentType),
            {},
            0};
}

ApiStatus ApiStatus::expired(const QString &message)
{
    return {410, QStringLiteral("Expired"), message, {}, 0};
}

ApiStatus ApiStatus::internal(const QString &message)
{
    return {500, QStringLiteral("InternalError"), message, {}, 0};
}

QJsonObject fieldCause(const QString &reason, const QString &field, const QString &message)
{
    return QJsonObject{{QStringLiteral("reason"), reason},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("field"), field}};
}

} // namespace sandbox
