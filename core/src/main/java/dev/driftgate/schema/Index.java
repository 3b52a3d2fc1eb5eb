package dev.driftgate.schema;

import java.util.List;
import java.util.Map;

/**
 * An index that does not merely back a primary key, unique or exclusion constraint (those are
 * described by the constraint).
 *
 * @param method the access method ({@code btree}, {@code gin}, MySQL {@code FULLTEXT}, ...)
 * @param keys the key parts in order
 * @param include non-key columns ({@code INCLUDE})
 * @param predicate the {@code WHERE} clause of a partial index
 */
public record Index(
        String name,
        boolean unique,
        String method,
        List<IndexKey> keys,
        List<String> include,
        String predicate,
        boolean generatedName,
        String comment,
        Map<String, String> attributes) implements Attributed {

    public Index {
        keys = Canonical.list(keys);
        include = Canonical.list(include);
        attributes = Canonical.attributes(attributes);
    }

    /**
     * One key part: a column or an expression, with what differs from the defaults.
     *
     * @param column the column name, or null for an expression key
     * @param expression the expression, or null for a column key
     * @param descending true for {@code DESC}
     * @param nulls {@code FIRST} or {@code LAST} where it differs from the default of the order
     * @param opclass a non-default operator class
     * @param collation a non-default collation
     * @param length a MySQL prefix length
     */
    public record IndexKey(
            String column,
            String expression,
            boolean descending,
            String nulls,
            String opclass,
            String collation,
            Integer length) {}
}
