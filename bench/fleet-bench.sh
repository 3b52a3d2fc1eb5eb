#!/usr/bin/env bash
# Times `driftgate drift` over a fleet of PostgreSQL databases (docs/benchmarks.md, issue 20):
# COUNT databases of TABLES generated tables each, 1 % of them drifted in two distinct ways, on the
# machine's PostgreSQL server, against the peer a team would script by hand: `pg_dump -s` of each
# database and a text compare with the expected dump, one after another and 4 at a time.
# The fleet is made with CREATE DATABASE ... TEMPLATE ..., four at a time (STRATEGY WAL_LOG by
# default, BENCH_STRATEGY=FILE_COPY to compare) and dropped on exit. Prints a Markdown table: seconds, peak RSS and report lines.
#
#   bench/fleet-bench.sh [COUNT [TABLES]]     default: 1000 50
#   BENCH_KEEP=1 bench/fleet-bench.sh         keep the fleet (and reuse it on the next run)
#   BENCH_NO_BUILD=1 bench/fleet-bench.sh     use the jars already built
#   BENCH_DRIFT_OPTS="--parallel 8 --per-server 8" bench/fleet-bench.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
work="$bench/work/fleet"
count="${1:-1000}"
tables="${2:-50}"
prefix="dg_fleet_${tables}_"
template="${prefix}template"
drift_opts=(${BENCH_DRIFT_OPTS:-})
mkdir -p "$work"
pg() { psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres "$@"; }

if [ -z "${BENCH_NO_BUILD:-}" ]; then
    echo "building driftgate and the benchmark harness..." >&2
    (cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package) >&2
fi
# Only the schema generator of the harness is needed: compiled alone, without the peers' jars.
javac -d "$work/classes" "$bench/src/main/java/dev/driftgate/bench/GenerateSchema.java"
harness="$work/classes"
# The heap target of the issue is the JVM's limit: a scan that needed more would fail here.
cli=(java -Xmx512m -XX:+UseParallelGC -cp "$root/cli/target/driftgate-cli.jar:$root/cli/target/lib/*" dev.driftgate.cli.Main)

cleanup() {
    [ -n "${BENCH_KEEP:-}" ] && return
    echo "dropping the fleet..." >&2
    pg -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'" \
        | sed 's/.*/DROP DATABASE IF EXISTS & WITH (FORCE);/' | pg -d postgres >/dev/null 2>&1 || true
}
trap cleanup EXIT

name() { printf "%s%04d\n" "$prefix" "$1"; }
have="$(pg -d postgres -Atc "SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'")"
if ! grep -qx "$template" <<< "$have"; then
    java -cp "$harness" dev.driftgate.bench.GenerateSchema postgresql "$tables" > "$work/schema.sql"
    pg -d postgres -c "CREATE DATABASE $template"
    pg -d "$template" -f "$work/schema.sql" >/dev/null
fi
echo "making the databases of the fleet that do not exist yet ($count of $tables tables)..." >&2
# Four sessions at once. FILE_COPY was meant to be the fast way, but each one takes two
# checkpoints: 6.5 s a database on this (loaded) machine against 1.45 s for WAL_LOG.
for i in $(seq 1 "$count"); do
    grep -qx "$(name "$i")" <<< "$have" || echo "CREATE DATABASE $(name "$i") TEMPLATE $template STRATEGY ${BENCH_STRATEGY:-WAL_LOG}"
done | xargs -d '\n' -r -P4 -I{} psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d postgres -c {}
# 1 %: every 100th database, two kinds of drift (a hotfix column; a dropped index).
for i in $(seq 100 100 "$count"); do
    if [ $((i / 100 % 2)) -eq 1 ]; then
        pg -d "$(name "$i")" -c "ALTER TABLE t1 ADD COLUMN IF NOT EXISTS hotfix text"
    else
        pg -d "$(name "$i")" -c "DROP INDEX IF EXISTS t2_c2_idx"
    fi
done

"${cli[@]}" dump --url "jdbc:postgresql://127.0.0.1:5432/$template" --user postgres --out "$work/expected.json" >/dev/null
pg_dump -s -h 127.0.0.1 -U postgres "$template" | grep -v '^\\\(un\)\?restrict' > "$work/expected.sql"
{
    echo "defaults:"
    echo "  user: postgres"
    echo "environments:"
    for i in $(seq 1 "$count"); do
        printf "  - name: tenant-%04d\n    url: jdbc:postgresql://127.0.0.1:5432/%s\n" "$i" "$(name "$i")"
    done
} > "$work/inventory.yaml"

# measure COMMAND...: "seconds peak-RSS-MiB"
measure() {
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || true
    tail -n 1 "$work/time.txt" | awk '{printf "%.1f %d", $1, $2/1024}'
}
row() { read -r s m <<< "$2"; echo "| $count × $tables | $1 | $s | $m | $3 |"; }

echo "| fleet | tool | seconds | peak RSS (MiB) | report lines |"
echo "|---|---|---:|---:|---:|"
r="$(measure "${cli[@]}" drift --expected "$work/expected.json" --inventory "$work/inventory.yaml" "${drift_opts[@]}")"
lines=$(wc -l < "$work/out.txt")
head -n 3 "$work/out.txt" >&2
row "driftgate drift --inventory (default limits: 8 at once, 4 per server)" "$r" "$lines"

cat > "$work/pgdump-one.sh" <<'ONE'
#!/usr/bin/env bash
# pg_dump -s of one database, compared as text with the expected dump: prints the name when it differs.
pg_dump -s -h 127.0.0.1 -U postgres "$2" | grep -v '^\\\(un\)\?restrict' | cmp -s - "$1" || echo "$2"
ONE
chmod +x "$work/pgdump-one.sh"
for i in $(seq 1 "$count"); do name "$i"; done > "$work/databases.txt"
r="$(measure xargs -a "$work/databases.txt" -n1 "$work/pgdump-one.sh" "$work/expected.sql")"
row "pg_dump -s of each + cmp, one after another" "$r" "$(wc -l < "$work/out.txt") (names)"
r="$(measure xargs -a "$work/databases.txt" -n1 -P4 "$work/pgdump-one.sh" "$work/expected.sql")"
row "pg_dump -s of each + cmp, 4 at a time" "$r" "$(wc -l < "$work/out.txt") (names)"
