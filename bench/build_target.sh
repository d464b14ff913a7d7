#!/usr/bin/env bash
# Configures $RCS_BUILD_DIR (default build/; RelWithDebInfo, Ninja when present) when it has no CMake
# cache yet, then builds the given bench target unless RCS_SKIP_BUILD=1. Used by bench/*/run.sh from the
# repository's root.
#
#   bench/build_target.sh rcs_bench_stall
set -euo pipefail
build_dir=${RCS_BUILD_DIR:-build}
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
if [ "${RCS_SKIP_BUILD:-0}" != 1 ]; then
  cmake --build "$build_dir" --target "$1" --parallel 2
fi
