package dev.driftgate.provision;

import dev.driftgate.DriftgateException;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.ServerVersion;
import dev.driftgate.sql.SqlErrors;
import dev.driftgate.sql.SqlStatement;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the snapshot of SQL scripts: loads them into a throwaway database, reads it back through
 * the same read-only path as a live database, and drops the database.
 */
public final class SchemaLoader {

    /**
     * What loading produced.
     *
     * @param snapshot the schema the scripts created
     * @param statements how many statements ran
     * @param loadMillis time spent running the scripts
     * @param snapshotMillis time spent reading the catalog
     */
    public record Loaded(SchemaSnapshot snapshot, ServerVersion server, int statements, long loadMillis,
            long snapshotMillis) {}

    private SchemaLoader() {}

    /** How loaded statements are run: strictly, as a dump, or in any order (see {@link ScriptRunner}). */
    @FunctionalInterface
    public interface Runner {
        int run(Connection connection, List<SqlStatement> statements);
    }

    /**
     * Loads script files strictly, in order.
     *
     * @param databaseAlias the schema name recorded for the throwaway database itself (MySQL, where
     *     a database is a schema), so the snapshot does not carry a random name
     */
    public static Loaded load(DatabaseServer server, List<Path> scripts, String databaseAlias) {
        List<SqlStatement> statements = new ArrayList<>();
        for (Path script : scripts) {
            statements.addAll(server.dialect().splitScript(ScriptRunner.read(script), script.toString()));
        }
        return load(server, statements, databaseAlias, ScriptRunner::run);
    }

    /** Loads statements with the given runner; see {@link #load(DatabaseServer, List, String)}. */
    public static Loaded load(DatabaseServer server, List<SqlStatement> statements, String databaseAlias,
            Runner runner) {
        try (ThrowawayDatabase db = server.createThrowaway()) {
            long start = System.nanoTime();
            int ran;
            ServerVersion version;
            try (Connection c = db.connect()) {
                version = server.dialect().checkServerVersion(c);
                ran = runner.run(c, statements);
            }
            long loaded = System.nanoTime();
            SchemaSnapshot snapshot = LiveDatabase.snapshot(db.jdbcUrl(), server.adminSettings(), List.of())
                    .withSchemaRenamed(db.name(), databaseAlias);
            long read = System.nanoTime();
            return new Loaded(snapshot, version, ran, (loaded - start) / 1_000_000, (read - loaded) / 1_000_000);
        } catch (SQLException e) {
            throw new DriftgateException(server.description() + ": " + SqlErrors.describe(e), e);
        }
    }
}
