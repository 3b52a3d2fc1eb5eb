#!/usr/bin/env python3
"""Writes a history of N migrations in Liquibase formatted SQL (one changelog file), each with its
rollback, for PostgreSQL or MySQL/MariaDB, plus a seed file and a driftgate scenario around it.

A repeating shape of four: create a table, add a column to it, index it, add a check constraint,
so that every fourth migration creates an object the next three change. Baseline tables get rows.

    bench/gate-history.py DIALECT N CANDIDATES OUT_DIR
"""
import os
import sys

dialect, n, candidates, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
pg = dialect == "postgresql"
os.makedirs(os.path.join(out, "migrations"), exist_ok=True)
lines = ["--liquibase formatted sql", ""]
seed = []
for i in range(1, n + 1):
    t = "t%d" % (((i - 1) // 4) * 4 + 1)
    lines.append("--changeset bench:%d" % i)
    shape = (i - 1) % 4
    if shape == 0:
        lines.append("CREATE TABLE %s (id int PRIMARY KEY, name varchar(50) NOT NULL, created %s);"
                     % (t, "timestamptz" if pg else "datetime"))
        lines.append("--rollback DROP TABLE %s;" % t)
        if i <= n - candidates:
            seed.append("INSERT INTO %s (id, name) VALUES (1, 'one'), (2, 'two'), (3, 'three');" % t)
    elif shape == 1:
        lines.append("ALTER TABLE %s ADD COLUMN extra_%d int;" % (t, i))
        lines.append("--rollback ALTER TABLE %s DROP COLUMN extra_%d;" % (t, i))
    elif shape == 2:
        lines.append("CREATE INDEX idx_%d ON %s (name);" % (i, t))
        lines.append("--rollback DROP INDEX idx_%d%s;" % (i, "" if pg else " ON " + t))
    else:
        lines.append("ALTER TABLE %s ADD CONSTRAINT chk_%d CHECK (id > 0);" % (t, i))
        lines.append("--rollback ALTER TABLE %s DROP CONSTRAINT chk_%d;" % (t, i))
    lines.append("")
with open(os.path.join(out, "migrations", "changelog.sql"), "w") as f:
    f.write("\n".join(lines))
with open(os.path.join(out, "seed.sql"), "w") as f:
    f.write("\n".join(seed) + "\n")
with open(os.path.join(out, "driftgate.yaml"), "w") as f:
    f.write("dialect: %s\nmigrations:\n  layout: liquibase\ncandidates: \"%d..\"\nseed:\n  - seed.sql\n"
            % (dialect, n - candidates + 1))
# The floor: every up in one file, every down (reverse order) in another.
ups = [l for l in lines if l and not l.startswith("--")]
downs = [l[len("--rollback "):] for l in lines if l.startswith("--rollback ")]
with open(os.path.join(out, "all-up.sql"), "w") as f:
    f.write("\n".join(ups) + "\n")
with open(os.path.join(out, "all-down.sql"), "w") as f:
    f.write("\n".join(reversed(downs)) + "\n")
