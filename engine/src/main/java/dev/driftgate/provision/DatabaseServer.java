package dev.driftgate.provision;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.sql.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database server driftgate may create throwaway databases on: an embedded one it started, or an
 * existing one it was pointed at.
 */
public interface DatabaseServer extends AutoCloseable {

    Dialect dialect();

    /** What it is, for reports: {@code PostgreSQL 16 (embedded)}. */
    String description();

    String host();

    int port();

    /** Credentials with the right to create and drop databases. */
    ConnectionSettings adminSettings();

    default String jdbcUrl(String database) {
        return dialect().jdbcUrl(host(), port(), database);
    }

    /** Connects to a database on this server with the admin credentials. */
    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), dialect().connectionProperties(adminSettings()));
    }

    /** Creates an empty database with driftgate's prefix; closing it drops it. */
    default ThrowawayDatabase createThrowaway() throws SQLException {
        return ThrowawayDatabase.create(this);
    }

    /**
     * Whether this run started the server, so its databases go with its files when the run ends:
     * nothing to drop at exit (and an interrupted run's exit may find it already stopped).
     */
    default boolean startedByThisRun() {
        return false;
    }

    /** Stops the server if driftgate started it; leaves an existing server alone. */
    @Override
    void close();
}
