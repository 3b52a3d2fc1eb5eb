package dev.driftgate.schema;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table. Columns keep their ordinal order (it is what clients of {@code SELECT *} see); every
 * other list is sorted by name.
 *
 * @param partitionKey the partitioning clause of a partitioned table, such as {@code RANGE (created_at)}
 * @param partitionOf the qualified parent of a PostgreSQL partition
 * @param partitionBound the bound of a PostgreSQL partition ({@code FOR VALUES ...})
 * @param partitions MySQL partitions, declared inside the table
 * @param inherits PostgreSQL inheritance parents (not partitioning), qualified
 * @param attributes dialect-specific properties, keys defined in the dialect packages
 */
public record Table(
        String name,
        String owner,
        String comment,
        List<Column> columns,
        List<Constraint> constraints,
        List<Index> indexes,
        List<Trigger> triggers,
        List<Policy> policies,
        String partitionKey,
        String partitionOf,
        String partitionBound,
        List<Partition> partitions,
        List<String> inherits,
        Map<String, String> attributes,
        List<Grant> grants) {

    public Table {
        columns = Canonical.list(columns);
        constraints = Canonical.sortedBy(constraints, Constraint::name);
        indexes = Canonical.sortedBy(indexes, Index::name);
        triggers = Canonical.sortedBy(triggers, Trigger::name);
        policies = Canonical.sortedBy(policies, Policy::name);
        partitions = Canonical.list(partitions);
        inherits = Canonical.list(inherits);
        attributes = Canonical.attributes(attributes);
        grants = Canonical.sortedBy(grants, Grant::sortKey);
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Constraint> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }
}
