package dev.driftgate.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.provision.EmbeddedPostgresServer;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import dev.driftgate.testing.Golden;
import dev.driftgate.testing.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real public schemas written by others (shared/datasets), so that snapshots are not tuned to our
 * own fixtures: each loads on both servers of its dialect, re-dumps byte for byte, and snapshots
 * the same on PostgreSQL 15 and 16 and on the MariaDB server and the embedded MariaDB.
 */
class PublicDatasetsTest {

    /** Statements that create or switch databases (the throwaway database takes their place). */
    private static final Pattern DATABASE_SWITCH = Pattern.compile(
            "(?is)^(DROP\\s+DATABASE|CREATE\\s+DATABASE|CREATE\\s+SCHEMA\\s+sakila\\b|USE\\s|source\\s).*");
    /** pagila's pgvector table: the extension is not part of PostgreSQL's own distribution. */
    private static final Pattern PGVECTOR = Pattern.compile("(?s).*(\\bvector\\b|film_embedding).*");

    static Stream<Arguments> datasets() {
        return Stream.of(
                Arguments.of("sakila", "sakila/postgres-sakila-schema.sql", "postgresql"),
                Arguments.of("chinook", "chinook/Chinook_PostgreSql.sql", "postgresql"),
                Arguments.of("sakila", "sakila/mysql-sakila-schema.sql", "mysql"),
                Arguments.of("chinook", "chinook/Chinook_MySql.sql", "mysql"),
                Arguments.of("employees", "employees/employees.sql", "mysql"),
                Arguments.of("employees-partitioned", "employees/employees_partitioned.sql", "mysql"));
    }

    static Path datasetsDirectory() {
        return Path.of(System.getProperty("driftgate.datasets", "../../shared/datasets"));
    }

    /** The dataset's statements without data rows and without the statements that pick a database. */
    static List<SqlStatement> schemaStatements(Path file, Dialect dialect) throws Exception {
        List<SqlStatement> kept = new ArrayList<>();
        for (SqlStatement s : dialect.splitScript(Files.readString(file, StandardCharsets.UTF_8), file.toString())) {
            String upper = s.sql().toUpperCase(Locale.ROOT);
            if (DATABASE_SWITCH.matcher(s.sql()).matches() || upper.startsWith("INSERT INTO")
                    || PGVECTOR.matcher(s.sql()).matches()) {
                continue;
            }
            // sakila qualifies some names with its own database; the throwaway database has another name.
            kept.add(new SqlStatement(s.sql().replace("sakila.", ""), s.source(), s.line(), s.ordinal()));
        }
        return kept;
    }

    @ParameterizedTest(name = "{0} ({2})")
    @MethodSource("datasets")
    void loadsAndSnapshotsIdenticallyOnBothServersOfItsDialect(String name, String path, String dialect)
            throws Exception {
        Path file = datasetsDirectory().resolve(path);
        assumeTrue(Files.exists(file), "shared/datasets not found beside the project: " + file);
        List<Target> targets = (dialect.equals("postgresql") ? Target.postgres() : Target.mysql()).toList();
        List<String> snapshots = new ArrayList<>();
        List<SchemaSnapshot> read = new ArrayList<>();
        for (Target target : targets) {
            try (ThrowawayDatabase db = target.server().createThrowaway()) {
                try (Connection c = db.connect()) {
                    ScriptRunner.run(c, schemaStatements(file, target.server().dialect()));
                }
                SchemaSnapshot first = LiveDatabase.snapshot(db.jdbcUrl(), target.server().adminSettings(), List.of())
                        .withSchemaRenamed(db.name(), name);
                SchemaSnapshot second = LiveDatabase.snapshot(db.jdbcUrl(), target.server().adminSettings(), List.of())
                        .withSchemaRenamed(db.name(), name);
                String json = SnapshotJson.toJson(first);
                assertEquals(json, SnapshotJson.toJson(second), name + " re-dump on " + target);
                assertTrue(first.tableCount() >= 3, name + " on " + target + " has " + first.tableCount() + " tables");
                snapshots.add(Golden.portable(json, target));
                read.add(first);
            }
        }
        assertEquals(snapshots.get(0), snapshots.get(1), name + ": " + targets.get(0) + " and " + targets.get(1)
                + " snapshot differently");
        DiffResult selfDiff = SchemaDiff.compare(read.get(0), read.get(1), IgnoreRules.defaults());
        assertTrue(selfDiff.isEmpty(), name + " diffs against itself across servers: " + selfDiff.differences());
    }

    /** pagila calls uuidv7(), new in PostgreSQL 18: it runs on the embedded PostgreSQL 18 of the version matrix. */
    @Test
    void pagilaLoadsAndSnapshotsStablyOnPostgresql18() throws Exception {
        Path file = datasetsDirectory().resolve("pagila/pagila-schema.sql");
        assumeTrue(Files.exists(file), "shared/datasets not found beside the project: " + file);
        var server = EmbeddedPostgresServer.shared(18);
        try (ThrowawayDatabase db = server.createThrowaway()) {
            try (Connection c = db.connect()) {
                ScriptRunner.run(c, schemaStatements(file, server.dialect()));
            }
            SchemaSnapshot first = LiveDatabase.snapshot(db.jdbcUrl(), server.adminSettings(), List.of());
            SchemaSnapshot second = LiveDatabase.snapshot(db.jdbcUrl(), server.adminSettings(), List.of());
            assertEquals(SnapshotJson.toJson(first), SnapshotJson.toJson(second), "pagila re-dump on PostgreSQL 18");
            assertTrue(first.tableCount() >= 15, "pagila has " + first.tableCount() + " tables");
            assertEquals(first, SnapshotJson.parse(SnapshotJson.toJson(first), "pagila"), "JSON round trip");
            assertTrue(SchemaDiff.compare(first, second, IgnoreRules.defaults()).isEmpty());
        }
    }
}
