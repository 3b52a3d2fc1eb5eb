package dev.driftgate.provision;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A server-side lock each run holds, on every server it creates databases on, for as long as it
 * lives: a PostgreSQL session advisory lock or a MariaDB/MySQL {@code GET_LOCK}, keyed by the run id
 * that is in the names of its databases ({@code dg_<run epoch>_<pid>_<n>}). The server releases it
 * when the run's session ends, however the run ended; so a sweeper, on this host or any other, that
 * can take the lock itself knows the owner is gone, and a live run's databases are never dropped.
 */
final class RunLock {

    /** This run's lock connection per server (host:port), opened before its first database there. */
    private static final Map<String, Connection> HELD = new ConcurrentHashMap<>();

    private RunLock() {}

    /** Takes this run's lock on the server unless it holds it already; the connection stays open until the JVM exits. */
    static void hold(DatabaseServer server) throws SQLException {
        String key = server.host() + ":" + server.port();
        if (HELD.containsKey(key)) {
            return;
        }
        synchronized (HELD) {
            if (HELD.containsKey(key)) {
                return;
            }
            Connection c = server.connect(server.dialect().maintenanceDatabase());
            if (!tryLock(server, c, RunId.current())) {
                c.close();
                throw new SQLException("another process holds driftgate's lock for run " + RunId.current()
                        + " on " + server.description());
            }
            HELD.put(key, c);
        }
    }

    /**
     * Whether the run that owns {@code runId} is gone: true when this session could take its lock,
     * which it then gives back at once.
     */
    static boolean ownerGone(DatabaseServer server, Connection c, String runId) throws SQLException {
        if (!tryLock(server, c, runId)) {
            return false;
        }
        ServerFamily.SessionLock lock = ServerFamily.of(server.dialect()).sessionLock(runId);
        try (PreparedStatement s = c.prepareStatement(lock.unlockSql())) {
            s.setObject(1, lock.parameter());
            s.executeQuery().close();
        }
        return true;
    }

    private static boolean tryLock(DatabaseServer server, Connection c, String runId) throws SQLException {
        ServerFamily.SessionLock lock = ServerFamily.of(server.dialect()).sessionLock(runId);
        try (PreparedStatement s = c.prepareStatement(lock.tryLockSql())) {
            s.setObject(1, lock.parameter());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Closes the lock connections (at exit, after this run's databases are dropped). */
    static void releaseAll() {
        HELD.values().forEach(c -> {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the session ends with the process anyway
            }
        });
        HELD.clear();
    }
}
