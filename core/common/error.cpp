#include "error.h"

namespace rcs {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return QStringLiteral("none");
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::Timeout:
        return QStringLiteral("timeout");
    case ErrorCode::Cancelled:
        return QStringLiteral("cancelled");
    case ErrorCode::ConnectionFailed:
        return QStringLiteral("connection-failed");
    case ErrorCode::Protocol:
        return QStringLiteral("protocol");
    case ErrorCode::RedisError:
        return QStringLiteral("redis-error");
    case ErrorCode::KubeApi:
        return QStringLiteral("kube-api");
    case ErrorCode::Unauthorized:
        return QStringLiteral("unauthorized");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::NotEmpty:
        return QStringLiteral("not-empty");
    case ErrorCode::Refused:
        return QStringLiteral("refused");
    case ErrorCode::Unhealthy:
        return QStringLiteral("unhealthy");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

Error Error::withContext(const QString &context) const
{
    if (!isError())
        return *this;
    return Error(m_code, context + QStringLiteral(": ") + m_message, m_detail);
}

} // namespace rcs
