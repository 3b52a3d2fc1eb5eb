package dev.driftgate.scenario;

import dev.driftgate.DriftgateException;

/**
 * Where a scenario runs.
 *
 * @param provider {@code embedded}, {@code server} or {@code testcontainers}
 * @param location the server's JDBC URL or the container image; null for the default
 */
public record TargetSpec(String provider, String location) {

    /** Reads {@code embedded}, {@code embedded:18}, {@code server}, {@code server:jdbc:...}, {@code testcontainers:postgres:16}. */
    public static TargetSpec parse(String text) {
        String t = text.strip();
        int colon = t.indexOf(':');
        String provider = colon < 0 ? t : t.substring(0, colon);
        String location = colon < 0 ? null : t.substring(colon + 1).strip();
        if (!provider.equals("embedded") && !provider.equals("server") && !provider.equals("testcontainers")) {
            throw new DriftgateException("targets: '" + text + "': expected embedded[:<PostgreSQL major>], server[:<jdbc url>] or "
                    + "testcontainers:<image>");
        }
        if (provider.equals("testcontainers") && (location == null || location.isEmpty())) {
            throw new DriftgateException("targets: '" + text + "': testcontainers needs an image, e.g. testcontainers:postgres:16");
        }
        return new TargetSpec(provider, location == null || location.isEmpty() ? null : location);
    }

    /**
     * The stable unique-id segment and display name: {@code embedded}, {@code embedded:18},
     * {@code server}, {@code server:db.example.com:5432}, {@code testcontainers:mysql:8.0}. A
     * server URL shows only its host and port: two servers stay apart, credentials in the URL's
     * parameters never reach a report.
     */
    @Override
    public String toString() {
        if (location == null) {
            return provider;
        }
        return provider.equals("server") ? provider + ":" + hostAndPort(location) : provider + ":" + location;
    }

    private static String hostAndPort(String jdbcUrl) {
        try {
            java.net.URI uri = java.net.URI.create(jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring(5) : jdbcUrl);
            if (uri.getHost() != null) {
                return uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
            }
        } catch (IllegalArgumentException e) {
            // not a URL of the usual shape: fall through
        }
        return Integer.toHexString(jdbcUrl.hashCode());
    }
}
