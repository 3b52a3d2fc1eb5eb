package dev.driftgate.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rules that need what the statement does not say: the old type of a column (from the state before
 * the migration) and the session's time zone. PostgreSQL 12+ changes timestamp to timestamptz (and
 * back) without a rewrite when the session's zone is UTC; anywhere else it rewrites the table.
 */
class KnownStateTest {

    private static final Dialect PG = Dialects.byName("postgresql");
    private static final Map<String, String> TIMESTAMP = Map.of("event.at", "timestamp without time zone");

    private static List<String> codes(String sql, Map<String, String> types, String zone) {
        return StaticAnalysis.analyse(PG.safetyRules(), "case.sql", sql, PG.splitScript(sql, "case.sql"),
                Map.of(Rule.MISSING_LOCK_TIMEOUT, HazardLevel.OFF), new MigrationContext(Set.of(), types, zone))
                .stream().map(h -> h.rule().code()).sorted().toList();
    }

    @Test
    void timestampToTimestamptzInUtcRewritesNothing() {
        assertEquals(List.of(), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamptz;", TIMESTAMP, "UTC"));
        assertEquals(List.of(), codes("ALTER TABLE public.event ALTER COLUMN at SET DATA TYPE timestamp(3) with time zone;",
                TIMESTAMP, "Etc/UTC"));
        assertEquals(List.of(), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamp;",
                Map.of("event.at", "timestamp with time zone"), "GMT"));
    }

    @Test
    void elsewhereOrUnknownItStillRewrites() {
        assertEquals(List.of("DG302"), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamptz;", TIMESTAMP, "Europe/Berlin"));
        assertEquals(List.of("DG302"), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamptz;", TIMESTAMP, null));
        assertEquals(List.of("DG302"), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamptz;", Map.of(), "UTC"));
        assertEquals(List.of("DG302"), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamptz;",
                Map.of("event.at", "text"), "UTC"));
        assertEquals(List.of("DG302"), codes("ALTER TABLE event ALTER COLUMN at TYPE timestamptz USING at AT TIME ZONE 'UTC';",
                TIMESTAMP, "UTC"));
    }

    @Test
    void theMigrationsOwnSetTimeZoneCounts() {
        assertEquals(List.of(), codes("SET TIME ZONE 'UTC';\nALTER TABLE event ALTER COLUMN at TYPE timestamptz;", TIMESTAMP, null));
        assertEquals(List.of(), codes("SET timezone TO 'Etc/UTC';\nALTER TABLE event ALTER COLUMN at TYPE timestamptz;",
                TIMESTAMP, "America/New_York"));
        assertEquals(List.of("DG302"), codes("SET TIME ZONE 'Europe/Paris';\nALTER TABLE event ALTER COLUMN at TYPE timestamptz;",
                TIMESTAMP, "UTC"));
    }

    @Test
    void aColumnTheMigrationAddedAsTimestampIsKnownToo() {
        // An existing table; the column is added, then its type changed, in the same migration.
        assertEquals(List.of(), codes("ALTER TABLE event ADD COLUMN seen timestamp;\n"
                + "ALTER TABLE event ALTER COLUMN seen TYPE timestamptz;", Map.of(), "UTC"));
    }
}
