#!/usr/bin/env bash
# Real histories: two engines of Flowable 6.8.1 (Apache-2.0, on Maven Central), whose jars ship the
# Liquibase XML changelog Flowable runs on every database it supports, none with a rollback of its
# own: the CMMN engine's (org.flowable:flowable-cmmn-engine, 17 changesets: createTable, addColumn,
# modifyDataType, createIndex, foreign keys, renameColumn, some for one dbms only) and the DMN
# engine's (org.flowable:flowable-dmn-engine, 9: also renameTable and dropIndex). Fetched with
# Maven, the changelog taken out of the jar as it is, and gated by driftgate on the embedded server
# of the dialect: driftgate reads it through Liquibase, which renders each changeset and the
# rollback it can generate. Nothing of Flowable is committed here; bench/work/ holds the download.
#
# With every changeset a candidate (the default), the outcome must be the one on record in
# expected/flowable-<engine>-<dialect>.txt (outcome.py): the script exits 0 when it is, 1 when it
# differs, 3 when Maven Central cannot be reached.
#
#   bench/real-histories/flowable.sh [cmmn|dmn] [mysql|postgresql] [candidates]   default: cmmn, mysql, all
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
engine="${1:-cmmn}"
dialect="${2:-mysql}"
candidates="${3:-all}"
case "$engine" in
    cmmn|dmn) ;;
    *) echo "flowable.sh: engine '$engine': expected cmmn or dmn" >&2; exit 2 ;;
esac
version=6.8.1
work="$root/bench/work/real/flowable-$engine-$dialect"
jar="$root/bench/work/real/flowable-$engine-engine-$version.jar"
changelog=org/flowable/$engine/db/liquibase/flowable-$engine-db-changelog.xml
mkdir -p "$work"
if [ ! -f "$jar" ]; then
    if ! (cd "$root" && ./mvnw -B -q dependency:copy -Dartifact="org.flowable:flowable-$engine-engine:$version" \
            -DoutputDirectory="$root/bench/work/real") > "$work/fetch.log" 2>&1; then
        tail -n 5 "$work/fetch.log"
        echo "flowable.sh: cannot fetch org.flowable:flowable-$engine-engine:$version from Maven Central: skipped"
        exit 3
    fi
fi
rm -rf "$work/scenario" "$work/results"
mkdir -p "$work/scenario/changelog"
(cd "$work/scenario/changelog" && jar xf "$jar" "$changelog")  # the JDK's jar: no unzip needed
cat > "$work/scenario/driftgate.yaml" <<YAML
# Flowable $engine $version: its whole Liquibase changelog, as Liquibase renders it for $dialect.
dialect: $dialect
migrations:
  path: changelog
  layout: liquibase
  changelog: $changelog
candidates: "$candidates"
rollback: optional
YAML
start=$(date +%s.%N)
status=0
"$root/driftgate" test "$work/scenario" --results "$work/results" > "$work/gate.txt" || status=$?
printf 'Flowable %s %s on %s: gate in %.1f s (exit %d), output in %s\n' "$engine" "$version" "$dialect" \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$status" "$work/gate.txt"
grep -E "copies [0-9]+ in|passed, " "$work/gate.txt" || true
echo "failed checks by step:"
grep "^✘" "$work/gate.txt" | sed -E 's/.* › [^›]+ › ([^:(]+).*/\1/' | sort | uniq -c || true
if [ "$status" -gt 1 ]; then
    tail -n 5 "$work/gate.txt"
    exit "$status"
fi
if [ "$candidates" = all ]; then
    python3 "$root/bench/real-histories/outcome.py" "$work/results/results.json" \
        "$root/bench/real-histories/expected/flowable-$engine-$dialect.txt"
fi
