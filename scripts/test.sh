#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite (unit, integration on real
# redis-server, kube-sandbox with the real kubectl, end-to-end, offscreen UI).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
build_dir=${RCS_BUILD_DIR:-build}
cd "$build_dir"
ctest --output-on-failure --parallel 2 --timeout 900 "$@"
