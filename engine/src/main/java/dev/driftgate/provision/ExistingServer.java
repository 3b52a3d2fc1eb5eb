package dev.driftgate.provision;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.sql.ConnectionSettings;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/** A server that runs already (the local PostgreSQL and MariaDB, a CI service, a staging host). */
public final class ExistingServer implements DatabaseServer {

    private final Dialect dialect;
    private final String host;
    private final int port;
    private final ConnectionSettings settings;
    private volatile String version;

    public ExistingServer(Dialect dialect, String host, int port, ConnectionSettings settings) {
        this.dialect = dialect;
        this.host = host;
        this.port = port;
        this.settings = settings;
    }

    /** A server named by a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/}; the database part is ignored. */
    public static ExistingServer fromUrl(String jdbcUrl, ConnectionSettings settings) {
        Dialect dialect = Dialects.forUrl(jdbcUrl);
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
                return new ExistingServer(dialect, uri.getHost(), uri.getPort() < 0 ? dialect.defaultPort() : uri.getPort(), settings);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public String description() {
        return version() + " server at " + host + ":" + port;
    }

    /**
     * The product and version the server reports, or the dialect's name when it cannot be reached;
     * asked once (an unreachable host must not cost a connect timeout per message).
     */
    private String version() {
        if (version == null) {
            try (Connection c = connect(dialect.maintenanceDatabase())) {
                version = dialect.checkServerVersion(c).toString();
            } catch (SQLException | RuntimeException e) {
                version = dialect.name();
            }
        }
        return version;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ConnectionSettings adminSettings() {
        return settings;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
