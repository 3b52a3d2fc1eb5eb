#!/usr/bin/env bash
# Times schema comparison of two live 5,000-table PostgreSQL databases (the second with 1 % of its
# tables changed) with driftgate, migra (@pgkit/migra 0.6.1, npm) and Liquibase 4.33.0 `diff`,
# each as a fresh process. Needs bench/work/pg_5000.sql from `bench/dump-bench.sh 5000`.
#
#   bench/diff-peers-bench.sh            BENCH_TIMEOUT=600 by default
#   BENCH_TOOLS="driftgate migra" bench/diff-peers-bench.sh   only some tools (default: driftgate migra liquibase)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
work="$bench/work"
cap="${BENCH_TIMEOUT:-600}"
tools=" ${BENCH_TOOLS:-driftgate migra liquibase} "
want() { [[ "$tools" == *" $1 "* ]]; }
[ -f "$work/pg_5000.sql" ] || { echo "run bench/dump-bench.sh 5000 first" >&2; exit 2; }
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package) >&2
(cd "$bench" && "$root/mvnw" -q -B -f "$bench/pom.xml" package) >&2
if [ ! -x "$bench/tools/migra/node_modules/.bin/migra" ]; then
    mkdir -p "$bench/tools/migra"
    (cd "$bench/tools/migra" && npm install --no-audit --no-fund @pgkit/migra@0.6.1) >&2
fi
harness="$bench/target/classes:$bench/target/lib/*"
cli=(java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$root/cli/target/driftgate-cli.jar:$root/cli/target/lib/*" dev.driftgate.cli.Main)

a=dg_bench_diff_a
b=dg_bench_diff_b
cleanup() {
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $a WITH (FORCE)" -c "DROP DATABASE IF EXISTS $b WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT
cleanup
for db in $a $b; do
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $db" >/dev/null
    psql -q -h 127.0.0.1 -U postgres -d "$db" -v ON_ERROR_STOP=1 -f "$work/pg_5000.sql" >/dev/null
done
for i in $(seq 1 100 5000); do
    echo "ALTER TABLE t$i ALTER COLUMN c6 TYPE varchar(77); ALTER TABLE t$i ADD COLUMN bench_added int; DROP INDEX t${i}_c6_c7_idx;"
done | psql -q -h 127.0.0.1 -U postgres -d "$b" -v ON_ERROR_STOP=1 >/dev/null

measure() {
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$cap" "$@" >"$work/out.txt" 2>"$work/err.txt"; then :; else
        rc=$?
        if [ "$rc" -eq 124 ]; then echo "timeout"; return; fi
        # driftgate and migra exit non-zero when they find differences
    fi
    tail -n 1 "$work/time.txt" | awk '{printf "%.2f %d", $1, $2/1024}'
}
row() { read -r s m <<< "$2"; echo "| $1 | $s | ${m:-} |"; }

echo "| tool (5,000 tables, 50 changed) | seconds | peak RSS (MiB) |"
echo "|---|---:|---:|"
want driftgate && row "driftgate diff (two live databases)" "$(measure "${cli[@]}" diff "jdbc:postgresql://127.0.0.1:5432/$a" "jdbc:postgresql://127.0.0.1:5432/$b" --user postgres --format json)"
want driftgate && echo "  driftgate: $(python3 -c "import json;print(json.load(open('$work/out.txt'))['differenceCount'])" 2>/dev/null) differences" >&2
want driftgate && row "driftgate diff --sql (plan + proof on a scratch database)" "$(measure "${cli[@]}" diff "jdbc:postgresql://127.0.0.1:5432/$a" "jdbc:postgresql://127.0.0.1:5432/$b" --user postgres --sql)"
want driftgate && { grep -m1 -E "^-- (verified|UNVERIFIED)" "$work/out.txt" >&2 || true; }
# --unsafe takes an optional value, so it goes after the two URLs.
want migra && row "migra 0.6.1 (@pgkit/migra)" "$(measure node "$bench/tools/migra/node_modules/@pgkit/migra/dist/command.js" run \
    "postgresql://postgres@127.0.0.1:5432/$b" "postgresql://postgres@127.0.0.1:5432/$a" --unsafe)"
want migra && echo "  migra: $(grep -c ';' "$work/out.txt" || true) statements; $(head -c 300 "$work/err.txt")" >&2
want liquibase && row "Liquibase 4.33.0 diff" "$(measure java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false \
    --url="jdbc:postgresql://127.0.0.1:5432/$b" --username=postgres \
    --reference-url="jdbc:postgresql://127.0.0.1:5432/$a" --reference-username=postgres diff)"
