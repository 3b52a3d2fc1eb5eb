package dev.driftgate.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import dev.driftgate.testing.Target;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A printed MariaDB plan runs as printed: piped into the real {@code mariadb} client, under the
 * server's sql_mode and under NO_BACKSLASH_ESCAPES, it builds the schema it was planned for —
 * routine, trigger and event bodies holding semicolons between DELIMITER lines, literals holding
 * quotes and backslashes read the same in both modes, objects created under their own sql_mode.
 */
class MariaDbPrintedPlanTest {

    private static final String SCHEMA = """
            CREATE TABLE t (
              id int PRIMARY KEY,
              note varchar(40) DEFAULT 'it''s' COMMENT 'a quote '' and a backslash \\\\ here'
            ) COMMENT 'C:\\\\temp\\\\new; it''s -- not a comment';
            CREATE TABLE audit (id int, what varchar(40));
            DELIMITER //
            CREATE PROCEDURE p(IN who VARCHAR(20) CHARACTER SET latin1, OUT n INT)
              COMMENT 'counts; \\\\ and '''
            BEGIN
              SELECT COUNT(*) INTO n FROM t WHERE note <> who;
              SELECT '🐬;' AS marker;
            END//
            CREATE TRIGGER t_ai AFTER INSERT ON t FOR EACH ROW
            BEGIN
              INSERT INTO audit VALUES (NEW.id, 'added; 🦭');
              INSERT INTO audit VALUES (NEW.id, 'twice');
            END//
            CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2030-01-01 00:00:00' DISABLE
            DO BEGIN DELETE FROM audit; DELETE FROM audit WHERE id = 0; END//
            DELIMITER ;
            SET SESSION sql_mode = CONCAT(@@SESSION.sql_mode, ',PIPES_AS_CONCAT');
            CREATE FUNCTION joined(a VARCHAR(5), b VARCHAR(5)) RETURNS VARCHAR(10) DETERMINISTIC RETURN a || b;
            """;

    @ParameterizedTest(name = "sql_mode {0}")
    @ValueSource(strings = {"DEFAULT", "CONCAT(@@sql_mode, ',NO_BACKSLASH_ESCAPES')"})
    void thePrintedPlanBuildsTheSchemaInTheMariadbClient(String sqlMode) throws Exception {
        Target target = Target.MARIADB_SERVER;
        try (ThrowawayDatabase source = target.server().createThrowaway();
                ThrowawayDatabase built = target.server().createThrowaway()) {
            MariaDbRoundTripTest.client(source.name(), SCHEMA);
            SchemaSnapshot wanted = snapshot(source).withSchemaRenamed(source.name(), built.name());
            DiffResult diff = SchemaDiff.compare(wanted, snapshot(built), IgnoreRules.defaults());
            Planner.Plan plan = target.server().dialect().planner().plan(diff, false);
            String script = plan.script();
            assertTrue(script.contains("DELIMITER "), script);
            assertTrue(!script.contains("\\'"), "a backslash escape in\n" + script);
            MariaDbRoundTripTest.client(built.name(), script, "--init-command=SET SESSION sql_mode = " + sqlMode);
            DiffResult remaining = SchemaDiff.compare(wanted, snapshot(built), IgnoreRules.defaults());
            assertTrue(remaining.isEmpty(), remaining.differences() + "\n" + script);
            assertEquals(MariaDbRoundTripTest.dump(source.name()), MariaDbRoundTripTest.dump(built.name()), script);
        }
    }

    /** The statements run over JDBC, without the DELIMITER lines, build the same schema. */
    @Test
    void theSamePlanRunsOverJdbc() throws Exception {
        Target target = Target.MARIADB_SERVER;
        try (ThrowawayDatabase source = target.server().createThrowaway();
                ThrowawayDatabase built = target.server().createThrowaway()) {
            MariaDbRoundTripTest.client(source.name(), SCHEMA);
            SchemaSnapshot wanted = snapshot(source).withSchemaRenamed(source.name(), built.name());
            Planner.Plan plan = target.server().dialect().planner()
                    .plan(SchemaDiff.compare(wanted, snapshot(built), IgnoreRules.defaults()), false);
            try (Connection c = built.connect()) {
                ScriptRunner.run(c, plan.statements().stream().map(s -> new SqlStatement(
                        s.sql(), "plan", 1, 1)).toList());
            }
            assertTrue(SchemaDiff.compare(wanted, snapshot(built), IgnoreRules.defaults()).isEmpty());
            assertEquals(MariaDbRoundTripTest.dump(source.name()), MariaDbRoundTripTest.dump(built.name()));
        }
    }

    private static SchemaSnapshot snapshot(ThrowawayDatabase db) {
        return LiveDatabase.snapshot(db.jdbcUrl(), Target.MARIADB_SERVER.server().adminSettings(), List.of());
    }
}
