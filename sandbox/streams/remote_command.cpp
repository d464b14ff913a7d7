#include "streams/remote_command.h"

#include <QJsonDocument>

namespace sandbox {

QList<QSize> RemoteCommand::takeTerminalSizes(QByteArray &buffer)
{
    // Go's json.Encoder writes one object per line; the WebSocket resize channel one per message.
    QList<QSize> sizes;
    while (true) {
        const qsizetype end = buffer.indexOf('}');
        if (end < 0)
            break;
        const QJsonObject object = QJsonDocument::fromJson(buffer.left(end + 1).trimmed()).object();
        buffer.remove(0, end + 1);
        const int width = object.value(QLatin1String("Width")).toInt();
        const int height = object.value(QLatin1String("Height")).toInt();
        if (width > 0 && height > 0)
            sizes.append(QSize(width, height));
    }
    return sizes;
}

QJsonObject RemoteCommand::successStatus()
{
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("status"), QStringLiteral("Success")}};
}

QJsonObject RemoteCommand::failureStatus(const QString &reason, const QString &message, int code)
{
    return QJsonObject{{QStringLiteral("metadata"), QJsonObject{}},
                       {QStringLiteral("status"), QStringLiteral("Failure")},
                       {QStringLiteral("message"), message},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("code"), code}};
}

} // namespace sandbox
