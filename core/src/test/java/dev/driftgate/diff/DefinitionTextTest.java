package dev.driftgate.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionTextTest {

    @Test
    void aTimeFrozenAtCreationIsTheOnlyDifferenceOrNotOne() {
        String before = " SELECT id\n   FROM event\n  WHERE at > ('2026-12-03 17:40:01.25'::timestamp without time zone - '1 day'::interval);";
        String after = before.replace("17:40:01.25", "17:41:12.5");
        assertEquals(List.of("'2026-12-03 17:41:12.5'::timestamp without time zone"),
                new DefinitionText(before, after).frozenLiterals());
        assertEquals(List.of("'2026-12-04'::date"),
                new DefinitionText("SELECT '2026-12-03'::date AS d", "SELECT '2026-12-04'::date AS d").frozenLiterals());
        // Anything else differing as well: not (only) a frozen value.
        assertEquals(List.of(), new DefinitionText(before, after.replace("event", "events")).frozenLiterals());
        assertEquals(List.of(), new DefinitionText("SELECT 1", "SELECT 2").frozenLiterals());
    }

    @Test
    void theDiffIsUnifiedWithOneLineOfContextAndLongOnesAreCounted() {
        assertEquals(List.of("@@ -2,2 +2,2 @@", "    FROM orders", "-  WHERE status = 'open'", "+  WHERE status = 'closed'"),
                new DefinitionText("SELECT id\n   FROM orders\n  WHERE status = 'open'\n",
                        "SELECT id\n   FROM orders\n  WHERE status = 'closed'").unifiedDiff());
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            a.append("line ").append(i).append('\n');
            b.append("changed ").append(i).append('\n');
        }
        List<String> diff = new DefinitionText(a.toString(), b.toString()).unifiedDiff();
        assertEquals(13, diff.size());
        assertEquals("… 49 more lines", diff.get(12));
    }
}
