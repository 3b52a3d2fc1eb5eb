package dev.driftgate.sql;

import dev.driftgate.DriftgateException;
import dev.driftgate.TextFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Runs SQL scripts statement by statement, so that a failure names its file, line and statement. */
public final class ScriptRunner {

    private ScriptRunner() {}

    /** A script's text, or one line naming the file that cannot be read. */
    public static String read(Path file) {
        return TextFiles.read(file);
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
            throw new DriftgateException("cannot run script: " + SqlErrors.describe(e), e);
        }
        return ran;
    }

    private static final Pattern OWNERSHIP_OR_PRIVILEGE = Pattern.compile(
            "(?is)^\\s*(GRANT|REVOKE|ALTER\\s.*\\sOWNER\\s+TO\\s|ALTER\\s+DEFAULT\\s+PRIVILEGES)");

    private static boolean isMissingRole(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "42704".equals(e.getSQLState()) && message.contains("role")
                || e.getErrorCode() == 1133 || e.getErrorCode() == 1396;
    }

    private static DriftgateException failure(SqlStatement statement, SQLException e) {
        return new DriftgateException(statement.location() + ": statement " + statement.ordinal()
                + " failed: " + SqlErrors.describe(e) + " -- " + statement.summary(), e);
    }

    /**
     * Runs a declared schema whose files and statements come in no particular order: a statement
     * that fails because something it needs does not exist yet is retried after the others, until
     * a pass makes no progress. What still fails then is reported with its file, line and the
     * database's message, and how many statements were left waiting (a cycle or a missing object).
     */
    public static int runUnordered(Connection connection, List<SqlStatement> statements) {
        List<SqlStatement> pending = new ArrayList<>(statements);
        int ran = 0;
        try (Statement s = connection.createStatement()) {
            while (!pending.isEmpty()) {
                List<SqlStatement> waiting = new ArrayList<>();
                SQLException firstWait = null;
                SqlStatement firstWaiting = null;
                for (SqlStatement statement : pending) {
                    try {
                        s.execute(statement.sql());
                        ran++;
                    } catch (SQLException e) {
                        if (!isMissingDependency(e)) {
                            throw failure(statement, e);
                        }
                        if (firstWait == null) {
                            firstWait = e;
                            firstWaiting = statement;
                        }
                        waiting.add(statement);
                    }
                }
                if (waiting.size() == pending.size()) {
                    throw new DriftgateException(firstWaiting.location() + ": statement cannot be applied: "
                            + SqlErrors.describe(firstWait) + " -- " + firstWaiting.summary() + " ("
                            + waiting.size() + " statement" + (waiting.size() == 1 ? "" : "s")
                            + " wait on objects that no statement creates, or on each other)", firstWait);
                }
                pending = waiting;
            }
        } catch (SQLException e) {
            throw new DriftgateException("cannot run script: " + SqlErrors.describe(e), e);
        }
        return ran;
    }

    /** Errors that mean "something this statement needs does not exist yet". */
    private static boolean isMissingDependency(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "42P01", "42704", "3F000", "42883", "42703" -> true; // PostgreSQL: relation, object, schema, function, column
            default -> e.getErrorCode() == 1146 || e.getErrorCode() == 1824 || e.getErrorCode() == 1005
                    || e.getErrorCode() == 1215 || e.getErrorCode() == 1356; // MySQL: table, FK target, view target
        };
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
            throw new DriftgateException("cannot run script: " + SqlErrors.describe(e), e);
        }
        return statements.size();
    }
}
