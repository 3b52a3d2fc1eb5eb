package dev.driftgate.testing;

import dev.driftgate.database.DatabaseServer;
import dev.driftgate.database.EmbeddedMariaDbServer;
import dev.driftgate.database.EmbeddedPostgresServer;
import dev.driftgate.database.ExistingServer;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The real database servers tests run against: the machine's PostgreSQL 15 and MariaDB 10.11
 * servers and the embedded PostgreSQL 16 and MariaDB 10.11. Embedded servers start once per JVM.
 */
public enum Target {
    POSTGRES_SERVER("postgresql", "PostgreSQL 15 server", ExistingServer::localPostgres),
    POSTGRES_EMBEDDED("postgresql", "PostgreSQL 16 embedded", EmbeddedPostgresServer::shared),
    MARIADB_SERVER("mysql", "MariaDB 10.11 server", ExistingServer::localMariaDb),
    MARIADB_EMBEDDED("mysql", "MariaDB 10.11 embedded", EmbeddedMariaDbServer::shared);

    private final String dialect;
    private final String label;
    private final Supplier<DatabaseServer> server;

    Target(String dialect, String label, Supplier<DatabaseServer> server) {
        this.dialect = dialect;
        this.label = label;
        this.server = server;
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
