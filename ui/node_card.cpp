#include "node_card.h"

#include <QCoreApplication>
#include <QLocale>

namespace rcs::ui {

int NodeCard::slotCount() const
{
    int count = 0;
    for (const auto &range : slotRanges)
        count += range.second - range.first + 1;
    return count;
}

QString nodeStateName(NodeCard::State state)
{
    switch (state) {
    case NodeCard::State::Connected:
        return QCoreApplication::translate("rcs::ui::NodeCard", "connected");
    case NodeCard::State::Migrating:
        return QCoreApplication::translate("rcs::ui::NodeCard", "migrating");
    case NodeCard::State::Handshake:
        return QCoreApplication::translate("rcs::ui::NodeCard", "handshake");
    case NodeCard::State::StaleAddress:
        return QCoreApplication::translate("rcs::ui::NodeCard", "stale address");
    case NodeCard::State::Disconnected:
        return QCoreApplication::translate("rcs::ui::NodeCard", "unreachable");
    case NodeCard::State::PFail:
        return QCoreApplication::translate("rcs::ui::NodeCard", "pfail");
    case NodeCard::State::Fail:
        return QCoreApplication::translate("rcs::ui::NodeCard", "fail");
    case NodeCard::State::PodDown:
        return QCoreApplication::translate("rcs::ui::NodeCard", "pod down");
    }
    return {};
}

QString roleName(NodeCard::Role role)
{
    switch (role) {
    case NodeCard::Role::Master:
        return QCoreApplication::translate("rcs::ui::NodeCard", "master");
    case NodeCard::Role::Replica:
        return QCoreApplication::translate("rcs::ui::NodeCard", "replica");
    case NodeCard::Role::Unknown:
        break;
    }
    return QCoreApplication::translate("rcs::ui::NodeCard", "no role");
}

QString formatBytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("–");
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString countOf(qint64 count, const QString &one, const QString &many)
{
    return QString::number(count) + QLatin1Char(' ') + (count == 1 ? one : many);
}

QString formatCount(qint64 count)
{
    if (count < 0)
        return QStringLiteral("–");
    return QLocale().toString(count);
}

} // namespace rcs::ui
