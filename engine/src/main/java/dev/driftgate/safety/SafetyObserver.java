package dev.driftgate.safety;

import dev.driftgate.dialect.SqlStatement;
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
     * @throws dev.driftgate.DriftgateException when a statement fails, naming it
     */
    List<StatementObservation> observe(Connection connection, List<SqlStatement> statements, boolean transaction)
            throws SQLException;
}
