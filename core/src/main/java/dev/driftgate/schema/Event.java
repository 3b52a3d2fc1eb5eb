package dev.driftgate.schema;

/**
 * A MySQL/MariaDB scheduled event. Start times are left out: they default to the moment of
 * creation, so recording them would report every environment as different.
 *
 * @param schedule {@code EVERY 1 DAY} or {@code AT '2030-01-01 00:00:00'}
 */
public record Event(
        String name,
        String schedule,
        String status,
        String onCompletion,
        String body,
        String owner,
        String comment) {}
