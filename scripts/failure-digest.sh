#!/usr/bin/env bash
# Prints, for every failed or timed-out test in the given ctest logs (LastTest.log format: every test's
# whole output), its QtTest FAIL! messages with their locations (at most 8 per test; a long message keeps its first 200
# and last 500 characters, where the reason is). .ci/run ends
# with it: CI shows the end of its output, where a failure's reason would otherwise be far above.
# Usage: scripts/failure-digest.sh LABEL=LOG [LABEL=LOG ...]
set -uo pipefail
for pair in "$@"; do
  label=${pair%%=*} log=${pair#*=}
  [ -f "$log" ] || continue
  awk -v label="$label" '
    function flush() {
      if (msg == "") return
      if (length(msg) > 700) msg = substr(msg, 1, 200) " [...] " substr(msg, length(msg) - 499)
      if (n < 8) lines[++n] = msg
      msg = ""
    }
    /^[0-9]+\/[0-9]+ Test: / { test = $3; n = 0; msg = ""; inside = 0; delete lines }
    /^(FAIL!|QFATAL|XPASS)/ { flush(); msg = $0; inside = 1; next }
    /^   Loc:/ && inside { msg = msg " " $0; flush(); inside = 0; next }
    inside { msg = msg " | " $0 }
    /^Test Failed\./ || /^Test Timeout/ {
      flush()
      printf "%s: %s failed\n", label, test
      for (i = 1; i <= n; i++) print "  " lines[i]
      if (n == 0) print "  (no FAIL! line: it crashed or ran out of time; see the full log)"
    }' "$log"
done
