package dev.driftgate.database;

import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.dialect.JdbcUrls;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.ServerOrigin;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ServerVersion;
import dev.driftgate.sql.SqlErrors;
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
                List<String> unseen = dialect.unseen(connection, schemas);
                if (!unseen.isEmpty()) {
                    // A partial snapshot would report the hidden objects as missing, or compare nothing.
                    throw new DriftgateException(JdbcUrls.mask(jdbcUrl) + ": the account cannot see "
                            + String.join("; ", unseen) + " (docs/drift.md lists the grants a scan needs)");
                }
                return withOrigin(dialect.introspect(connection, schemas), dialect.checkServerVersion(connection));
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw failure(jdbcUrl, settings, SqlErrors.describe(e), e);
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
            return withOrigin(dialect.introspect(connection, List.of()), dialect.checkServerVersion(connection));
        } finally {
            connection.rollback();
        }
    }

    private static SchemaSnapshot withOrigin(SchemaSnapshot snapshot, ServerVersion version) {
        return snapshot.withServer(new ServerOrigin(version.product(), version.text()));
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
            throw failure(jdbcUrl, settings, SqlErrors.describe(e), e);
        }
    }
}
