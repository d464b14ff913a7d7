#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan + UBSan) in build-fuzz and runs each one
# for SECONDS (default 60). Usage: scripts/fuzz.sh [TARGET|all] [SECONDS]
# Targets: cluster_nodes cluster_info kubeconfig watch_stream channel_framing spdy_frames rdb.
# New interesting inputs go to build-fuzz/corpus/<target>/; a crash is written to
# build-fuzz/crashes/<target>-crash-… — copy it into tests/fuzz/corpus/<target>/ and fix the code, so
# the tst_fuzz_<target> replay test keeps it fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
all_targets=(cluster_nodes cluster_info kubeconfig watch_stream channel_framing spdy_frames rdb)
target=${1:-all}
seconds=${2:-60}
build_dir=${RCS_FUZZ_BUILD_DIR:-build-fuzz}
jobs=${RCS_JOBS:-2}
if [[ $target == all ]]; then
  targets=("${all_targets[@]}")
else
  targets=("$target")
fi
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ is needed (apt-get install clang libclang-rt-14-dev)" >&2; exit 1; }

flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" -DRCS_FUZZ=ON >/dev/null
cmake --build "$build_dir" -j "$jobs" --target "${targets[@]/#/fuzz_}"

mkdir -p "$build_dir/crashes"
status=0
for t in "${targets[@]}"; do
  mkdir -p "$build_dir/corpus/$t"
  echo "== fuzz_$t for ${seconds}s"
  # The first folder collects new inputs; the seed folder in the source tree is only read.
  if ! "$build_dir/tests/fuzz/fuzz_$t" "$build_dir/corpus/$t" "tests/fuzz/corpus/$t" \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$build_dir/crashes/$t-" 2>"$build_dir/fuzz_$t.log"; then
    echo "fuzz_$t FAILED: see $build_dir/fuzz_$t.log and $build_dir/crashes/" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::new_units_added|^Done' \
    "$build_dir/fuzz_$t.log" || true
done
exit $status
