package dev.driftgate.compat;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.sql.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the server to PREPARE each statement of a release on one schema state: PREPARE resolves
 * every table, column and function and types the parameters, without running anything, so a
 * statement it refuses is one the release would fail on against that schema.
 */
public final class PrepareCheck {

    /**
     * @param message the server's one-line message, or why it fails although it prepares
     * @param table for a statement that prepares but cannot succeed: the table ...
     * @param column ... and the column it fails on; null for a refused PREPARE
     */
    public record Refusal(ReleaseStatement statement, String message, String table, String column) {
        public Refusal(ReleaseStatement statement, String message) {
            this(statement, message, null, null);
        }
    }

    private static final String NAME = "driftgate_compat";

    private PrepareCheck() {}

    /** The statements the server refuses to prepare on the connection's database, in input order. */
    public static List<Refusal> refusals(Connection c, Dialect dialect, List<ReleaseStatement> statements)
            throws SQLException {
        List<Refusal> out = new ArrayList<>();
        // Autocommit: on PostgreSQL a refused PREPARE would otherwise abort every later one.
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (ReleaseStatement statement : statements) {
                try {
                    s.execute(dialect.prepareSql(NAME, statement.sql()));
                } catch (SQLException e) {
                    if (lostConnection(e)) {
                        throw e;
                    }
                    out.add(new Refusal(statement, SqlErrors.describe(e)));
                    continue;
                }
                s.execute(dialect.deallocateSql(NAME));
            }
        }
        return out;
    }

    /** A broken connection is the run's problem, not the statement's. */
    private static boolean lostConnection(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }
}
