package dev.driftgate.schema;

import java.util.List;

/**
 * A sequence. Its current value is state, not schema, and is never recorded.
 *
 * @param ownedBy the qualified column that owns it ({@code schema.table.column}), or null
 */
public record Sequence(
        String name,
        String dataType,
        long start,
        long increment,
        long minValue,
        long maxValue,
        long cache,
        boolean cycle,
        String ownedBy,
        String owner,
        String comment,
        List<Grant> grants) {

    public Sequence {
        grants = Canonical.sortedBy(grants, Grant::sortKey);
    }
}
