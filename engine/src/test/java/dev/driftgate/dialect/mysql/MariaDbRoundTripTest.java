package dev.driftgate.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.diff.DiffCasesTest;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.plan.PlannedStatement;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.DialectDump;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import dev.driftgate.testing.ConcurrentCases;
import dev.driftgate.testing.Target;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The round trip on MariaDB with the server's own dump as the judge: a schema is loaded by the
 * {@code mariadb} client into one database, snapshotted, and rebuilt in a fresh database from that
 * snapshot alone with driftgate's own plan (empty → snapshot); {@code mariadb-dump --no-data
 * --routines --events --triggers} of both must then be equal, normalised only as
 * docs/snapshot-format.md lists ({@code MariadbDump}).
 *
 * <p>Schemas: both sides of every diff case, the example scenarios and the MySQL variants of
 * ../shared/datasets.
 */
class MariaDbRoundTripTest {

    private static final Path DATASETS = Path.of("../../shared/datasets");

    @TestFactory
    Stream<DynamicTest> everySchemaSurvivesTheRoundTrip() throws Exception {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (DiffCasesTest.DiffCase c : DiffCasesTest.parse(Path.of("src/test/resources/diff-cases/mysql.sql"))) {
            schemas.put("diff case " + c.name() + " (actual)", c.actual());
            schemas.put("diff case " + c.name() + " (expected)", c.expected());
        }
        Path scenarios = Path.of("../scenarios");
        schemas.put("example-shop", Files.readString(scenarios.resolve("example-shop/mysql/schema.sql")));
        try (Stream<Path> ups = Files.list(scenarios.resolve("mariadb-golang-migrate/migrations"))) {
            StringBuilder all = new StringBuilder();
            for (Path up : ups.filter(p -> p.toString().endsWith(".up.sql")).sorted().toList()) {
                all.append(Files.readString(up)).append('\n');
            }
            schemas.put("mariadb-golang-migrate", all.toString());
        }
        if (Files.isDirectory(DATASETS)) {
            // Sakila's views name their database (sakila.film): loaded into a throwaway database, they
            // read it unqualified.
            schemas.put("sakila", dataset("sakila/mysql-sakila-schema.sql").replace("sakila.", ""));
            schemas.put("chinook", dataset("chinook/Chinook_MySql.sql"));
            schemas.put("employees", dataset("employees/employees.sql") + dataset("employees/objects.sql"));
            schemas.put("employees partitioned", dataset("employees/employees_partitioned.sql"));
        }
        ConcurrentCases concurrently = new ConcurrentCases(3);
        List<DynamicTest> tests = schemas.entrySet().stream()
                .map(e -> concurrently.test(e.getKey(), () -> roundTrip(e.getKey(), e.getValue()))).toList();
        concurrently.noMore();
        return tests.stream();
    }

    /**
     * A dataset script as a schema of one database: the lines that drop, create and switch
     * databases and load data files that are not shipped are left out.
     */
    private static String dataset(String file) throws IOException {
        return Files.readAllLines(DATASETS.resolve(file), StandardCharsets.UTF_8).stream()
                .filter(line -> !line.matches("(?i)\\s*(DROP DATABASE|CREATE DATABASE|DROP SCHEMA|CREATE SCHEMA|USE|source)\\b.*"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static void roundTrip(String name, String sql) throws Exception {
        Target target = Target.MARIADB_SERVER;
        try (ThrowawayDatabase original = target.server().createThrowaway();
                ThrowawayDatabase rebuilt = target.server().createThrowaway()) {
            client(original.name(), sql, "--init-command=SET sql_mode=DEFAULT");
            SchemaSnapshot snapshot = snapshot(original).withSchemaRenamed(original.name(), rebuilt.name());
            DiffResult diff = SchemaDiff.compare(snapshot, snapshot(rebuilt), IgnoreRules.defaults());
            Planner.Plan plan = target.server().dialect().planner().plan(diff, false);
            assertTrue(plan.unplanned().isEmpty(), name + ": " + plan.unplanned());
            List<SqlStatement> statements = new ArrayList<>();
            for (PlannedStatement s : plan.statements()) {
                statements.add(new SqlStatement(s.sql(), name + " (rebuild)", statements.size() + 1,
                        statements.size() + 1));
            }
            try (Connection c = rebuilt.connect()) {
                ScriptRunner.run(c, statements);
            }
            String before = dump(original.name());
            String after = dump(rebuilt.name());
            assertEquals(before, after, name + ": the dump of the rebuilt database differs:\n"
                    + lineDifference(before, after) + "\nplan:\n" + plan.script());
        }
    }

    private static SchemaSnapshot snapshot(ThrowawayDatabase db) {
        return LiveDatabase.snapshot(db.jdbcUrl(), Target.MARIADB_SERVER.server().adminSettings(), List.of());
    }

    /** Runs a script with the real {@code mariadb} client, as a user would load it. */
    static String client(String database, String sql, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", "root",
                "--default-character-set=utf8mb4"));
        command.addAll(List.of(options));
        command.add(database);
        return run(command, sql);
    }

    /** The server's own dump of a database's schema, normalised as docs/snapshot-format.md lists (MariadbDump). */
    static String dump(String database) {
        return DialectDump.of(Target.MARIADB_SERVER.server(), database);
    }

    private static String run(List<String> command, String input) throws Exception {
        Path out = Files.createTempFile("dg-client", ".out");
        Path err = Files.createTempFile("dg-client", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try (var stdin = p.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish in 120 s");
            }
            String error = Files.readString(err);
            if (p.exitValue() != 0) {
                throw new AssertionError(command.get(0) + " exited " + p.exitValue() + ": " + error);
            }
            return Files.readString(out);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The lines only one side has, for a readable failure. */
    private static String lineDifference(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        StringBuilder out = new StringBuilder();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> out.append("- ").append(l).append('\n'));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> out.append("+ ").append(l).append('\n'));
        if (out.length() == 0) {
            int i = 0;
            while (i < a.size() && a.get(i).equals(b.get(i))) {
                i++;
            }
            out.append("same lines, in another order; first at line ").append(i + 1).append(":\n");
            for (int j = Math.max(0, i - 2); j < Math.min(a.size(), i + 3); j++) {
                out.append("- ").append(a.get(j)).append("\n+ ").append(b.get(j)).append('\n');
            }
        }
        return out.toString();
    }

}
