#!/usr/bin/env bash
# Times `driftgate diff` on two 5,000-table snapshots, one with 1 % of its tables changed
# (a column retyped, a column added, an index dropped in each of 50 tables).
# Needs bench/work/dg_pg_5000.json and dg_my_5000.json from `bench/dump-bench.sh 5000`.
#
#   bench/diff-bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$root/bench/work"
# The launcher as users run it (its class-data archive included), with the heap capped at 512 MB.
export DRIFTGATE_JAVA_OPTS="-Xmx512m -Xmn300m -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData"
"$root/driftgate" --version >/dev/null
cli=("$root/driftgate")

echo "| snapshots | tables | changed tables | differences reported | seconds, median of 5 (whole process) | peak RSS (MiB) |"
echo "|---|---:|---:|---:|---:|---:|"
for d in pg my; do
    base="$work/dg_${d}_5000.json"
    changed="$work/dg_${d}_5000_changed.json"
    [ -f "$base" ] || { echo "missing $base: run bench/dump-bench.sh 5000 first" >&2; exit 2; }
    python3 - "$base" "$changed" <<'PY'
import json, sys
snapshot = json.load(open(sys.argv[1]))
tables = snapshot["schemas"][0]["tables"]
for i, t in enumerate(tables):
    if i % 100 != 0:
        continue
    t["columns"][2]["type"] = "character varying(77)" if snapshot["dialect"] == "postgresql" else "varchar(77)"
    t["columns"].append({"name": "bench_added", "nullable": True, "type": "integer" if snapshot["dialect"] == "postgresql" else "int"})
    if t.get("indexes"):
        t["indexes"].pop()
json.dump(snapshot, open(sys.argv[2], "w"), indent=2, sort_keys=True)
PY
    runs=()
    for i in 1 2 3 4 5; do
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "${cli[@]}" diff "$changed" "$base" --format json > "$work/diff.json" || true
        read -r s m < <(tail -n 1 "$work/time.txt")
        runs+=("$s")
    done
    count=$(python3 -c "import json;print(json.load(open('$work/diff.json'))['differenceCount'])")
    median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 3p)
    echo "| $d 5000 | 5000 | 50 | $count | $median (runs: ${runs[*]}) | $((m / 1024)) |"
done
