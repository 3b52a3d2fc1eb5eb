package dev.driftgate.provision;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.schema.ServerOrigin;

/** The embedded server of each dialect: where SQL sources load and plans are proven by default. */
public final class EmbeddedServers {

    private EmbeddedServers() {}

    /** The JVM's shared embedded server of the dialect, started on first use. */
    public static DatabaseServer shared(Dialect dialect) {
        return ServerFamily.of(dialect).sharedEmbedded();
    }

    /**
     * The embedded server to prove a plan for a database read from {@code origin} on: the same major
     * version where the dialect's family has it (PostgreSQL 13 to 18), else the dialect's default. A plan
     * proven on another major version proves nothing about the one it will run on.
     */
    public static DatabaseServer sharedFor(Dialect dialect, ServerOrigin origin) {
        return ServerFamily.of(dialect).sharedEmbeddedFor(origin);
    }
}
