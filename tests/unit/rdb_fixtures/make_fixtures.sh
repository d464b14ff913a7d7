#!/usr/bin/env bash
# Regenerates the RDB fixtures of tst_rdb_reader with the real servers: for each server, a fresh
# instance on 127.0.0.x gets the same keys (every type in its small/compact and large form, TTLs,
# binary and empty keys/values, integers, an LZF-compressible string, streams with groups and a
# pending entry, a key in db 1), then SAVE writes <server>.rdb here. DUMP of a few keys is written
# beside it (<server>-dump-<name>.bin) so the test can check that type byte + the record's raw value
# + RDB version + CRC-64 equals what the server itself DUMPs.
# Usage: tests/unit/rdb_fixtures/make_fixtures.sh  (servers default to the ones the matrix builds)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${RCS_SERVER_CACHE:-$HOME/.cache/redis-servers}
servers=(
  "redis-5.0.5|$cache/redis-5.0.5/src/redis-server|$cache/redis-5.0.5/src/redis-cli|127.0.77.1"
  "redis-6.2.16|$cache/redis-6.2.16/src/redis-server|$cache/redis-6.2.16/src/redis-cli|127.0.77.2"
  "redis-7.0|/usr/bin/redis-server|/usr/bin/redis-cli|127.0.77.3"
  "valkey-8.0.1|$cache/valkey-8.0.1/src/valkey-server|$cache/valkey-8.0.1/src/valkey-cli|127.0.77.4"
)
port=7790
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

for entry in "${servers[@]}"; do
  IFS='|' read -r name server cli host <<<"$entry"
  dir=$work/$name
  mkdir -p "$dir"
  extra=()
  # 7.0+ lets DEBUG QUICKLIST-PACKED-THRESHOLD make a list node PLAIN (quicklist 2, plain nodes).
  "$server" --version | grep -qE 'v=(7|8)\.' && extra=(--enable-debug-command yes)
  "$server" --bind "$host" --port "$port" --dir "$dir" --dbfilename dump.rdb --save '' \
    --appendonly no --daemonize no "${extra[@]}" >"$dir/server.log" 2>&1 &
  pids+=($!)
  c() { "$cli" -h "$host" -p "$port" "$@"; }
  for _ in $(seq 50); do c PING >/dev/null 2>&1 && break; sleep 0.1; done
  # Commands go through stdin so that "\x00"-style escapes in double quotes reach the server as bytes.
  # Small forms are written under the default thresholds, then the thresholds drop to 4 for the large
  # forms (a CONFIG SET of a parameter an older server lacks, set-max-listpack-entries, fails there).
  c >/dev/null <<'CMDS'
FLUSHALL
SET str:plain "hello world"
SET str:i8 100
SET str:i16 3000
SET str:i32 -70000
SET str:big 12345678901
SET str:empty ""
SET "" "value of the empty key"
SET "bin\x00\xffkey" "v\x00\x01\xfe"
SET str:lzf "abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghij"
SET ttl:str "expires" PX 100000000
PEXPIREAT ttl:str 4102444800000
RPUSH list:small a b 1 -2 ""
SADD set:int 1 2 3 -5 70000
SADD set:small a b c
ZADD zset:small 1 a 2.5 b -3 c
HSET hash:small f1 v1 f2 2
HSET hash:small "" empty
XADD stream:s 1-1 f v
XADD stream:s 2-0 a 1 b 2
XADD stream:s 3-0 f v2
XADD stream:s 4-0 x y
XDEL stream:s 4-0
XGROUP CREATE stream:s g1 0
XGROUP CREATE stream:s g2 $
XREADGROUP GROUP g1 alice COUNT 1 STREAMS stream:s >
CONFIG SET hash-max-ziplist-entries 4
CONFIG SET zset-max-ziplist-entries 4
CONFIG SET set-max-intset-entries 4
CONFIG SET set-max-listpack-entries 4
CONFIG SET list-max-ziplist-size 4
CONFIG SET stream-node-max-entries 4
RPUSH list:large e0 e1 e2 e3 e4 e5 e6 e7 e8 e9
SADD set:large m0 m1 m2 m3 m4 m5 m6 m7 m8 m9
SADD set:intlarge 0 1 2 3 4 5 6 7 8 9
ZADD zset:large 0 m0 1 m1 2 m2 3 m3 4 m4 0.1 m5 -1.5 m6 1e20 m7 inf m8 -inf m9
HSET hash:large k0 v0 k1 v1 k2 v2 k3 v3 k4 v4 k5 v5 k6 v6 k7 v7 k8 v8 k9 v9
XADD stream:large 1-0 n 0
XADD stream:large 2-0 n 1
XADD stream:large 3-0 n 2
XADD stream:large 4-0 n 3
XADD stream:large 5-0 n 4
XADD stream:large 6-0 n 5 extra field
XADD stream:large 7-0 n 6
XADD stream:large 8-0 n 7
XADD stream:large 9-0 n 8
XADD stream:large 10-0 n 9
PEXPIREAT list:large 4102444800123
SELECT 1
SET db1:key "in db one"
CMDS
  if [[ ${#extra[@]} -gt 0 ]]; then
    c DEBUG QUICKLIST-PACKED-THRESHOLD 20 >/dev/null
    # Five short elements first: 7.2+/Valkey keep a list of <= 4 (the threshold set above) as one
    # listpack, so the long element only becomes a plain node once the list is a quicklist.
    c RPUSH list:plain p0 p1 p2 p3 p4 >/dev/null
    c RPUSH list:plain "a long element of more than twenty bytes" tail >/dev/null
    # 7.0+ saves functions in the RDB (opcode FUNCTION2): one library.
    c -x FUNCTION LOAD >/dev/null <<'LUA'
#!lua name=rcslib
redis.register_function('rcs_one', function(keys, args) return 1 end)
LUA
  fi
  # An eviction policy makes SAVE write each key's LRU idle time (IDLE) or LFU counter (FREQ).
  case $name in
    redis-6.2.16) c CONFIG SET maxmemory-policy allkeys-lru >/dev/null ;;
    valkey-8.0.1) c CONFIG SET maxmemory-policy allkeys-lfu >/dev/null ;;
  esac
  c SAVE >/dev/null
  cp "$dir/dump.rdb" "$here/$name.rdb"
  for k in str:plain list:small zset:large stream:s; do
    safe=${k//:/-}
    c --raw DUMP "$k" | head -c -1 >"$here/$name-dump-$safe.bin"
  done
  c SHUTDOWN NOSAVE >/dev/null 2>&1 || true
  port=$((port + 1))
  echo "$name: $(stat -c %s "$here/$name.rdb") bytes"
done
