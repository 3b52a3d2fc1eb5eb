package dev.driftgate.sql;

/**
 * A database server's product and version, as reported by the server.
 *
 * @param product {@code PostgreSQL}, {@code MySQL} or {@code MariaDB}
 * @param major the major version (PostgreSQL 16, MySQL 8, MariaDB 10)
 * @param minor the minor version (MariaDB 10.11 has minor 11)
 * @param text the full version string
 */
public record ServerVersion(String product, int major, int minor, String text) {

    public boolean isMariaDb() {
        return "MariaDB".equals(product);
    }

    @Override
    public String toString() {
        return product + " " + text;
    }
}
