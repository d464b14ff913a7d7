#!/usr/bin/env bash
# Installs what is missing, builds, and opens the studio.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
exec "${RCS_BUILD_DIR:-build}/app/redis-cluster-studio" "$@"
