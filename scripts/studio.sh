#!/usr/bin/env bash
# Installs what is missing, builds, and opens the studio.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
# Without a display the desktop cannot open; the headless demo runs instead: the seed's story on a
# throw-away kube-sandbox (deploy, create, every pod lost, recover), then the sandbox stopped.
if [ $# -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  set -- demo
fi
exec "${RCS_BUILD_DIR:-build}/app/redis-cluster-studio" "$@"
