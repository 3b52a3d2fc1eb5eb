package dev.driftgate.schema;

/**
 * An object the database holds that the model does not describe (a rule, a foreign table, a
 * cast, ...). Listed so that a diff can report it as "not compared" rather than as equal.
 *
 * @param kind the catalog's word for it, such as {@code rule} or {@code foreign table}
 * @param name its qualified name
 */
public record UnmodelledObject(String kind, String name) {

    String sortKey() {
        return kind + "\u0000" + name;
    }
}
