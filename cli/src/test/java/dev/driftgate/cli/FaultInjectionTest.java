package dev.driftgate.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Faults injected into real gate runs, each a child JVM running {@code driftgate test} on the
 * repository's scenarios with a scratch directory (and so a cache) of the test's own: killed with
 * SIGINT or SIGKILL at a chosen check, on server and embedded targets; two runs on a cold cache
 * at once; one killed while it unpacks the embedded binaries; the run's sessions on the shared
 * PostgreSQL terminated mid-run. After each, nothing of the run is left (no database on the shared
 * servers, no server process, no run directory) once the next run is done, and the next run passes.
 */
class FaultInjectionTest {

    private static final Path SCENARIOS = Path.of("..", "scenarios").toAbsolutePath().normalize();
    private static final String PG = System.getProperty("driftgate.test.postgres", "127.0.0.1:5432");
    private static final String MARIADB = System.getProperty("driftgate.test.mariadb", "127.0.0.1:3306");

    @TempDir
    static Path scratch;

    /** A child JVM running the gate, its output lines collected as they come. */
    private static final class Child {
        final Process process;
        final List<String> out = Collections.synchronizedList(new ArrayList<>());
        final List<String> err = Collections.synchronizedList(new ArrayList<>());

        Child(Path scratchDir, String targets, String... scenarios) throws IOException {
            // A process started in the background by a shell without job control (Maven under a CI
            // script, say) inherits SIGINT ignored, and so would the child: perl puts the default
            // back and becomes the JVM (same pid).
            List<String> command = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\"",
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Ddriftgate.scratch=" + scratchDir, "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "test", "-v", "--targets", targets,
                    "-D", "driftgate.server.postgresql=jdbc:postgresql://" + PG + "/",
                    "-D", "driftgate.server.mysql=jdbc:mariadb://" + MARIADB + "/"));
            for (String s : scenarios) {
                command.add(SCENARIOS.resolve(s).toString());
            }
            process = new ProcessBuilder(command).start();
            collect(process.getInputStream(), out);
            collect(process.getErrorStream(), err);
        }

        private static void collect(InputStream in, List<String> lines) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the child is gone
                }
            });
            t.setDaemon(true);
            t.start();
        }

        long pid() {
            return process.pid();
        }

        /** Waits until the child printed {@code n} passed checks, or {@code line} on standard error. */
        void awaitChecks(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (passed() < n) {
                assertTrue(process.isAlive(), "the run ended before " + n + " checks passed:\n" + transcript());
                assertTrue(System.nanoTime() < deadline, "no " + n + " passed checks in 180 s:\n" + transcript());
                Thread.sleep(20);
            }
        }

        void awaitError(String part) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            while (err.stream().noneMatch(l -> l.contains(part))) {
                assertTrue(process.isAlive() && System.nanoTime() < deadline, "no '" + part + "' on stderr:\n" + transcript());
                Thread.sleep(20);
            }
        }

        int passed() {
            synchronized (out) {
                return (int) out.stream().filter(l -> l.startsWith("✔")).count();
            }
        }

        void signal(String name) throws Exception {
            assertEquals(0, new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).start().waitFor());
        }

        int exit() throws InterruptedException {
            assertTrue(process.waitFor(180, TimeUnit.SECONDS), "the run ends:\n" + transcript());
            Thread.sleep(100); // the last lines reach the readers
            return process.exitValue();
        }

        String transcript() {
            return "stdout:\n" + String.join("\n", List.copyOf(out)) + "\nstderr:\n" + String.join("\n", List.copyOf(err));
        }
    }

    /** The databases a run left on the shared servers: dg_<epoch>_<its pid>_... */
    private static List<String> databasesOf(long pid) throws Exception {
        List<String> left = new ArrayList<>();
        String like = "'dg\\_%\\_" + pid + "\\_%'";
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE " + like)) {
            while (r.next()) {
                left.add("postgresql " + r.getString(1));
            }
        }
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://" + MARIADB + "/", "root", "");
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE " + like)) {
            while (r.next()) {
                left.add("mariadb " + r.getString(1));
            }
        }
        return left;
    }

    /** Processes running on the run's files: embedded servers started in a run directory of {@code pid}. */
    private static List<String> serversOf(Path scratchDir, long pid) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(scratchDir + "/pg-" + pid + "-")
                        || c.contains(scratchDir + "/mariadb-" + pid + "-")).orElse(false))
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList();
    }

    private static List<Path> runDirectoriesOf(Path scratchDir, long pid) throws IOException {
        try (Stream<Path> dirs = Files.list(scratchDir)) {
            return dirs.filter(d -> d.getFileName().toString().matches("[a-z]+-" + pid + "-.*")).toList();
        }
    }

    /**
     * The Unix sockets in /tmp of PostgreSQL servers in the scratch directory (what zonky's servers
     * left there after a kill): a socket's lock file names the server's data directory.
     */
    private static List<String> socketsOfServersIn(Path scratchDir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("/tmp"))) {
            return files.filter(f -> f.getFileName().toString().matches("\\.s\\.PGSQL\\.\\d+\\.lock")).filter(f -> {
                try {
                    return Files.readString(f).contains(scratchDir.toString());
                } catch (IOException e) {
                    return false; // gone meanwhile
                }
            }).map(Path::toString).toList();
        }
    }

    private static void assertNothingLeft(Path scratchDir, long pid) throws Exception {
        assertEquals(List.of(), databasesOf(pid), "databases of run " + pid);
        assertEquals(List.of(), serversOf(scratchDir, pid), "servers of run " + pid);
        assertEquals(List.of(), runDirectoriesOf(scratchDir, pid), "run directories of run " + pid);
    }

    /** The next run: passes, and cleans what the one before could not. */
    private static void nextRunPasses(Path scratchDir, String targets, String... scenarios) throws Exception {
        Child next = new Child(scratchDir, targets, scenarios);
        assertEquals(0, next.exit(), next.transcript());
        assertNothingLeft(scratchDir, next.pid());
    }

    @ParameterizedTest(name = "SIGINT after {0} checks on {1}")
    @CsvSource({"1, server", "3, embedded"})
    void anInterruptedRunDropsWhatItMadeStopsItsServersAndSaysSo(int checks, String targets) throws Exception {
        Child run = new Child(scratch, targets, "postgres-flyway", "mariadb-golang-migrate");
        run.awaitChecks(checks);
        assertEquals(List.of(), socketsOfServersIn(scratch), "no socket in /tmp");
        run.signal("INT");
        run.exit();
        assertNothingLeft(scratch, run.pid());
        List<String> said = run.err.stream().filter(l -> l.startsWith("driftgate: interrupted; cleaned up: ")).toList();
        assertEquals(1, said.size(), run.transcript());
        assertTrue(said.get(0).contains("dropped ") || said.get(0).contains("stopped "), said.get(0));
        nextRunPasses(scratch, targets, "postgres-flyway");
    }

    @Test
    void aTerminatedRunIsCleanedUpToo() throws Exception {
        Child run = new Child(scratch, "server,embedded", "postgres-flyway");
        run.awaitChecks(4);
        run.signal("TERM");
        run.exit();
        assertNothingLeft(scratch, run.pid());
        assertTrue(run.err.stream().anyMatch(l -> l.startsWith("driftgate: interrupted; cleaned up: dropped ")), run.transcript());
    }

    @ParameterizedTest(name = "SIGKILL after {0} checks on {1}")
    @CsvSource({"2, server", "6, embedded"})
    void whatAKilledRunLeftIsCleanedByTheNextRun(int checks, String targets) throws Exception {
        Child run = new Child(scratch, targets, "postgres-flyway", "mariadb-golang-migrate");
        run.awaitChecks(checks);
        run.process.destroyForcibly();
        run.exit();
        if (targets.equals("embedded")) {
            assertTrue(!serversOf(scratch, run.pid()).isEmpty(), "SIGKILL leaves the embedded servers running");
        } else {
            assertTrue(!databasesOf(run.pid()).isEmpty(), "SIGKILL leaves databases");
        }
        // A run on embedded targets cleans every dead run's directory when it starts its first server;
        // a run on a server target sweeps only the servers it uses.
        if (targets.equals("embedded")) {
            nextRunPasses(scratch, targets, "postgres-flyway");
        } else {
            nextRunPasses(scratch, targets, "postgres-flyway", "mariadb-golang-migrate");
        }
        assertNothingLeft(scratch, run.pid());
    }

    @Test
    void twoFirstRunsAtOnceOnAColdCacheBothPass(@TempDir Path cold) throws Exception {
        Child first = new Child(cold, "embedded", "postgres-flyway", "mariadb-golang-migrate");
        Child second = new Child(cold, "embedded", "mariadb-golang-migrate", "postgres-flyway");
        assertEquals(0, first.exit(), first.transcript());
        assertEquals(0, second.exit(), second.transcript());
        assertNothingLeft(cold, first.pid());
        assertNothingLeft(cold, second.pid());
    }

    @Test
    void aRunKilledWhileUnpackingTheBinariesBreaksNoLaterRun(@TempDir Path cold) throws Exception {
        Child run = new Child(cold, "embedded", "postgres-flyway");
        run.awaitError("preparing embedded PostgreSQL");
        Thread.sleep(500); // into the unpacking
        run.process.destroyForcibly();
        run.exit();
        nextRunPasses(cold, "embedded", "postgres-flyway");
        try (Stream<Path> cache = Files.list(cold.resolve("cache").resolve("embedded-postgres-v2"))) {
            assertEquals(List.of(), cache.map(p -> p.getFileName().toString()).filter(n -> n.contains(".building-")).toList(),
                    "the half-made entry is removed");
        }
    }

    @Test
    void aServerLostMidRunIsAnErrorOfTheRunNotAFinding() throws Exception {
        Child run = new Child(scratch, "server", "postgres-flyway");
        run.awaitChecks(3);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + PG + "/postgres", "postgres", "");
                Statement s = c.createStatement()) {
            // Every session of the run: on its databases, and its lock session (which the sweeper reads).
            s.execute("SELECT pg_terminate_backend(a.pid) FROM pg_stat_activity a WHERE a.datname LIKE 'dg\\_%\\_"
                    + run.pid() + "\\_%' OR a.pid IN (SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory'"
                    + " AND ((l.classid::bigint << 32) | l.objid::bigint) & 4194303 = " + run.pid() + ")");
        }
        assertEquals(2, run.exit(), run.transcript());
        List<String> errors = run.err.stream().filter(l -> l.startsWith("driftgate: ")).toList();
        assertEquals(1, errors.size(), run.transcript());
        assertTrue(errors.get(0).contains("lost the connection to PostgreSQL") && errors.get(0).contains(PG), errors.get(0));
        assertTrue(run.out.stream().noneMatch(l -> l.startsWith("✘")), "no check fails over it:\n" + run.transcript());
        assertEquals(List.of(), databasesOf(run.pid()));
    }
}
