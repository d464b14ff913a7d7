#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace sandbox {

// A Kubernetes Status object with its HTTP code: what every failing API call answers.
struct ApiStatus {
    int code = 500;
    QString reason;
    QString message;
    QJsonObject details;
    int retryAfterSeconds = 0;

    QJsonObject toJson() const;

    static ApiStatus success();
    static ApiStatus unauthorized();
    static ApiStatus notFound(const QString &qualifiedResource, const QString &name);
    static ApiStatus pathNotFound(const QString &path);
    static ApiStatus alreadyExists(const QString &qualifiedResource, const QString &name);
    static ApiStatus conflict(const QString &qualifiedResource, const QString &name, const QString &message);
    // causes: [{reason, message, field}]
    static ApiStatus invalid(const QString &kind, const QString &group, const QString &name,
                             const QJsonArray &causes);
    static ApiStatus badRequest(const QString &message);
    static ApiStatus forbidden(const QString &qualifiedResource, const QString &name, const QString &message);
    static ApiStatus namespaceTerminating(const QString &ns);
    static ApiStatus methodNotAllowed(const QString &message);
    static ApiStatus unsupportedMediaType(const QString &contentType);
    static ApiStatus expired(const QString &message);
    static ApiStatus internal(const QString &message);
};

QJsonObject fieldCause(const QString &reason, const QString &field, const QString &message);

} // namespace sandbox
