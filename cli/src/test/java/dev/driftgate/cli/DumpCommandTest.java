package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import dev.driftgate.testing.Databases;
import dev.driftgate.testing.Golden;
import dev.driftgate.testing.Target;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code driftgate dump} as a user runs it, against the real local targets. */
class DumpCommandTest {

    static Stream<Target> targets() {
        return Target.all().stream();
    }

    static String user(Target target) {
        return target.server().adminSettings().user();
    }

    @Nested
    class Dumps {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.driftgate.cli.DumpCommandTest#targets")
        void writesTheSnapshotToStandardOutput(Target target) throws Exception {
            try (ThrowawayDatabase db = Databases.loaded(target,
                    Path.of("../engine/src/test/resources/golden/" + target.dialect() + "/everything.sql"))) {
                CliRun run = CliRun.of("dump", "--url", db.jdbcUrl(), "--user", user(target));
                assertEquals(0, run.exitCode(), run.err());
                SchemaSnapshot snapshot = SnapshotJson.parse(run.out(), "stdout");
                assertEquals(target.dialect(), snapshot.dialect());
                assertTrue(snapshot.tableCount() >= 6, run.out());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.driftgate.cli.DumpCommandTest#targets")
        void writesTheSnapshotToAFileAndOnlyTheNamedSchema(Target target, @TempDir Path dir) throws Exception {
            try (ThrowawayDatabase db = Databases.loaded(target,
                    Path.of("../engine/src/test/resources/golden/" + target.dialect() + "/everything.sql"))) {
                Path out = dir.resolve("nested/snapshot.json");
                String schema = target.dialect().equals("postgresql") ? "Weird.Schema ü" : db.name();
                CliRun run = CliRun.of("dump", "--url", db.jdbcUrl(), "--user", user(target), "--schema", schema,
                        "--out", out.toString());
                assertEquals(0, run.exitCode(), run.err());
                assertEquals("", run.out());
                SchemaSnapshot snapshot = SnapshotJson.read(out);
                assertEquals(List.of(schema), snapshot.schemas().stream().map(s -> s.name()).toList());
                try (Stream<Path> files = Files.list(out.getParent())) {
                    assertEquals(List.of(out), files.toList(), "no temporary files left beside the snapshot");
                }
            }
        }
    }

    /**
     * A table held exclusively by another session (a migration running in production): PostgreSQL's
     * catalog functions wait for it, so the dump gives up after the lock timeout with one clear
     * line; MariaDB's information_schema does not wait at all. Never a hang.
     */
    @Nested
    class LockWaits {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.driftgate.cli.DumpCommandTest#targets")
        void endWithinTheLockTimeout(Target target) throws Exception {
            try (ThrowawayDatabase db = target.server().createThrowaway();
                    Connection holder = db.connect();
                    Statement s = holder.createStatement()) {
                s.execute("CREATE TABLE busy (id int PRIMARY KEY)");
                s.execute("CREATE VIEW busy_view AS SELECT id FROM busy");
                holder.setAutoCommit(false);
                s.execute(target.dialect().equals("postgresql")
                        ? "LOCK TABLE busy IN ACCESS EXCLUSIVE MODE" : "LOCK TABLES busy WRITE");
                long start = System.nanoTime();
                CliRun run = CliRun.of("dump", "--url", db.jdbcUrl(), "--user", user(target), "--lock-timeout", "2");
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertTrue(seconds < 10, "took " + seconds + " s");
                if (target.dialect().equals("postgresql")) {
                    assertEquals(2, run.exitCode(), run.err());
                    Rejects.assertOneLine(run.err());
                    assertTrue(run.err().contains("lock wait timed out"), run.err());
                } else {
                    assertEquals(0, run.exitCode(), run.err());
                    assertTrue(run.out().contains("\"busy\""), run.out());
                }
                holder.rollback();
                if (!target.dialect().equals("postgresql")) {
                    s.execute("UNLOCK TABLES");
                }
            }
        }
    }

    @Nested
    class Rejects {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.driftgate.cli.DumpCommandTest#targets")
        void anUnknownSchemaNamingTheOnesThatExist(Target target) throws Exception {
            try (ThrowawayDatabase db = target.server().createThrowaway()) {
                CliRun run = CliRun.of("dump", "--url", db.jdbcUrl(), "--user", user(target), "--schema", "nope");
                assertEquals(2, run.exitCode());
                assertOneLine(run.err());
                assertTrue(run.err().contains("'nope' does not exist"), run.err());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.driftgate.cli.DumpCommandTest#targets")
        void anUnknownUser(Target target) {
            String url = target.server().jdbcUrl(target.dialect().equals("postgresql") ? "postgres" : "");
            CliRun run = CliRun.of("dump", "--url", url, "--user", "dg_no_such_user");
            assertEquals(2, run.exitCode());
            assertOneLine(run.err());
            assertTrue(run.err().contains("authentication failed"), run.err());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.driftgate.cli.DumpCommandTest#targets")
        void aMissingDatabase(Target target) {
            CliRun run = CliRun.of("dump", "--url", target.server().jdbcUrl("dg_does_not_exist"), "--user", user(target));
            assertEquals(2, run.exitCode());
            assertOneLine(run.err());
            assertTrue(run.err().contains("does not exist") || run.err().contains("Unknown database"), run.err());
        }

        @Test
        void aClosedPort() throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            CliRun run = CliRun.of("dump", "--url", "jdbc:postgresql://127.0.0.1:" + port + "/x", "--user", "u");
            assertEquals(2, run.exitCode());
            assertOneLine(run.err());
            assertTrue(run.err().contains("cannot connect"), run.err());
        }

        @Test
        void aServerThatNeverAnswersWithinTheConnectTimeout() throws Exception {
            // A real TCP listener that accepts and then says nothing, like a firewalled proxy.
            // A real TCP listener that accepts and then says nothing, like a firewalled proxy.
            try (SilentServer silent = new SilentServer()) {
                long start = System.nanoTime();
                CliRun run = CliRun.of("dump", "--url", "jdbc:mariadb://127.0.0.1:" + silent.port() + "/x",
                        "--user", "u", "--connect-timeout", "2");
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertEquals(2, run.exitCode());
                assertOneLine(run.err());
                assertTrue(seconds < 30, "gave up after " + seconds + " s");
            }
        }

        @Test
        void aUrlOfAnUnknownDialect() {
            CliRun run = CliRun.of("dump", "--url", "jdbc:sqlite:shop.db");
            assertEquals(2, run.exitCode());
            assertOneLine(run.err());
            assertTrue(run.err().contains("unsupported database URL"), run.err());
        }

        @Test
        void aPasswordVariableThatIsNotSet() {
            CliRun run = CliRun.of("dump", "--url", "jdbc:postgresql://127.0.0.1:5432/postgres",
                    "--password-env", "DG_SURELY_UNSET_VARIABLE");
            assertEquals(2, run.exitCode());
            assertTrue(run.err().contains("DG_SURELY_UNSET_VARIABLE"), run.err());
        }

        @Test
        void neverPrintsAPasswordGivenInTheUrl() {
            CliRun run = CliRun.of("dump", "--url",
                    "jdbc:mariadb://dg_no_such_user:s3cr3t-pw@127.0.0.1:3306/x?password=s3cr3t-pw");
            assertEquals(2, run.exitCode());
            assertFalse(run.err().contains("s3cr3t-pw"), run.err());
            assertFalse(run.out().contains("s3cr3t-pw"), run.out());
        }

        @Test
        void aMissingUrlAsAUsageError() {
            CliRun run = CliRun.of("dump");
            assertEquals(2, run.exitCode());
            assertTrue(run.err().contains("--url"), run.err());
        }

        static void assertOneLine(String err) {
            assertEquals(1, err.strip().lines().count(), "expected one line, got: " + err);
            assertTrue(err.startsWith("driftgate: "), err);
        }
    }

    @Test
    void helpOnEveryCommand() {
        for (String command : List.of("dump", "demo")) {
            CliRun run = CliRun.of(command, "--help");
            assertEquals(0, run.exitCode());
            assertTrue(run.out().contains("Usage: driftgate " + command), run.out());
        }
    }
}
