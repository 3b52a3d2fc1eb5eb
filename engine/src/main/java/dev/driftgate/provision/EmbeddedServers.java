package dev.driftgate.provision;

import dev.driftgate.dialect.Dialect;

/** The embedded server of each dialect: where SQL sources load and plans are proven by default. */
public final class EmbeddedServers {

    private EmbeddedServers() {}

    /** The JVM's shared embedded server of the dialect, started on first use. */
    public static DatabaseServer shared(Dialect dialect) {
        return dialect.name().equals("postgresql") ? EmbeddedPostgresServer.shared() : EmbeddedMariaDbServer.shared();
    }
}
