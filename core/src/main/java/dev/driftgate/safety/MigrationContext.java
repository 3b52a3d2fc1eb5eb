package dev.driftgate.safety;

import java.util.Map;
import java.util.Set;

/**
 * What is known about the database before a migration runs, beyond its own statements: the static
 * rules need it where a statement alone does not tell (an ALTER … TYPE does not name the old type).
 *
 * @param newTables tables created since production's state by earlier migrations of the same
 *     change: empty there, so an index on them locks nothing that matters
 * @param columnTypes {@code table.column} (as {@link MigrationState#key} writes names) to its type
 *     before the migration
 * @param timeZone the time zone the migration's session starts in (PostgreSQL's {@code TimeZone}),
 *     or null when unknown
 */
public record MigrationContext(Set<String> newTables, Map<String, String> columnTypes, String timeZone) {

    public MigrationContext {
        newTables = Set.copyOf(newTables);
        columnTypes = Map.copyOf(columnTypes);
    }

    /** Nothing known: every table the migration does not create is an existing one, with rows. */
    public static MigrationContext none() {
        return new MigrationContext(Set.of(), Map.of(), null);
    }

    public static MigrationContext newTables(Set<String> tables) {
        return new MigrationContext(tables, Map.of(), null);
    }
}
