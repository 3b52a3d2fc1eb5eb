package dev.driftgate.schema;

import java.util.Map;

/**
 * A part of a table that carries dialect attributes (a partition's inherited index, a column
 * inherited from a parent): lets a planner ask any of them without knowing which one it has.
 */
public interface Attributed {

    /** Dialect attributes, sorted; the keys are the dialect's (e.g. PostgresAttributes). */
    Map<String, String> attributes();
}
