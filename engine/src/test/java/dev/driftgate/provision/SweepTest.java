package dev.driftgate.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.testing.Target;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sweeper drops a database only when its run is gone: another run, standing in here as a
 * session of its own that holds that run's lock as a live run (on any host) does, keeps its
 * databases however old they look; once the session ends, the next sweep drops them.
 */
class SweepTest {

    /** A run id no real run has: an epoch in 2001 and this JVM's pid plus one million. */
    private static final String OTHER_RUN = "1000000000_" + (ProcessHandle.current().pid() + 1_000_000);

    private static boolean exists(DatabaseServer server, String name) throws SQLException {
        try (Connection c = server.connect(server.dialect().maintenanceDatabase()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(server.dialect().listDatabasesSql(name))) {
            return r.next();
        }
    }

    /** Takes a run's lock on its own session, as RunLock does for the run itself. */
    private static Connection holdingLock(DatabaseServer server, String runId) throws SQLException {
        Connection c = server.connect(server.dialect().maintenanceDatabase());
        boolean pg = server.dialect().name().equals("postgresql");
        try (PreparedStatement s = c.prepareStatement(pg ? "SELECT pg_try_advisory_lock(?)" : "SELECT GET_LOCK(?, 0) = 1")) {
            if (pg) {
                s.setLong(1, RunId.advisoryKey(runId));
            } else {
                s.setString(1, "driftgate_" + runId);
            }
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next() && r.getBoolean(1), "the stand-in run takes its lock");
            }
        }
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Target.class, names = {"POSTGRES_SERVER", "MARIADB_SERVER"})
    void aLiveRunsDatabasesStayAndADeadRunsGo(Target target) throws Exception {
        DatabaseServer server = target.server();
        String name = "dg_" + OTHER_RUN + "_l1";
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase()); Statement s = admin.createStatement()) {
            s.execute(server.dialect().dropDatabaseSql(name));
            Connection otherRun = holdingLock(server, OTHER_RUN);
            try {
                s.execute(server.dialect().createDatabaseSql(name));
                List<String> swept = ThrowawayDatabase.sweep(server, Duration.ZERO);
                assertFalse(swept.contains(name), "a live run's database is left: " + swept);
                assertTrue(exists(server, name), name + " still exists");
            } finally {
                otherRun.close(); // the run ends without dropping anything, as SIGKILL leaves it
            }
            List<String> swept = ThrowawayDatabase.sweep(server, Duration.ofDays(365 * 100));
            assertTrue(swept.contains(name), "a dead run's database is dropped: " + swept);
            assertFalse(exists(server, name), name + " is gone");
        } finally {
            try (Connection admin = server.connect(server.dialect().maintenanceDatabase()); Statement s = admin.createStatement()) {
                s.execute(server.dialect().dropDatabaseSql(name));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Target.class, names = {"POSTGRES_SERVER", "MARIADB_SERVER"})
    void thisRunsOwnDatabasesAreNeverSwept(Target target) throws Exception {
        DatabaseServer server = target.server();
        try (ThrowawayDatabase mine = server.createThrowaway()) {
            assertFalse(ThrowawayDatabase.sweep(server, Duration.ZERO).contains(mine.name()));
            assertTrue(exists(server, mine.name()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Target.class, names = {"POSTGRES_SERVER", "MARIADB_SERVER"})
    void namesOfVersionsBeforeTheLockGoByAgeOnly(Target target) throws Exception {
        // Those runs hold no lock: a free lock says nothing about whether they still run.
        DatabaseServer server = target.server();
        String recent = "dg_" + (System.currentTimeMillis() / 1000) + "_" + (ProcessHandle.current().pid() + 1_000_000) + "_1";
        String old = "dg_1000000000_" + (ProcessHandle.current().pid() + 1_000_000) + "_2";
        try (Connection admin = server.connect(server.dialect().maintenanceDatabase()); Statement s = admin.createStatement()) {
            for (String name : List.of(recent, old)) {
                s.execute(server.dialect().dropDatabaseSql(name));
                s.execute(server.dialect().createDatabaseSql(name));
            }
            List<String> swept = ThrowawayDatabase.sweep(server, Duration.ofMinutes(60));
            assertTrue(swept.contains(old), swept.toString());
            assertFalse(swept.contains(recent), swept.toString());
            assertEquals(true, exists(server, recent));
        } finally {
            try (Connection admin = server.connect(server.dialect().maintenanceDatabase()); Statement s = admin.createStatement()) {
                s.execute(server.dialect().dropDatabaseSql(recent));
                s.execute(server.dialect().dropDatabaseSql(old));
            }
        }
    }
}
