package dev.driftgate.plan;

/**
 * One statement of a remediation plan.
 *
 * @param sql the statement, without a terminator
 * @param reason the difference it repairs, for the reader of the plan
 * @param transactional false for statements that cannot run inside a transaction block
 *     ({@code CREATE INDEX CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE} on old servers)
 * @param printed the statement as a script for the dialect's client must print it, terminator
 *     included (the {@code mariadb} client needs {@code DELIMITER} around a body holding
 *     semicolons), or null for {@link #sql()} and a semicolon
 */
public record PlannedStatement(String sql, String reason, boolean transactional, String printed) {

    public PlannedStatement(String sql, String reason, boolean transactional) {
        this(sql, reason, transactional, null);
    }

    /** The statement as a client script prints it. */
    public String script() {
        return printed != null ? printed : sql + ";";
    }
}
