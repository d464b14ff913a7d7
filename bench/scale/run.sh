#!/usr/bin/env bash
# Create and recover at scale, in one run: NODES nodes (default 100 = 50 masters + 50 replicas), each a
# real redis-server on its own loopback address, as bench/create and the lifecycle bench start them.
# - create: ours (`redis-cluster-studio create --cluster-replicas 1`) against
#   `redis-cli --cluster create … --cluster-replicas 1 --cluster-yes`, CREATE_RUNS runs each (default 2);
# - recover: every node restarted on a new address; ours (RecoverJob) against the seed's procedure
#   (MEET from one node) and a redis-cli full mesh (one redis-cli per node piping a MEET to every other),
#   RECOVER_RUNS runs each (default 1), references given up after GIVE_UP_S (default 60).
# Each benchmark is bounded by `timeout` (BENCH_TIMEOUT_S, default 1800) and runs under `nice -n 10`, so
# the machine stays usable. Writes its section of bench/RESULTS.md (between the bench/scale markers)
# with the machine description and the load average seen before and after each part.
#
#   bench/scale/run.sh                  # builds what it needs into $RCS_BUILD_DIR (default build/)
#   NODES=60 CREATE_RUNS=1 bench/scale/run.sh
#   RCS_SKIP_BUILD=1 RCS_BUILD_DIR=build-engine bench/scale/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
nodes=${NODES:-100}
create_runs=${CREATE_RUNS:-2}
recover_runs=${RECOVER_RUNS:-1}
give_up_s=${GIVE_UP_S:-60}
# Who forms the cluster that recover then restarts (not timed): redis-cli by default, so the recover
# numbers do not depend on how our create copes at this scale (the create part measures that).
recover_setup=${RECOVER_SETUP:-redis-cli}
bench_timeout_s=${BENCH_TIMEOUT_S:-1800}

command -v redis-server >/dev/null || { echo "redis-server is missing: run scripts/install-deps.sh." >&2; exit 1; }
command -v redis-cli >/dev/null || { echo "redis-cli is missing (Debian package redis-tools): run scripts/install-deps.sh." >&2; exit 1; }
# Every node keeps a cluster-bus link to every other, plus our connections: about 3 descriptors a peer.
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((nodes * 4 + 256)) ]; then
  echo "ulimit -n is $(ulimit -n); $nodes nodes need about $((nodes * 4 + 256)) descriptors: raise it first." >&2
  exit 1
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
# RCS_SKIP_BUILD=1 times the binaries already built (e.g. while the tree is being edited).
if [ "${RCS_SKIP_BUILD:-0}" != 1 ]; then
  cmake --build "$build_dir" --target rcs_bench_create rcs_bench_lifecycle redis-cluster-studio --parallel 2
fi

load() { cut -d' ' -f1-3 /proc/loadavg; }
# Each part's output goes to a file (shown live on stderr) and is read back for the summary.
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

echo "== create, $nodes nodes, $create_runs runs per tool" >&2
create_load_before=$(load)
timeout "$bench_timeout_s" nice -n 10 "$build_dir/bench/create/rcs_bench_create" --nodes "$nodes" \
  --replicas 1 --runs "$create_runs" --timeout-s 120 --studio "$build_dir/app/redis-cluster-studio" 2>&1 |
  tee "$logs/create" >&2 || true
create_out=$(cat "$logs/create")
create_load_after=$(load)
create_row=$(printf '%s\n' "$create_out" | grep -E '^\| [0-9]+ \|' || echo "| $nodes | 1 | $create_runs | — | — | — | no result (see the log) | |")
create_failures=$(printf '%s\n' "$create_out" | grep -A2 -E 'failed \(exit' | cut -c1-400 | sed 's/^/    /' || true)

echo "== recover, $nodes nodes, $recover_runs runs per tool" >&2
recover_load_before=$(load)
timeout "$bench_timeout_s" nice -n 10 "$build_dir/bench/lifecycle/rcs_bench_lifecycle" recover \
  --nodes "$nodes" --runs "$recover_runs" --references seed,cli-mesh --give-up-s "$give_up_s" --setup-with "$recover_setup" 2>&1 |
  tee "$logs/recover" >&2 || true
recover_out=$(cat "$logs/recover")
recover_load_after=$(load)
recover_rows=$(printf '%s\n' "$recover_out" | grep -E '^\| recover' || echo "| recover $nodes nodes | — | $recover_runs | no result (see the log) | | | | |")
recover_meets=$(printf '%s\n' "$recover_out" | grep -E 'MEETs sent after' | sed 's/^ */    /' || true)
recover_failures=$(printf '%s\n' "$recover_out" | grep -E 'failed:|set-up failed' | cut -c1-400 | sed 's/^/    /' || true)

create_failure_block=""
[ -n "$create_failures" ] && create_failure_block=$(printf '\nFailures (first 400 characters of each):\n\n%s\n' "$create_failures")
recover_extra_block=""
[ -n "$recover_meets" ] && recover_extra_block=$(printf '\nWhen the references had sent all their MEETs:\n\n%s\n' "$recover_meets")
[ -n "$recover_failures" ] && recover_extra_block+=$(printf '\n\nFailures (first 400 characters of each):\n\n%s\n' "$recover_failures")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
redis=$(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')
section=$(cat <<MD
<!-- bench/scale begin -->
## create and recover at $nodes nodes ($((nodes / 2)) masters + $((nodes / 2)) replicas)

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/scale/run.sh\` on $(nproc) CPUs ($cpu), $ram RAM,
Redis $redis ($(uname -sr)), every benchmark under \`nice -n 10\` (the load average includes whatever else the machine ran).
Load average (1/5/15 min) before → after: create $create_load_before → $create_load_after;
recover $recover_load_before → $recover_load_after.

**create** (same method as the create section: fresh nodes, 3 s settle, timed until the tool exited and
every node reports \`cluster_state:ok\`; a run counts as failed after 120 s):

| nodes | replicas | runs | ours median (ms) | redis-cli median (ms) | speed-up | ours (ms) | redis-cli (ms) |
|---|---|---|---|---|---|---|---|
$create_row
$create_failure_block

**recover** (same method as the recover section: cluster formed, every node restarted on a new loopback
address with its data folder, timed until all correct; every tool given up after $give_up_s s; the cluster
was formed by $recover_setup before the restart, untimed). "cli-mesh"
is the best a script can do with redis-cli alone: one \`redis-cli -h NODE\` per node reading
\`CLUSTER MEET\` for every other node from its standard input, one process after another.

| scenario | reference | runs | ours median | reference median | speed-up | ours (ms) | reference (ms) |
|---|---|---|---|---|---|---|---|
$recover_rows
$recover_extra_block
<!-- bench/scale end -->
MD
)
bench/write_section.sh scale "$section"
