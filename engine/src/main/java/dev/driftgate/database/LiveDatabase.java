package dev.driftgate.database;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.ConnectionSettings;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.dialect.JdbcUrls;
import dev.driftgate.schema.SchemaSnapshot;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the schema of a database that driftgate does not own (production, staging): read-only
 * transaction, bounded time, and errors that say what is wrong without printing credentials.
 */
public final class LiveDatabase {

    private LiveDatabase() {}

    /** Connects, starts a read-only transaction, reads the schema and rolls back. */
    public static SchemaSnapshot snapshot(String jdbcUrl, ConnectionSettings settings, List<String> schemas) {
        Dialect dialect = Dialects.forUrl(jdbcUrl);
        try (Connection connection = connect(jdbcUrl, settings)) {
            try {
                dialect.beginReadOnly(connection, settings);
                return dialect.introspect(connection, schemas);
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failure(jdbcUrl, settings, describe(e), e);
        } catch (IllegalArgumentException e) {
            throw failure(jdbcUrl, settings, e.getMessage(), e);
        }
    }

    /**
     * Reads the schema on a connection the caller keeps open (a read-only transaction, rolled back):
     * a warm connection reads a small schema in about a third of the time of a new one, whose
     * server process starts with cold catalog caches.
     */
    public static SchemaSnapshot snapshot(Connection connection, Dialect dialect, ConnectionSettings settings)
            throws SQLException {
        try {
            dialect.beginReadOnly(connection, settings);
            return dialect.introspect(connection, List.of());
        } finally {
            connection.rollback();
        }
    }

    private static DriftgateException failure(String url, ConnectionSettings settings, String what, Exception e) {
        return new DriftgateException(JdbcUrls.redact(JdbcUrls.mask(url) + ": " + what, url, settings.password()), e);
    }

    /** Opens a connection within the connect timeout, with errors turned into one clear line. */
    public static Connection connect(String jdbcUrl, ConnectionSettings settings) {
        Dialect dialect = Dialects.forUrl(jdbcUrl);
        DriverManager.setLoginTimeout((int) Math.max(1, settings.connectTimeout().toSeconds()));
        try {
            return DriverManager.getConnection(jdbcUrl, dialect.connectionProperties(settings));
        } catch (SQLException e) {
            throw failure(jdbcUrl, settings, describe(e), e);
        }
    }

    /** One line that says what went wrong, from the SQL state and the causes the drivers wrap. */
    public static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "cannot connect: unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return "cannot connect: server unreachable (" + firstLine(t.getMessage()) + ")";
            }
        }
        if (state.equals("28P01") || state.equals("28000") || code == 1045) {
            return "authentication failed: check the user and the password (" + firstLine(e.getMessage()) + ")";
        }
        if (state.equals("3D000") || code == 1049) {
            return "database does not exist (" + firstLine(e.getMessage()) + ")";
        }
        if (state.startsWith("08")) {
            return "cannot connect: " + firstLine(e.getMessage());
        }
        if (state.equals("57014") || code == 1969 || code == 3024) {
            return "statement timed out: " + firstLine(e.getMessage());
        }
        if (state.equals("55P03") || code == 1205) {
            return "lock wait timed out: " + firstLine(e.getMessage());
        }
        return firstLine(e.getMessage()) + (state.isEmpty() ? "" : " [SQLState " + state + "]");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
