package dev.driftgate.sql;

import dev.driftgate.DriftgateException;
import dev.driftgate.TextFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
     * a pass makes no progress. A statement that fails for any other reason is reported at once with
     * its file, line and the database's message; when the set stops settling, {@link WaitingStatements}
     * names either the statement waiting on an object no statement creates, or the statements that
     * wait on each other.
     *
     * @param deferrable how the dialect loads tables whose foreign keys reference each other, if it must
     */
    public static int runUnordered(Connection connection, List<SqlStatement> statements,
            Optional<DeferredForeignKeys> deferrable) {
        List<SqlStatement> pending = new java.util.ArrayList<>(statements);
        List<SqlStatement> deferred = new java.util.ArrayList<>();
        int ran = 0;
        try (Statement s = connection.createStatement()) {
            while (!pending.isEmpty()) {
                Map<SqlStatement, SQLException> waiting = new LinkedHashMap<>();
                for (SqlStatement statement : pending) {
                    try {
                        s.execute(statement.sql());
                        ran++;
                    } catch (SQLException e) {
                        if (!isMissingDependency(e)) {
                            throw failure(statement, e);
                        }
                        waiting.put(statement, e);
                    }
                }
                if (waiting.size() == pending.size()) {
                    SqlStatement forced = withChecksDeferred(s, deferrable, waiting);
                    if (forced == null) {
                        throw WaitingStatements.explain(waiting);
                    }
                    deferred.add(forced);
                    waiting.remove(forced);
                    ran++;
                }
                pending = new ArrayList<>(waiting.keySet());
            }
            if (!deferred.isEmpty()) {
                checkNoDanglingForeignKeys(s, deferrable.orElseThrow(), deferred);
            }
        } catch (SQLException e) {
            throw new DriftgateException("cannot run script: " + SqlErrors.describe(e), e);
        }
        return ran;
    }

    /**
     * Breaks a stall made of foreign keys only, where the dialect allows (MySQL tables that reference
     * each other in their CREATE TABLE can be created no other way): runs the first waiting statement
     * with foreign key checks off, as a dump would. Returns it, or null when this is not such a stall.
     */
    private static SqlStatement withChecksDeferred(Statement s, Optional<DeferredForeignKeys> deferrable,
            java.util.Map<SqlStatement, SQLException> waiting) throws SQLException {
        if (deferrable.isEmpty()) {
            return null;
        }
        for (Map.Entry<SqlStatement, SQLException> w : waiting.entrySet()) {
            if (!isForeignKeyTarget(w.getValue())) {
                continue;
            }
            s.execute(deferrable.get().off());
            try {
                s.execute(w.getKey().sql());
                return w.getKey();
            } catch (SQLException e) {
                return null;
            } finally {
                s.execute(deferrable.get().on());
            }
        }
        return null;
    }

    /** A foreign key whose referenced table or key is missing (MySQL/MariaDB). */
    private static boolean isForeignKeyTarget(SQLException e) {
        return switch (e.getErrorCode()) {
            case 1005, 1215, 1822, 1824 -> true;
            default -> false;
        };
    }

    /** After a load with deferred checks: a foreign key still referencing a missing table never will. */
    private static void checkNoDanglingForeignKeys(Statement s, DeferredForeignKeys deferrable,
            List<SqlStatement> deferred) throws SQLException {
        String sql = deferrable.danglingSql();
        try (java.sql.ResultSet rows = s.executeQuery(sql)) {
            if (rows.next()) {
                String table = rows.getString(1);
                Pattern names = Pattern.compile("(?is)^\\s*(CREATE|ALTER)\\s+TABLE\\s+"
                        + "(IF\\s+NOT\\s+EXISTS\\s+)?[`\"]?" + Pattern.quote(table) + "[`\"]?[\\s(]");
                SqlStatement culprit = deferred.stream().filter(d -> names.matcher(d.sql()).find()).findFirst()
                        .orElse(deferred.get(0));
                throw new DriftgateException(culprit.location() + ": statement cannot be applied: foreign key "
                        + rows.getString(2) + " of table " + table + " references table " + rows.getString(3)
                        + ", which no statement creates -- " + culprit.summary());
            }
        }
    }

    /**
     * Errors that mean "something this statement needs does not exist yet" rather than "never".
     * PostgreSQL: a relation, object, schema, function or column that is missing, and a foreign
     * key whose referenced key is not declared yet (42830). MariaDB/MySQL: a missing table (1146),
     * a foreign key whose referenced table or key is missing (1005 with errno 150, 1215, 1822,
     * 1824), a view on a missing table or routine (1356).
     */
    static boolean isMissingDependency(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "42P01", "42704", "3F000", "42883", "42703", "42830" -> true;
            default -> switch (e.getErrorCode()) {
                case 1146, 1824, 1005, 1215, 1822, 1356 -> true;
                default -> false;
            };
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
