#include "runtime/cidr_allocator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>

using rcs::Error;
using rcs::ErrorCode;

namespace sandbox {

rcs::Result<CidrAllocator> CidrAllocator::create(const QString &network, const QString &cursorFile)
{
    const auto parsed = QHostAddress::parseSubnet(network);
    if (parsed.first.protocol() != QAbstractSocket::IPv4Protocol || parsed.second < 8 || parsed.second > 30) {
        return Error(
            ErrorCode::InvalidInput,
            QStringLiteral("The pod network \"%1\" is not an IPv4 network between /8 and /30; give one "
                           "such as 127.77.0.0/16.")
                .arg(network));
    }
    CidrAllocator allocator;
    allocator.m_network = network;
    allocator.m_cursorFile = cursorFile;
    const quint32 mask = parsed.second == 0 ? 0 : ~quint32(0) << (32 - parsed.second);
    const quint32 base = parsed.first.toIPv4Address() & mask;
    allocator.m_first = base + 2;
    allocator.m_last = (base | ~mask) - 1;
    if (!cursorFile.isEmpty()) {
        QFile file(cursorFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QHostAddress saved(QString::fromUtf8(file.readAll().trimmed()));
            const quint32 value = saved.toIPv4Address();
            if (value >= allocator.m_first && value <= allocator.m_last)
                allocator.m_cursor = value;
        }
    }
    return allocator;
}

rcs::Result<QString> CidrAllocator::allocate(const QSet<QString> &inUse)
{
    const quint64 size = quint64(m_last) - m_first + 1;
    quint32 candidate = m_cursor == 0 ? m_last : m_cursor;
    for (quint64 tried = 0; tried < size; ++tried) {
        candidate = candidate >= m_last ? m_first : candidate + 1;
        const quint32 hostByte = candidate & 0xff;
        if (hostByte == 0 || hostByte == 255)
            continue;
        const QString ip = QHostAddress(candidate).toString();
        if (inUse.contains(ip))
            continue;
        m_cursor = candidate;
        saveCursor();
        return ip;
    }
    return Error(ErrorCode::Refused,
                 QStringLiteral("Every address of the pod network %1 is held by a pod; delete pods or start "
                                "kube-sandbox with a larger --pod-network.")
                     .arg(m_network));
}

void CidrAllocator::saveCursor() const
{
    if (m_cursorFile.isEmpty())
        return;
    QDir().mkpath(QFileInfo(m_cursorFile).absolutePath());
    QSaveFile file(m_cursorFile);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QHostAddress(m_cursor).toString().toUtf8() + '\n');
        file.commit();
    }
}

} // namespace sandbox
