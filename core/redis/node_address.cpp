#include "node_address.h"

#include <QCoreApplication>
#include <QHash>

namespace rcs {

namespace {
// The translation context of this file's texts: the GUI shows them in its language, the
// headless commands (which load no translation) in English.
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::NodeAddress)
};
} // namespace

QString NodeAddress::toString() const
{
    const QString shownHost =
        host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return shownHost + QLatin1Char(':') + QString::number(port);
}

Result<NodeAddress> NodeAddress::parse(const QString &input)
{
    const QString text = input.trimmed();
    const auto invalid = [&](const QString &why) {
        return Error(ErrorCode::InvalidInput,
                     Text::tr("'%1' is not a node address (%2); write it as HOST:PORT, e.g. 10.0.0.5:6379.")
                         .arg(input, why));
    };
    if (text.isEmpty())
        return invalid(Text::tr("it is empty"));

    QString host;
    QString portText;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return invalid(Text::tr("no closing ']'"));
        host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (!rest.isEmpty()) {
            if (!rest.startsWith(QLatin1Char(':')))
                return invalid(Text::tr("unexpected text after ']'"));
            portText = rest.mid(1);
        }
    } else if (text.count(QLatin1Char(':')) > 1) {
        host = text; // bare IPv6 address without a port
    } else {
        const qsizetype colon = text.indexOf(QLatin1Char(':'));
        host = colon < 0 ? text : text.left(colon);
        if (colon >= 0)
            portText = text.mid(colon + 1);
    }
    if (host.isEmpty())
        return invalid(Text::tr("the host is missing"));
    if (host.contains(QLatin1Char(' ')))
        return invalid(Text::tr("the host contains a space"));

    NodeAddress address{host, 6379};
    if (!portText.isNull()) {
        bool ok = false;
        const uint port = portText.toUInt(&ok);
        if (!ok || port == 0 || port > 65535)
            return invalid(Text::tr("the port must be a number from 1 to 65535"));
        address.port = static_cast<quint16>(port);
    }
    return address;
}

Result<QList<NodeAddress>> NodeAddress::parseList(const QString &text)
{
    QList<NodeAddress> addresses;
    const QStringList items = text.split(QLatin1Char(','));
    for (const QString &item : items) {
        Result<NodeAddress> address = parse(item);
        if (!address)
            return address.error();
        addresses.append(address.value());
    }
    return addresses;
}

size_t qHash(const NodeAddress &address, size_t seed)
{
    return qHashMulti(seed, address.host, address.port);
}

} // namespace rcs
