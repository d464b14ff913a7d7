#pragma once

#include "common/result.h"
#include "redis/redis_tls_options.h"

#include <QString>

namespace rcs::ops {

// What a person gives to reach plain endpoints over TLS, in redis-cli's terms (--tls, --cacert, --cert,
// --key, --sni): the command line's options and the window's fields fill it the same way.
struct EndpointTlsInput {
    bool tls = false;
    QString caFile;          // empty: the system's trusted CAs
    QString certificateFile; // a client certificate, for servers with tls-auth-clients yes
    QString keyFile;
    QString sni; // the name the servers' certificate must carry; empty: the host connected to
};

// The connection's TLS options for input (disabled without tls). Errors (InvalidInput, one sentence
// naming the field): a file given without TLS on, a certificate without its key or a key without its
// certificate, a file that cannot be read or holds no certificate / key (never echoing the key).
Result<RedisTlsOptions> endpointTlsOptions(const EndpointTlsInput &input);

} // namespace rcs::ops
