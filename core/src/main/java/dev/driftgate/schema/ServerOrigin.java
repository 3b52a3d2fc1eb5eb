package dev.driftgate.schema;

/**
 * The server a snapshot was read from: a plan for that database is proven on the same product and
 * major version, since catalogs and accepted DDL differ between them.
 *
 * @param product {@code PostgreSQL}, {@code MySQL} or {@code MariaDB}
 * @param version the version the server reports ({@code 15.20}, {@code 10.11.14})
 */
public record ServerOrigin(String product, String version) {

    /** The major version: 15 for PostgreSQL 15.20, 10 for MariaDB 10.11.14. */
    public int major() {
        return Integer.parseInt(version.replaceFirst("^(\\d+).*", "$1"));
    }

    @Override
    public String toString() {
        return product + " " + version;
    }
}
