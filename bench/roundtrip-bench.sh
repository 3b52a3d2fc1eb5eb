#!/usr/bin/env bash
# Issue 14's benchmark: `driftgate dump` of a 600-table PostgreSQL schema with functions, triggers
# and collations (libc "C" and ICU "de-x-icu" columns) against `pg_dump -s` in the same run, and the
# round trip of it timed: snapshot it, plan it from nothing (diff SNAPSHOT EMPTY --sql), run the
# plan as printed with psql -f on an empty database, and compare pg_dump of both.
# Each dump tool runs as a fresh process, three times; the table gives every run.
#
#   bench/roundtrip-bench.sh [TABLES]      default: 600
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
work="$bench/work"
n="${1:-600}"
mkdir -p "$work"

echo "building driftgate and the benchmark harness..." >&2
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package) >&2
(cd "$bench" && "$root/mvnw" -q -B -f "$bench/pom.xml" package) >&2
harness="$bench/target/classes:$bench/target/lib/*"
cli=(java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$root/cli/target/driftgate-cli.jar:$root/cli/target/lib/*" dev.driftgate.cli.Main)

src="dg_bench_rt_src"
dst="dg_bench_rt_dst"
cleanup() {
    for db in "$src" "$dst"; do
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    done
}
trap cleanup EXIT
cleanup

echo "generating $n tables..." >&2
java -cp "$harness" dev.driftgate.bench.GenerateSchema postgresql "$n" \
    | sed -e 's/c6 varchar(40)/c6 varchar(40) COLLATE "C"/' -e 's/c1 text NOT NULL/c1 text COLLATE "de-x-icu" NOT NULL/' \
    > "$work/rt_$n.sql"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $src" -c "CREATE DATABASE $dst" >/dev/null
psql -q -h 127.0.0.1 -U postgres -d "$src" -v ON_ERROR_STOP=1 -f "$work/rt_$n.sql" >/dev/null
counts=$(psql -h 127.0.0.1 -U postgres -d "$src" -Atc "SELECT (SELECT count(*) FROM pg_tables WHERE schemaname='public'),
    (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid=p.pronamespace WHERE n.nspname='public'),
    (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal),
    (SELECT count(*) FROM pg_attribute a JOIN pg_class c ON c.oid=a.attrelid JOIN pg_namespace n ON n.oid=c.relnamespace
     WHERE n.nspname='public' AND a.attcollation NOT IN (0, 100))")
echo "schema: tables|functions|triggers|columns with a non-default collation = $counts" >&2

seconds() { /usr/bin/time -f "%e" -o "$work/time.txt" "$@" > "$work/out.txt" 2>"$work/err.txt"; cat "$work/time.txt"; }
url="jdbc:postgresql://127.0.0.1:5432/$src"
echo "| run | pg_dump -s | driftgate dump |"
echo "|---:|---:|---:|"
for run in 1 2 3; do
    p=$(seconds pg_dump -s -h 127.0.0.1 -U postgres "$src")
    d=$(seconds "${cli[@]}" dump --url "$url" --user postgres --out "$work/rt_$n.json")
    echo "| $run | $p | $d |"
done

echo
echo "| round-trip step | seconds |"
echo "|---|---:|"
echo "| plan from nothing: diff SNAPSHOT EMPTY --sql --no-verify | $( /usr/bin/time -f "%e" -o "$work/time.txt" "${cli[@]}" diff "$work/rt_$n.json" \
    "jdbc:postgresql://127.0.0.1:5432/$dst" --user postgres --sql --no-verify > "$work/rt_plan.sql" 2>"$work/err.txt" || true; tail -n 1 "$work/time.txt") |"
echo "| psql -f (the plan as printed) | $(seconds psql -q -h 127.0.0.1 -U postgres -d "$dst" -v ON_ERROR_STOP=1 -f "$work/rt_plan.sql") |"
strip() { pg_dump -s --no-owner --no-privileges -h 127.0.0.1 -U postgres "$1" | grep -v -e '^--' -e '^\\\(un\)\?restrict' -e '^$' | sort; }
if diff <(strip "$src") <(strip "$dst") > "$work/rt_dump.diff"; then
    echo "| pg_dump of the copy equals pg_dump of the original (lines sorted) | yes |"
else
    echo "| pg_dump of the copy equals pg_dump of the original (lines sorted) | NO: $(grep -c '^[<>]' "$work/rt_dump.diff") lines differ, $work/rt_dump.diff |"
fi
