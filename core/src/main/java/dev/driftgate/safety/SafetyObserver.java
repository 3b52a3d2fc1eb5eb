package dev.driftgate.safety;

import dev.driftgate.DriftgateException;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs a migration statement by statement on a seeded copy of the state before it and records
 * what each statement really did: locks, rewrites, indexes, time (PostgreSQL), or the cheapest
 * ALTER algorithm the server accepts (MySQL/MariaDB). The copy ends in the post-migration state.
 */
public interface SafetyObserver {

    /**
     * @param transaction run the statements in one transaction (PostgreSQL, unless one cannot run in one)
     * @throws Failed when a statement fails: what was observed before it, and the failure
     */
    List<StatementObservation> observe(Connection connection, List<SqlStatement> statements, boolean transaction)
            throws SQLException;

    /**
     * The time zone a migration's session starts in (PostgreSQL's {@code TimeZone}; the JDBC driver
     * sets it from the JVM's zone), or null where no rule depends on it.
     */
    default String sessionTimeZone(Connection connection) throws SQLException {
        return null;
    }

    /** A statement failed on the observed copy (with representative rows: often a data-dependent failure). */
    final class Failed extends DriftgateException {
        private final transient List<StatementObservation> before;
        private final transient SqlStatement statement;

        public Failed(List<StatementObservation> before, SqlStatement statement, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.before = List.copyOf(before);
            this.statement = statement;
        }

        public List<StatementObservation> before() {
            return before;
        }

        public SqlStatement statement() {
            return statement;
        }
    }
}
