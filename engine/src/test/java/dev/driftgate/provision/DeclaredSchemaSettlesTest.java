package dev.driftgate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.testing.Target;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/**
 * A declared schema loads in any order: "not there yet" errors are retried until the set settles,
 * a statement that can never succeed is named with its file and line, and statements waiting on
 * each other are named as a cycle. On the real servers.
 */
class DeclaredSchemaSettlesTest {

    private static int load(Target target, String script) throws Exception {
        try (ThrowawayDatabase db = target.server().createThrowaway(); Connection c = db.connect()) {
            Dialect d = target.server().dialect();
            return ScriptRunner.runUnordered(c, d.splitScript(script, "schema.sql"), d.deferredForeignKeys());
        }
    }

    @Test
    void postgresForeignKeyBeforeTheKeyItReferencesSettles() throws Exception {
        // 42830: the referenced table exists, its primary key does not yet.
        assertEquals(4, load(Target.POSTGRES_SERVER, """
                CREATE TABLE city (id int NOT NULL);
                CREATE TABLE address (id int, city_id int);
                ALTER TABLE address ADD CONSTRAINT address_city_fkey FOREIGN KEY (city_id) REFERENCES city (id);
                ALTER TABLE city ADD CONSTRAINT city_pkey PRIMARY KEY (id);
                """));
    }

    @Test
    void mariadbForeignKeyBeforeItsTableAndKeySettles() throws Exception {
        // errno 150 (missing referenced table), 1822 (missing referenced key).
        assertEquals(4, load(Target.MARIADB_SERVER, """
                CREATE TABLE address (id int PRIMARY KEY, city_id int,
                    CONSTRAINT address_city_fk FOREIGN KEY (city_id) REFERENCES city (id)) ENGINE=InnoDB;
                CREATE TABLE store (id int PRIMARY KEY, city_code int) ENGINE=InnoDB;
                ALTER TABLE store ADD CONSTRAINT store_city_fk FOREIGN KEY (city_code) REFERENCES city (code);
                CREATE TABLE city (id int PRIMARY KEY, code int, UNIQUE KEY city_code (code)) ENGINE=InnoDB;
                """));
    }

    @Test
    void aStatementThatCanNeverSucceedIsNamedWithFileAndLine() {
        DriftgateException e = assertThrows(DriftgateException.class, () -> load(Target.POSTGRES_SERVER, """
                CREATE TABLE t (id int);
                CREATE VIEW v AS SELECT * FROM t;

                CREATE VIEW w AS SELECT * FROM nowhere;
                """));
        assertTrue(e.getMessage().startsWith("schema.sql:4: statement cannot be applied: ERROR: relation \"nowhere\" does not exist"),
                e.getMessage());
    }

    @Test
    void statementsWaitingOnEachOtherAreNamedAsACycle() {
        DriftgateException e = assertThrows(DriftgateException.class, () -> load(Target.POSTGRES_SERVER, """
                CREATE TABLE t (id int);
                CREATE VIEW a AS SELECT * FROM b;
                CREATE VIEW b AS SELECT * FROM a;
                """));
        assertTrue(e.getMessage().matches("schema\\.sql:\\d: statements wait on each other in a cycle: "
                + "schema\\.sql:2 \\(CREATE VIEW a AS SELECT \\* FROM b\\) waits on: .*relation \"b\".*; "
                + "schema\\.sql:3 \\(CREATE VIEW b AS SELECT \\* FROM a\\) waits on: .*relation \"a\".*"),
                e.getMessage());
    }

    @Test
    void anErrorThatIsNotAboutOrderFailsAtOnce() {
        DriftgateException e = assertThrows(DriftgateException.class, () -> load(Target.MARIADB_SERVER, """
                CREATE TABLE t (id int PRIMARY KEY);
                CREATE TABLE t (id int PRIMARY KEY);
                """));
        assertTrue(e.getMessage().startsWith("schema.sql:2: statement 2 failed: "), e.getMessage());
    }

    @Test
    void mariadbTablesReferencingEachOtherSettleWithTheChecksDeferred() throws Exception {
        // sakila's store and staff: neither CREATE TABLE can come first with the checks on.
        assertEquals(2, load(Target.MARIADB_SERVER, """
                CREATE TABLE store (id int PRIMARY KEY, manager_id int,
                    CONSTRAINT store_manager_fk FOREIGN KEY (manager_id) REFERENCES staff (id)) ENGINE=InnoDB;
                CREATE TABLE staff (id int PRIMARY KEY, store_id int,
                    CONSTRAINT staff_store_fk FOREIGN KEY (store_id) REFERENCES store (id)) ENGINE=InnoDB;
                """));
    }

    @Test
    void mariadbForeignKeyToATableNothingCreatesIsNamed() {
        DriftgateException e = assertThrows(DriftgateException.class, () -> load(Target.MARIADB_SERVER, """
                CREATE TABLE store (id int PRIMARY KEY) ENGINE=InnoDB;

                CREATE TABLE staff (id int PRIMARY KEY, store_id int,
                    CONSTRAINT staff_store_fk FOREIGN KEY (store_id) REFERENCES shop (id)) ENGINE=InnoDB;
                """));
        assertEquals("schema.sql:3: statement cannot be applied: foreign key staff_store_fk of table staff references "
                + "table shop, which no statement creates -- CREATE TABLE staff (id int PRIMARY KEY, store_id int,",
                e.getMessage());
    }
}
