#!/usr/bin/env bash
# The round trip (issue 14) on the final state of a real history: apply every up migration to an
# empty database, snapshot it with `driftgate dump`, build a second empty database from that
# snapshot alone with driftgate's plan run as printed (`diff SNAPSHOT EMPTY --sql --no-verify`, then
# psql -f or the mariadb client), and compare the dialect's own dump of both. The dumps are
# normalised only for what docs/snapshot-format.md lists as equivalent, in the shell's words:
# comment lines, \restrict keys, the dump's session header, the database's name, AUTO_INCREMENT
# counters, and statement and key order (lines sorted, a trailing comma left out).
#
# Prints one line "round trip <name>: holds" or "... differs (N lines)", with the differing lines in
# WORK/roundtrip.diff; exits 0 when it holds, 1 when it differs, 2 when a step cannot run.
#
#   bench/real-histories/roundtrip.sh postgresql|mysql MIGRATIONS_DIR WORK NAME [SQL_MODE]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dialect="$1" migrations="$2" work="$3" name="$4" sql_mode="${5:-}"
src="dg_bench_rt_${name//-/_}_src"
dst="dg_bench_rt_${name//-/_}_dst"
mkdir -p "$work"

pg() { PGOPTIONS='-c client_min_messages=warning' psql -q -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 "$@"; }
my() { mariadb -h 127.0.0.1 -uroot "$@"; }
fresh() {
    if [ "$dialect" = postgresql ]; then
        pg -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
    else
        my -e "DROP DATABASE IF EXISTS $1; CREATE DATABASE $1 CHARACTER SET utf8mb4"
    fi
}
cleanup() {
    for db in "$src" "$dst"; do
        if [ "$dialect" = postgresql ]; then
            pg -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
        else
            my -e "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true
        fi
    done
}
trap cleanup EXIT
fresh "$src"
fresh "$dst"

# The ups in golang-migrate's order (by version number), as the gate applies them: each file in one
# transaction, as golang-migrate sends it (Unleash's temporary tables live until its end).
for file in $(ls "$migrations" | grep '\.up\.sql$' | sort -n); do
    up="$migrations/$file"
    if [ "$dialect" = postgresql ]; then
        pg -1 -d "$src" -f "$up" >/dev/null 2>>"$work/roundtrip-apply.log" || { echo "round trip $name: cannot apply $up"; exit 2; }
    else
        { [ -n "$sql_mode" ] && echo "SET SESSION sql_mode = '$sql_mode';"; cat "$up"; } | my "$src" 2>>"$work/roundtrip-apply.log" \
            || { echo "round trip $name: cannot apply $up"; exit 2; }
    fi
done

if [ "$dialect" = postgresql ]; then
    src_url="jdbc:postgresql://127.0.0.1:5432/$src" dst_url="jdbc:postgresql://127.0.0.1:5432/$dst" user=postgres
else
    src_url="jdbc:mariadb://127.0.0.1:3306/$src" dst_url="jdbc:mariadb://127.0.0.1:3306/$dst" user=root
fi
"$root/driftgate" dump --url "$src_url" --user "$user" --out "$work/roundtrip-snapshot.json" >/dev/null
status=0
"$root/driftgate" diff "$work/roundtrip-snapshot.json" "$dst_url" --user "$user" --sql --no-verify \
    > "$work/roundtrip-plan.sql" 2>"$work/roundtrip-diff.log" || status=$?
if [ "$status" -gt 1 ]; then
    echo "round trip $name: no plan ($(tail -n 1 "$work/roundtrip-diff.log"))"
    exit 2
fi
if [ "$dialect" = postgresql ]; then
    pg -d "$dst" -f "$work/roundtrip-plan.sql" >/dev/null 2>"$work/roundtrip-plan.log" \
        || { echo "round trip $name: the plan fails: $(head -n 1 "$work/roundtrip-plan.log")"; exit 1; }
else
    my "$dst" < "$work/roundtrip-plan.sql" 2>"$work/roundtrip-plan.log" \
        || { echo "round trip $name: the plan fails: $(head -n 1 "$work/roundtrip-plan.log")"; exit 1; }
fi

dump() {
    if [ "$dialect" = postgresql ]; then
        pg_dump -s --no-owner --no-privileges -h 127.0.0.1 -U postgres "$1" \
            | grep -v -e '^--' -e '^\\\(un\)\?restrict' -e '^$'
    else
        mariadb-dump --no-data --routines --triggers --events --skip-dump-date -h 127.0.0.1 -uroot "$1" \
            | grep -v -e '^--' -e '^/\*!40[0-9]* SET ' -e '^/\*M!999999' -e '^$' \
            | sed -e "s/\`$1\`/\`{database}\`/g" -e 's/ AUTO_INCREMENT=[0-9]*//'
    fi | sed -e 's/,$//' | LC_ALL=C sort
}
if diff <(dump "$src") <(dump "$dst") > "$work/roundtrip.diff"; then
    echo "round trip $name: holds"
else
    echo "round trip $name: differs ($(grep -c '^[<>]' "$work/roundtrip.diff") lines, $work/roundtrip.diff)"
    exit 1
fi
