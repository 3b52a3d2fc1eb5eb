package dev.driftgate.schema;

import java.util.List;
import java.util.Map;

/**
 * A function or procedure. Overloads are told apart by their identity signature.
 *
 * @param signature the identity arguments, as in {@code DROP FUNCTION name(signature)}
 * @param arguments the full argument list with names, modes and defaults
 * @param returns the return type, or null for a procedure
 * @param body the routine body with line endings and trailing white space normalised
 * @param attributes volatility, strictness, security and the like, keys from the dialect package
 */
public record Routine(
        String name,
        Kind kind,
        String signature,
        String arguments,
        String returns,
        String language,
        String body,
        String owner,
        String comment,
        Map<String, String> attributes,
        List<Grant> grants) {

    public Routine {
        // JSON leaves out empty text; absent and empty must be the same value to round-trip.
        signature = signature == null || signature.isEmpty() ? null : signature;
        arguments = arguments == null || arguments.isEmpty() ? null : arguments;
        attributes = Canonical.attributes(attributes);
        grants = Canonical.sortedBy(grants, Grant::sortKey);
    }

    public enum Kind { FUNCTION, PROCEDURE, AGGREGATE, WINDOW }

    /** Name plus identity signature: unique within a schema. */
    public String key() {
        return name + "(" + (signature == null ? "" : signature) + ")";
    }
}
