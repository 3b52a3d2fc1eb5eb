package dev.driftgate.provision;

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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        String name = newName();
        copyDatabase(server, template, name);
        ThrowawayDatabase db = new ThrowawayDatabase(server, name);
        OPEN.add(db);
        return Optional.of(db);
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
     * Drops databases with driftgate's prefix that are older than {@code maxAge}, going by the
     * creation time in their names: what runs that were killed left behind on a shared server.
     *
     * @return the names dropped
     */
    public static List<String> sweep(DatabaseServer server, Duration maxAge) throws SQLException {
        long cutoff = System.currentTimeMillis() / 1000 - maxAge.toSeconds();
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
                Matcher m = Pattern.compile("dg_(\\d{9,})_\\d+_\\d+").matcher(name);
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                    s.execute(server.dialect().dropDatabaseSql(name));
                    dropped.add(name);
                }
            }
        }
        return dropped;
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
