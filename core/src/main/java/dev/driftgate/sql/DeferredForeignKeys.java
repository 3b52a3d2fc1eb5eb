package dev.driftgate.sql;

/**
 * How a dialect loads tables whose foreign keys reference each other, where a foreign key cannot
 * wait for its target (MySQL/MariaDB create both in CREATE TABLE): statements that turn the
 * session's foreign key checks off and on again, and a query listing the foreign keys left
 * referencing a missing table (table, constraint, referenced table).
 *
 * @param off turns the session's foreign key checks off
 * @param on turns them on again
 * @param danglingSql lists foreign keys whose referenced table is missing
 */
public record DeferredForeignKeys(String off, String on, String danglingSql) {}
