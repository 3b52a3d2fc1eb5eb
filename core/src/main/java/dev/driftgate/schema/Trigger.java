package dev.driftgate.schema;

import java.util.List;
import java.util.Map;

/**
 * A trigger on a table.
 *
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code TRUNCATE}, in that order;
 *     {@code UPDATE OF a, b} where columns are named
 * @param level {@code ROW} or {@code STATEMENT}
 * @param action what it runs: PostgreSQL {@code EXECUTE FUNCTION ...}, MySQL the trigger body
 * @param when the {@code WHEN} condition, or null
 */
public record Trigger(
        String name,
        String timing,
        List<String> events,
        String level,
        String action,
        String when,
        String comment,
        Map<String, String> attributes) {

    public Trigger {
        events = Canonical.list(events);
        attributes = Canonical.attributes(attributes);
    }
}
