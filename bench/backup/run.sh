#!/usr/bin/env bash
# Backup and restore of KEYS string keys of about SIZE bytes (default 1 000 000 of 100: ~100 MB) on 3
# masters (issue 18, item 5), side by side in one run, the tools alternating order, RUNS rounds (5):
#   backup : `redis-cluster-studio backup` against `redis-cli --rdb` run on the three masters at once;
#   restore: `redis-cluster-studio restore` into an empty 3-master cluster against a key-by-key
#            DUMP/RESTORE copy from the source cluster (dump_restore_copy.py, pipelined in batches).
# Every restore is checked: the target holds exactly KEYS keys. Both tools face the same servers with
# repl-diskless-sync-delay 0 (7.0 waits 5 s for more replicas otherwise, for either tool). The servers run
# on this machine on 127.0.0.1, three ports from $SOURCE_PORT (7311) for the source and three from
# $TARGET_PORT (7321) for the target; $RCS_REDIS_SERVER, else redis-server on PATH. Writes the section
# "backup" of bench/RESULTS.md.
#
#   bench/backup/run.sh                      # builds redis-cluster-studio into $RCS_BUILD_DIR (build/)
#   KEYS=200000 RUNS=3 RCS_SKIP_BUILD=1 bench/backup/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
build_dir=${RCS_BUILD_DIR:-build}
keys=${KEYS:-1000000}
size=${SIZE:-100}
runs=${RUNS:-5}
src=${SOURCE_PORT:-7311}
dst=${TARGET_PORT:-7321}
server=${RCS_REDIS_SERVER:-$(command -v redis-server)}
cli=${RCS_REDIS_CLI:-$(command -v redis-cli)}
[ -n "${RCS_SKIP_BUILD:-}" ] || bench/build_target.sh redis-cluster-studio
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
    if "$cli" -p $(($1 + i)) ping >/dev/null 2>&1; then
      echo "port $(($1 + i)) is in use; set SOURCE_PORT and TARGET_PORT to free ones" >&2
      exit 1
    fi
  done
  for i in 0 1 2; do
    local port=$(($1 + i)) dir="$work/$(($1 + i))"
    mkdir -p "$dir"
    "$server" --port "$port" --bind 127.0.0.1 --dir "$dir" --cluster-enabled yes --save '' \
      --appendonly no --daemonize no --logfile "$dir/log" --repl-diskless-sync-delay 0 &
    pids+=($!)
    nodes+=("127.0.0.1:$port")
  done
  for node in "${nodes[@]}"; do
    for _ in $(seq 100); do "$cli" -p "${node#*:}" ping >/dev/null 2>&1 && break; sleep 0.1; done
  done
  "$cli" --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$work/create-$1.log" ||
    { cat "$work/create-$1.log" >&2; exit 1; }
  for _ in $(seq 100); do
    "$cli" -p "$1" cluster info | grep -q 'cluster_state:ok' && break
    sleep 0.2
  done
}
masters_of() { "$cli" -p "$1" cluster nodes | awk '$3 ~ /master/ {split($2, a, "@"); print a[1] "=" $9}'; }
now_ms() { date +%s%3N; }
count_keys() { local n=0; for p in 0 1 2; do n=$((n + $("$cli" -p $(($1 + p)) dbsize))); done; echo $n; }
flush_target() { for p in $dst $((dst + 1)) $((dst + 2)); do "$cli" -p $p flushall >/dev/null; done; }

start_cluster $src
start_cluster $dst
# shellcheck disable=SC2046
python3 bench/backup/fill_cluster.py "$keys" "$size" "$cli" $(masters_of $src)
[ "$(count_keys $src)" = "$keys" ] || { echo "the source holds $(count_keys $src) keys, not $keys" >&2; exit 1; }
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

ours_backup() {
  local t=$(now_ms)
  "$studio" backup --nodes 127.0.0.1:$src --to "$work/ours.rcsbackup" --force --json >"$work/backup.json"
  echo $(($(now_ms) - t))
}
cli_backup() {
  local t=$(now_ms) p
  for p in $src $((src + 1)) $((src + 2)); do "$cli" -p $p --rdb "$work/cli-$p.rdb" >/dev/null 2>&1 & done
  wait
  echo $(($(now_ms) - t))
}
ours_restore() {
  flush_target
  local t=$(now_ms)
  "$studio" restore --nodes 127.0.0.1:$dst --from "$work/ours.rcsbackup" --json >"$work/restore.json"
  local ms=$(($(now_ms) - t))
  [ "$(count_keys $dst)" = "$keys" ] || { echo "restore left $(count_keys $dst) keys, not $keys" >&2; exit 1; }
  echo $ms
}
copy_restore() {
  flush_target
  local t=$(now_ms)
  # shellcheck disable=SC2046
  python3 bench/backup/dump_restore_copy.py 127.0.0.1:$src 127.0.0.1:$((src + 1)) 127.0.0.1:$((src + 2)) -- \
    $(masters_of $dst) >/dev/null
  local ms=$(($(now_ms) - t))
  [ "$(count_keys $dst)" = "$keys" ] || { echo "the copy left $(count_keys $dst) keys, not $keys" >&2; exit 1; }
  echo $ms
}

