#!/usr/bin/env bash
# Times our `create` against `redis-cli --cluster create … --cluster-replicas 1 --cluster-yes` on freshly
# started local nodes (each on its own loopback IP), from start until every node reports
# cluster_state:ok; 6 and 30 nodes, RUNS runs per tool (default 5). Writes its section of
# bench/RESULTS.md (between the bench/create markers) with the machine description.
#
#   bench/create/run.sh            # builds what it needs into $RCS_BUILD_DIR (default build/)
#   RUNS=7 bench/create/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
runs=${RUNS:-5}

command -v redis-server >/dev/null || { echo "redis-server is missing: run scripts/install-deps.sh." >&2; exit 1; }
command -v redis-cli >/dev/null || { echo "redis-cli is missing (Debian package redis-tools): run scripts/install-deps.sh." >&2; exit 1; }

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$build_dir" --target rcs_bench_create redis-cluster-studio --parallel "$(nproc)"

bench="$build_dir/bench/create/rcs_bench_create"
studio="$build_dir/app/redis-cluster-studio"
rows=()
for nodes in 6 30; do
  echo "== $nodes nodes, $runs runs per tool" >&2
  out=$("$bench" --nodes "$nodes" --replicas 1 --runs "$runs" --studio "$studio" | tee /dev/stderr)
  rows+=("$(printf '%s\n' "$out" | grep -E '^\| [0-9]+ \|')")
done

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
ram=$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)
redis=$(redis-server --version | sed 's/.*v=\([^ ]*\).*/\1/')
section=$(cat <<MD
<!-- bench/create begin -->
## create: ours vs redis-cli --cluster create

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`bench/create/run.sh\` on $(nproc) CPUs ($cpu), $ram RAM,
Redis $redis ($(uname -sr)).

Each run starts new redis-server nodes (own loopback IP each, \`cluster-node-timeout 5000\`, AOF), waits
until they answer PING plus 3 s (a master reports \`cluster_state:ok\` no earlier than 2 s after start-up,
and real nodes have been up longer), then times the tool from its start until every node reports
\`cluster_state:ok\` (polled every ~5 ms) and the tool exited with 0, whichever came last. "ours" is the
\`redis-cluster-studio create --cluster-replicas 1\` process; the tools alternate which goes first.

| nodes | replicas | runs | ours median (ms) | redis-cli median (ms) | speed-up | ours (ms) | redis-cli (ms) |
|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

Why: redis-cli sleeps 1 s after its star of MEETs and then polls once a second, and its masters report
\`ok\` only min(cluster-node-timeout, 5 s) after they last counted themselves in a minority — which a
node without slots does until its ADDSLOTS. Ours pipelines ADDSLOTSRANGE and SET-CONFIG-EPOCH, sends a
full-mesh MEET, attaches replicas as soon as they know their master, polls every 50 ms, and lowers
cluster-node-timeout to 1 s while the cluster forms (restored afterwards), so the masters wait 1 s
instead of 5 s. Ours also verifies more before it exits: roles, addresses and links on every node.
<!-- bench/create end -->
MD
)
bench/write_section.sh create "$section"
