package dev.driftgate.dialect.postgres;

import dev.driftgate.dialect.CatalogRows;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.QueryResources;
import dev.driftgate.dialect.SchemaDumper;
import dev.driftgate.dialect.UnsupportedServerException;
import dev.driftgate.plan.Planner;
import dev.driftgate.safety.SafetyObserver;
import dev.driftgate.safety.SafetyRules;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ScriptSplitter;
import dev.driftgate.sql.ServerVersion;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** PostgreSQL 13 to 18. */
public final class PostgresDialect implements Dialect {

    public static final String NAME = "postgresql";
    static final int OLDEST_SUPPORTED = 13;
    static final int NEWEST_SUPPORTED = 18;

    private static final ScriptSplitter SPLITTER = new ScriptSplitter(
            new ScriptSplitter.Syntax(true, true, false, false, false, false, true, true));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }

    @Override
    public Properties connectionProperties(ConnectionSettings settings) {
        Properties p = new Properties();
        if (settings.user() != null) {
            p.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            p.setProperty("password", settings.password());
        }
        long connectSeconds = Math.max(1, settings.connectTimeout().toSeconds());
        p.setProperty("connectTimeout", Long.toString(connectSeconds));
        p.setProperty("loginTimeout", Long.toString(connectSeconds));
        // The socket timeout backs up the server-side statement timeout should the server hang.
        p.setProperty("socketTimeout", Long.toString(settings.statementTimeout().toSeconds() + 30));
        p.setProperty("ApplicationName", "driftgate");
        return p;
    }

    @Override
    public ServerVersion checkServerVersion(Connection connection) throws SQLException {
        String text;
        int number;
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("SELECT current_setting('server_version'), "
                        + "current_setting('server_version_num')::int")) {
            r.next();
            text = r.getString(1).split(" ")[0];
            number = r.getInt(2);
        }
        return requireSupported(new ServerVersion("PostgreSQL", number / 10000, number % 10000 / 100, text));
    }

    static ServerVersion requireSupported(ServerVersion version) {
        if (version.major() < OLDEST_SUPPORTED || version.major() > NEWEST_SUPPORTED) {
            throw new UnsupportedServerException("PostgreSQL " + version.text() + " is not supported; driftgate "
                    + "supports PostgreSQL " + OLDEST_SUPPORTED + " to " + NEWEST_SUPPORTED);
        }
        return version;
    }

    @Override
    public void beginReadOnly(Connection connection, ConnectionSettings settings) throws SQLException {
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        try (Statement s = connection.createStatement()) {
            // One repeatable-read snapshot: every catalog query sees the same instant.
            s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            s.execute("SET LOCAL statement_timeout = " + settings.statementTimeout().toMillis());
            s.execute("SET LOCAL lock_timeout = " + settings.lockTimeout().toMillis());
            // Catalog functions qualify every name outside pg_catalog: output independent of the
            // user's search_path.
            s.execute("SET LOCAL search_path = pg_catalog");
        }
    }

    @Override
    public SchemaSnapshot introspect(Connection connection, List<String> schemas) throws SQLException {
        ServerVersion version = checkServerVersion(connection);
        return new PostgresIntrospector(connection, version).read(schemas);
    }

    private final PgDump dumper = new PgDump();

    @Override
    public SchemaDumper schemaDumper() {
        return dumper;
    }

    @Override
    public Planner planner() {
        return new PostgresPlanner();
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public String prepareSql(String name, String sql) {
        return "PREPARE " + name + " AS " + sql;
    }

    @Override
    public String deallocateSql(String name) {
        return "DEALLOCATE " + name;
    }

    /** Standard strings: a backslash is an ordinary character. */
    @Override
    public String quoteLiteral(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    public Map<String, String> idCounters(Connection connection) throws SQLException {
        return CatalogRows.pairs(connection, QueryResources.load(PostgresDialect.class, "id_counters"));
    }

    @Override
    public String rewindIdCounterSql(String counter, String position) {
        // Never used: RESTART puts it back at its start, with no value handed out yet.
        return position == null ? "ALTER SEQUENCE " + counter + " RESTART"
                : "SELECT pg_catalog.setval(" + quoteLiteral(counter) + ", " + Long.parseLong(position) + ", true)";
    }

    @Override
    public Optional<String> rowDigestSql(String schema, Table table) {
        if (table.partitionKey() != null || table.columns().isEmpty()) {
            return Optional.empty(); // a partitioned parent's rows are its partitions'
        }
        String row = table.columns().stream().map(c -> "coalesce(" + quoteIdentifier(c.name()) + "::text, '\\N')")
                .collect(Collectors.joining(" || chr(31) || "));
        return Optional.of("SELECT count(*), coalesce(md5(string_agg(md5(" + row + "), '' ORDER BY md5(" + row
                + "))), '') FROM " + quoteIdentifier(schema) + "." + quoteIdentifier(table.name()));
    }

    @Override
    public List<SqlStatement> splitScript(String script, String source) {
        return SPLITTER.split(script, source);
    }

    @Override
    public String maintenanceDatabase() {
        return "postgres";
    }

    @Override
    public String createDatabaseSql(String name) {
        return "CREATE DATABASE " + quoteIdentifier(name);
    }

    @Override
    public String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS " + quoteIdentifier(name) + " WITH (FORCE)";
    }

    /** A file copy of the template: on tmpfs a 200-table database in tens of milliseconds (PostgreSQL 15+). */
    @Override
    public Optional<String> cloneDatabaseSql(String name, String template) {
        return Optional.of("CREATE DATABASE " + quoteIdentifier(name) + " TEMPLATE " + quoteIdentifier(template)
                + " STRATEGY = FILE_COPY");
    }

    @Override
    public String listDatabasesSql(String prefix) {
        return "SELECT datname FROM pg_database WHERE datname LIKE '"
                + prefix.replace("'", "''").replace("_", "\\_") + "%' ORDER BY 1";
    }

    @Override
    public String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public SafetyRules safetyRules() {
        return new PostgresSafetyRules();
    }

    @Override
    public SafetyObserver safetyObserver() {
        return new PostgresObserver();
    }

    /** Statements PostgreSQL cannot run inside a transaction block. */
    private static final Pattern NON_TRANSACTIONAL = Pattern.compile(
            "(?is)^\\s*(CREATE\\s+(UNIQUE\\s+)?INDEX\\s+CONCURRENTLY|DROP\\s+INDEX\\s+CONCURRENTLY"
                    + "|REINDEX\\b.*\\bCONCURRENTLY|VACUUM|CREATE\\s+DATABASE|DROP\\s+DATABASE|ALTER\\s+SYSTEM).*");

    @Override
    public boolean runsInTransaction(List<SqlStatement> statements) {
        return statements.stream().noneMatch(s -> NON_TRANSACTIONAL.matcher(s.sql()).matches());
    }

    @Override
    public int defaultPort() {
        return 5432;
    }

    @Override
    public String administrator() {
        return "postgres";
    }

    @Override
    public boolean schemaIsDatabase() {
        return false;
    }

    @Override
    public boolean readOnlyEndsWithTransaction() {
        return true;
    }

    @Override
    public boolean hasSqlMode() {
        return false;
    }

    @Override
    public boolean isNamedBy(String fileNamePart) {
        return fileNamePart.toLowerCase(Locale.ROOT).matches("postgres(ql)?|pg");
    }

    @Override
    public String booleanText(boolean value) {
        return value ? "true" : "false";
    }

    @Override
    public String zeroBitsText(Integer length) {
        return "0".repeat(length == null ? 1 : length);
    }
}
