package dev.driftgate.provision;

import dev.driftgate.schema.ServerOrigin;
import java.util.Map;
import java.util.Optional;

/** PostgreSQL servers: zonky's embedded server of any major version 13 to 18, the official image, advisory locks. */
final class PostgresFamily implements ServerFamily {

    static final String DIALECT = "postgresql";
    private static final int OLDEST = 13;
    private static final int NEWEST = 18;

    @Override
    public DatabaseServer sharedEmbedded() {
        return EmbeddedPostgresServer.shared();
    }

    @Override
    public DatabaseServer sharedEmbeddedFor(ServerOrigin origin) {
        if (origin != null && origin.product().equals("PostgreSQL") && origin.major() >= OLDEST && origin.major() <= NEWEST) {
            return EmbeddedPostgresServer.shared(origin.major());
        }
        return sharedEmbedded();
    }

    @Override
    public Optional<DatabaseServer> sharedEmbedded(String version) {
        if (!version.matches("\\d{2}") || Integer.parseInt(version) < OLDEST || Integer.parseInt(version) > NEWEST) {
            return Optional.empty();
        }
        return Optional.of(EmbeddedPostgresServer.shared(Integer.parseInt(version)));
    }

    @Override
    public String embeddedVersions() {
        return "PostgreSQL " + OLDEST + " to " + NEWEST;
    }

    @Override
    public ContainerSetup container(String image, String rootPassword) {
        return new ContainerSetup(Map.of("POSTGRES_PASSWORD", rootPassword), ".*ready to accept connections.*\\n", 2);
    }

    @Override
    public SessionLock sessionLock(String key) {
        return new SessionLock("SELECT pg_try_advisory_lock(?)", "SELECT pg_advisory_unlock(?)", RunId.advisoryKey(key));
    }

    @Override
    public String liquibaseDatabase() {
        return "postgresql";
    }
}
