package dev.driftgate.scenario;

import dev.driftgate.DriftgateException;
import java.net.URI;

/**
 * Where a scenario runs: one entry of its {@code targets}, read once here into one of three kinds.
 * {@link #toString()} is the stable unique-id segment and display name.
 */
public sealed interface TargetSpec {

    /**
     * The JVM's embedded server of the scenario's dialect.
     *
     * @param version null for the default; a PostgreSQL major version ({@code 18}) or the name of a
     *     scenario environment whose server version to take ({@code production})
     */
    record Embedded(String version) implements TargetSpec {
        @Override
        public String toString() {
            return version == null ? "embedded" : "embedded:" + version;
        }
    }

    /**
     * A running server driftgate creates throwaway databases on.
     *
     * @param url its JDBC URL, or null for the one configured for the dialect
     */
    record Server(String url) implements TargetSpec {
        /**
         * {@code server} or {@code server:db.example.com:5432}: a server URL shows only its host and
         * port, so two servers stay apart and credentials in the URL's parameters never reach a report.
         */
        @Override
        public String toString() {
            return url == null ? "server" : "server:" + hostAndPort(url);
        }
    }

    /** @param image the container image, e.g. {@code postgres:16} (needs a Docker engine) */
    record Container(String image) implements TargetSpec {
        @Override
        public String toString() {
            return "testcontainers:" + image;
        }
    }

    /** Reads {@code embedded}, {@code embedded:18}, {@code server}, {@code server:jdbc:...}, {@code testcontainers:postgres:16}. */
    static TargetSpec parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String provider = colon < 0 ? t : t.substring(0, colon);
        String location = colon < 0 || t.substring(colon + 1).isBlank() ? null : t.substring(colon + 1).strip();
        return switch (provider) {
            case "embedded" -> new Embedded(location);
            case "server" -> new Server(location);
            case "testcontainers" -> {
                if (location == null) {
                    throw new DriftgateException("targets: '" + text + "': testcontainers needs an image, e.g. testcontainers:postgres:16");
                }
                yield new Container(location);
            }
            default -> throw new DriftgateException("targets: '" + text + "': expected embedded[:<PostgreSQL major>], "
                    + "server[:<jdbc url>] or testcontainers:<image>");
        };
    }

    private static String hostAndPort(String jdbcUrl) {
        try {
            URI uri = URI.create(jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl);
            if (uri.getHost() != null) {
                return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            // not a URL of the usual shape: fall through
        }
        return Integer.toHexString(jdbcUrl.hashCode());
    }
}
