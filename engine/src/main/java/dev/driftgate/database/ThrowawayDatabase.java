package dev.driftgate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database created for one check and dropped afterwards. Its name says who made it and when
 * ({@code dg_<epoch seconds>_<pid>_<n>}), so that a sweeper can drop what a killed run left behind;
 * databases still open when the JVM exits are dropped by a shutdown hook.
 */
public final class ThrowawayDatabase implements AutoCloseable {

    public static final String PREFIX = "dg_";

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Set<ThrowawayDatabase> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(ThrowawayDatabase::close),
                "driftgate-drop-throwaway-databases"));
    }

    private final DatabaseServer server;
    private final String name;

    private ThrowawayDatabase(DatabaseServer server, String name) {
        this.server = server;
        this.name = name;
    }

    static ThrowawayDatabase create(DatabaseServer server) throws SQLException {
        String name = newName();
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                Statement s = admin.createStatement()) {
            s.execute(server.dialect().createDatabaseSql(name));
        }
        ThrowawayDatabase db = new ThrowawayDatabase(server, name);
        OPEN.add(db);
        return db;
    }

    static String newName() {
        return PREFIX + (System.currentTimeMillis() / 1000) + "_" + ProcessHandle.current().pid() + "_"
                + COUNTER.incrementAndGet();
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
        if (!OPEN.remove(this)) {
            return;
        }
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase());
                Statement s = admin.createStatement()) {
            s.execute(server.dialect().dropDatabaseSql(name));
        } catch (SQLException e) {
            System.err.println("driftgate: could not drop throwaway database " + name + " on "
                    + server.description() + ": " + e.getMessage());
        }
    }
}
