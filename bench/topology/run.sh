#!/usr/bin/env bash
# Times the topology model/view on a synthetic 200-node cluster (bench_topology.cpp says what each step
# is) offscreen, and writes its section of bench/RESULTS.md (between the bench/topology markers) with the
# machine description and the load average. Nothing is asserted: this is a measurement.
#
#   bench/topology/run.sh                       # builds into $RCS_BUILD_DIR (default build/)
#   RUNS=15 RCS_SKIP_BUILD=1 RCS_BUILD_DIR=build-engine bench/topology/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
runs=${RUNS:-7}

bench/build_target.sh rcs_bench_topology

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=$(QT_QPA_PLATFORM=offscreen timeout 600 nice -n 10 "$build_dir/bench/topology/rcs_bench_topology" --runs "$runs")
printf '%s\n' "$out" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
qt=$(pkg-config --modversion Qt6Widgets 2>/dev/null || echo "6")
section=$(cat <<MD
<!-- bench/topology begin -->
## topology model/view with 200 nodes

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/topology/run.sh\` (\`rcs_bench_topology\`, RelWithDebInfo,
Qt $qt, \`QT_QPA_PLATFORM=offscreen\`, \`nice -n 10\`) on $(nproc) CPUs ($cpu); load average (1/5/15 min)
$load_before before, $load_after after (whatever else the machine ran is included).

$out

A refresh is what the studio does every poll (default 2 s) with a new scan; the model turns the snapshot
into per-node signals, so a refresh where one node changed touches one card, not 200. Not asserted in
any test (tests/ui/tst_topology_view only checks 200 cards are placed without overlap and exported).
<!-- bench/topology end -->
MD
)
bench/write_section.sh topology "$section"
