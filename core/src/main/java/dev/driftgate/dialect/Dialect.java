package dev.driftgate.dialect;

import dev.driftgate.plan.Planner;
import dev.driftgate.safety.SafetyObserver;
import dev.driftgate.safety.SafetyRules;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import dev.driftgate.sql.DeferredForeignKeys;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ServerVersion;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Everything that differs between database families. Code outside the dialect packages talks to
 * a database only through this interface.
 */
public interface Dialect {

    /** {@code postgresql} or {@code mysql}: the value recorded in snapshots. */
    String name();

    /** True when this dialect's driver handles the JDBC URL. */
    boolean acceptsUrl(String jdbcUrl);

    /** Driver properties that bound connecting and every statement by the given timeouts. */
    Properties connectionProperties(ConnectionSettings settings);

    /** Reads the server version and refuses the ones driftgate does not support. */
    ServerVersion checkServerVersion(Connection connection) throws SQLException;

    /**
     * Starts a read-only transaction with statement and lock timeouts: the only way introspection
     * touches a database, so that a dump against production cannot change it.
     */
    void beginReadOnly(Connection connection, ConnectionSettings settings) throws SQLException;

    /**
     * Reads the schema. {@code schemas} names the schemas to read; empty means every user schema
     * (PostgreSQL) or the database of the connection (MySQL).
     */
    SchemaSnapshot introspect(Connection connection, List<String> schemas) throws SQLException;

    /**
     * What the connected account cannot see of the schemas a snapshot would read (empty means the
     * database of the connection on MySQL, every user schema on PostgreSQL): one line per object
     * kind, naming the grant that would show it. Empty when the snapshot would be complete.
     */
    default List<String> unseen(Connection connection, List<String> schemas) throws SQLException {
        return List.of();
    }

    /** The dialect's own schema dump, the judge of snapshots and plans (pg_dump, mariadb-dump). */
    SchemaDumper schemaDumper();

    /** The renderer of remediation DDL for this dialect. */
    Planner planner();

    /** Quotes an identifier for this dialect, always, so that any name round-trips. */
    String quoteIdentifier(String identifier);

    /** A string literal that the server reads back as exactly {@code text}. */
    String quoteLiteral(String text);

    /**
     * A query giving a table's row count and an order-independent digest of its rows over the
     * given table's columns, or empty for a table that holds no rows of its own (a PostgreSQL
     * partitioned parent). The table is qualified by its schema where the dialect has schemas.
     */
    Optional<String> rowDigestSql(String schema, Table table);

    /**
     * The database's id counters (sequences; AUTO_INCREMENT) by name, with their position (null:
     * never used). A rollback that deletes the rows a migration inserted leaves them advanced.
     */
    Map<String, String> idCounters(Connection connection) throws SQLException;

    /** The statement that puts a counter from {@link #idCounters} back at a position it reported. */
    String rewindIdCounterSql(String counter, String position);

    /**
     * The statement that asks the server to prepare {@code sql} as {@code name}, its parameters
     * ({@code $1} on PostgreSQL, {@code ?} on MySQL/MariaDB) typed by the server: it resolves every
     * table and column without running anything.
     */
    String prepareSql(String name, String sql);

    /** Frees what {@link #prepareSql} prepared. */
    String deallocateSql(String name);

    /** Splits a script into statements, keeping the line each starts on. */
    List<SqlStatement> splitScript(String script, String source);

    /**
     * Writes statements (without terminators) as a script that {@link #splitScript} reads back as
     * the same statements, one after another on lines of their own: for SQL rendered by another
     * tool, such as a Liquibase changeset.
     */
    default String scriptOf(List<String> statements) {
        StringBuilder out = new StringBuilder();
        for (String statement : statements) {
            out.append(statement.strip()).append(";\n");
        }
        return out.toString();
    }

    /**
     * Whether a migration's statements run as one transaction: on PostgreSQL unless one of them
     * cannot run inside a transaction block; never on MySQL, whose DDL commits as it goes.
     */
    default boolean runsInTransaction(List<SqlStatement> statements) {
        return false;
    }

    /**
     * Where foreign keys can be declared before what they reference only with the checks off (MySQL:
     * tables referencing each other in their CREATE TABLE): the statements that turn the checks off
     * and on again, and a query listing the foreign keys left referencing a missing table (table,
     * constraint, referenced table). Empty where every foreign key can wait for its target instead.
     */
    default Optional<DeferredForeignKeys> deferredForeignKeys() {
        return Optional.empty();
    }

    /** The online-safety rules for migrations written for this dialect. */
    SafetyRules safetyRules();

    /** Watches a migration run on a copy: locks and rewrites, or the ALTER algorithm the server accepts. */
    SafetyObserver safetyObserver();

    /** The default database to connect to for administration (creating throwaway databases). */
    String maintenanceDatabase();

    String createDatabaseSql(String name);

    String dropDatabaseSql(String name);

    /**
     * A statement that creates a database as a copy of another, or empty when the dialect has none
     * (MySQL: the copy is made by replaying what built the original).
     */
    default Optional<String> cloneDatabaseSql(String name, String template) {
        return Optional.empty();
    }

    /** Whether a database is copied in one statement here ({@link #cloneDatabaseSql}); elsewhere a copy is a replay. */
    default boolean copiesDatabases() {
        return cloneDatabaseSql("copy", "original").isPresent();
    }

    /** Lists databases whose names start with the prefix (to sweep leftovers of dead runs). */
    String listDatabasesSql(String prefix);

    /** A JDBC URL for the given database on a server at host:port. */
    String jdbcUrl(String host, int port, String database);

    /** The port a server of this family listens on unless a URL says otherwise. */
    int defaultPort();

    /** The administrator of a fresh server: {@code postgres}, {@code root}. */
    String administrator();

    /**
     * Whether a schema is a database here (MySQL): tables are then named alone, in the
     * connection's database, and one schema has a different name in each copy of it.
     */
    boolean schemaIsDatabase();

    /**
     * Whether a connection that ran a read-only transaction can run scripts afterwards: PostgreSQL's
     * read-only mode ends with the transaction; MySQL's is set for the session.
     */
    boolean readOnlyEndsWithTransaction();

    /** Whether migrations run under a server {@code sql_mode} that a scenario may choose (MySQL, MariaDB). */
    boolean hasSqlMode();

    /** Whether the dialect part of a migration file's name ({@code V1__x.pg.sql}) means this dialect. */
    boolean isNamedBy(String fileNamePart);

    /** The text of a boolean literal, before quoting, that a boolean column of this dialect accepts. */
    String booleanText(boolean value);

    /** The text, before quoting, of an all-zero value for a {@code bit(length)} column (null: no length given). */
    String zeroBitsText(Integer length);
}
