package dev.driftgate.diff;

import dev.driftgate.text.SafeText;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which object a change is about: its kind and its place (schema, table, name). Printed as a path
 * such as {@code app.order.total} with the kind in front: {@code column app.order.total}.
 *
 * @param schema the schema, or null for database-level objects (extensions)
 * @param table the table (or view) an object belongs to, or null for schema-level objects
 * @param name the object's own name, or null for a schema
 */
public record ObjectRef(ObjectKind kind, String schema, String table, String name) {

    /** The object's path: its schema, table and name that are set, joined by dots, quoted where needed. */
    public String path() {
        String prefix = Stream.of(schema, table)
                .filter(Objects::nonNull)
                .map(ObjectRef::part)
                .collect(Collectors.joining("."));
        if (name == null) {
            return prefix;
        }
        String own = part(name);
        int paren = name.indexOf('(');
        if (kind == ObjectKind.ROUTINE && paren > 0) {
            // name(signature): quote the name, keep the signature as the database prints it
            own = part(name.substring(0, paren)) + name.substring(paren);
        }
        return prefix.isEmpty() ? own : prefix + "." + own;
    }

    private static String part(String identifier) {
        // A path is for reading, never for SQL: whatever a name holds, it stays on one line.
        return identifier.matches("[a-z_][a-z0-9_$]*") ? identifier
                : "\"" + SafeText.line(identifier.replace("\"", "\"\"")) + "\"";
    }

    @Override
    public String toString() {
        return kind.label() + " " + path();
    }
}
