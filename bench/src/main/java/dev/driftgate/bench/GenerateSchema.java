package dev.driftgate.bench;

/**
 * Writes a synthetic schema of N tables to standard output: about 10 columns, 2 indexes, 1 foreign
 * key and 1 check per table, and for every tenth table an enum, a sequence (PostgreSQL), a function,
 * a trigger and a view.
 *
 * <p>Usage: {@code GenerateSchema postgresql|mysql TABLES}
 */
public final class GenerateSchema {

    public static void main(String[] args) {
        String dialect = args[0];
        int tables = Integer.parseInt(args[1]);
        StringBuilder out = new StringBuilder();
        boolean pg = dialect.equals("postgresql");
        if (!pg) {
            out.append("SET FOREIGN_KEY_CHECKS = 0;\n");
        }
        for (int i = 1; i <= tables; i++) {
            // A shallow tree of foreign keys (t1 <- t2..t10 <- t11..t100 ...), as real schemas have:
            // a chain thousands deep would measure the tools' recursion limits, not their speed.
            int parent = i <= 10 ? 1 : i / 10;
            boolean tenth = i % 10 == 0;
            if (pg) {
                if (tenth) {
                    out.append("CREATE TYPE e").append(i).append(" AS ENUM ('a', 'b', 'c');\n");
                    out.append("CREATE SEQUENCE s").append(i).append(" START 100 INCREMENT 2;\n");
                }
                out.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, parent_id bigint REFERENCES t")
                        .append(parent).append(" (id), c1 text NOT NULL DEFAULT 'x', c2 integer, ")
                        .append("c3 numeric(10,2) CHECK (c3 >= 0), c4 timestamptz DEFAULT now(), c5 boolean, ")
                        .append("c6 varchar(40), c7 date, c8 jsonb")
                        .append(tenth ? ", c9 e" + i : "").append(");\n");
                out.append("CREATE INDEX t").append(i).append("_c2_idx ON t").append(i).append(" (c2);\n");
                out.append("CREATE INDEX t").append(i).append("_c6_c7_idx ON t").append(i).append(" (c6, c7);\n");
                if (tenth) {
                    out.append("CREATE FUNCTION f").append(i).append("() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ")
                            .append("NEW.c2 := coalesce(NEW.c2, 0); RETURN NEW; END $$;\n");
                    out.append("CREATE TRIGGER tr").append(i).append(" BEFORE INSERT ON t").append(i)
                            .append(" FOR EACH ROW EXECUTE FUNCTION f").append(i).append("();\n");
                    out.append("CREATE VIEW v").append(i).append(" AS SELECT a.id, a.c1, b.c2 FROM t").append(i)
                            .append(" a JOIN t").append(parent).append(" b ON b.id = a.parent_id;\n");
                }
            } else {
                out.append("CREATE TABLE t").append(i).append(" (id bigint NOT NULL PRIMARY KEY, parent_id bigint, ")
                        .append("c1 varchar(100) NOT NULL DEFAULT 'x', c2 int, c3 decimal(10,2) CHECK (c3 >= 0), ")
                        .append("c4 timestamp NULL DEFAULT CURRENT_TIMESTAMP, c5 tinyint(1), c6 varchar(40), c7 date, c8 text")
                        .append(tenth ? ", c9 enum('a','b','c')" : "")
                        .append(", KEY t").append(i).append("_c2_idx (c2), KEY t").append(i).append("_c6_c7_idx (c6, c7)")
                        .append(", CONSTRAINT t").append(i).append("_parent_fk FOREIGN KEY (parent_id) REFERENCES t")
                        .append(parent).append(" (id)) ENGINE=InnoDB;\n");
                if (tenth) {
                    out.append("CREATE FUNCTION f").append(i).append("(x int) RETURNS int DETERMINISTIC RETURN x + ")
                            .append(i).append(";\n");
                    out.append("CREATE TRIGGER tr").append(i).append(" BEFORE INSERT ON t").append(i)
                            .append(" FOR EACH ROW SET NEW.c2 = coalesce(NEW.c2, 0);\n");
                    out.append("CREATE VIEW v").append(i).append(" AS SELECT a.id, a.c1, b.c2 FROM t").append(i)
                            .append(" a JOIN t").append(parent).append(" b ON b.id = a.parent_id;\n");
                }
            }
        }
        if (!pg) {
            out.append("SET FOREIGN_KEY_CHECKS = 1;\n");
        }
        System.out.print(out);
    }
}
