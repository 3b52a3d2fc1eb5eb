package dev.driftgate.schema;

import java.util.Comparator;

/** A table, view or materialized view by schema and name: what a view reads. */
public record RelationName(String schema, String name) implements Comparable<RelationName> {

    private static final Comparator<RelationName> ORDER =
            Comparator.comparing(RelationName::schema).thenComparing(RelationName::name);

    @Override
    public int compareTo(RelationName other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
