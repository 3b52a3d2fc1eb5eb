package dev.driftgate.schema;

import java.util.List;
import java.util.Map;

/**
 * A view or materialized view.
 *
 * @param definition the normalised query text as the database prints it
 * @param owner the owner (PostgreSQL) or definer (MySQL); compared only when asked
 */
public record View(
        String name,
        boolean materialized,
        String definition,
        String owner,
        String comment,
        List<Index> indexes,
        Map<String, String> attributes,
        List<Grant> grants) {

    public View {
        indexes = Canonical.sortedBy(indexes, Index::name);
        attributes = Canonical.attributes(attributes);
        grants = Canonical.sortedBy(grants, Grant::sortKey);
    }
}
