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

    /** The stable unique-id segment and display name: {@code embedded}, {@code embedded:18}, {@code server}, {@code testcontainers:mysql:8.0}. */
    @Override
    public String toString() {
        return provider.equals("server") || location == null ? provider : provider + ":" + location;
    }
}
