package dev.driftgate.gate;

import dev.driftgate.provision.ThrowawayDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The online-safety node's database on one target, with its session, and which state it holds:
 * kept from one candidate to the next by {@link TargetRun#observationCopy()}.
 */
final class ObservationCopy {

    private final ThrowawayDatabase database;
    private final Connection connection;
    /** The state it holds: the baseline and this many applied candidates. */
    private int candidates;
    /** Representative rows already in it, by table ({@link TargetRun#tableKey}). */
    private final Map<String, Integer> sampleRows = new HashMap<>();

    ObservationCopy(ThrowawayDatabase database, Connection connection, int candidates) {
        this.database = database;
        this.connection = connection;
        this.candidates = candidates;
    }

    /** True when it holds the baseline and exactly this many applied candidates. */
    boolean holds(int appliedCandidates) {
        return candidates == appliedCandidates;
    }

    void advancedTo(int appliedCandidates) {
        candidates = appliedCandidates;
    }

    ThrowawayDatabase database() {
        return database;
    }

    Connection connection() {
        return connection;
    }

    /** The rows generated into it so far, by table; {@link SampleRows} adds what it fills. */
    Map<String, Integer> sampleRows() {
        return sampleRows;
    }

    void closeConnection() {
        try {
            connection.close();
        } catch (SQLException e) {
            // a connection to a database about to be dropped: nothing to lose
        }
    }
}
