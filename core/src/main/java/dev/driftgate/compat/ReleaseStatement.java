package dev.driftgate.compat;

/**
 * One statement an application release sends to the database.
 *
 * @param sql the statement, parameters as the server's placeholders ({@code $1} on PostgreSQL,
 *     {@code ?} on MySQL/MariaDB)
 * @param origin where it was read: {@code queries/v1.sql:12} or
 *     {@code pgss.csv:8 (queryid -123)}, {@code digests.json entry 7 (digest 3f…)}
 */
public record ReleaseStatement(String sql, String origin) {

    /** The statement on one line, shortened, for one-line messages. */
    public String summary() {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
