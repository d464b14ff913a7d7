#include "endpoint_tls.h"

#include <QCoreApplication>
#include <QSslConfiguration>

namespace rcs::ops {

namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(rcs::ops::EndpointTls)
};
} // namespace

Result<RedisTlsOptions> endpointTlsOptions(const EndpointTlsInput &input)
{
    if (!input.tls) {
        if (!input.caFile.isEmpty() || !input.certificateFile.isEmpty() || !input.keyFile.isEmpty() ||
            !input.sni.isEmpty())
            return Error(ErrorCode::InvalidInput,
                         Text::tr("A CA, client certificate, key or SNI name was given without TLS; turn TLS "
                                  "on (--tls) or leave them out."));
        return RedisTlsOptions();
    }
    if (input.certificateFile.isEmpty() != input.keyFile.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     Text::tr("A client certificate needs its key and a key its certificate; give both "
                              "(--cert and --key) or neither."));
    RedisTlsOptions options;
    options.enabled = true;
    options.caFile = input.caFile;
    options.clientCertificateFile = input.certificateFile;
    options.clientKeyFile = input.keyFile;
    options.peerName = input.sni;
    // The files are read now, so a wrong path is one sentence before any node is tried.
    if (const Result<QSslConfiguration> checked = sslConfigurationFor(options); !checked)
        return checked.error();
    return options;
}

} // namespace rcs::ops
