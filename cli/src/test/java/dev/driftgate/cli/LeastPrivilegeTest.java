package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.testing.Target;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grants docs/drift.md gives are enough, tested with accounts that hold exactly them: the
 * reader's snapshot equals the owner's. An account that sees less is refused with the object kinds
 * it cannot see and the grants that would show them, never a silently partial snapshot.
 */
class LeastPrivilegeTest {

    @TempDir
    Path dir;

    private static void execute(Connection c, String... sql) throws Exception {
        try (Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void mariadbReaderWithTheDocumentedGrantsSeesWhatTheOwnerSees() throws Exception {
        Target target = Target.MARIADB_SERVER;
        String reader = "dg_reader_" + ProcessHandle.current().pid();
        try (ThrowawayDatabase db = target.server().createThrowaway(); Connection c = db.connect()) {
            execute(c, "CREATE TABLE orders (id int PRIMARY KEY, customer_id int, total decimal(10,2))",
                    "CREATE TABLE customers (id int PRIMARY KEY)",
                    "ALTER TABLE orders ADD CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)"
                            + " ON DELETE CASCADE",
                    "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                    "CREATE TRIGGER orders_check BEFORE INSERT ON orders FOR EACH ROW SET NEW.total = ABS(NEW.total)",
                    "CREATE PROCEDURE touch_order(IN order_id int) UPDATE orders SET total = total WHERE id = order_id",
                    "CREATE EVENT nightly ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DO DELETE FROM orders "
                            + "WHERE total = 0",
                    "DROP USER IF EXISTS '" + reader + "'@'%'",
                    "CREATE USER '" + reader + "'@'%'",
                    "GRANT SELECT ON `" + db.name() + "`.* TO '" + reader + "'@'%'");
            try {
                Path owner = dir.resolve("owner.json");
                assertEquals(0, CliRun.of("dump", "--url", db.jdbcUrl(), "--user", "root", "--out", owner.toString())
                        .exitCode());
                CliRun refused = CliRun.of("dump", "--url", db.jdbcUrl(), "--user", reader);
                assertEquals(2, refused.exitCode(), refused.out() + refused.err());
                assertEquals(1, refused.err().strip().lines().count(), refused.err());
                for (String named : new String[] {"view definitions, triggers, events of " + db.name(),
                        "GRANT SHOW VIEW, TRIGGER, EVENT ON `" + db.name() + "`.*", "GRANT SELECT ON mysql.proc"}) {
                    assertTrue(refused.err().contains(named), named + " in " + refused.err());
                }
                // docs/drift.md, MariaDB
                execute(c, "GRANT SELECT, SHOW VIEW, TRIGGER, EVENT ON `" + db.name() + "`.* TO '" + reader + "'@'%'",
                        "GRANT SELECT ON mysql.proc TO '" + reader + "'@'%'");
                CliRun same = CliRun.of("diff", owner.toString(), db.jdbcUrl(), "--user", reader);
                assertEquals(0, same.exitCode(), "the reader's snapshot differs from the owner's: " + same.out() + same.err());
            } finally {
                execute(c, "DROP USER IF EXISTS '" + reader + "'@'%'");
            }
        }
    }

    @Test
    void postgresqlReaderWithTheDocumentedGrantsSeesWhatTheOwnerSees() throws Exception {
        Target target = Target.POSTGRES_SERVER;
        String reader = "dg_reader_" + ProcessHandle.current().pid();
        try (ThrowawayDatabase db = target.server().createThrowaway(); Connection c = db.connect()) {
            execute(c, "CREATE TABLE orders (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, total numeric(10,2))",
                    "CREATE FUNCTION positive() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$ BEGIN "
                            + "NEW.total := abs(NEW.total); RETURN NEW; END $$",
                    "CREATE TRIGGER orders_positive BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION positive()",
                    "CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100",
                    "ALTER TABLE orders ENABLE ROW LEVEL SECURITY",
                    "CREATE POLICY own ON orders USING (total > 0)",
                    "CREATE SCHEMA billing", "CREATE TABLE billing.invoices (id int PRIMARY KEY)",
                    "DROP ROLE IF EXISTS " + reader,
                    // docs/drift.md, PostgreSQL
                    "CREATE ROLE " + reader + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE",
                    "ALTER ROLE " + reader + " SET default_transaction_read_only = on",
                    "GRANT CONNECT ON DATABASE " + db.name() + " TO " + reader,
                    "GRANT USAGE ON SCHEMA public, billing TO " + reader);
            try {
                Path owner = dir.resolve("owner.json");
                assertEquals(0, CliRun.of("dump", "--url", db.jdbcUrl(), "--user", "postgres", "--out", owner.toString())
                        .exitCode());
                CliRun same = CliRun.of("diff", owner.toString(), db.jdbcUrl(), "--user", reader);
                assertEquals(0, same.exitCode(), "the reader's snapshot differs from the owner's: " + same.out() + same.err());
            } finally {
                // its grants here and on the database itself go with DROP OWNED, then the role
                execute(c, "DROP OWNED BY " + reader, "DROP ROLE " + reader);
            }
        }
    }
}
