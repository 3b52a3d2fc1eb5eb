package dev.driftgate.dialect;

import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.sql.ServerVersion;
import java.util.Optional;

/**
 * The dialect's own schema dump ({@code pg_dump -s}, {@code mariadb-dump --no-data}): the judge
 * that a snapshot and a plan answer to. Two databases hold the same schema when their normalised
 * dumps are equal; driftgate's snapshot diff is checked against this, never the other way round.
 */
public interface SchemaDumper {

    /**
     * Why the schema of a server of this version cannot be dumped on this machine (no dump tool of
     * its major version: an older tool cannot read a newer catalog, a newer one dumps differently),
     * or empty when it can.
     */
    Optional<String> unavailable(ServerVersion server);

    /**
     * Runs the dump tool on a database and returns its output normalised by {@link #normalise}.
     *
     * @throws dev.driftgate.DriftgateException when the tool is missing or fails, with its error
     */
    String dump(String host, int port, String database, ConnectionSettings settings, ServerVersion server);

    /**
     * The dump with only what the documentation lists as equivalent taken out (docs/snapshot-format.md,
     * "The dump oracle"): version headers and comments, per-run keys, counters, statement order.
     */
    String normalise(String dump);
}
