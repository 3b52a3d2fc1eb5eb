package dev.driftgate.provision;

import dev.driftgate.sql.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A database created for one check and dropped afterwards. Its name says which run made it
 * ({@code dg_<run id>_l<n>}, see {@link RunId}), and the run holds a server-side lock keyed by that
 * id ({@link RunLock}) for its lifetime, so that a sweeper drops only what dead runs left behind;
 * databases still open when the JVM exits (Ctrl-C, SIGTERM) are dropped by {@link RunCleanup}.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    public static final String PREFIX = "dg_";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<ThrowawayDatabase> OPEN = ConcurrentHashMap.newKeySet();

    /**
     * Creations hold it shared; the exit takes it exclusively, so a CREATE DATABASE still running
     * when a signal arrives finishes, and is dropped, before the exit drops (else the drop finds
     * nothing yet and the database commits after it). Creations after that are refused.
     */
    private static final ReentrantReadWriteLock CREATING = new ReentrantReadWriteLock();
    private static volatile boolean exiting;

    static {
        RunCleanup.onExitDrop(ThrowawayDatabase::dropAllAtExit);
    }

    private final DatabaseServer server;
    private final String name;

    private ThrowawayDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static ThrowawayDatabase create(DatabaseServer server) throws SQLException {
        return created(server, name -> {
            try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                    Statement s = admin.createStatement()) {
                s.execute(server.dialect().createDatabaseSql(name));
            }
        });
    }

    @FunctionalInterface
    private interface Creation {
        void create(String name) throws SQLException;
    }

    /**
     * Creates a database under this run's lock, known to the exit from before its CREATE: a signal
     * that arrives meanwhile drops it too.
     */
    private static ThrowawayDatabase created(DatabaseServer server, Creation creation) throws SQLException {
        RunLock.hold(server);
        CREATING.readLock().lock();
        try {
            if (exiting) {
                throw new SQLException("driftgate is exiting: no new throwaway database on " + server.description());
            }
            ThrowawayDatabase db = new ThrowawayDatabase(server, newName());
            OPEN.add(db);
            try {
                creation.create(db.name);
            } catch (SQLException | RuntimeException e) {
                OPEN.remove(db);
                throw e;
            }
            return db;
        } finally {
            CREATING.readLock().unlock();
        }
    }

    /** At exit: waits for creations under way (a few seconds at most), then drops every database still open. */
    private static List<String> dropAllAtExit() {
        boolean locked = false;
        try {
            locked = CREATING.writeLock().tryLock(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        exiting = true;
        try {
            List<String> dropped = new ArrayList<>();
            for (ThrowawayDatabase db : List.copyOf(OPEN)) {
                if (db.server.startedByThisRun()) {
                    OPEN.remove(db); // deleted with the server's run directory
                } else if (db.drop()) {
                    dropped.add(db.name + " on " + db.server.description());
                }
            }
            return dropped;
        } finally {
            if (locked) {
                CREATING.writeLock().unlock();
            }
        }
    }

    /** A throwaway copy of another database, where the dialect copies databases; empty otherwise. */
    public static Optional<ThrowawayDatabase> cloneOf(ThrowawayDatabase template) throws SQLException {
        return copy(template.server(), template.name());
    }

    /** A throwaway copy of a database that is not a throwaway (a cached baseline); the dialect must copy databases. */
    public static ThrowawayDatabase cloneOf(DatabaseServer server, String template) throws SQLException {
        return copy(server, template).orElseThrow(() -> new SQLException(
                server.dialect().name() + " cannot copy databases"));
    }

    private static Optional<ThrowawayDatabase> copy(DatabaseServer server, String template) throws SQLException {
        if (!server.dialect().copiesDatabases()) {
            return Optional.empty();
        }
        return Optional.of(created(server, name -> copyDatabase(server, template, name)));
    }

    /**
     * Creates database {@code name} as a copy of {@code template}, in one statement; the dialect
     * must copy databases. PostgreSQL before 15 has no {@code STRATEGY} clause: the plain template
     * copy is used there.
     */
    public static void copyDatabase(DatabaseServer server, String template, String name) throws SQLException {
        String statement = server.dialect().cloneDatabaseSql(name, template).orElseThrow(() -> new SQLException(
                server.dialect().name() + " cannot copy databases"));
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                Statement s = admin.createStatement()) {
            try {
                s.execute(statement);
            } catch (SQLException e) {
                if (!"42601".equals(e.getSQLState()) || !statement.contains(" STRATEGY")) {
                    throw e;
                }
                s.execute(statement.substring(0, statement.indexOf(" STRATEGY")));
            }
        }
    }

    /**
     * Drops databases with driftgate's prefix whose run is gone: what killed runs left behind on a
     * shared server. A run's databases ({@code dg_<run id>_l<n>}) are known to be orphaned when this
     * session can take the run's lock ({@link RunLock}); a live run, on this host or another, holds
     * it, so its databases stay whatever their age. Names of versions before the lock
     * ({@code dg_<epoch>_<pid>_<n>}, no lock held) are dropped by age only, as those versions did.
     * Other names are never touched.
     *
     * @param unlockedAge the age past which a database of a version before the lock is taken for a leftover
     * @return the names dropped
     */
    public static List<String> sweep(DatabaseServer server, Duration unlockedAge) throws SQLException {
        long cutoff = System.currentTimeMillis() / 1000 - unlockedAge.toSeconds();
        List<String> dropped = new ArrayList<>();
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                Statement s = admin.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(server.dialect().listDatabasesSql(PREFIX))) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String name : names) {
                Optional<RunId.Owner> owner = RunId.of(name);
                if (owner.isEmpty() || owner.get().runId().equals(RunId.current())) {
                    continue;
                }
                boolean gone = owner.get().locked()
                        ? RunLock.ownerGone(server, admin, owner.get().runId())
                        : owner.get().epoch() < cutoff;
                if (!gone) {
                    continue;
                }
                s.execute(server.dialect().dropDatabaseSql(name));
                dropped.add(name);
            }
        }
        return dropped;
    }

    static String newName() {
        return PREFIX + RunId.current() + "_l" + COUNTER.incrementAndGet();
    }

    public String name() {
        return name;
    }

    public DatabaseServer server() {
        return server;
    }

    public String jdbcUrl() {
        return server.jdbcUrl(name);
    }

    public Connection connect() throws SQLException {
        return server.connect(name);
    }

    /** Drops the database; safe to call twice. */
    @Override
    public void close() {
        drop();
    }

    /** Drops the database unless done already; whether this call dropped it. */
    private boolean drop() {
        if (!OPEN.remove(this)) {
            return false;
        }
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                Statement s = admin.createStatement()) {
            s.execute(server.dialect().dropDatabaseSql(name));
            return true;
        } catch (SQLException e) {
            System.err.println("driftgate: could not drop throwaway database " + name + " on "
                    + server.description() + ": " + SqlErrors.describe(e));
            return false;
        }
    }
}
