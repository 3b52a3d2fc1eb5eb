package dev.driftgate.testing;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.EmbeddedMariaDbServer;
import dev.driftgate.provision.EmbeddedPostgresServer;
import dev.driftgate.provision.ExistingServer;
import dev.driftgate.sql.ConnectionSettings;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real database servers tests run against: the machine's PostgreSQL 15 and MariaDB 10.11
 * servers and the embedded PostgreSQL 18 and MariaDB 10.11. Embedded servers start once per JVM.
 */
public enum Target {
    POSTGRES_SERVER("postgresql", "PostgreSQL 15 server", () -> existing("driftgate.test.postgres", "127.0.0.1:5432",
            Dialects.postgres(), "postgres")),
    POSTGRES_EMBEDDED("postgresql", "PostgreSQL 18 embedded", EmbeddedPostgresServer::shared),
    MARIADB_SERVER("mysql", "MariaDB 10.11 server", () -> existing("driftgate.test.mariadb", "127.0.0.1:3306",
            Dialects.mysql(), "root")),
    MARIADB_EMBEDDED("mysql", "MariaDB 10.11 embedded", EmbeddedMariaDbServer::shared);

    private final String dialect;
    private final String label;
    private final Supplier<DatabaseServer> server;

    Target(String dialect, String label, Supplier<DatabaseServer> server) {
        this.dialect = dialect;
        this.label = label;
        this.server = server;
    }

    /**
     * The machine's own server, or the one a system property names as {@code host:port} (CI
     * services are reached by their service name).
     */
    private static DatabaseServer existing(String property, String fallback, Dialect dialect, String user) {
        String[] hostPort = System.getProperty(property, fallback).split(":");
        return new ExistingServer(dialect, hostPort[0], Integer.parseInt(hostPort[1]), ConnectionSettings.of(user, null));
    }

    public String dialect() {
        return dialect;
    }

    public DatabaseServer server() {
        return server.get();
    }

    @Override
    public String toString() {
        return label;
    }

    public static Stream<Target> postgres() {
        return Stream.of(POSTGRES_SERVER, POSTGRES_EMBEDDED);
    }

    public static Stream<Target> mysql() {
        return Stream.of(MARIADB_SERVER, MARIADB_EMBEDDED);
    }

    public static List<Target> all() {
        return List.of(values());
    }
}
