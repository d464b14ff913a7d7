#!/usr/bin/env bash
# Restore rate (issue 18: >= 150 k keys/s on this machine): KEYS string keys of about SIZE bytes
# (default 1 000 000 of 100) written into a 3-master cluster (fill_cluster.py: redis-cli --pipe per
# master), backed up with `backup`, then restored with `restore` into an empty 3-master cluster; every
# server on this machine, on 127.0.0.1 ports 7101-7103 and 7201-7203 ($RCS_REDIS_SERVER, else
# redis-server on PATH). Prints restore's JSON result and the rates: over the whole job (the archive's
# verification included) and over the sending alone. Nothing is asserted: this is a measurement.
#
#   bench/backup/run_restore.sh                 # builds redis-cluster-studio into $RCS_BUILD_DIR (build/)
#   KEYS=200000 RCS_SKIP_BUILD=1 bench/backup/run_restore.sh
#   KEEP_ARCHIVE=/tmp/1m.rcsbackup bench/backup/run_restore.sh   # keeps the archive (e.g. to profile verify)
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
keys=${KEYS:-1000000}
size=${SIZE:-100}
server=${RCS_REDIS_SERVER:-$(command -v redis-server)}
cli=${RCS_REDIS_CLI:-$(command -v redis-cli)}
bench/build_target.sh redis-cluster-studio
studio="$build_dir/app/redis-cluster-studio"
[ -x "$studio" ] || studio=$(find "$build_dir" -name redis-cluster-studio -type f -perm -u+x | head -1)

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

start_cluster() { # first port
  local nodes=()
  for i in 0 1 2; do
    local port=$(($1 + i)) dir="$work/$(($1 + i))"
    mkdir -p "$dir"
    "$server" --port "$port" --bind 127.0.0.1 --dir "$dir" --cluster-enabled yes --save '' \
      --appendonly no --daemonize no --logfile "$dir/log" &
    pids+=($!)
    nodes+=("127.0.0.1:$port")
  done
  for node in "${nodes[@]}"; do
    for _ in $(seq 100); do "$cli" -p "${node#*:}" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  "$cli" --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >/dev/null
  for _ in $(seq 100); do
    "$cli" -p "$1" cluster info | grep -q 'cluster_state:ok' && break
    sleep 0.2
  done
}

start_cluster 7101
start_cluster 7201
masters=$("$cli" -p 7101 cluster nodes | awk '$3 ~ /master/ {split($2, a, "@"); print a[1] "=" $9}')
start=$(date +%s%3N)
# shellcheck disable=SC2086
python3 bench/backup/fill_cluster.py "$keys" "$size" "$cli" $masters
fill=$(($(date +%s%3N) - start))
written=0
for port in 7101 7102 7103; do written=$((written + $("$cli" -p $port dbsize))); done
echo "wrote $written keys in ${fill} ms" >&2

archive="$work/bench.rcsbackup"
"$studio" backup --nodes 127.0.0.1:7101 --to "$archive" --json >"$work/backup.json"
echo "backup: $(stat -c %s "$archive") bytes" >&2
[ -z "${KEEP_ARCHIVE:-}" ] || cp "$archive" "$KEEP_ARCHIVE"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# The studio's own CPU time and peak memory beside the wall clock: what the servers had left.
/usr/bin/time -f "studio: %e s real, %U s user, %S s sys, %M KB peak" \
  "$studio" restore --nodes 127.0.0.1:7201 --from "$archive" --json >"$work/restore.json"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
restored=0
for port in 7201 7202 7203; do restored=$((restored + $("$cli" -p $port dbsize))); done
cat "$work/restore.json"
python3 - "$work/restore.json" "$restored" "$load_before" "$load_after" "$server" <<'PY'
import json, sys
result = json.load(open(sys.argv[1]))
keys, send = result["restored"], result["send_seconds"]
print(f"restored {keys} keys ({sys.argv[2]} in the target) with {sys.argv[5]}: "
      f"{result['seconds']:.2f} s in all ({keys / result['seconds']:.0f} keys/s, verification included), "
      f"{send:.2f} s sending ({keys / send:.0f} keys/s); load {sys.argv[3]} before, {sys.argv[4]} after")
PY
