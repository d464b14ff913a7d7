#pragma once

// Bodies and scripts for tst_kube_client. Kept out of the test source: moc mis-lexes raw strings
// with escaped quotes.

inline constexpr char kPluginScript[] = R"sh(#!/bin/sh
dir="$(dirname "$0")"
n=$(cat "$dir/count" 2>/dev/null || echo 0)
n=$((n+1))
echo $n > "$dir/count"
printf '%s' "$KUBERNETES_EXEC_INFO" > "$dir/info.json"
echo "$@" > "$dir/args"
echo "$PLUGIN_ENV" > "$dir/env"
if [ -n "$FAIL" ]; then echo "plugin broke: $FAIL" >&2; exit 3; fi
printf '{"apiVersion":"%s","kind":"ExecCredential","status":{"token":"tok-%s","expirationTimestamp":"%s"}}' \
  "$API" "$n" "$EXPIRY"
)sh";
inline constexpr char kUnauthorized[] =
    R"({"kind":"Status","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401})";
inline constexpr char kTooManyRequests[] =
    R"({"kind":"Status","code":429,"reason":"TooManyRequests","message":"slow down"})";
inline constexpr char kPodBody[] = R"({"kind":"Pod"})";
inline constexpr char kDeprecationWarning[] = R"(299 - "policy/v1beta1 PodDisruptionBudget is deprecated")";
inline constexpr char kWidgetDiscovery[] =
    R"({"kind":"APIResourceList","resources":[{"name":"widgets/status","kind":"Widget","namespaced":true},{"name":"widgets","kind":"Widget","namespaced":true}]})";
inline constexpr char kAddedEventPrefix[] = R"({"type":"ADDED","object":)";
inline constexpr char kBookmarkEvent[] =
    R"({"type":"BOOKMARK","object":{"kind":"Pod","metadata":{"resourceVersion":"15"}}})";
inline constexpr char kExpiredEvent[] =
    R"({"type":"ERROR","object":{"kind":"Status","status":"Failure","reason":"Expired","code":410,"message":"too old resource version"}})";
inline constexpr char kModifiedEventPrefix[] = R"({"type":"MODIFIED","object":)";
inline constexpr char kForbidden[] =
    R"({"kind":"Status","code":403,"reason":"Forbidden","message":"pods is forbidden: User \"x\" cannot list resource \"pods\""})";
inline constexpr char kGone[] =
    R"({"kind":"Status","status":"Failure","reason":"Expired","code":410,"message":"too old resource version"})";
