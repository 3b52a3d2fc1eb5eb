package dev.driftgate.schema;

import java.util.Map;

/**
 * A MySQL/MariaDB scheduled event. A start time is recorded only when it was stated: one left to
 * default is the moment of creation, which differs in every environment.
 *
 * @param schedule {@code EVERY 1 DAY STARTS '2030-01-01 00:00:00'} or {@code AT '2030-01-01 00:00:00'}
 * @param attributes dialect-specific attributes (the sql_mode the event runs under)
 */
public record Event(
        String name,
        String schedule,
        String status,
        String onCompletion,
        String body,
        String owner,
        String comment,
        Map<String, String> attributes) {

    public Event {
        attributes = Canonical.attributes(attributes);
    }
}
