#include "cluster_info_parser.h"

#include <QCoreApplication>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ClusterInfoParser)
};
} // namespace

namespace {

QList<QByteArray> replyLines(const QByteArray &reply)
{
    QList<QByteArray> lines = reply.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    return lines;
}

} // namespace

Result<ClusterInfo> parseClusterInfo(const QByteArray &reply)
{
    ClusterInfo info;
    const QList<QByteArray> lines = replyLines(reply);
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            return Error(ErrorCode::Protocol,
                         Text::tr("Line %1 of the CLUSTER INFO reply is not a 'key:value' pair; the node "
                                  "may not be a Redis server.")
                             .arg(i + 1),
                         QString::fromUtf8(line));
        }
        info.fields.insert(QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 1)));
    }
    if (!info.fields.contains(QStringLiteral("cluster_state"))) {
        return Error(ErrorCode::Protocol,
                     Text::tr("The CLUSTER INFO reply has no cluster_state line; the node may not run in "
                              "cluster mode."),
                     QString::fromUtf8(reply.left(2000)));
    }
    info.state = info.fields.value(QStringLiteral("cluster_state"));

    QString badField;
    const auto number = [&](const char *key) -> quint64 {
        const QString name = QLatin1String(key);
        if (!info.fields.contains(name))
            return 0;
        bool ok = false;
        const quint64 value = info.fields.value(name).toULongLong(&ok);
        if (!ok && badField.isEmpty())
            badField = name;
        return value;
    };
    info.slotsAssigned = static_cast<int>(number("cluster_slots_assigned"));
    info.slotsOk = static_cast<int>(number("cluster_slots_ok"));
    info.slotsPfail = static_cast<int>(number("cluster_slots_pfail"));
    info.slotsFail = static_cast<int>(number("cluster_slots_fail"));
    info.knownNodes = static_cast<int>(number("cluster_known_nodes"));
    info.size = static_cast<int>(number("cluster_size"));
    info.currentEpoch = number("cluster_current_epoch");
    info.myEpoch = number("cluster_my_epoch");
    if (!badField.isEmpty()) {
        return Error(ErrorCode::Protocol, Text::tr("The CLUSTER INFO field %1 is not a number: '%2'.")
                                              .arg(badField, info.fields.value(badField)));
    }
    return info;
}

QMap<QString, QString> parseInfoFields(const QByteArray &reply)
{
    QMap<QString, QString> fields;
    const QList<QByteArray> lines = replyLines(reply);
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        fields.insert(QString::fromUtf8(line.left(colon)), QString::fromUtf8(line.mid(colon + 1)));
    }
    return fields;
}

qint64 keyCountFromInfo(const QMap<QString, QString> &fields)
{
    qint64 total = 0;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (!it.key().startsWith(QLatin1String("db")))
            continue;
        bool isDb = false;
        it.key().mid(2).toInt(&isDb);
        if (!isDb)
            continue;
        const QStringList parts = it.value().split(QLatin1Char(','));
        for (const QString &part : parts) {
            if (part.startsWith(QLatin1String("keys=")))
                total += part.mid(5).toLongLong();
        }
    }
    return total;
}

} // namespace rcs
