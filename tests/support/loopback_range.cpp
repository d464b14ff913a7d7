#include "loopback_range.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostAddress>
#include <QTcpServer>

namespace rcs::test {

namespace {
// 127.0.0.x is left to the system (the distribution's redis-server service listens on 127.0.0.1), and
// the kube-sandbox uses 127.77.0.0/16, so tests use 127.0.2 .. 127.0.251.
constexpr int FirstBlock = 2;
constexpr int BlockCount = 250;
constexpr int ProbedAddresses = 8; // the integration tests start up to 8 nodes per block
} // namespace

LoopbackRange::LoopbackRange(int block, std::unique_ptr<QLockFile> lock)
    : m_block(block)
    , m_lock(std::move(lock))
{}

LoopbackRange::~LoopbackRange() = default;

QString LoopbackRange::address(int index) const
{
    return QStringLiteral("127.0.%1.%2").arg(m_block).arg(index);
}

Result<std::shared_ptr<LoopbackRange>> LoopbackRange::reserve()
{
    static int calls = 0;
    const QString lockDir = QDir::tempPath() + QStringLiteral("/rcs-test-loopback");
    QDir().mkpath(lockDir);
    // Successive reservations of one process walk on from their pid's start, so restarts get new
    // blocks and parallel processes start far apart.
    const int start = static_cast<int>((QCoreApplication::applicationPid() * 37 + 11 * calls++) % BlockCount);
    for (int i = 0; i < BlockCount; ++i) {
        const int block = FirstBlock + (start + i) % BlockCount;
        auto lock = std::make_unique<QLockFile>(lockDir + QStringLiteral("/block-%1.lock").arg(block));
        lock->setStaleLockTime(0); // held as long as the owning process lives
        if (!lock->tryLock(0))
            continue;
        // Something outside our lock protocol may use it: a server orphaned by a killed test or
        // benchmark holds one of the first addresses, not necessarily .1.
        bool free = true;
        for (int index = 1; free && index <= ProbedAddresses; ++index) {
            QTcpServer probe;
            free = probe.listen(QHostAddress(QStringLiteral("127.0.%1.%2").arg(block).arg(index)), 6379);
        }
        if (free)
            return std::shared_ptr<LoopbackRange>(new LoopbackRange(block, std::move(lock)));
    }
    return Error(ErrorCode::Io, QStringLiteral("Every test loopback block 127.0.%1-%2.0/24 is in use; stop "
                                               "leftover test redis-server processes.")
                                    .arg(FirstBlock)
                                    .arg(FirstBlock + BlockCount - 1));
}

} // namespace rcs::test
