#!/usr/bin/env bash
# Measures how long the studio's refresh of a large real cluster holds the GUI thread (bench_stall.cpp
# says how): NODES real redis-server nodes (default 250; tests/support, $RCS_REDIS_SERVER or
# redis-server on PATH) formed into a cluster, REFRESHES refreshes (default 20) timed with a 1 ms stall
# probe. Writes its section of bench/RESULTS.md (between the bench/stall markers) with the machine
# description and the load average. Nothing is asserted: this is a measurement.
#
#   bench/stall/run.sh                         # builds into $RCS_BUILD_DIR (default build/)
#   NODES=100 REFRESHES=10 RCS_SKIP_BUILD=1 bench/stall/run.sh
#   SOAK=1050 bench/stall/run.sh               # then 1050 more refreshes, resident memory sampled
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
nodes=${NODES:-250}
refreshes=${REFRESHES:-20}
soak=${SOAK:-0}
# Every node keeps a cluster-bus link to every other; this process holds a connection and three pipes
# per node.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((nodes * 5 + 256)) ]; then
  ulimit -n $((nodes * 5 + 256)) 2>/dev/null || {
    echo "ulimit -n is $(ulimit -n); $nodes nodes need about $((nodes * 5 + 256)) descriptors." >&2
    exit 1
  }
fi

bench/build_target.sh rcs_bench_stall

build_type=$(grep -m1 '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)
flags=$(grep -m1 "^CMAKE_CXX_FLAGS_$(echo "$build_type" | tr '[:lower:]' '[:upper:]'):" "$build_dir/CMakeCache.txt" | cut -d= -f2-)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=$(QT_QPA_PLATFORM=offscreen timeout 7200 "$build_dir/bench/stall/rcs_bench_stall" \
  --nodes "$nodes" --refreshes "$refreshes" --soak "$soak")
printf '%s\n' "$out" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
qt=$(pkg-config --modversion Qt6Widgets 2>/dev/null || echo "6")
section=$(cat <<MD
<!-- bench/stall begin -->
## how long a refresh of a large cluster holds the GUI thread (stall probe)

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/stall/run.sh\` (\`rcs_bench_stall\`, $build_type \`$flags\`,
Qt $qt, \`QT_QPA_PLATFORM=offscreen\`) on $(nproc) CPUs ($cpu); load average (1/5/15 min)
$load_before before, $load_after after. The nodes run on the same two cores as the studio.

$out

A refresh is what the studio runs every poll (default 2 s): the status read (CLUSTER NODES, CLUSTER INFO
and INFO of every node), the merge, the adapter and the metrics, and the model and view update, in a 1400×900 window fitted to the cluster (at 250 nodes: the
overview, each Kubernetes node's box instead of its cards). The goals (issue 16): no stall over 16 ms
during a refresh at 250 nodes, at most 5 ms of GUI-thread time for a refresh with no change, and resident
memory growing by less than 1 MB across 1000 refreshes after the first 50.
<!-- bench/stall end -->
MD
)
bench/write_section.sh stall "$section"
