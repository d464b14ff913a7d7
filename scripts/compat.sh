#!/usr/bin/env bash
# The compatibility matrix: runs every test that starts redis-server (ctest label `matrix`: test nodes and
# kube-sandbox pods) once per server users still run, each built from ../shared/servers.
#
#   scripts/compat.sh [redis-5.0.5|redis-6.2.16|valkey-8.0.1|all]     (default: all)
#
# Servers are built once into ${XDG_CACHE_HOME:-~/.cache}/redis-servers/<name> (outside the tree; a finished
# build is reused) with the flags of ../shared/servers/README.md. Each run sets RCS_REDIS_SERVER and
# RCS_REDIS_CLI (tests/support/server_under_test.h), so every test node, every kube-sandbox pod and every
# redis-cli a test runs is that server's. A test that cannot run on a server skips naming the server and
# the reason; the summary lists every skip per server. The kubectl walk-through (tst_sandbox_kubectl) is
# not in the matrix: it runs once, on Debian's server, in the default suite (scripts/test.sh).
# A test that needs one server's build once, whatever server runs the rest, carries the label
# compat-<server> and runs in that server's pass only: tst_e2e_upgrade_versions (the real 5.0.5 → 7.0
# upgrade; its servers are pinned by kube-sandbox's --image-map) in the redis-5.0.5 pass, so the other
# passes take no longer.
#
# Without ../shared/servers (a fresh clone) it says so and exits 0. Exit status: 1 when a test failed or
# a server could not be built. RCS_BUILD_DIR chooses the build folder (default build/); RCS_SERVER_SOURCES
# the sources' folder (default ../shared/servers, e.g. for a git worktree that lives elsewhere).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
sources=${RCS_SERVER_SOURCES:-"$repo/../shared/servers"}
all_servers=(redis-5.0.5 redis-6.2.16 valkey-8.0.1)

usage() {
  echo "usage: scripts/compat.sh [${all_servers[*]// /|}|all]" >&2
  exit 2
}

selected=()
case "${1:-all}" in
  all) selected=("${all_servers[@]}") ;;
  -h | --help) usage ;;
  *)
    for s in "${all_servers[@]}"; do
      [ "$s" = "$1" ] && selected=("$1")
    done
    [ ${#selected[@]} -eq 1 ] || usage
    ;;
esac
[ $# -le 1 ] || usage

if [ ! -d "$sources" ]; then
  echo "compat: skipped: $sources is absent, so there are no server sources to build (a fresh clone has"
  echo "        none); the default suite (scripts/test.sh) runs on Debian's redis-server as always."
  exit 0
fi

cache="${XDG_CACHE_HOME:-$HOME/.cache}/redis-servers"
build_dir=${RCS_BUILD_DIR:-build}
results="$repo/$build_dir/compat"
mkdir -p "$cache"

engine_of() { case "$1" in valkey-*) echo valkey ;; *) echo redis ;; esac; }

# make flags per ../shared/servers/README.md: 5.0.5 has no TLS and needs -fcommon with GCC >= 10.
make_flags_of() {
  case "$1" in
    redis-5.*) echo "MALLOC=libc CFLAGS=-fcommon" ;;
    *) echo "MALLOC=libc BUILD_TLS=yes" ;;
  esac
}

# A build is finished when its server and cli both run.
built() {
  local dir=$cache/$1 engine
  engine=$(engine_of "$1")
  "$dir/src/$engine-server" --version >/dev/null 2>&1 && "$dir/src/$engine-cli" --version >/dev/null 2>&1
}

# Builds one server unless a finished build is there; one build at a time per server (flock), so a
# second compat.sh waits for the first instead of building the same tree twice.
build_server() {
  local name=$1 tarball="$sources/$1.tar.gz" log="$cache/$1.build.log"
  if [ ! -f "$tarball" ]; then
    echo "compat: $name: $tarball is missing; this server is skipped." >&2
    return 1
  fi
  exec 9>"$cache/$name.lock"
  flock 9
  if ! built "$name"; then
    echo "compat: building $name into $cache/$name (about two minutes on 2 cores; log: $log)"
    local started=$SECONDS
    # shellcheck disable=SC2046 # the flags are words
    if ! { [ -d "$cache/$name" ] || tar -xzf "$tarball" -C "$cache"; } ||
      ! make -C "$cache/$name" -j"$(nproc)" $(make_flags_of "$name") >"$log" 2>&1 || ! built "$name"; then
      echo "compat: $name did not build; the end of $log:" >&2
      tail -n 20 "$log" >&2
      flock -u 9
      return 1
    fi
    echo "compat: $name built in $((SECONDS - started)) s"
  fi
  flock -u 9
}

# Prints the summary of one server's run from ctest's full log (LastTest.log: every test's output):
# passed, failed and skipped tests, and every QSKIP with its reason.
summarize() {
  local name=$1 log=$2
  awk -v server="$name" '
    /^[0-9]+\/[0-9]+ Test: / { test = $3 }
    /^SKIP   : / {
      line = $0; sub(/^SKIP   : /, "", line)
      skips[test] = skips[test] "      " line "\n"; skipped[test] = 1
    }
    /^Test Passed\./ { passed[++np] = test }
    /^Test Failed\./ || /^Test Timeout/ || /^Test Not Run/ || /^Unable to find executable/ { failed[++nf] = test }
    END {
      ns = 0; for (t in skipped) ns++
      printf "%s: %d passed, %d failed, %d with skips\n", server, np, nf, ns
      for (i = 1; i <= nf; i++) printf "  FAILED  %s\n", failed[i]
      for (t in skipped) printf "  skips in %s:\n%s", t, skips[t]
    }' "$log"
}

run_server() {
  local name=$1 engine dir
  engine=$(engine_of "$name")
  dir="$cache/$name/src"
  export RCS_REDIS_SERVER="$dir/$engine-server" RCS_REDIS_CLI="$dir/$engine-cli"
  mkdir -p "$results/$name"
  echo
  echo "=== $name: $("$RCS_REDIS_SERVER" --version) ==="
  local started=$SECONDS status=0 log="$build_dir/Testing/Temporary/LastTest.log"
  rm -f "$log" # a run that is killed leaves none, rather than the previous server's
  (cd "$build_dir" && ctest -L "^(matrix|compat-$name)\$" --output-on-failure --parallel 2 --timeout 900) ||
    status=$?
  {
    if [ -f "$log" ]; then
      cp "$log" "$results/$name/ctest.log"
      summarize "$name" "$results/$name/ctest.log"
    else
      echo "$name: ctest did not finish (exit $status); no result"
      status=1
    fi
    echo "  time: $((SECONDS - started)) s"
  } >"$results/$name/summary.txt"
  return $status
}

failed=0
runnable=()
for name in "${selected[@]}"; do
  rm -f "$results/$name/summary.txt"
  if build_server "$name"; then
    runnable+=("$name")
  else
    failed=1
  fi
done
[ ${#runnable[@]} -gt 0 ] || exit 1

./scripts/build.sh

for name in "${runnable[@]}"; do
  run_server "$name" || failed=1
done

echo
echo "=== compatibility matrix: summary (full logs in $results/<server>/ctest.log) ==="
for name in "${selected[@]}"; do
  if [ -f "$results/$name/summary.txt" ]; then
    cat "$results/$name/summary.txt"
  else
    echo "$name: not built, no test ran"
  fi
done
exit $failed
