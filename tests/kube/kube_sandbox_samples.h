#pragma once

// Scripts for tst_kube_sandbox. Kept out of the test source: moc mis-lexes raw strings.

// An exec credential plugin that answers with a client certificate and key (files named by CERT and
// KEY), as cloud plugins that issue short-lived certificates do.
inline constexpr char kCertificatePlugin[] = R"sh(#!/bin/sh
pem() { awk '{printf "%s\\n", $0}' "$1"; }
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"%s"}}' \
  "$(pem "$CERT")" "$(pem "$KEY")"
)sh";

// An exec credential plugin that counts its runs in $DIR/count and answers with a bearer token:
// "revoked-token" on the first run when FIRST_REVOKED is set (as a token revoked before its expiry),
// else $TOKEN, valid until $EXPIRY.
inline constexpr char kTokenPlugin[] = R"sh(#!/bin/sh
n=$(cat "$DIR/count" 2>/dev/null || echo 0)
n=$((n+1))
echo $n > "$DIR/count"
token="$TOKEN"
if [ "$n" = 1 ] && [ -n "$FIRST_REVOKED" ]; then token=revoked-token; fi
printf '{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"%s"}}' \
  "$token" "$EXPIRY"
)sh";
