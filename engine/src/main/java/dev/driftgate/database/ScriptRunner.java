package dev.driftgate.database;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.SqlStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs SQL scripts statement by statement, so that a failure names its file, line and statement. */
public final class ScriptRunner {

    private ScriptRunner() {}

    public static int runFile(Connection connection, Dialect dialect, Path file) {
        String script;
        try {
            script = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read: " + e.getMessage(), e);
        }
        return run(connection, dialect.splitScript(script, file.toString()));
    }

    /**
     * Runs a schema dump. Ownership and privilege statements that name roles the scratch server
     * lacks are skipped: owners and grants are environment facts (and compared only when asked);
     * every other failure stops the load with file, line and statement.
     */
    public static int runDump(Connection connection, List<SqlStatement> statements) {
        int ran = 0;
        try (Statement s = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                    ran++;
                } catch (SQLException e) {
                    if (isMissingRole(e) && OWNERSHIP_OR_PRIVILEGE.matcher(statement.sql()).find()) {
                        continue;
                    }
                    throw failure(statement, e);
                }
            }
        } catch (SQLException e) {
            throw new DriftgateException("cannot run script: " + LiveDatabase.describe(e), e);
        }
        return ran;
    }

    private static final java.util.regex.Pattern OWNERSHIP_OR_PRIVILEGE = java.util.regex.Pattern.compile(
            "(?is)^\\s*(GRANT|REVOKE|ALTER\\s.*\\sOWNER\\s+TO\\s|ALTER\\s+DEFAULT\\s+PRIVILEGES)");

    private static boolean isMissingRole(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "42704".equals(e.getSQLState()) && message.contains("role")
                || e.getErrorCode() == 1133 || e.getErrorCode() == 1396;
    }

    private static DriftgateException failure(SqlStatement statement, SQLException e) {
        return new DriftgateException(statement.location() + ": statement " + statement.ordinal()
                + " failed: " + LiveDatabase.describe(e) + " -- " + statement.summary(), e);
    }

    public static int run(Connection connection, List<SqlStatement> statements) {
        try (Statement s = connection.createStatement()) {
            for (SqlStatement statement : statements) {
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw failure(statement, e);
                }
            }
        } catch (SQLException e) {
            throw new DriftgateException("cannot run script: " + LiveDatabase.describe(e), e);
        }
        return statements.size();
    }
}
