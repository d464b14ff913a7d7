#pragma once

// Scripts for tst_kube_sandbox. Kept out of the test source: moc mis-lexes raw strings.

// An exec credential plugin that answers with a client certificate and key (files named by CERT and
// KEY), as cloud plugins that issue short-lived certificates do.
inline constexpr char kCertificatePlugin[] = R"sh(#!/bin/sh
pem() { awk '{printf "%s\\n", $0}' "$1"; }
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientCertificateData":"%s","clientKeyData":"%s"}}' \
  "$(pem "$CERT")" "$(pem "$KEY")"
)sh";
