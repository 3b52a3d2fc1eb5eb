package dev.driftgate.dialect.mysql;

import dev.driftgate.safety.MigrationState;
import dev.driftgate.safety.SafetyObserver;
import dev.driftgate.safety.StatementObservation;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a migration on MySQL/MariaDB: each ALTER TABLE on a table that existed before is run
 * first with {@code ALGORITHM=INSTANT}, then {@code ALGORITHM=INPLACE, LOCK=NONE}, then as
 * written. The server refuses an algorithm it cannot use before touching the table, so the first
 * form it accepts is what production would get, and the database advances exactly once.
 */
final class MysqlObserver implements SafetyObserver {

    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(\\S+)\\s+(.*)$");
    private static final Pattern EXPLICIT = Pattern.compile("(?i)\\b(ALGORITHM|LOCK)\\s*=");
    private static final Pattern PARTITIONING = Pattern.compile("(?i)\\b(PARTITION\\s+BY|REMOVE\\s+PARTITIONING)\\b");

    @Override
    public List<StatementObservation> observe(Connection c, List<SqlStatement> statements, boolean transaction)
            throws SQLException {
        Set<String> existing = tables(c);
        List<StatementObservation> out = new ArrayList<>();
        for (SqlStatement statement : statements) {
            Matcher alter = ALTER_TABLE.matcher(statement.sql());
            Probe run;
            try {
                if (alter.matches() && existing.contains(MigrationState.key(alter.group(1))) && !EXPLICIT.matcher(statement.sql()).find()
                        && !PARTITIONING.matcher(statement.sql()).find()) {
                    run = probe(c, statement);
                } else {
                    run = timed(c, statement, null);
                }
            } catch (RuntimeException e) {
                throw new Failed(out, statement, e);
            }
            out.add(new StatementObservation(statement, run.millis(), List.of(), List.of(), List.of(), run.algorithm()));
        }
        return out;
    }

    private record Probe(String algorithm, long millis) {}

    /**
     * Runs the ALTER with the cheapest algorithm the server accepts and says which. Any other error
     * ends the probing: the statement as written then reports it, with its file and line.
     */
    private static Probe probe(Connection c, SqlStatement statement) {
        for (String[] attempt : new String[][] {{"ALGORITHM=INSTANT", "INSTANT"}, {"ALGORITHM=INPLACE, LOCK=NONE", "INPLACE, LOCK=NONE"}}) {
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(statement.sql() + ", " + attempt[0]);
                return new Probe(attempt[1], (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException e) {
                if (!refusedAlgorithm(e)) {
                    break;
                }
            }
        }
        return timed(c, statement, "COPY");
    }

    private static Probe timed(Connection c, SqlStatement statement, String algorithm) {
        long start = System.nanoTime();
        ScriptRunner.run(c, List.of(statement));
        return new Probe(algorithm, (System.nanoTime() - start) / 1_000_000);
    }

    /** ER_ALTER_OPERATION_NOT_SUPPORTED(_REASON) and MariaDB's variants: the algorithm, not the change, was refused. */
    private static boolean refusedAlgorithm(SQLException e) {
        String m = String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT);
        return e.getErrorCode() == 1845 || e.getErrorCode() == 1846 || e.getErrorCode() == 4092
                || m.contains("ALGORITHM=") || m.contains("LOCK=NONE");
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                        + "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
