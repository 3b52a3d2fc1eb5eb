package dev.driftgate.schema;

import java.util.Map;

/**
 * A column of a table or a field of a composite type.
 *
 * @param type the canonical type name with modifiers and array brackets, as the dialect spells it
 *     canonically ({@code integer}, {@code character varying(20)}, {@code int(11) unsigned})
 * @param defaultValue the normalised default expression, or null when there is none
 * @param identity {@code ALWAYS} or {@code BY DEFAULT} (PostgreSQL identity), {@code AUTO_INCREMENT}
 *     (MySQL); the counter is never recorded
 * @param generated the generation expression and storage of a generated column
 * @param collation the collation where it differs from the default of the type or table
 */
public record Column(
        String name,
        String type,
        boolean nullable,
        String defaultValue,
        String identity,
        GeneratedColumn generated,
        String collation,
        String comment,
        Map<String, String> attributes) implements Attributed {

    public Column {
        attributes = Canonical.attributes(attributes);
    }

    /** The expression and storage ({@code STORED} or {@code VIRTUAL}) of a generated column. */
    public record GeneratedColumn(String expression, String storage) {}
}