: >"$work/times"
for run in $(seq "$runs"); do
  if [ $((run % 2)) = 1 ]; then
    echo "ours_backup $(ours_backup)" >>"$work/times"; echo "cli_backup $(cli_backup)" >>"$work/times"
    echo "ours_restore $(ours_restore)" >>"$work/times"; echo "copy_restore $(copy_restore)" >>"$work/times"
  else
    echo "cli_backup $(cli_backup)" >>"$work/times"; echo "ours_backup $(ours_backup)" >>"$work/times"
    echo "copy_restore $(copy_restore)" >>"$work/times"; echo "ours_restore $(ours_restore)" >>"$work/times"
  fi
  echo "round $run: $(tail -4 "$work/times" | tr '\n' ' ')" >&2
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
archive_bytes=$(stat -c %s "$work/ours.rcsbackup")
rdb_bytes=0
for p in $src $((src + 1)) $((src + 2)); do rdb_bytes=$((rdb_bytes + $(stat -c %s "$work/cli-$p.rdb"))); done

section=$(python3 - "$work/times" "$keys" "$size" "$archive_bytes" "$rdb_bytes" "$runs" "$server" \
  "$load_before" "$load_after" "$work/restore.json" <<'PY'
import json, statistics, subprocess, sys, time
times, keys, size, archive, rdb, runs, server, before, after, restore = sys.argv[1:]
keys, archive, rdb = int(keys), int(archive), int(rdb)
by = {}
for line in open(times):
    name, ms = line.split()
    by.setdefault(name, []).append(int(ms))
med = {name: statistics.median(v) for name, v in by.items()}
version = subprocess.run([server, "--version"], capture_output=True, text=True).stdout.split()[2]
cpu = open("/proc/cpuinfo").read().split("model name")[1].split("\n")[0].strip(": \t")
last = json.load(open(restore))
def row(label, name, unit_count, unit):
    v = by[name]
    return (f"| {label} | {med[name] / 1000:.2f} | {min(v) / 1000:.2f} | {max(v) / 1000:.2f} "
            f"| {unit_count / (med[name] / 1000):,.0f} {unit} |")
mb = rdb / 1e6
print(f"""<!-- bench/backup begin -->
## backup and restore of {keys:,} keys ({size}-byte values) on 3 masters

Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} by `bench/backup/run.sh` on {subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} CPUs ({cpu}),
{version.replace('v=', 'Redis ')} servers on the same machine (a source and a target cluster of 3 masters each,
`repl-diskless-sync-delay 0`); load average {before} before, {after} after. {runs} rounds, the tools
alternating order; each restore checked to leave exactly {keys:,} keys.

| seconds (median of {runs}) | median | fastest | slowest | rate |
|---|---|---|---|---|
{row('backup: redis-cluster-studio backup (archive, digests, verified while streaming)', 'ours_backup', mb, 'MB/s')}
{row('backup: redis-cli --rdb on the 3 masters at once', 'cli_backup', mb, 'MB/s')}
{row('restore: redis-cluster-studio restore (archive verified first)', 'ours_restore', keys, 'keys/s')}
{row('restore: key-by-key DUMP/RESTORE copy (pipelined, batches of 1000)', 'copy_restore', keys, 'keys/s')}

The RDBs of the three masters hold {rdb:,} bytes; the archive {archive:,} bytes. Backup: ours takes
{med['ours_backup'] / med['cli_backup']:.2f}× the time of `redis-cli --rdb` (goal: within ±10 %). Restore: {keys / (med['ours_restore'] / 1000):,.0f} keys/s over the
whole command (goal: ≥ 150 000), of which sending took {last.get('send_seconds', float('nan')):.2f} s in the last run;
{med['copy_restore'] / med['ours_restore']:.1f}× faster than the DUMP/RESTORE copy.
<!-- bench/backup end -->""")
PY
)
echo "$section"
bench/write_section.sh backup "$section"
