#!/usr/bin/env bash
# Measures what monitoring adds to a studio refresh (bench_metrics.cpp says what each step is): GUI-thread
# time at 200 synthetic nodes, and commands per node per refresh counted by 6 real redis-server nodes
# (tests/support; $RCS_REDIS_SERVER or redis-server on PATH). Writes its section of bench/RESULTS.md
# (between the bench/metrics markers) with the machine description and the load average. Nothing is
# asserted: this is a measurement.
#
#   bench/metrics/run.sh                       # builds into $RCS_BUILD_DIR (default build/)
#   RUNS=30 REFRESHES=20 RCS_SKIP_BUILD=1 bench/metrics/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
runs=${RUNS:-30}
refreshes=${REFRESHES:-20}

bench/build_target.sh rcs_bench_metrics

build_type=$(grep -m1 '^CMAKE_BUILD_TYPE:' "$build_dir/CMakeCache.txt" | cut -d= -f2)
flags=$(grep -m1 "^CMAKE_CXX_FLAGS_$(echo "$build_type" | tr '[:lower:]' '[:upper:]'):" "$build_dir/CMakeCache.txt" | cut -d= -f2-)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
out=$(QT_QPA_PLATFORM=offscreen timeout 900 nice -n 10 "$build_dir/bench/metrics/rcs_bench_metrics" \
  --runs "$runs" --refreshes "$refreshes")
printf '%s\n' "$out" >&2
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
qt=$(pkg-config --modversion Qt6Widgets 2>/dev/null || echo "6")
section=$(cat <<MD
<!-- bench/metrics begin -->
## what monitoring costs a refresh (metrics, sparklines, Metrics dock)

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/metrics/run.sh\` (\`rcs_bench_metrics\`, $build_type \`$flags\`,
Qt $qt, \`QT_QPA_PLATFORM=offscreen\`, \`nice -n 10\`) on $(nproc) CPUs ($cpu); load average (1/5/15 min)
$load_before before, $load_after after (whatever else the machine ran is included).

$out

The metrics are fed from the INFO the status read already holds (\`ClusterMetrics::addTopology\`), so
the "metrics' own" column is the number of commands monitoring sends: the goal was at most 2 per node
per refresh. The GUI-thread part is what one refresh costs on top of the status read, whose merge
(\`ClusterTopology::fromViews\`) is in the topology section above.
<!-- bench/metrics end -->
MD
)
bench/write_section.sh metrics "$section"
