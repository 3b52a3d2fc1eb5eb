#!/usr/bin/env bash
# driftgate lint on generated migrations of growing size (ALTER TABLE ADD COLUMN, CREATE INDEX and
# UPDATE, three statements a step): the static rules must take time linear in the file's size.
# Prints wall and CPU (user+sys) seconds per size; run from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
./driftgate --version >/dev/null
for steps in 6000 12000 24000; do
    mkdir -p "$work/$steps"
    python3 - "$steps" "$work/$steps/V1__big.sql" <<'PY'
import sys
steps, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w") as f:
    for i in range(steps):
        f.write(f"ALTER TABLE t{i%50} ADD COLUMN c{i} integer;\nCREATE INDEX ix{i} ON t{i%50} (c{i});\n"
                f"UPDATE t{i%50} SET c{i} = {i} WHERE id < {i};\n")
PY
    size=$(du -k "$work/$steps/V1__big.sql" | cut -f1)
    /usr/bin/time -f "%e %U %S" -o "$work/time" ./driftgate lint "$work/$steps/V1__big.sql" --dialect postgresql >/dev/null || true
    read -r wall user sys < <(tail -n 1 "$work/time")
    echo "lint $((steps * 3)) statements, ${size} KiB: wall ${wall} s, cpu $(python3 -c "print(round($user + $sys, 1))") s"
done
