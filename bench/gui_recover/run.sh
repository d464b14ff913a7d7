#!/usr/bin/env bash
# Recover in the studio's window on a 6-pod kube-sandbox cluster, from the click to "Healthy" shown,
# RUNS times (default 5; bench_gui_recover.cpp says what is measured), and writes its section of
# bench/RESULTS.md (between the bench/gui_recover markers) with the machine description. Nothing is
# asserted: this is a measurement.
#
#   bench/gui_recover/run.sh                      # builds into $RCS_BUILD_DIR (default build/)
#   RUNS=7 RCS_SKIP_BUILD=1 bench/gui_recover/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
build_dir=${RCS_BUILD_DIR:-build}
runs=${RUNS:-5}
command -v redis-server >/dev/null || { echo "redis-server is missing: run scripts/install-deps.sh." >&2; exit 1; }
bench/build_target.sh rcs_bench_gui_recover
binary_dir=$(cd "$build_dir" && pwd)

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
started=$(date -u '+%Y-%m-%d %H:%M UTC')
out=$(QT_QPA_PLATFORM=offscreen RCS_BINARY_DIR="$binary_dir" RCS_SOURCE_DIR="$repo" \
  timeout --kill-after=30 3600 "$build_dir/bench/gui_recover/rcs_bench_gui_recover" --runs "$runs")
printf '%s\n' "$out" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
redis=$(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')
section=$(cat <<MD
<!-- bench/gui_recover begin -->
## Recover in the window: from the click to "Healthy" shown

Measured $started by \`bench/gui_recover/run.sh\` (\`rcs_bench_gui_recover --runs $runs\`,
\`QT_QPA_PLATFORM=offscreen\`) on $(nproc) CPUs ($cpu), Redis $redis in kube-sandbox pods; load average
(1/5/15 min) $load_before before, $load_after after.

A kube-sandbox cluster of 6 pods (3 masters, 1 replica each) shown in the studio's 1400×900 window at
its default refresh period. Each run kills every pod at once (one deletecollection, grace period 0, as
in a power cut), waits until the window shows the total failure with Recover enabled, clicks Recover and
records when the job reported its end and when the window's model said Healthy (the closing refresh
read the recovered cluster).

$out

Goal (issue 16, item 4): ≤ 4 s from the click to "Healthy" shown on 6 pods.
<!-- bench/gui_recover end -->
MD
)
bench/write_section.sh gui_recover "$section"
