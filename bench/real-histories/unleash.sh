#!/usr/bin/env bash
# A real history: Unleash (unleash-server on npm, Apache-2.0), 397 db-migrate migrations for
# PostgreSQL, most with a down. Fetched from the npm registry at a pinned version, turned into
# golang-migrate files by running it once on a scratch database of the local PostgreSQL server
# (npm-db-migrate.js, with the npm 'pg' client), then gated by driftgate on embedded PostgreSQL.
# Nothing of Unleash is committed here; bench/work/ holds the download and the conversion.
#
#   bench/real-histories/unleash.sh [candidates]      default: all
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
version=8.2.0
work="$root/bench/work/real/unleash"
mkdir -p "$work"
if [ ! -f "$work/unleash-server-$version.tgz" ]; then
    curl -fsS -o "$work/unleash-server-$version.tgz.part" "https://registry.npmjs.org/unleash-server/-/unleash-server-$version.tgz"
    mv "$work/unleash-server-$version.tgz.part" "$work/unleash-server-$version.tgz"
fi
rm -rf "$work/package" "$work/scenario"
tar xzf "$work/unleash-server-$version.tgz" -C "$work" package/dist/migrations
if [ ! -d "$root/bench/tools/node-pg/node_modules/pg" ]; then
    (mkdir -p "$root/bench/tools/node-pg" && cd "$root/bench/tools/node-pg" && npm install --no-audit --no-fund pg@8 >/dev/null)
fi
scratch=dg_bench_unleash_convert
psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $scratch" -c "CREATE DATABASE $scratch" >/dev/null
trap 'psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $scratch" >/dev/null' EXIT
NODE_PATH="$root/bench/tools/node-pg/node_modules" DATABASE_URL="postgres://postgres@127.0.0.1:5432/$scratch" \
    node "$root/bench/real-histories/npm-db-migrate.js" "$work/package/dist/migrations" "$work/scenario/migrations"
cat > "$work/scenario/driftgate.yaml" <<YAML
# Unleash $version: its whole PostgreSQL history, as db-migrate would run it.
dialect: postgresql
migrations:
  layout: golang-migrate
candidates: "${1:-all}"
rollback: optional
YAML
"$root/driftgate" test "$work/scenario" --results "$work/results"
