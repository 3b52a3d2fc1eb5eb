package dev.driftgate.schema;

import java.util.Comparator;

/**
 * One object needing another, as the database's dependency records say (PostgreSQL's pg_depend):
 * a function whose SQL-standard body calls another function or reads a table, a column default or
 * check that calls a function, a foreign key on the unique index it references, a view on what it
 * reads. Planners order creations and drops with it. Derived from the definitions, so never
 * compared on its own.
 *
 * <p>Each end is written {@code kind:schema.name} with kind one of {@code relation} (table, view,
 * materialized view), {@code routine} (name with its identity signature, as {@link Routine#key()}),
 * {@code type}, {@code index}, {@code sequence} or {@code constraint} (named
 * {@code table.constraint}).
 *
 * @param dependent the object that needs the other
 * @param referenced the object it needs
 */
public record Dependency(String dependent, String referenced) {

    static final Comparator<Dependency> ORDER = Comparator.comparing(Dependency::dependent)
            .thenComparing(Dependency::referenced);

    public static String relation(String schema, String name) {
        return "relation:" + schema + "." + name;
    }

    public static String routine(String schema, Routine routine) {
        return "routine:" + schema + "." + routine.key();
    }

    public static String type(String schema, String name) {
        return "type:" + schema + "." + name;
    }

    public static String index(String schema, String name) {
        return "index:" + schema + "." + name;
    }

    public static String constraint(String schema, String table, String name) {
        return "constraint:" + schema + "." + table + "." + name;
    }
}
