package dev.driftgate.provision;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.schema.ServerOrigin;

/** The embedded server of each dialect: where SQL sources load and plans are proven by default. */
public final class EmbeddedServers {

    private EmbeddedServers() {}

    /** The JVM's shared embedded server of the dialect, started on first use. */
    public static DatabaseServer shared(Dialect dialect) {
        return dialect.name().equals("postgresql") ? EmbeddedPostgresServer.shared() : EmbeddedMariaDbServer.shared();
    }

    /**
     * The embedded server to prove a plan for a database read from {@code origin} on: PostgreSQL of
     * the same major version (its binaries are fetched once), else the dialect's default. A plan
     * proven on another major version proves nothing about the one it will run on.
     */
    public static DatabaseServer sharedFor(Dialect dialect, ServerOrigin origin) {
        if (origin != null && dialect.name().equals("postgresql") && origin.product().equals("PostgreSQL")
                && origin.major() >= 13 && origin.major() <= 18) {
            return EmbeddedPostgresServer.shared(origin.major());
        }
        return shared(dialect);
    }
}
