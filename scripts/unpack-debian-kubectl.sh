#!/usr/bin/env bash
# Unpacks Debian's kubernetes-client (kubectl 1.20, what `apt-get install kubernetes-client` gives on a
# fresh Debian 12) into a cache folder without installing it, so that tst_sandbox_kubectl can run the
# seed's walk-through with it as well as with the kubectl.1.N of Google's Cloud SDK. The test never
# downloads anything itself; it looks here:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/redis-cluster-studio/kubectl-1.20/usr/bin/kubectl
# Does nothing when that kubectl is already there. Needs apt-get and dpkg (Debian or Ubuntu); prints
# the kubectl's path on success.
set -euo pipefail

cache=${XDG_CACHE_HOME:-$HOME/.cache}/redis-cluster-studio/kubectl-1.20
kubectl=$cache/usr/bin/kubectl
if [ -x "$kubectl" ] && "$kubectl" version --client >/dev/null 2>&1; then
  echo "$kubectl"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1 || ! command -v dpkg >/dev/null 2>&1; then
  echo "apt-get and dpkg are needed to unpack Debian's kubernetes-client; tst_sandbox_kubectl will skip kubectl 1.20" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work" "$cache.partial"' EXIT
# As root, apt warns that its _apt user cannot write here and downloads unsandboxed: shown on failure only.
if ! (cd "$work" && apt-get download -q kubernetes-client >"$work/apt.log" 2>&1); then
  cat "$work/apt.log" >&2
  echo "apt-get download kubernetes-client failed: is the package list current (apt-get update)?" >&2
  exit 1
fi
rm -rf "$cache.partial"
mkdir -p "$cache.partial"
dpkg -x "$work"/kubernetes-client_*.deb "$cache.partial"
"$cache.partial/usr/bin/kubectl" version --client >/dev/null
rm -rf "$cache"
mv "$cache.partial" "$cache"
echo "$kubectl"
