#!/usr/bin/env bash
# A real history: Redmine 5.0 (Debian's redmine package, GPL-2.0), 301 Rails migrations written for
# MySQL/MariaDB and PostgreSQL, 290 with a down. Installed from Debian (with its Rails and the
# mysql2 and pg drivers), turned into golang-migrate files by running it once on a scratch database
# of the local server (rails-migrations.rb, inside Redmine's own Rails environment), then gated by
# driftgate on the embedded server of that dialect. Nothing of Redmine is committed here;
# bench/work/ holds the conversion. Needs root (apt-get, and a Redmine instance directory).
#
# With every migration a candidate (the default), the outcome must be the one on record in
# expected/redmine-<dialect>.txt (outcome.py): the script exits 0 when it is, 1 when it differs,
# 3 when Redmine cannot be installed here (no Debian mirror, not root).
#
#   bench/real-histories/redmine.sh [mysql|postgresql] [candidates]      default: mysql, all
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dialect="${1:-mysql}"
work="$root/bench/work/real/redmine-$dialect"
redmine=/usr/share/redmine
instance=driftgate-bench
scratch=dg_bench_redmine_convert

if ! dpkg -s redmine ruby-mysql2 ruby-pg >/dev/null 2>&1; then
    if ! { echo "redmine redmine/instances/default/dbconfig-install boolean false" | debconf-set-selections \
            && { DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
                    redmine redmine-sqlite ruby-mysql2 ruby-pg >/dev/null 2>&1 \
                || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
                    --no-install-recommends redmine redmine-sqlite ruby-mysql2 ruby-pg >/dev/null 2>&1; }; }; }; then
        echo "redmine.sh: cannot install Debian's redmine package here (needs root and a Debian mirror): skipped"
        exit 3
    fi
fi
echo "Redmine $(dpkg-query -W -f '${Version}' redmine), Rails $(dpkg-query -W -f '${Version}' ruby-rails)"

dir="$redmine/instances/$instance"
cleanup() {
    rm -rf "$dir"
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
    mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $scratch" >/dev/null 2>&1 || true
}
trap cleanup EXIT
mkdir -p "$dir/config" "$dir/log" "$dir/tmp" "$dir/files"
head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$dir/config/secret_key.txt"
if [ "$dialect" = mysql ]; then
    mariadb -h 127.0.0.1 -uroot -e "DROP DATABASE IF EXISTS $scratch; CREATE DATABASE $scratch CHARACTER SET utf8mb4"
    printf 'production:\n  adapter: mysql2\n  host: 127.0.0.1\n  port: 3306\n  username: root\n  database: %s\n  encoding: utf8mb4\n' \
        "$scratch" > "$dir/config/database.yml"
else
    psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $scratch" -c "CREATE DATABASE $scratch" >/dev/null
    printf 'production:\n  adapter: postgresql\n  host: 127.0.0.1\n  port: 5432\n  username: postgres\n  database: %s\n  encoding: utf8\n' \
        "$scratch" > "$dir/config/database.yml"
fi

rm -rf "$work" && mkdir -p "$work/scenario"
start=$(date +%s.%N)
(cd "$redmine" && RAILS_ENV=production REDMINE_INSTANCE=$instance \
    ruby bin/rails runner "$root/bench/real-histories/rails-migrations.rb" "$work/scenario/migrations") > "$work/convert.log" 2>&1 \
    || { tail -n 20 "$work/convert.log" >&2; exit 2; }
printf 'converted in %.1f s: %s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$(tail -n 1 "$work/convert.log")"

sql_mode=$(sed -n 's/^sql_mode: //p' "$work/convert.log")
{
    echo "# Redmine: its whole history, as Rails runs it on $dialect."
    echo "dialect: $dialect"
    echo "migrations:"
    echo "  layout: golang-migrate"
    echo "candidates: \"${2:-all}\""
    echo "rollback: optional"
    [ -n "$sql_mode" ] && echo "sql-mode: \"$sql_mode\""
} > "$work/scenario/driftgate.yaml"
# bench/real-histories/lint-counts.sh needs the converted files only.
if [ "${REAL_HISTORY_CONVERT_ONLY:-}" = 1 ]; then
    exit 0
fi
start=$(date +%s.%N)
status=0
"$root/driftgate" test "$work/scenario" --results "$work/results" > "$work/gate.txt" || status=$?
printf 'gate in %.1f s (exit %d)\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$status"
grep -E "copies [0-9]+ in|passed, " "$work/gate.txt"
echo "failed checks by step:"
grep "^✘" "$work/gate.txt" | sed -E 's/.* › [^›]+ › ([^:(]+).*/\1/' | sort | uniq -c || true
if [ "$status" -gt 1 ]; then
    exit "$status"
fi
# The round trip of the final state (issue 14): its outcome must be the one on record, as the gate's is.
"$root/bench/real-histories/roundtrip-on-record.sh" "$dialect" "$work/scenario/migrations" "$work" "redmine-$dialect" "$sql_mode"
if [ "${2:-all}" = all ]; then
    python3 "$root/bench/real-histories/outcome.py" "$work/results/results.json" \
        "$root/bench/real-histories/expected/redmine-$dialect.txt"
fi
