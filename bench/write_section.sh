#!/usr/bin/env bash
# Puts a benchmark's section into bench/RESULTS.md: replaces the text between
# <!-- bench/NAME begin --> and <!-- bench/NAME end --> (both kept in SECTION), or appends SECTION
# when the file has no such block yet. Used by every bench/*/run.sh.
#
#   bench/write_section.sh NAME SECTION
set -euo pipefail
name=$1
section=$2
results=bench/RESULTS.md
[ -f "$results" ] || printf '# Benchmark results\n' > "$results"
python3 - "$results" "$name" "$section" <<'PY'
import sys, re
path, name, section = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(path).read()
pattern = re.compile(r'<!-- bench/' + re.escape(name) + r' begin -->.*?<!-- bench/' + re.escape(name) + r' end -->', re.S)
text = pattern.sub(lambda m: section, text) if pattern.search(text) else text.rstrip('\n') + '\n\n' + section + '\n'
open(path, 'w').write(text)
PY
echo "Wrote $results" >&2
