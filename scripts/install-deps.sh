#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the studio needs to build, run and test, skipping those present.
set -euo pipefail

# qt6-tools-dev brings the LinguistTools CMake package, qt6-l10n-tools lupdate/lrelease (the Chinese
# translation is compiled into the studio), qt6-translations-l10n Qt's own qtbase_zh_CN.qm (file dialogs,
# message boxes), fonts-noto-cjk the glyphs, so that Chinese screenshots and offscreen tests show
# characters rather than boxes.
packages=(cmake ninja-build g++ pkg-config git
          qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-svg-dev libgl-dev
          qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-noto-cjk
          libhiredis-dev libyaml-cpp-dev libssl-dev zlib1g-dev openssl
          redis-server redis-tools
          xvfb imagemagick xauth)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# kubectl: any kubectl on PATH will do; otherwise Debian's kubernetes-client provides one.
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)

sudo_cmd=()
[ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Debian's kubectl 1.20, unpacked into a cache folder (not installed) for tst_sandbox_kubectl's matrix of
# kubectl versions; a failure here only makes that test skip the 1.20 row.
if ! "$(dirname "$0")/unpack-debian-kubectl.sh" >/dev/null 2>&1; then
  "${sudo_cmd[@]}" apt-get update -q >/dev/null 2>&1 || true
  "$(dirname "$0")/unpack-debian-kubectl.sh" >/dev/null ||
    echo "warning: Debian's kubectl 1.20 is not unpacked; tst_sandbox_kubectl will skip that version" >&2
fi

# The redis-server package may start a system service on 127.0.0.1:6379; the studio never uses it,
# and tests bind their own loopback addresses, so it is left as it is.
