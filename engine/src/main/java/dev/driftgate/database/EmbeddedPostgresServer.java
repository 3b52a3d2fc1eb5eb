package dev.driftgate.database;

import dev.driftgate.dialect.ConnectionSettings;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;

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
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.DISCARD)
                    .setErrorRedirector(Redirect.DISCARD)
                    .start();
            return new EmbeddedPostgresServer(pg, dir);
        } catch (IOException | RuntimeException e) {
            ScratchDirectories.deleteRecursively(dir);
            throw new IllegalStateException("cannot start embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
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
