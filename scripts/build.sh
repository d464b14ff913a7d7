#!/usr/bin/env bash
# Configures and builds into build/ (Release with debug info, warnings on).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${RCS_BUILD_DIR:-build}
generator=()
command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
# ccache, where present, lets a second checkout (or CI's fresh clone) reuse this machine's objects.
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache)
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" "$@"
fi
cmake --build "$build_dir" --parallel "$(nproc)"
