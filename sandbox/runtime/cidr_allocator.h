#pragma once

#include "common/result.h"

#include <QSet>
#include <QString>

namespace sandbox {

// Hands out pod IPs from an IPv4 network (default 127.77.0.0/16) the way a CNI plugin would, except
// that it never goes back: the cursor only moves forward (wrapping at the end of the network) and is
// persisted, so a re-created pod — or every pod after a restart of kube-sandbox — gets an address no
// pod had a moment ago. That is exactly the situation the app's recovery workflow must handle.
class CidrAllocator final {
public:
    // network: "A.B.C.D/N". cursorFile: where the last handed-out address is kept; empty = in memory.
    static rcs::Result<CidrAllocator> create(const QString &network, const QString &cursorFile);

    // The next free address after the cursor, skipping addresses in inUse, the network and gateway
    // (.0, .1 of the network), and host parts ending in .0 or .255. Fails when every address is in use.
    rcs::Result<QString> allocate(const QSet<QString> &inUse);

    QString network() const { return m_network; }

private:
    CidrAllocator() = default;
    void saveCursor() const;

    QString m_network;
    QString m_cursorFile;
    quint32 m_first = 0;  // first assignable address (network + 2)
    quint32 m_last = 0;   // last assignable address (broadcast - 1)
    quint32 m_cursor = 0; // last address handed out; 0 = none yet
};

} // namespace sandbox
