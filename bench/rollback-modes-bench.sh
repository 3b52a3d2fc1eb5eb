#!/usr/bin/env bash
# What each rollback mode and the online-safety node cost on the gate's benchmark history
# (bench/gate-history.py: 100 migrations, 20 candidates, seeded), embedded servers, median of 3:
#   per-migration only; + chain (the default); + group (the 20 candidates as 10 pairs); and the
#   default with the online-safety observation turned off (static rules only).
#
#   bench/rollback-modes-bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work/rollback-modes"
rm -rf "$work" && mkdir -p "$work"
"$root/driftgate" --version >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_run() {
    for _ in 1 2 3; do
        /usr/bin/time -f "%e" -o "$work/t" "$root/driftgate" test "$@" >"$work/out" 2>&1 || true
        cat "$work/t"
    done | median
}

echo "| dialect | rollback modes | observe | seconds (median of 3) | checks |"
echo "|---|---|---|---:|---|"
for dialect in postgresql mysql; do
    base="$work/$dialect"
    python3 "$root/bench/gate-history.py" "$dialect" 100 20 "$base"
    pairs=$(python3 -c "print('[' + ', '.join('[\"%d\", \"%d\"]' % (i, i + 1) for i in range(81, 101, 2)) + ']')")
    for mode in "per-migration" "per-migration, chain" "per-migration, group, chain"; do
        dir="$work/$dialect-$(echo "$mode" | tr -d ' ,')"
        cp -r "$base" "$dir"
        printf 'rollback-modes: [%s]\n' "$mode" >> "$dir/driftgate.yaml"
        if [[ "$mode" == *group* ]]; then
            printf 'groups:\n  members: %s\n' "$pairs" >> "$dir/driftgate.yaml"
        fi
        seconds=$(time_run "$dir")
        checks=$(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$work/out" || echo "?")
        echo "| $dialect | $mode | yes | $seconds | $checks |"
    done
    seconds=$(time_run "$work/$dialect-per-migrationchain" -Ddriftgate.safety.observe=false)
    echo "| $dialect | per-migration, chain | no (static rules only) | $seconds | $(grep -Eo '^[0-9]+ passed, [0-9]+ failed' "$work/out" || echo "?") |"
done
