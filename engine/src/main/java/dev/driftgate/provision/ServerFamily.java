package dev.driftgate.provision;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.schema.ServerOrigin;
import java.util.Map;
import java.util.Optional;

/**
 * What running servers of one dialect takes: its embedded server, its container image's settings
 * and its server-side run lock. The core's {@link Dialect} reads and plans schemas and knows nothing
 * of provisioning; this is its counterpart in the engine, so that no code here branches on a
 * dialect's name. Adding a dialect adds an implementation and a line in {@link #of}.
 */
public sealed interface ServerFamily permits PostgresFamily, MariaDbFamily {

    /** The family of a dialect's servers. */
    static ServerFamily of(Dialect dialect) {
        ServerFamily family = Registry.BY_DIALECT.get(dialect.name());
        if (family == null) {
            throw new IllegalArgumentException("no servers known for dialect " + dialect.name());
        }
        return family;
    }

    /** The JVM's shared embedded server, started on first use. */
    DatabaseServer sharedEmbedded();

    /**
     * The shared embedded server to prove a plan for a database read from {@code origin} on: the
     * same major version where the family can run it, else the default one.
     */
    DatabaseServer sharedEmbeddedFor(ServerOrigin origin);

    /** The shared embedded server of a version a target names ({@code embedded:16}); empty if the family has none of it. */
    Optional<DatabaseServer> sharedEmbedded(String version);

    /** The embedded versions a target may name, for the error that lists them. */
    String embeddedVersions();

    /** How a container of an image of this family is configured and known to be ready. */
    ContainerSetup container(String image, String rootPassword);

    /** A server-side lock the session holds until it ends; {@code key} is a run id. */
    SessionLock sessionLock(String key);

    /**
     * Liquibase's short name for the database of this family's embedded server ({@code postgresql},
     * {@code mariadb}): the SQL a Liquibase changelog is rendered in for a scenario of the dialect.
     */
    String liquibaseDatabase();

    /**
     * A container's settings: its environment, and the log line that says it accepts connections,
     * with how many times it appears (the official images start a server twice: once to initialise).
     */
    record ContainerSetup(Map<String, String> environment, String readyLogPattern, int readyTimes) {}

    /**
     * The statements of a session lock, each taking one parameter, and that parameter: session-level,
     * so the server frees the lock when the session ends, however the run ended.
     */
    record SessionLock(String tryLockSql, String unlockSql, Object parameter) {}

    /** Holds the instances: an interface's fields are public, and this map is not for callers. */
    final class Registry {
        private static final Map<String, ServerFamily> BY_DIALECT = Map.of(
                PostgresFamily.DIALECT, new PostgresFamily(),
                MariaDbFamily.DIALECT, new MariaDbFamily());

        private Registry() {}
    }
}
