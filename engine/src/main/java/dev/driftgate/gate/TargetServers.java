package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.Settings;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.EmbeddedServers;
import dev.driftgate.provision.ExistingServer;
import dev.driftgate.provision.ServerFamily;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.sql.ConnectionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;

/** Opens the database server a target names. */
public final class TargetServers {

    private TargetServers() {}

    /**
     * Why a target cannot run on this machine, or empty when it can: a Testcontainers target
     * without a Docker engine is skipped with this reason, never failed and never silently dropped.
     */
    public static Optional<String> unavailable(TargetSpec spec) {
        if (!(spec instanceof TargetSpec.Container)) {
            return Optional.empty();
        }
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.of("no Docker engine on this machine: " + spec + " needs one");
            }
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            return Optional.of("no Docker engine on this machine (" + e.getClass().getSimpleName() + "): " + spec + " needs one");
        }
    }

    /**
     * @param settings configuration ({@code driftgate.server.postgresql}, {@code driftgate.server.mysql}:
     *     the URL a bare {@code server} target uses)
     * @return the server and whether the caller owns it (must close it)
     */
    public static Opened open(TargetSpec spec, Dialect dialect, Settings settings) {
        if (spec instanceof TargetSpec.Embedded embedded) {
            return new Opened(embedded.version() == null ? EmbeddedServers.shared(dialect)
                    : embeddedVersion(embedded, dialect), false);
        }
        if (spec instanceof TargetSpec.Server target) {
            String url = target.url() != null ? target.url()
                    : Optional.ofNullable(settings.serverUrls().get(dialect.name())).orElseThrow(() -> new DriftgateException(
                            "target server: no URL; write server:<jdbc url> or set driftgate.server." + dialect.name()));
            // The administrators of a fresh server: postgres, root.
            String user = settings.serverUser() != null ? settings.serverUser() : dialect.administrator();
            ExistingServer server = ExistingServer.fromUrl(url, ConnectionSettings.of(user,
                    settings.serverPasswordEnv() == null ? null : System.getenv(settings.serverPasswordEnv())));
            if (!server.dialect().name().equals(dialect.name())) {
                throw new DriftgateException("target " + spec + ": a " + server.dialect().name()
                        + " server for a " + dialect.name() + " scenario");
            }
            return new Opened(server, false);
        }
        return new Opened(ContainerServer.start(((TargetSpec.Container) spec).image(), dialect), true);
    }

    private static final Pattern DUMP_VERSION =
            Pattern.compile("(?m)^-- Dumped from database version (\\d+)");

    /**
     * {@code embedded:production}: the embedded PostgreSQL of the major version the scenario's
     * environment {@code production} runs, asked from the server (a JDBC URL) or read from a
     * {@code pg_dump} header. Keeps the gate on the version production runs without writing it twice.
     */
    public static TargetSpec resolveEnvironmentVersion(TargetSpec spec, Scenario scenario) {
        if (!(spec instanceof TargetSpec.Embedded embedded) || embedded.version() == null
                || embedded.version().matches("\\d+")) {
            return spec;
        }
        String source = scenario.environments().get(embedded.version());
        if (source == null) {
            throw new DriftgateException("target " + spec + ": not a PostgreSQL major version (13 to 18) and not an "
                    + "environment of this scenario" + (scenario.environments().isEmpty() ? ""
                    : " (" + String.join(", ", new TreeSet<>(scenario.environments().keySet())) + ")"));
        }
        return new TargetSpec.Embedded(String.valueOf(environmentMajor(spec, source, scenario.directory())));
    }

    private static int environmentMajor(TargetSpec spec, String source, Path directory) {
        if (source.startsWith("jdbc:")) {
            String cannot = "target " + spec + ": cannot ask the environment's server its version: ";
            Connection connection;
            try {
                // Connect and socket timeouts, and the URL masked in errors, as for any environment.
                connection = LiveDatabase.connect(source, ConnectionSettings.of(null, null));
            } catch (DriftgateException e) {
                throw new DriftgateException(cannot + e.getMessage(), e);
            }
            try (Connection c = connection) {
                return Dialects.forUrl(source).checkServerVersion(c).major();
            } catch (SQLException e) {
                throw new DriftgateException(cannot + e.getMessage(), e);
            }
        }
        Path file = directory.resolve(source);
        try {
            String head = Files.isRegularFile(file) ? new String(readHead(file), StandardCharsets.UTF_8) : "";
            Matcher m = DUMP_VERSION.matcher(head);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IOException e) {
            throw new DriftgateException("target " + spec + ": cannot read " + file + ": " + e.getMessage(), e);
        }
        throw new DriftgateException("target " + spec + ": " + file + " does not say which version it came from "
                + "(no '-- Dumped from database version' line of pg_dump); name the major version instead, e.g. embedded:16");
    }

    private static byte[] readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(4096);
        }
    }

    /** {@code embedded:18}: a version other than the default, where the dialect's family has one. */
    private static DatabaseServer embeddedVersion(TargetSpec.Embedded spec, Dialect dialect) {
        ServerFamily family = ServerFamily.of(dialect);
        return family.sharedEmbedded(spec.version()).orElseThrow(() -> new DriftgateException("target " + spec
                + ": embedded versions are " + family.embeddedVersions() + " for " + dialect.name()));
    }

    /** A server and whether it was started for this target alone. */
    public record Opened(DatabaseServer server, boolean owned) {}
}
