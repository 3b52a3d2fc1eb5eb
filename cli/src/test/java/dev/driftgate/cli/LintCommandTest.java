package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftgate lint}, static and observed, on a Flyway history in a temporary directory. */
class LintCommandTest {

    @TempDir
    Path dir;

    private Path history() throws Exception {
        Files.writeString(dir.resolve("V1__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, "
                + "note varchar(100));\nCREATE INDEX orders_note_idx ON orders (note);\n");
        Files.writeString(dir.resolve("V2__index.sql"), "SET lock_timeout = '2s';\n"
                + "CREATE INDEX orders_customer_idx ON orders (customer_id);\n"
                + "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);\n");
        return dir;
    }

    @Test
    void staticHazardsWithFileLineAndCodeAndTheExitCode() throws Exception {
        CliRun run = CliRun.of("lint", history().toString(), "--dialect", "postgresql");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(dir.resolve("V2__index.sql") + ":2: DG301 error: builds an index without CONCURRENTLY"),
                run.out());
        assertTrue(run.out().contains(":3: DG302 warning"), run.out());
        assertTrue(!run.out().contains("V1__orders.sql"), "an index on a table the migration creates is fine: " + run.out());
        assertTrue(run.out().contains("2 migrations, 5 statements: 1 error, 1 warning; 1 at or above error"), run.out());

        CliRun relaxed = CliRun.of("lint", dir.toString(), "--dialect", "postgresql", "--level", "DG301=warning");
        assertEquals(0, relaxed.exitCode(), relaxed.out());
        CliRun strict = CliRun.of("lint", dir.toString(), "--dialect", "postgresql", "--level", "DG301=off", "--fail-on", "warning");
        assertEquals(1, strict.exitCode(), strict.out());
        assertTrue(!strict.out().contains("DG301"), strict.out());
    }

    @Test
    void observedOnAnEmbeddedDatabaseContradictsTheRewrite() throws Exception {
        CliRun run = CliRun.of("lint", history().toString(), "--dialect", "postgresql", "--observe", "--level", "DG301=warning");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains(":3: DG302 info: changes a column type")
                && run.out().contains("[observed: contradicted: nothing was rewritten"), run.out());
        assertTrue(run.out().contains("locks public.orders ShareLock; built public.orders_customer_idx"), run.out());
    }

    @Test
    void badInputIsOneLine() throws Exception {
        CliRun noDialect = CliRun.of("lint", history().toString());
        assertEquals(2, noDialect.exitCode());
        assertTrue(noDialect.err().startsWith("driftgate lint: which dialect? Say --dialect postgresql or --dialect mysql"),
                noDialect.err());
        CliRun missing = CliRun.of("lint", dir.resolve("nope.sql").toString(), "--dialect", "mysql");
        assertEquals(2, missing.exitCode());
        assertEquals("driftgate lint: " + dir.resolve("nope.sql") + ": no such file or directory", missing.err().strip());
        CliRun badCode = CliRun.of("lint", dir.toString(), "--dialect", "mysql", "--level", "DG999=off");
        assertEquals("driftgate lint: --level DG999: unknown rule code (see docs/safety.md)", badCode.err().strip());
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: mysql\n");
        CliRun fromScenario = CliRun.of("lint", dir.resolve("V2__index.sql").toString());
        assertTrue(fromScenario.out().contains("DG001 info: statement not analysed")
                || fromScenario.out().contains("statements:"), "the dialect comes from driftgate.yaml: " + fromScenario.out());
    }

    @Test
    void aScenarioDirectoryIsReadInItsOwnLayoutPathAndDialect() throws Exception {
        // golang-migrate files under db/, named by driftgate.yaml: read from the top directory, the
        // layout was ignored (no .sql files there) and the down files would have passed for ups.
        Path scenario = dir.resolve("gate");
        Files.createDirectories(scenario.resolve("db"));
        Files.writeString(scenario.resolve("driftgate.yaml"), "dialect: mysql\nmigrations:\n  path: db\n  layout: golang-migrate\n"
                + "candidates: branch\nonline-safety:\n  levels:\n    DG308: \"off\"\n");
        Files.writeString(scenario.resolve("db/1_orders.up.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n");
        Files.writeString(scenario.resolve("db/1_orders.down.sql"), "DROP TABLE orders;\n");
        Files.writeString(scenario.resolve("db/2_drop_note.up.sql"), "ALTER TABLE orders DROP COLUMN note;\n");
        Files.writeString(scenario.resolve("db/2_drop_note.down.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");
        CliRun run = CliRun.of("lint", scenario.toString(), "--fail-on", "warning");
        assertEquals(1, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("2_drop_note.up.sql:1: DG102 warning: drops a column"), run.out());
        assertTrue(!run.out().contains("down.sql") && !run.out().contains("DG308"), "ups only, the scenario's levels: " + run.out());
        assertTrue(run.out().contains("2 migrations, 2 statements"), run.out());
    }

    @Test
    void theTimeZoneOptionTellsWhetherTimestampToTimestamptzRewrites() throws Exception {
        Files.writeString(dir.resolve("V1__event.sql"), "ALTER TABLE event ADD COLUMN at timestamp;\n"
                + "ALTER TABLE event ALTER COLUMN at TYPE timestamptz;\n");
        CliRun unknown = CliRun.of("lint", dir.toString(), "--dialect", "postgresql", "--level", "DG308=off");
        assertTrue(unknown.out().contains("DG302 warning"), unknown.out());
        CliRun utc = CliRun.of("lint", dir.toString(), "--dialect", "postgresql", "--level", "DG308=off", "--time-zone", "UTC");
        assertTrue(!utc.out().contains("DG302"), utc.out());
    }
}
