#pragma once

#include "common/result.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace rcs::test {

// Reserves a /24 of loopback addresses, 127.0.K.0/24, for this process, so test executables that ctest
// runs in parallel never start two redis-servers on the same address. K is derived from the pid and
// claimed with a lock file in the temp folder (stale locks of dead processes are taken over); the
// first usable candidate also must have 127.0.K.1:6379 free. Held until destruction.
class LoopbackRange final {
public:
    // Errors (Io) when every candidate is taken.
    static Result<std::shared_ptr<LoopbackRange>> reserve();
    ~LoopbackRange();

    int block() const { return m_block; }
    // "127.0.K.index"; index 1..254.
    QString address(int index) const;

private:
    LoopbackRange(int block, std::unique_ptr<QLockFile> lock);
    int m_block;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace rcs::test
