#!/usr/bin/env bash
# The round trip of a history's final state (roundtrip.sh, same arguments) with its outcome checked
# against the one on record (expected/NAME-roundtrip.txt), as the gate's outcome is: exits 1 when it
# differs from the record, 0 otherwise (also when nothing is on record yet, which it says).
#
#   bench/real-histories/roundtrip-on-record.sh postgresql|mysql MIGRATIONS_DIR WORK NAME [SQL_MODE]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
line=$("$here/roundtrip.sh" "$@" | tail -n 1) || true
echo "$line"
record="$here/expected/$4-roundtrip.txt"
if [ ! -f "$record" ]; then
    echo "round trip: no outcome on record yet ($record)"
    exit 0
fi
expected=$(cat "$record")
if [ "${line%% (*}" != "$expected" ]; then
    echo "round trip outcome differs from the record: $expected" >&2
    exit 1
fi
