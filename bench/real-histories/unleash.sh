#!/usr/bin/env bash
# A real history: Unleash (unleash-server on npm, Apache-2.0), 397 db-migrate migrations for
# PostgreSQL, most with a down. Fetched from the npm registry at a pinned version, turned into
# golang-migrate files by running it once on a scratch database of the local PostgreSQL server
# (npm-db-migrate.js, with the npm 'pg' client), then gated by driftgate on embedded PostgreSQL.
# Nothing of Unleash is committed here; bench/work/ holds the download and the conversion.
#
# With every migration a candidate (the default), the outcome must be the one on record in
# expected/unleash.txt (outcome.py): the script exits 0 when it is, 1 when it differs, 3 when the
# npm registry cannot be reached.
#
#   bench/real-histories/unleash.sh [candidates]      default: all
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version=8.2.0
work="$root/bench/work/real/unleash"
mkdir -p "$work"
if [ ! -f "$work/unleash-server-$version.tgz" ]; then
    if ! curl -fsS --max-time 120 -o "$work/unleash-server-$version.tgz.part" \
            "https://registry.npmjs.org/unleash-server/-/unleash-server-$version.tgz"; then
        rm -f "$work/unleash-server-$version.tgz.part"
        echo "unleash.sh: cannot fetch unleash-server $version from the npm registry: skipped"
        exit 3
    fi
    mv "$work/unleash-server-$version.tgz.part" "$work/unleash-server-$version.tgz"
fi
rm -rf "$work/package" "$work/scenario"
tar xzf "$work/unleash-server-$version.tgz" -C "$work" package/dist/migrations
if [ ! -d "$root/bench/tools/node-pg/node_modules/pg" ]; then
    if ! (mkdir -p "$root/bench/tools/node-pg" && cd "$root/bench/tools/node-pg" \
            && npm install --no-audit --no-fund pg@8 >/dev/null 2>&1); then
        echo "unleash.sh: cannot install the npm package pg: skipped"
        exit 3
    fi
fi
scratch=dg_bench_unleash_convert
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $scratch" -c "CREATE DATABASE $scratch" >/dev/null
trap 'psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $scratch" >/dev/null' EXIT
NODE_PATH="$root/bench/tools/node-pg/node_modules" DATABASE_URL="postgres://postgres@127.0.0.1:5432/$scratch" \
    node "$root/bench/real-histories/npm-db-migrate.js" "$work/package/dist/migrations" "$work/scenario/migrations" \
    > "$work/convert.log"
tail -n 1 "$work/convert.log"
cat > "$work/scenario/driftgate.yaml" <<YAML
# Unleash $version: its whole PostgreSQL history, as db-migrate would run it.
dialect: postgresql
migrations:
  layout: golang-migrate
candidates: "${1:-all}"
rollback: optional
YAML
# bench/real-histories/lint-counts.sh needs the converted files only.
if [ "${REAL_HISTORY_CONVERT_ONLY:-}" = 1 ]; then
    exit 0
fi
start=$(date +%s.%N)
status=0
"$root/driftgate" test "$work/scenario" --results "$work/results" > "$work/gate.txt" || status=$?
printf 'Unleash %s: gate in %.1f s (exit %d), output in %s\n' "$version" "$(echo "$(date +%s.%N) - $start" | bc)" "$status" \
    "$work/gate.txt"
grep -E "copies [0-9]+ in|passed, " "$work/gate.txt"
if [ "$status" -gt 1 ]; then
    tail -n 5 "$work/gate.txt"
    exit "$status"
fi
# The round trip of the final state (issue 14): its outcome must be the one on record, as the gate's is.
"$root/bench/real-histories/roundtrip-on-record.sh" postgresql "$work/scenario/migrations" "$work" unleash
if [ "${1:-all}" = all ]; then
    python3 "$root/bench/real-histories/outcome.py" "$work/results/results.json" "$root/bench/real-histories/expected/unleash.txt"
fi
