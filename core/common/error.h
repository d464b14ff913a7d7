#pragma once

#include <QString>

namespace rcs {

// Broad classes of failure; callers branch on these, users read message().
enum class ErrorCode {
    None,
    InvalidInput,     // bad arguments, malformed text, unknown names
    Io,               // files, processes
    Timeout,          // a bounded wait ran out
    Cancelled,        // the user or the owner cancelled
    ConnectionFailed, // refused, unreachable, TLS failure
    Protocol,         // a peer answered something we cannot understand
    RedisError,       // a Redis node answered -ERR
    KubeApi,          // the Kubernetes API answered an error Status
    Unauthorized,     // 401
    Forbidden,        // 403
    NotFound,         // 404 or a missing object
    Conflict,         // 409
    NotEmpty,         // a node that should be blank holds data or peers
    Refused,          // a precondition says the action must not run
    Unhealthy,        // a check found problems
    Internal,         // a bug: should never reach a user
};

QString errorCodeName(ErrorCode code);

// An error that reaches a user: message() is one clear sentence (what failed, why, what to do);
// detail() holds raw material (a server reply, a command line) for the expandable details.
class Error final {
public:
    Error() = default;
    Error(ErrorCode code, QString message, QString detail = {})
        : m_code(code)
        , m_message(std::move(message))
        , m_detail(std::move(detail))
    {}

    ErrorCode code() const { return m_code; }
    QString message() const { return m_message; }
    QString detail() const { return m_detail; }
    bool isError() const { return m_code != ErrorCode::None; }
    explicit operator bool() const { return isError(); }

    // Returns a copy whose message is prefixed with context, e.g. "Creating the cluster: ".
    Error withContext(const QString &context) const;

private:
    ErrorCode m_code = ErrorCode::None;
    QString m_message;
    QString m_detail;
};

} // namespace rcs
