#include "kube_status.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::KubeStatus)
};
} // namespace

namespace {

QString where(const KubeRequestContext &c)
{
    return c.ns.isEmpty() ? QString() : Text::tr(" in namespace \"%1\"").arg(c.ns);
}

QString object(const KubeRequestContext &c)
{
    if (c.name.isEmpty())
        return c.resource;
    return QStringLiteral("%1 \"%2\"").arg(c.resource, c.name);
}

QString causes(const QJsonObject &details)
{
    QStringList lines;
    for (const QJsonValue &v : details.value(QStringLiteral("causes")).toArray()) {
        const QJsonObject cause = v.toObject();
        const QString field = cause.value(QStringLiteral("field")).toString();
        const QString message = cause.value(QStringLiteral("message")).toString();
        lines.append(field.isEmpty() ? message : field + QStringLiteral(": ") + message);
    }
    return lines.join(QStringLiteral("; "));
}

QString sentence(QString text)
{
    text = text.trimmed();
    if (!text.isEmpty() && !text.endsWith(QLatin1Char('.')))
        text += QLatin1Char('.');
    return text;
}

} // namespace

Error decodeKubeError(int httpStatus, const QByteArray &body, const KubeRequestContext &c)
{
    QJsonParseError parseError;
    const QJsonObject status = QJsonDocument::fromJson(body, &parseError).object();
    const bool isStatus = parseError.error == QJsonParseError::NoError &&
                          status.value(QStringLiteral("kind")).toString() == QLatin1String("Status");
    const int code = isStatus && status.value(QStringLiteral("code")).toInt() > 0
                         ? status.value(QStringLiteral("code")).toInt()
                         : httpStatus;
    const QString reason = status.value(QStringLiteral("reason")).toString();
    QString serverMessage = status.value(QStringLiteral("message")).toString();
    const QJsonObject details = status.value(QStringLiteral("details")).toObject();
    const QString detail = QString::fromUtf8(body.left(4096));

    if (!isStatus) {
        QString snippet = QString::fromUtf8(body.left(200)).simplified();
        if (snippet.isEmpty())
            snippet = Text::tr("an empty body");
        else
            snippet = QStringLiteral("\"%1\"").arg(snippet);
        serverMessage = Text::tr("HTTP %1 with %2, not a Kubernetes Status (is a proxy or load balancer "
                                 "in the way?)")
                            .arg(httpStatus)
                            .arg(snippet);
    }
    const QString server = sentence(serverMessage);

    switch (code) {
    case 401:
        return Error(
            ErrorCode::Unauthorized,
            Text::tr("The Kubernetes API rejected the credentials (401 Unauthorized) while trying to "
                     "%1 %2: the token or client certificate is wrong or has expired. Check the "
                     "user in the kubeconfig.")
                .arg(c.verb, object(c)),
            detail);
    case 403:
        return Error(ErrorCode::Forbidden,
                     Text::tr("Forbidden (403): you may not %1 %2%3. %4 Ask a cluster administrator for "
                              "RBAC permission to %1 %5%3.")
                         .arg(c.verb, object(c), where(c), server, c.resource),
                     detail);
    case 404:
        return Error(
            ErrorCode::NotFound,
            Text::tr("Not found (404): %1%2 does not exist. %3")
                .arg(c.name.isEmpty() ? Text::tr("the %1").arg(c.resource) : object(c), where(c), server)
                .trimmed(),
            detail);
    case 409: {
        const QString what =
            reason == QLatin1String("AlreadyExists") ? Text::tr("it already exists") : Text::tr("a conflict");
        QString text =
            Text::tr("Cannot %1 %2%3 because of %4 (409): %5").arg(c.verb, object(c), where(c), what, server);
        const QString list = causes(details);
        if (!list.isEmpty() && !server.contains(list))
            text += Text::tr(" Conflicting fields: ") + sentence(list);
        return Error(ErrorCode::Conflict, text, detail);
    }
    case 410:
        return Error(ErrorCode::KubeApi,
                     Text::tr("The Kubernetes API says the resource version is too old (410 %1): %2")
                         .arg(reason.isEmpty() ? QStringLiteral("Gone") : reason, server),
                     detail);
    case 422: {
        QString text = Text::tr("The Kubernetes API refused to %1 %2%3 as invalid (422): %4")
                           .arg(c.verb, object(c), where(c), server);
        const QString list = causes(details);
        if (!list.isEmpty() && !server.contains(list))
            text += QLatin1Char(' ') + sentence(list);
        return Error(ErrorCode::InvalidInput, text, detail);
    }
    default:
        break;
    }
    return Error(ErrorCode::KubeApi,
                 Text::tr("The Kubernetes API failed to %1 %2%3 (HTTP %4%5): %6")
                     .arg(c.verb, object(c), where(c))
                     .arg(code)
                     .arg(reason.isEmpty() ? QString() : QLatin1Char(' ') + reason, server),
                 detail);
}

Error decodeWebSocketRefusal(const QString &socketError, const QString &ns, const QString &pod,
                             const QString &subresource, const QString &url)
{
    static const QRegularExpression statusRe(QStringLiteral("status code: (\\d{3})"));
    const QRegularExpressionMatch match = statusRe.match(socketError);
    QString text = socketError.trimmed();
    while (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (!match.hasMatch())
        return Error(ErrorCode::ConnectionFailed, sentence(text), url);
    const int code = match.captured(1).toInt();
    // RBAC grants a pod's exec and port-forward as "create pods/exec", "create pods/portforward".
    const KubeRequestContext context{
        QStringLiteral("create"),
        code == 404 ? QStringLiteral("pods") : QStringLiteral("pods/") + subresource, ns, pod, url};
    // An empty Status: the server's own message is not available through QWebSocket.
    const QByteArray status = "{\"kind\":\"Status\",\"code\":" + QByteArray::number(code) + "}";
    const Error decoded = decodeKubeError(code, status, context);
    QString message = decoded.message().simplified();
    if (message.endsWith(QLatin1Char(':')))
        message = sentence(message.chopped(1));
    return Error(decoded.code(), message, text);
}

} // namespace rcs
