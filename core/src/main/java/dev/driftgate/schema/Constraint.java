package dev.driftgate.schema;

import java.util.List;
import java.util.Map;

/**
 * A table constraint.
 *
 * @param columns the constrained columns in key order (empty for a table-level check)
 * @param definition the dialect's canonical text of the constraint (PostgreSQL:
 *     {@code pg_get_constraintdef}; MySQL: the check clause)
 * @param references the referenced table of a foreign key
 * @param generatedName true when the name is the one the database would have generated, so a
 *     diff can ignore differences in it
 */
public record Constraint(
        String name,
        ConstraintType type,
        List<String> columns,
        String definition,
        ForeignKeyReference references,
        boolean generatedName,
        Map<String, String> attributes) implements Attributed {

    public Constraint {
        columns = Canonical.list(columns);
        attributes = Canonical.attributes(attributes);
    }

    public enum ConstraintType { PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUSION }

    /** The target of a foreign key, with its referential actions in canonical words. */
    public record ForeignKeyReference(
            String schema,
            String table,
            List<String> columns,
            String onUpdate,
            String onDelete,
            String match) {

        public ForeignKeyReference {
            columns = Canonical.list(columns);
        }
    }
}
