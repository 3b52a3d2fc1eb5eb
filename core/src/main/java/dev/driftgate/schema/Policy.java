package dev.driftgate.schema;

import java.util.List;

/** A PostgreSQL row-level security policy. */
public record Policy(
        String name,
        String command,
        boolean permissive,
        List<String> roles,
        String using,
        String withCheck) {

    public Policy {
        roles = Canonical.sortedStrings(roles);
    }
}
