#!/usr/bin/env bash
# Times the gate on a history of 100 migrations with 20 candidates and seeded rows (bench/gate-history.py)
# against: (a) the floor, one psql / mariadb session applying every up script then every down script;
# (b) Liquibase 4.33.0 update-testing-rollback on the same changelog (it only checks that nothing errors);
# (c) Liquibase doing the gate's verification with its own commands: for each candidate a snapshot, update,
#     snapshot, rollback, snapshot, update, snapshot (a lower bound: the snapshots are not even compared).
# driftgate runs on the embedded servers (its default) and on the local servers (the same servers as the peers).
#
#   bench/gate-bench.sh              BENCH_TOOLS="floor driftgate liquibase liquibase-verify" by default;
#                                    BENCH_RUNS=3: median of that many runs for all but (c), which runs once
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
work="$bench/work/gate"
tools=" ${BENCH_TOOLS:-floor driftgate liquibase liquibase-verify} "
want() { [[ "$tools" == *" $1 "* ]]; }
rm -rf "$work" && mkdir -p "$work"
"$root/driftgate" --version >/dev/null
(cd "$bench" && "$root/mvnw" -q -B -f "$bench/pom.xml" package) >&2
harness="$bench/target/classes:$bench/target/lib/*"
liquibase=(java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false)

# The median of BENCH_RUNS runs (default 3), with every run in parentheses; the output of the last run
# stays in out.txt / err.txt. A run that needs a fresh database gets it from $before (a function name).
runs=${BENCH_RUNS:-3}
before=true
measure() {
    local all=()
    for _ in $(seq 1 "$runs"); do
        $before
        /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>"$work/err.txt" || true
        all+=("$(tail -n 1 "$work/time.txt" | awk '{printf "%.2f", $1}')")
    done
    local median
    median=$(printf '%s\n' "${all[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    if [ "$runs" -gt 1 ]; then
        echo "$median (${all[*]})"
    else
        echo "$median"
    fi
}

db=dg_bench_gate
fresh() {
    if [ "$1" = postgresql ]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
    else
        mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db; CREATE DATABASE $db" >/dev/null
    fi
}
cleanup() {
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "| history (100 migrations, 20 candidates, seeded) | tool | seconds | what it checks |"
echo "|---|---|---:|---|"
for dialect in postgresql mysql; do
    dir="$work/$dialect"
    python3 "$bench/gate-history.py" "$dialect" 100 20 "$dir"
    if [ "$dialect" = postgresql ]; then
        url="jdbc:postgresql://127.0.0.1:5432/$db"; user=postgres; server="PostgreSQL 15 server"
        floor=(psql -q -h 127.0.0.1 -U postgres -d $db -v ON_ERROR_STOP=1 -f "$dir/all-up.sql" -f "$dir/seed.sql" -f "$dir/all-down.sql")
    else
        url="jdbc:mariadb://127.0.0.1:3306/$db"; user=root; server="MariaDB 10.11 server"
        cat "$dir/all-up.sql" "$dir/seed.sql" "$dir/all-down.sql" > "$dir/floor.sql"
        floor=(mariadb -h 127.0.0.1 -uroot $db -e "source $dir/floor.sql")
    fi
    if want floor; then
        before="fresh $dialect"
        echo "| $dialect | (a) floor: one client session, all ups then all downs ($server) | $(measure "${floor[@]}") | that nothing errors |"
        before=true
    fi
    if want driftgate; then
        echo "| $dialect | driftgate test, embedded (default) | $(measure "$root/driftgate" test "$dir") | every candidate: applies, rollback restores schema, rows survive, re-apply converges, partial failure |"
        grep -E "copies [0-9]+ in" "$work/out.txt" | sed 's/^ */  embedded: /' >&2
        grep -E "passed, " "$work/out.txt" >&2
        key=$([ "$dialect" = postgresql ] && echo driftgate.server.postgresql || echo driftgate.server.mysql)
        echo "| $dialect | driftgate test, $server | $(measure "$root/driftgate" test "$dir" --targets server -D$key="${url%/*}/$([ "$dialect" = postgresql ] && echo postgres || echo mysql)" -Ddriftgate.server.user=$user) | same |"
        grep -E "copies [0-9]+ in" "$work/out.txt" | sed 's/^ */  server: /' >&2
        grep -E "passed, " "$work/out.txt" >&2
    fi
    if want liquibase; then
        baseline_lb() {
            fresh $dialect
            "${liquibase[@]}" --url="$url" --username=$user --changelog-file=migrations/changelog.sql --search-path="$dir" \
                update-count --count=80 >/dev/null 2>&1
        }
        before=baseline_lb
        echo "| $dialect | (b) Liquibase 4.33.0 update-testing-rollback of the 20 candidates ($server) | $(measure "${liquibase[@]}" --url="$url" --username=$user --changelog-file=migrations/changelog.sql --search-path="$dir" update-testing-rollback) | that update, rollback, update do not error |"
        grep -m1 -iE "error|exception" "$work/err.txt" >&2 || true
        before=true
    fi
    if want liquibase-verify; then
        fresh $dialect
        "${liquibase[@]}" --url="$url" --username=$user --changelog-file=migrations/changelog.sql --search-path="$dir" \
            update-count --count=80 >/dev/null 2>&1
        verify() {
            local lb=("${liquibase[@]}" --url="$url" --username=$user --changelog-file=migrations/changelog.sql --search-path="$dir")
            for i in $(seq 81 100); do
                java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false --url="$url" --username=$user snapshot --snapshot-format=json >/dev/null
                "${lb[@]}" update-count --count=1 >/dev/null
                java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false --url="$url" --username=$user snapshot --snapshot-format=json >/dev/null
                "${lb[@]}" rollback-count --count=1 >/dev/null
                java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false --url="$url" --username=$user snapshot --snapshot-format=json >/dev/null
                "${lb[@]}" update-count --count=1 >/dev/null
                java -cp "$harness" liquibase.integration.commandline.LiquibaseCommandLine --show-banner=false --url="$url" --username=$user snapshot --snapshot-format=json >/dev/null
            done
        }
        export -f verify 2>/dev/null || true
        echo "| $dialect | (c) Liquibase commands for the same checks: 4 snapshots + update, rollback, update per candidate ($server) | $(start=$(date +%s.%N); verify; end=$(date +%s.%N); echo "$end - $start" | bc | awk '{printf "%.2f", $1}') | lower bound: the snapshots are taken, not compared |"
    fi
done
