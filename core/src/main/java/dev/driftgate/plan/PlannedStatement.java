package dev.driftgate.plan;

/**
 * One statement of a remediation plan.
 *
 * @param sql the statement, without a terminator
 * @param reason the difference it repairs, for the reader of the plan
 * @param transactional false for statements that cannot run inside a transaction block
 *     ({@code CREATE INDEX CONCURRENTLY}, {@code ALTER TYPE ... ADD VALUE} on old servers)
 */
public record PlannedStatement(String sql, String reason, boolean transactional) {}
