#!/usr/bin/env bash
# The zero-downtime compatibility node with 1,000 captured statements: a history of 50 tables and
# three candidates, the previous release's 1,000 statements (SELECT, INSERT, UPDATE over the 50
# tables, parameters as each driver sends them), on both dialects. Prints, per target, what each
# candidate's compatibility node reports (its time in ms) beside the times of its other steps,
# from the verbose run. Run from the repository root; TARGETS overrides "embedded server".
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d "$PWD/bench/.compat-XXXX")"
trap 'rm -rf "$work"' EXIT
./driftgate --version >/dev/null
for dialect in postgresql mysql; do
    dir="$work/$dialect"
    mkdir -p "$dir/migrations"
    python3 - "$dialect" "$dir" <<'PY'
import sys, os
dialect, d = sys.argv[1], sys.argv[2]
p = (lambda i: f"${i}") if dialect == "postgresql" else (lambda i: "?")
m = os.path.join(d, "migrations")
with open(os.path.join(m, "V1__tables.sql"), "w") as f:
    for t in range(50):
        f.write(f"CREATE TABLE t{t} (id integer PRIMARY KEY, name varchar(100) NOT NULL, amount integer, note varchar(200));\n")
open(os.path.join(m, "U1__tables.sql"), "w").write("".join(f"DROP TABLE t{t};\n" for t in range(50)))
for v in (2, 3, 4):
    open(os.path.join(m, f"V{v}__extra.sql"), "w").write("".join(f"ALTER TABLE t{t} ADD COLUMN extra{v} integer;\n" for t in range(v, 50, 5)))
    open(os.path.join(m, f"U{v}__extra.sql"), "w").write("".join(f"ALTER TABLE t{t} DROP COLUMN extra{v};\n" for t in range(v, 50, 5)))
with open(os.path.join(d, "release.sql"), "w") as f:
    for i in range(1000):
        t, k = i % 50, i % 4
        if k == 0:
            f.write(f"SELECT id, name, amount FROM t{t} WHERE id = {p(1)} AND amount > {p(2)};\n")
        elif k == 1:
            f.write(f"INSERT INTO t{t} (id, name, amount) VALUES ({p(1)}, {p(2)}, {p(3)});\n")
        elif k == 2:
            f.write(f"UPDATE t{t} SET note = {p(1)}, amount = amount + {p(2)} WHERE id = {p(3)};\n")
        else:
            f.write(f"SELECT a.id, b.name FROM t{t} a JOIN t{(t + 1) % 50} b ON b.id = a.id WHERE a.name LIKE {p(1)} ORDER BY a.id LIMIT 10;\n")
with open(os.path.join(d, "driftgate.yaml"), "w") as f:
    f.write(f"dialect: {dialect}\nmigrations:\n  layout: flyway\ncandidates: '2..4'\nrollback-modes: [per-migration]\n"
            "compatibility:\n  previous: release.sql\n")
PY
    for target in ${TARGETS:-embedded server}; do
        spec="$target"
        if [ "$target" = server ]; then
            # The machine's servers: PostgreSQL 15 and MariaDB 10.11 (docs/benchmarks.md#machine).
            spec=$([ "$dialect" = postgresql ] && echo "server:jdbc:postgresql://127.0.0.1:5432/postgres" \
                || echo "server:jdbc:mariadb://127.0.0.1:3306/mysql")
        fi
        echo "== $dialect on $target"
        ./driftgate test "$dir" --targets "$spec" -v -Ddriftgate.safety.observe=false 2>&1 \
            | grep -E "compatibility|applies \(|› (2|3|4) extra › (applies|rollback|online safety)|timings" | sed "s|$work/||" || true
    done
done
