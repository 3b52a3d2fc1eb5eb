package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.testing.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code driftgate diff} as a user runs it: sources of every kind, formats, exit codes, bad input. */
class DiffCommandTest {

    @TempDir
    Path dir;

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void identicalDumpsExitZero() throws Exception {
        Path a = file("a.sql", "CREATE TABLE t (id int PRIMARY KEY, name text);");
        Path b = file("b.sql", "CREATE TABLE t (id int PRIMARY KEY,\n  name text);");
        CliRun run = CliRun.of("diff", a.toString(), b.toString(), "--dialect", "postgresql");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().startsWith("no differences"), run.out());
    }

    @Test
    void aLiveDatabaseAgainstASnapshotAndADumpReportsWhatDiffers() throws Exception {
        Target target = Target.POSTGRES_SERVER;
        try (ThrowawayDatabase db = target.server().createThrowaway()) {
            try (var c = db.connect(); var s = c.createStatement()) {
                s.execute("CREATE TABLE t (id int PRIMARY KEY, extra text)");
            }
            Path snapshot = dir.resolve("live.json");
            assertEquals(0, CliRun.of("dump", "--url", db.jdbcUrl(), "--user", "postgres", "--out", snapshot.toString())
                    .exitCode());
            Path expected = file("expected.sql", "CREATE TABLE t (id bigint PRIMARY KEY);");
            CliRun run = CliRun.of("diff", expected.toString(), db.jdbcUrl(), "--user", "postgres", "--format", "json");
            assertEquals(1, run.exitCode(), run.err());
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertEquals(2, json.get("differenceCount").asInt(), run.out());
            assertEquals("DropColumn", json.get("differences").get(0).get("change").asText());
            assertEquals("destructive", json.get("differences").get(0).get("severity").asText());
            CliRun fromSnapshot = CliRun.of("diff", expected.toString(), snapshot.toString());
            assertEquals(1, fromSnapshot.exitCode(), fromSnapshot.err());
            assertTrue(fromSnapshot.out().contains("AlterColumn"), fromSnapshot.out());
        }
    }

    @Test
    void mysqlDumpsOfDifferentlyNamedDatabasesCompareAsOneSchema() throws Exception {
        Path a = file("prod.sql", "CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB;");
        Path b = file("stage.sql", "CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB;\nCREATE TABLE u (id int) ENGINE=InnoDB;");
        CliRun run = CliRun.of("diff", a.toString(), b.toString(), "--format", "markdown");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("| destructive | DropTable | `table prod.u` |"), run.out());
    }

    @Test
    void writesSarif() throws Exception {
        Path a = file("a.sql", "CREATE TABLE t (id int);");
        Path b = file("b.sql", "CREATE TABLE t (id int, extra int);\nCREATE TABLE u (id int);");
        CliRun run = CliRun.of("diff", a.toString(), b.toString(), "--dialect", "postgresql", "--format", "sarif");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode sarif = new ObjectMapper().readTree(run.out());
        assertEquals("2.1.0", sarif.get("version").asText());
        JsonNode results = sarif.get("runs").get(0).get("results");
        assertEquals(2, results.size(), run.out());
        Set<String> objects = new TreeSet<>();
        for (JsonNode r : results) {
            assertEquals("error", r.get("level").asText(), "drops are destructive");
            objects.add(r.get("locations").get(0).get("logicalLocations").get(0).get("fullyQualifiedName").asText());
        }
        assertEquals(Set.of("public.t.extra", "public.u"), objects);
    }

    @Test
    void ignoreRulesMoveDifferencesToTheSuppressedSection() throws Exception {
        Path a = file("a.sql", "CREATE TABLE audit_log (id int);");
        Path b = file("b.sql", "CREATE TABLE audit_log (id int, extra int);");
        CliRun run = CliRun.of("diff", a.toString(), b.toString(), "--dialect", "postgresql",
                "--ignore", "object=public.audit_*");
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("suppressed:\n  DropColumn column public.audit_log.extra  (rule object=public.audit_* [--ignore])"),
                run.out());
    }

    @Test
    void aDeclaredSchemaDirectoryLoadsInAnyOrder() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("01_views.sql"),
                "CREATE VIEW v AS SELECT o.id, c.name FROM orders o JOIN customer c ON c.id = o.customer_id;");
        Files.writeString(schema.resolve("02_orders.sql"),
                "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer (id));");
        Files.writeString(schema.resolve("03_customer.sql"), "CREATE TABLE customer (id int PRIMARY KEY, name text);");
        Path dump = file("ordered.sql", "CREATE TABLE customer (id int PRIMARY KEY, name text);\n"
                + "CREATE TABLE orders (id int PRIMARY KEY, customer_id int REFERENCES customer (id));\n"
                + "CREATE VIEW v AS SELECT o.id, c.name FROM orders o JOIN customer c ON c.id = o.customer_id;\n");
        CliRun run = CliRun.of("diff", schema.toString(), dump.toString(), "--dialect", "postgresql");
        assertEquals(0, run.exitCode(), run.out() + run.err());

        Files.writeString(schema.resolve("04_broken.sql"), "\n\nCREATE TABLE z (id int REFERENCES nowhere (id));");
        CliRun broken = CliRun.of("diff", schema.toString(), dump.toString(), "--dialect", "postgresql");
        assertEquals(2, broken.exitCode());
        assertTrue(broken.err().startsWith("driftgate: " + schema.resolve("04_broken.sql") + ":3: statement cannot be applied"),
                broken.err());
        assertTrue(broken.err().contains("\"nowhere\" does not exist"), broken.err());
    }

    @Test
    void aCorruptSnapshotNamesFileAndLine() throws Exception {
        Path bad = file("bad.json", "{\n \"formatVersion\": 1,\n \"dialect\": \"postgresql\",\n \"schemas\": [}\n");
        CliRun run = CliRun.of("diff", bad.toString(), bad.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("driftgate: " + bad + ":4:"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aDumpOfTheOtherDialectIsRefused() throws Exception {
        Path pg = file("pg.sql", "CREATE TABLE t (id int);\nSELECT pg_catalog.set_config('search_path', '', false);");
        Path my = file("my.sql", "CREATE TABLE `t` (`id` int) ENGINE=InnoDB;");
        CliRun run = CliRun.of("diff", pg.toString(), my.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("different dialects"), run.err());
    }

    @Test
    void aSyntaxErrorInADumpNamesFileLineAndStatement() throws Exception {
        Path good = file("good.sql", "CREATE TABLE t (id int);");
        Path bad = file("bad.sql", "CREATE TABLE t (id int);\n\nCREATE TABLE u (id int,, x);\n");
        CliRun run = CliRun.of("diff", good.toString(), bad.toString(), "--dialect", "postgresql");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("driftgate: " + bad + ":3: statement 2 failed:"), run.err());
        assertTrue(run.err().contains("CREATE TABLE u"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
    }

    @Test
    void aMissingSourceAndAnUnknownFormat() throws Exception {
        CliRun missing = CliRun.of("diff", "nope.json", "nope2.json");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.json: no such file or directory"), missing.err());
        Path a = file("a.sql", "CREATE TABLE t (id int);");
        CliRun format = CliRun.of("diff", a.toString(), a.toString(), "--dialect", "postgresql", "--format", "xml");
        assertEquals(2, format.exitCode());
    }

    @Test
    void loadsSqlOnAnExistingServerWhenAskedAndLeavesNoDatabaseBehind() throws Exception {
        Path a = file("a.sql", "CREATE TABLE t (id int);");
        Path bad = file("bad.sql", "CREATE TABLE t (id int);\nCREATE TABLE broken (;\n");
        int before = throwawayCount();
        CliRun run = CliRun.of("diff", a.toString(), a.toString(), "--dialect", "mysql",
                "--scratch-url", "jdbc:mariadb://127.0.0.1:3306/", "--user", "root");
        assertEquals(0, run.exitCode(), run.err());
        CliRun failed = CliRun.of("diff", a.toString(), bad.toString(), "--dialect", "mysql",
                "--scratch-url", "jdbc:mariadb://127.0.0.1:3306/", "--user", "root");
        assertEquals(2, failed.exitCode());
        assertTrue(failed.err().contains(bad + ":2:"), failed.err());
        assertEquals(before, throwawayCount(), "throwaway databases left on the server");
    }

    private static int throwawayCount() throws Exception {
        var server = Target.MARIADB_SERVER.server();
        try (var c = server.connect(""); var s = c.createStatement();
                var r = s.executeQuery(server.dialect().listDatabasesSql("dg_"))) {
            int n = 0;
            while (r.next()) {
                n++;
            }
            return n;
        }
    }
}
