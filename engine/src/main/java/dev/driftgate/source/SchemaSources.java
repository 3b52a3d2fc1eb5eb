package dev.driftgate.source;

import dev.driftgate.DriftgateException;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.SchemaLoader;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Turns what a user names on the command line into a snapshot: a JDBC URL (read-only, as
 * {@code dump}), a snapshot {@code .json}, a SQL schema dump ({@code pg_dump -s},
 * {@code mariadb-dump --no-data}) or a directory of {@code .sql} files. SQL is loaded into a
 * throwaway database of its dialect and read back.
 */
public final class SchemaSources {

    /** What a source is, decided from its spelling. */
    public enum Kind { URL, SNAPSHOT, SQL_FILE, SQL_DIRECTORY }

    private final ConnectionSettings settings;
    private final Function<Dialect, DatabaseServer> scratch;

    /**
     * @param settings credentials and timeouts for URL sources
     * @param scratch the server to load SQL sources on, per dialect (embedded by default)
     */
    public SchemaSources(ConnectionSettings settings, Function<Dialect, DatabaseServer> scratch) {
        this.settings = settings;
        this.scratch = scratch;
    }

    public static Kind kind(String spec) {
        if (spec.startsWith("jdbc:")) {
            return Kind.URL;
        }
        Path path = Path.of(spec);
        if (Files.isDirectory(path)) {
            return Kind.SQL_DIRECTORY;
        }
        if (!Files.exists(path)) {
            throw new DriftgateException(spec + ": no such file or directory (expected a JDBC URL, a snapshot .json, "
                    + "a .sql dump or a directory of .sql files)");
        }
        return spec.endsWith(".json") ? Kind.SNAPSHOT : Kind.SQL_FILE;
    }

    /** The dialect a source is in, where it can be told without loading it; null when it cannot. */
    public static Dialect dialectOf(String spec) {
        return switch (kind(spec)) {
            case URL -> Dialects.forUrl(spec);
            case SNAPSHOT -> Dialects.byName(SnapshotJson.dialectOf(Path.of(spec)));
            case SQL_FILE -> guess(ScriptRunner.read(Path.of(spec)));
            case SQL_DIRECTORY -> null;
        };
    }

    /**
     * Reads a source. {@code dialect} says how to load SQL sources; it is checked against what the
     * source says of itself.
     */
    public SchemaSnapshot snapshot(String spec, Dialect dialect) {
        return switch (kind(spec)) {
            case URL -> LiveDatabase.snapshot(spec, settings, List.of());
            case SNAPSHOT -> SnapshotJson.read(Path.of(spec));
            case SQL_FILE -> load(List.of(Path.of(spec)), dialect, spec, false);
            case SQL_DIRECTORY -> load(sqlFiles(Path.of(spec)), dialect, spec, true);
        };
    }

    private static List<Path> sqlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> sql = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            if (sql.isEmpty()) {
                throw new DriftgateException(dir + ": no .sql files in this directory");
            }
            return sql;
        } catch (IOException e) {
            throw new DriftgateException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /**
     * @param declared a directory of CREATE statements in no particular order (state-based schema):
     *     statements whose dependencies are missing are retried until the set settles
     */
    private SchemaSnapshot load(List<Path> files, Dialect dialect, String spec, boolean declared) {
        List<SqlStatement> statements = new ArrayList<>();
        for (Path file : files) {
            String text = ScriptRunner.read(file);
            Dialect written = guess(text);
            if (written != null && !written.name().equals(dialect.name())) {
                throw new DriftgateException(file + ": this looks like a " + written.name() + " script, but the "
                        + "comparison is in " + dialect.name() + " (use --dialect to say otherwise)");
            }
            statements.addAll(dialect.splitScript(text, file.toString()));
        }
        return SchemaLoader.load(scratch.apply(dialect), statements,
                Path.of(spec).getFileName().toString().replaceAll("\\.sql$", ""),
                declared ? (c, all) -> ScriptRunner.runUnordered(c, all, dialect.deferredForeignKeys())
                        : ScriptRunner::runDump).snapshot();
    }

    /**
     * The dialect a script is written in, from marks only one dialect uses; null when it has none.
     * Dump tools leave such marks in their preambles.
     */
    static Dialect guess(String script) {
        boolean mysql = script.contains("ENGINE=") || script.contains("/*!40") || script.matches("(?s).*\\bDELIMITER\\s.*")
                || script.matches("(?s).*CREATE\\s+TABLE\\s+`.*");
        boolean postgres = script.contains("pg_catalog.") || script.contains("$$") || script.contains("\\restrict")
                || script.matches("(?s).*::(text|regclass|integer|character varying)\\b.*");
        if (mysql == postgres) {
            return null;
        }
        return mysql ? Dialects.mysql() : Dialects.postgres();
    }
}
