package dev.driftgate.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.driftgate.provision.EmbeddedMariaDbServer;
import dev.driftgate.provision.EmbeddedPostgresServer;
import dev.driftgate.provision.ThrowawayDatabase;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.postgresql.PGConnection;

/**
 * Real captures: a small application workload runs on a server of its own that records statements
 * (PostgreSQL with pg_stat_statements preloaded, MariaDB with performance_schema on), the capture
 * is exported as an operator would export it, and a scenario gates a column rename against it.
 */
class ZeroDowntimeCaptureTest {

    private static final String SCHEMA = "CREATE TABLE customer (id integer PRIMARY KEY, name varchar(100) NOT NULL, email varchar(200));\n";

    @TempDir
    Path root;

    private static Predicate<String> containing(String... parts) {
        return m -> Arrays.stream(parts).allMatch(m::contains);
    }

    /** The application of release 1: reads by id, inserts, updates the email. */
    private static void workload(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(SCHEMA);
        }
        for (int i = 1; i <= 3; i++) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customer (id, name, email) VALUES (?, ?, ?)")) {
                insert.setInt(1, i);
                insert.setString(2, "n" + i);
                insert.setString(3, i + "@example.org");
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT id, name, email FROM customer WHERE id = ?")) {
                select.setInt(1, i);
                select.executeQuery().close();
            }
            try (PreparedStatement update = c.prepareStatement("UPDATE customer SET name = ? WHERE id = ?")) {
                update.setString(1, "m" + i);
                update.setInt(2, i);
                update.executeUpdate();
            }
        }
    }

    private Path scenario(String dialect, String capture, String rename) throws Exception {
        Path dir = root.resolve(dialect);
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("driftgate.yaml"), "dialect: " + dialect + "\nmigrations:\n  layout: flyway\n"
                + "candidates: '2'\ncompatibility:\n  previous: " + capture + "\n");
        Files.writeString(dir.resolve("migrations/V1__customer.sql"), SCHEMA);
        Files.writeString(dir.resolve("migrations/U1__customer.sql"), "DROP TABLE customer;\n");
        Files.writeString(dir.resolve("migrations/V2__rename_email.sql"), rename + "\n");
        Files.writeString(dir.resolve("migrations/U2__rename_email.sql"), "-- nothing\nSELECT 1;\n");
        return dir;
    }

    private static Events run(Path dir) {
        return EngineTestKit.engine("driftgate").configurationParameter("driftgate.safety.observe", "false")
                .selectors(selectDirectory(dir.toFile())).execute().testEvents();
    }

    @Test
    void aPgStatStatementsExportCatchesTheRenameAndNamesTheQueryAndTheChange() throws Exception {
        Path dir = root.resolve("postgresql");
        Files.createDirectories(dir);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startWith(Map.of(
                "shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track", "top"));
                ThrowawayDatabase db = server.createThrowaway();
                Connection c = db.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE EXTENSION pg_stat_statements");
                s.execute("SELECT pg_stat_statements_reset()");
            }
            workload(c);
            // As an operator exports it: psql -c "\copy (SELECT queryid, query FROM pg_stat_statements ...) TO 'x.csv' CSV HEADER"
            StringWriter csv = new StringWriter();
            c.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (SELECT queryid, query FROM pg_stat_statements "
                    + "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY query) "
                    + "TO STDOUT WITH (FORMAT csv, HEADER)", csv);
            Files.writeString(dir.resolve("pg_stat_statements.csv"), csv.toString());
        }
        String capture = Files.readString(dir.resolve("pg_stat_statements.csv"));
        assertTrue(capture.contains("WHERE id = $1"), capture);

        Path broken = scenario("postgresql", "pg_stat_statements.csv", "ALTER TABLE customer RENAME COLUMN email TO email_address;");
        Events events = run(broken);
        events.assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedWithFailure(message(containing(
                "2 rename_email: 2 of the previous release's", "do not prepare on the state after it",
                "pg_stat_statements.csv:", "(queryid ", "SELECT id, name, email FROM customer WHERE id = $1",
                "column \"email\" does not exist", "broken by: DropColumn column public.customer.email",
                "V2__rename_email.sql:1: ALTER TABLE customer RENAME COLUMN email TO email_address")))));

        // The same capture against a change that leaves what release 1 uses alone passes.
        Files.writeString(broken.resolve("migrations/V2__rename_email.sql"), "ALTER TABLE customer ADD COLUMN email_address text;\n");
        run(broken).assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedSuccessfully()));
    }

    @Test
    void aMariaDbDigestExportCatchesTheRenameAndNamesTheQueryAndTheChange() throws Exception {
        Path dir = root.resolve("mysql");
        Files.createDirectories(dir);
        try (EmbeddedMariaDbServer server = EmbeddedMariaDbServer.startWith(List.of("--performance-schema=ON"));
                ThrowawayDatabase db = server.createThrowaway();
                Connection c = db.connect()) {
            workload(c);
            // Exported by the server itself, as JSON: one object per digest of this schema.
            try (PreparedStatement export = c.prepareStatement("SELECT JSON_ARRAYAGG(JSON_OBJECT('digest', DIGEST, "
                    + "'digest_text', DIGEST_TEXT)) FROM performance_schema.events_statements_summary_by_digest "
                    + "WHERE SCHEMA_NAME = ?")) {
                export.setString(1, db.name());
                try (ResultSet rs = export.executeQuery()) {
                    rs.next();
                    Files.writeString(dir.resolve("digests.json"), rs.getString(1));
                }
            }
        }
        String capture = Files.readString(dir.resolve("digests.json"));
        assertTrue(capture.contains("FROM `customer` WHERE ID = ?"), capture);

        Path broken = scenario("mysql", "digests.json", "ALTER TABLE customer RENAME COLUMN email TO email_address;");
        Events events = run(broken);
        events.assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedWithFailure(message(containing(
                "2 rename_email: 2 of the previous release's", "digests.json entry ", "(digest ",
                "Unknown column 'email'", "broken by: DropColumn column customer.email",
                "V2__rename_email.sql:1: ALTER TABLE customer RENAME COLUMN email TO email_address")))));

        Files.writeString(broken.resolve("migrations/V2__rename_email.sql"), "ALTER TABLE customer ADD COLUMN email_address text;\n");
        run(broken).assertThatEvents().haveExactly(1, event(test("step:compatibility"), finishedSuccessfully()));
    }
}
