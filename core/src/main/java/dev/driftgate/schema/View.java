package dev.driftgate.schema;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A view or materialized view.
 *
 * @param definition the normalised query text as the database prints it
 * @param owner the owner (PostgreSQL) or definer (MySQL); compared only when asked
 * @param reads the relations the query reads, from the catalog's dependency records where the
 *     database keeps them (PostgreSQL); planners order and rebuild views with it. Derived from the
 *     definition, so it is never compared on its own.
 */
public record View(
        String name,
        boolean materialized,
        String definition,
        String owner,
        String comment,
        List<Index> indexes,
        Map<String, String> attributes,
        List<Grant> grants,
        List<RelationName> reads) {

    public View {
        indexes = Canonical.sortedBy(indexes, Index::name);
        attributes = Canonical.attributes(attributes);
        grants = Canonical.sortedBy(grants, Grant::sortKey);
        reads = reads == null ? List.of() : reads.stream().distinct().sorted().toList();
    }

    /** The same view with the schema of every relation it reads renamed (MySQL's single-database alignment). */
    public View withReadsRenamed(UnaryOperator<String> schemaRename) {
        return new View(name, materialized, definition, owner, comment, indexes, attributes, grants,
                reads.stream().map(r -> new RelationName(schemaRename.apply(r.schema()), r.name())).toList());
    }
}
