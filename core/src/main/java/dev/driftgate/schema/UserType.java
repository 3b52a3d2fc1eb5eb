package dev.driftgate.schema;

import java.util.List;

/**
 * A user-defined type.
 *
 * @param labels the labels of an enum, in their declared order
 * @param baseType the underlying type of a domain
 * @param constraints the check constraints of a domain
 * @param fields the fields of a composite type, in order
 */
public record UserType(
        String name,
        Kind kind,
        List<String> labels,
        String baseType,
        String defaultValue,
        boolean notNull,
        String collation,
        List<Constraint> constraints,
        List<Column> fields,
        String owner,
        String comment) {

    public UserType {
        labels = Canonical.list(labels);
        constraints = Canonical.sortedBy(constraints, Constraint::name);
        fields = Canonical.list(fields);
    }

    public enum Kind { ENUM, DOMAIN, COMPOSITE }
}
