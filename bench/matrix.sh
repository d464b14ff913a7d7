#!/usr/bin/env bash
# The benchmark matrix: create, recover, rebalance (0 and 500 k keys) and a manual failover on every
# server of the compatibility matrix, ours against THAT server's own cli (redis-cli or valkey-cli of the
# same build), and writes the bench/matrix section of bench/RESULTS.md (a column per server, then each
# server's runs with the load average seen before and after each measurement).
#
#   bench/matrix.sh [PHASE] [SERVER…]
#     PHASE  cheap: create 6 nodes, recover 6, rebalance with no keys, failover (default)
#            keys:  rebalance with 500 k keys
#            all:   both;  report: only rewrite the section from the results already measured
#     SERVER redis-7.0.15 (Debian's /usr/bin/redis-server), redis-5.0.5, redis-6.2.16, valkey-8.0.1
#            (built by scripts/compat.sh into ${XDG_CACHE_HOME:-~/.cache}/redis-servers); default all four
#
#   RUNS (default 5) runs per tool, KEY_RUNS (default 3) for the 500 k-key rebalance, which costs about
#   half a minute per run to load; the tools alternate which goes first. Results are kept per server and
#   scenario in $RCS_BUILD_DIR/bench-matrix/ (default build/), so phases and servers can be measured
#   apart and the section always shows the latest of each. RCS_SKIP_BUILD=1 times the binaries as built.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${RCS_BUILD_DIR:-build}
runs=${RUNS:-5}
key_runs=${KEY_RUNS:-3}
cache="${XDG_CACHE_HOME:-$HOME/.cache}/redis-servers"
all_servers=(redis-7.0.15 redis-5.0.5 redis-6.2.16 valkey-8.0.1)

phase=cheap
case "${1:-}" in
  cheap | keys | all | report)
    phase=$1
    shift
    ;;
esac
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=("${all_servers[@]}")

# The server binary and its own cli, per matrix name.
server_of() {
  case "$1" in
    redis-7.0.15) echo /usr/bin/redis-server ;;
    valkey-*) echo "$cache/$1/src/valkey-server" ;;
    redis-*) echo "$cache/$1/src/redis-server" ;;
    *) return 1 ;;
  esac
}
cli_of() {
  case "$1" in
    redis-7.0.15) echo /usr/bin/redis-cli ;;
    valkey-*) echo "$cache/$1/src/valkey-cli" ;;
    redis-*) echo "$cache/$1/src/redis-cli" ;;
  esac
}

for s in "${servers[@]}"; do
  server=$(server_of "$s") || { echo "Unknown server '$s': use ${all_servers[*]}." >&2; exit 2; }
  if [ "$phase" != report ] && { [ ! -x "$server" ] || [ ! -x "$(cli_of "$s")" ]; }; then
    echo "$s: $server or its cli is missing; build the matrix servers with scripts/compat.sh first." >&2
    exit 1
  fi
done

if [ "$phase" != report ] && [ "${RCS_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    generator=()
    command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    cmake -S . -B "$build_dir" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo
  fi
  cmake --build "$build_dir" --target rcs_bench_create rcs_bench_lifecycle redis-cluster-studio --parallel "$(nproc)"
fi

results="$build_dir/bench-matrix"
studio="$build_dir/app/redis-cluster-studio"
create_bench="$build_dir/bench/create/rcs_bench_create"
lifecycle_bench="$build_dir/bench/lifecycle/rcs_bench_lifecycle"
load() { cut -d' ' -f1-3 /proc/loadavg; }

# measure SERVER SCENARIO COMMAND…: runs the bench with the server and its cli chosen, keeps its output
# (log) and a JSON record of its RESULT lines with the load average before and after and the wall time.
measure() {
  local name=$1 scenario=$2
  shift 2
  local dir="$results/$name" server cli before after started status=0
  server=$(server_of "$name")
  cli=$(cli_of "$name")
  mkdir -p "$dir"
  echo "== $name: $scenario ($(date -u +%H:%M:%S) UTC, load $(load))" >&2
  before=$(load)
  started=$SECONDS
  RCS_REDIS_SERVER=$server RCS_REDIS_CLI=$cli timeout 1800 "$@" >"$dir/$scenario.log" 2>&1 || status=$?
  after=$(load)
  grep -E '^(run |  seen)' "$dir/$scenario.log" >&2 || true
  python3 - "$dir/$scenario.log" "$dir/$scenario.json" "$name" "$scenario" "$before" "$after" \
    "$((SECONDS - started))" "$status" "$("$server" --version)" "$(date -u '+%Y-%m-%d %H:%M')" <<'PY'
import json, sys
log, out, name, scenario, before, after, wall, status, version, when = sys.argv[1:]
text = open(log, errors='replace').read()
results = [json.loads(line[len('RESULT '):]) for line in text.splitlines() if line.startswith('RESULT ')]
errors = [line for line in text.splitlines() if 'failed:' in line and not line.startswith(('run ', '|', 'RESULT'))]
json.dump({'server': name, 'scenario': scenario, 'results': results, 'load_before': before,
           'load_after': after, 'wall_s': int(wall), 'exit': int(status), 'version': version,
           'when': when, 'errors': errors[:6]}, open(out, 'w'), indent=1)
PY
}

for s in "${servers[@]}"; do
  [ "$phase" = report ] && break
  if [ "$phase" = cheap ] || [ "$phase" = all ]; then
    measure "$s" create "$create_bench" --nodes 6 --replicas 1 --runs "$runs" --studio "$studio" \
      --redis-cli "$(cli_of "$s")"
    measure "$s" recover "$lifecycle_bench" recover --nodes 6 --runs "$runs" --references cli-mesh
    measure "$s" rebalance-0 "$lifecycle_bench" rebalance --keys 0 --runs "$runs"
    measure "$s" failover "$lifecycle_bench" failover --runs "$runs" --give-up-s 10 --studio "$studio"
  fi
  if [ "$phase" = keys ] || [ "$phase" = all ]; then
    measure "$s" rebalance-500k "$lifecycle_bench" rebalance --keys 500000 --runs "$key_runs"
  fi
done

section=$(python3 bench/matrix_report.py "$results" "${all_servers[@]}")
bench/write_section.sh matrix "$section"
