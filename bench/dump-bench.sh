#!/usr/bin/env bash
# Times `driftgate dump` against its floor (pg_dump -s, mariadb-dump --no-data) and its peers
# (SchemaCrawler at maximum detail, Liquibase `snapshot --snapshot-format=json`) on generated
# schemas of 1,000 and 5,000 tables, on the machine's PostgreSQL and MariaDB servers.
# Every tool runs as a fresh process, as a user would run it. Prints a Markdown table.
#
#   bench/dump-bench.sh [SIZES...]        default: 1000 5000
#   BENCH_TIMEOUT=900 bench/dump-bench.sh  per-tool time cap in seconds (default 600)
#   BENCH_TOOLS="floor driftgate" bench/dump-bench.sh   only some tools (default: floor driftgate schemacrawler liquibase)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
work="$bench/work"
sizes=("${@:-1000 5000}")
read -r -a sizes <<< "${sizes[*]}"
cap="${BENCH_TIMEOUT:-600}"
tools=" ${BENCH_TOOLS:-floor driftgate schemacrawler liquibase} "
want() { [[ "$tools" == *" $1 "* ]]; }
mkdir -p "$work"

echo "building driftgate and the benchmark harness..." >&2
(cd "$root" && ./mvnw -q -B -DskipTests -pl cli -am package) >&2
(cd "$bench" && "$root/mvnw" -q -B -f "$bench/pom.xml" package) >&2
harness="$bench/target/classes:$bench/target/lib/*"
cli=(java -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$root/cli/target/driftgate-cli.jar:$root/cli/target/lib/*" dev.driftgate.cli.Main)

dbs=()
cleanup() {
    for db in "${dbs[@]}"; do
        case "$db" in
            pg:*) psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${db#pg:} WITH (FORCE)" >/dev/null 2>&1 || true ;;
            my:*) mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS ${db#my:}" >/dev/null 2>&1 || true ;;
        esac
    done
}
trap cleanup EXIT

# run LABEL COMMAND...: prints "seconds peak-RSS-MiB" or "timeout"/"failed"
measure() {
    local log="$work/last.log"
    if /usr/bin/time -f "%e %M" -o "$work/time.txt" timeout "$cap" "$@" >"$work/out.txt" 2>"$log"; then
        awk '{printf "%.2f %d", $1, $2/1024}' "$work/time.txt"
    else
        local rc=$?
        if [ "$rc" -eq 124 ]; then echo "timeout"; else echo "failed"; tail -n 3 "$log" >&2; fi
    fi
}

echo "| tables | database | tool | seconds | peak RSS (MiB) |"
echo "|---:|---|---|---:|---:|"
for n in "${sizes[@]}"; do
    pgdb="dg_bench_pg_$n"
    mydb="dg_bench_my_$n"
    dbs+=("pg:$pgdb" "my:$mydb")
    echo "generating $n tables on PostgreSQL and MariaDB..." >&2
    java -cp "$harness" dev.driftgate.bench.GenerateSchema postgresql "$n" > "$work/pg_$n.sql"
    java -cp "$harness" dev.driftgate.bench.GenerateSchema mysql "$n" > "$work/my_$n.sql"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)" -c "CREATE DATABASE $pgdb" >/dev/null
    psql -q -h 127.0.0.1 -U postgres -d "$pgdb" -v ON_ERROR_STOP=1 -f "$work/pg_$n.sql" >/dev/null
    mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $mydb; CREATE DATABASE $mydb"
    mariadb -h 127.0.0.1 -uroot "$mydb" < "$work/my_$n.sql"

    pgurl="jdbc:postgresql://127.0.0.1:5432/$pgdb"
    myurl="jdbc:mariadb://127.0.0.1:3306/$mydb"
    row() { read -r s m <<< "$3"; echo "| $n | $1 | $2 | $s | ${m:-} |"; }

    want floor && row PostgreSQL "pg_dump -s (floor)" "$(measure pg_dump -s -h 127.0.0.1 -U postgres "$pgdb")"
    want driftgate && row PostgreSQL "driftgate dump" "$(measure "${cli[@]}" dump --url "$pgurl" --user postgres --out "$work/dg_pg_$n.json")"
    want schemacrawler && row PostgreSQL "SchemaCrawler 16.27.1 (maximum)" "$(measure java -cp "$harness" dev.driftgate.bench.SchemaCrawlerCatalog "$pgurl" postgres public)"
    want liquibase && row PostgreSQL "Liquibase 4.33.0 snapshot" "$(measure java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine \
        --show-banner=false --url="$pgurl" --username=postgres snapshot --snapshot-format=json)"

    want floor && row MariaDB "mariadb-dump --no-data (floor)" "$(measure mariadb-dump --no-data --routines --triggers --events -h 127.0.0.1 -uroot "$mydb")"
    want driftgate && row MariaDB "driftgate dump" "$(measure "${cli[@]}" dump --url "$myurl" --user root --out "$work/dg_my_$n.json")"
    want schemacrawler && row MariaDB "SchemaCrawler 16.27.1 (maximum)" "$(measure java -cp "$harness" dev.driftgate.bench.SchemaCrawlerCatalog "$myurl" root "$mydb")"
    want liquibase && row MariaDB "Liquibase 4.33.0 snapshot" "$(measure java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine \
        --show-banner=false --url="$myurl" --username=root snapshot --snapshot-format=json)"
done
