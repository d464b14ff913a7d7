#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace rcs {

// The wait a Retry-After header asks for (RFC 9110 §10.2.3): delay-seconds ("2") or an HTTP-date
// ("Wed, 21 Oct 2026 07:28:00 GMT", measured from now; a past date means at once). Capped at
// maxMs so that a server's whim cannot stall a workflow; nullopt when absent or unreadable, so the
// caller keeps its own back-off.
std::optional<int> retryAfterMs(const QByteArray &header, const QDateTime &now, int maxMs = 30000);

} // namespace rcs
