#!/usr/bin/env bash
# How much of each real history the static online-safety rules read: statements, analysed, not
# analysed (DG001), and the not-analysed ones by kind (their first words). Converts the histories
# first (REAL_HISTORY_CONVERT_ONLY=1: no gate run) unless bench/work/real/<history>/scenario exists;
# then `driftgate lint` on each scenario directory with --fail-on off. Exits 1 when a history has
# 2 % or more of its statements not analysed (.ci/run calls it after the histories' gate runs).
#
#   bench/real-histories/lint-counts.sh [--convert]      --convert: convert again even if present
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$root/bench/work/real"
convert() {
    local dir="$1"; shift
    if [ "${FORCE:-}" = 1 ] || [ ! -f "$work/$dir/scenario/driftgate.yaml" ]; then
        REAL_HISTORY_CONVERT_ONLY=1 "$root/bench/real-histories/$@" >/dev/null || return $?
    fi
}
[ "${1:-}" = --convert ] && FORCE=1
status=0
# flowable.sh has no convert-only mode: where its scenario is not there yet, the whole gate runs.
for spec in "redmine-mysql redmine.sh mysql" "redmine-postgresql redmine.sh postgresql" "unleash unleash.sh" \
        "flowable-cmmn-mysql flowable.sh cmmn mysql" "flowable-cmmn-postgresql flowable.sh cmmn postgresql" \
        "flowable-dmn-mysql flowable.sh dmn mysql" "flowable-dmn-postgresql flowable.sh dmn postgresql"; do
    set -- $spec
    name="$1"; shift
    if ! convert "$name" "$@"; then
        echo "$name: cannot convert (see $1): skipped"
        continue
    fi
    out="$work/$name/lint.txt"
    "$root/driftgate" lint "$work/$name/scenario" --fail-on off > "$out" || { status=$?; tail -n 3 "$out"; continue; }
    python3 - "$name" "$out" <<'PY' || status=1
import collections, re, sys
name, path = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().splitlines()
total = int(re.search(r"(\d+) statements", lines[-1]).group(1))
kinds = collections.Counter()
for l in lines:
    m = re.match(r".*?: DG001 info: statement not analysed \([^)]*\): (.*)$", l)
    if m:
        words = re.sub(r"[\"`(]", " ", m.group(1)).split()
        kind = " ".join(w.upper() for w in words[:3] if re.match(r"^[A-Za-z_]+$", w))
        kinds[re.sub(r"^(ALTER TABLE|CREATE INDEX|CREATE UNIQUE INDEX|DROP TABLE).*", r"\1", kind)] += 1
missed = sum(kinds.values())
print("%s: %d statements, %d analysed, %d not analysed (%.1f %%)%s" % (name, total, total - missed, missed,
      100.0 * missed / max(total, 1), "" if not kinds else ": " + ", ".join("%s %d" % kv for kv in kinds.most_common())))
if missed * 50 >= total:
    print("%s: 2 %% or more of the statements are not analysed" % name)
    sys.exit(1)
PY
done
exit "$status"
