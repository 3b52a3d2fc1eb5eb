package dev.driftgate.dialect.mysql;

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
import dev.driftgate.sql.DeferredForeignKeys;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** MySQL 8.0 and later, and MariaDB 10.5 and later. */
public final class MysqlDialect implements Dialect {

    public static final String NAME = "mysql";

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final ScriptSplitter SPLITTER = new ScriptSplitter(
            new ScriptSplitter.Syntax(false, false, true, true, true, true, false, false));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean acceptsUrl(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:"));
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
        p.setProperty("connectTimeout", Long.toString(settings.connectTimeout().toMillis()));
        p.setProperty("socketTimeout", Long.toString(settings.statementTimeout().toMillis() + 30_000));
        return p;
    }

    @Override
    public ServerVersion checkServerVersion(Connection connection) throws SQLException {
        String text;
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("SELECT VERSION()")) {
            r.next();
            text = r.getString(1);
        }
        Matcher m = VERSION.matcher(text);
        if (!m.find()) {
            throw new UnsupportedServerException("cannot read the server version '" + text + "'");
        }
        boolean mariaDb = text.toLowerCase(Locale.ROOT).contains("mariadb");
        return requireSupported(new ServerVersion(mariaDb ? "MariaDB" : "MySQL", Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), m.group(0)));
    }

    static ServerVersion requireSupported(ServerVersion version) {
        int major = version.major();
        boolean supported = version.isMariaDb() ? major > 10 || (major == 10 && version.minor() >= 5) : major >= 8;
        if (!supported) {
            throw new UnsupportedServerException(version.product() + " " + version.text()
                    + " is not supported; driftgate supports MySQL 8.0 and later and MariaDB 10.5 and later");
        }
        return version;
    }

    @Override
    public void beginReadOnly(Connection connection, ConnectionSettings settings) throws SQLException {
        ServerVersion version = checkServerVersion(connection);
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ");
            // Read-only for the whole session, not only the transaction: DDL commits implicitly
            // and would otherwise run outside the read-only transaction.
            s.execute("SET SESSION TRANSACTION READ ONLY");
            if (version.isMariaDb()) {
                s.execute("SET SESSION max_statement_time = " + settings.statementTimeout().toSeconds());
            } else {
                s.execute("SET SESSION max_execution_time = " + settings.statementTimeout().toMillis());
            }
            // information_schema waits for metadata locks that a running ALTER holds.
            s.execute("SET SESSION lock_wait_timeout = " + Math.max(1, settings.lockTimeout().toSeconds()));
            s.execute("START TRANSACTION READ ONLY");
        }
    }

    @Override
    public SchemaSnapshot introspect(Connection connection, List<String> schemas) throws SQLException {
        ServerVersion version = checkServerVersion(connection);
        return new MysqlIntrospector(connection, version).read(schemas);
    }

    private final MariadbDump dumper = new MariadbDump();

    @Override
    public SchemaDumper schemaDumper() {
        return dumper;
    }

    @Override
    public List<String> unseen(Connection connection, List<String> schemas) throws SQLException {
        ServerVersion version = checkServerVersion(connection);
        List<String> read = schemas.isEmpty() ? List.of(connection.getCatalog()) : schemas;
        return MysqlVisibility.unseen(connection, read, version.isMariaDb());
    }

    @Override
    public Planner planner() {
        return new MysqlPlanner();
    }

    @Override
    public String quoteIdentifier(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public String prepareSql(String name, String sql) {
        return "PREPARE " + name + " FROM " + quoteLiteral(sql);
    }

    @Override
    public String deallocateSql(String name) {
        return "DEALLOCATE PREPARE " + name;
    }

    /** A backslash is an escape character in MySQL strings (without NO_BACKSLASH_ESCAPES). */
    @Override
    public String quoteLiteral(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public Map<String, String> idCounters(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            // MySQL 8 serves information_schema.tables from statistics cached for a day by default.
            s.execute("SET SESSION information_schema_stats_expiry = 0");
        } catch (SQLException e) {
            if (e.getErrorCode() != 1193) { // unknown system variable: MariaDB reads the counters live
                throw e;
            }
        }
        return CatalogRows.pairs(connection, QueryResources.load(MysqlDialect.class, "id_counters"));
    }

    @Override
    public String rewindIdCounterSql(String counter, String position) {
        return "ALTER TABLE " + quoteIdentifier(counter) + " AUTO_INCREMENT = " + Long.parseLong(position);
    }

    /** The schema is the connection's database, so the table is named alone. */
    @Override
    public Optional<String> rowDigestSql(String schema, Table table) {
        if (table.columns().isEmpty()) {
            return Optional.empty();
        }
        String row = table.columns().stream().map(c -> "IFNULL(CAST(" + quoteIdentifier(c.name()) + " AS CHAR), '\\\\N')")
                .collect(Collectors.joining(", "));
        return Optional.of("SELECT COUNT(*), CAST(COALESCE(SUM(CRC32(CONCAT_WS(CHAR(31), " + row
                + "))), 0) AS CHAR) FROM " + quoteIdentifier(table.name()));
    }

    @Override
    public List<SqlStatement> splitScript(String script, String source) {
        return SPLITTER.split(script, source);
    }

    /** A statement holding semicolons (a procedure or trigger body) is set off by the client's DELIMITER. */
    @Override
    public String scriptOf(List<String> statements) {
        StringBuilder out = new StringBuilder();
        for (String statement : statements) {
            String s = statement.strip();
            if (s.contains(";")) {
                out.append("DELIMITER $$\n").append(s).append("$$\nDELIMITER ;\n");
            } else {
                out.append(s).append(";\n");
            }
        }
        return out.toString();
    }

    @Override
    public String maintenanceDatabase() {
        return "";
    }

    @Override
    public String createDatabaseSql(String name) {
        return "CREATE DATABASE " + quoteIdentifier(name) + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci";
    }

    @Override
    public String dropDatabaseSql(String name) {
        return "DROP DATABASE IF EXISTS " + quoteIdentifier(name);
    }

    @Override
    public String listDatabasesSql(String prefix) {
        return "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE '"
                + prefix.replace("'", "''").replace("_", "\\_") + "%' ORDER BY 1";
    }

    @Override
    public String jdbcUrl(String host, int port, String database) {
        return "jdbc:mariadb://" + host + ":" + port + "/" + database;
    }

    @Override
    public SafetyRules safetyRules() {
        return new MysqlSafetyRules();
    }

    @Override
    public SafetyObserver safetyObserver() {
        return new MysqlObserver();
    }

    @Override
    public int defaultPort() {
        return 3306;
    }

    @Override
    public String administrator() {
        return "root";
    }

    @Override
    public boolean schemaIsDatabase() {
        return true;
    }

    @Override
    public boolean readOnlyEndsWithTransaction() {
        return false;
    }

    @Override
    public boolean hasSqlMode() {
        return true;
    }

    @Override
    public boolean isNamedBy(String fileNamePart) {
        return fileNamePart.toLowerCase(Locale.ROOT).matches("mysql|mariadb|my");
    }

    @Override
    public String booleanText(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public String zeroBitsText(Integer length) {
        return "0";
    }

    @Override
    public Optional<DeferredForeignKeys> deferredForeignKeys() {
        return Optional.of(new DeferredForeignKeys("SET FOREIGN_KEY_CHECKS = 0", "SET FOREIGN_KEY_CHECKS = 1",
                QueryResources.load(MysqlDialect.class, "dangling_foreign_keys")));
    }
}
