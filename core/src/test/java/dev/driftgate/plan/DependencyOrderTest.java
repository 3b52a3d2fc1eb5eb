package dev.driftgate.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.dialect.Dialects;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.schema.RelationName;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.View;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Ordering by the snapshots' dependency records, on snapshots built in memory: a cycle cannot come
 * out of a real catalog (PostgreSQL refuses to create one), but a hand-edited or corrupted snapshot
 * can hold one, and the planner must report it rather than loop or pretend.
 */
class DependencyOrderTest {

    private static View view(String name, String... reads) {
        return new View(name, false, "SELECT 1", null, null, List.of(), Map.of(), List.of(),
                Arrays.stream(reads).map(r -> new RelationName("public", r)).toList());
    }

    private static SchemaSnapshot snapshot(View... views) {
        return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, "postgresql",
                List.of(new Schema("public", null, null, List.of(), List.of(views), List.of(), List.of(), List.of(),
                        List.of(), Map.of(), List.of(), List.of())),
                List.of(), List.of());
    }

    private static List<String> created(Planner.Plan plan) {
        return plan.statements().stream().map(PlannedStatement::sql).filter(s -> s.startsWith("CREATE VIEW"))
                .map(s -> s.substring("CREATE VIEW \"public\".\"".length(), s.indexOf("\" AS"))).toList();
    }

    @Test
    void viewsAreCreatedAfterWhatTheyReadWhateverTheirNames() {
        SchemaSnapshot expected = snapshot(view("a", "b"), view("b", "c"), view("c"));
        DiffResult diff = SchemaDiff.compare(expected, snapshot(), IgnoreRules.defaults());
        Planner.Plan plan = Dialects.postgres().planner().plan(diff, false);
        assertEquals(List.of("c", "b", "a"), created(plan));
        assertTrue(plan.unplanned().isEmpty(), plan.unplanned().toString());
    }

    @Test
    void aCycleIsReportedNotLoopedOn() {
        SchemaSnapshot expected = snapshot(view("a", "b"), view("b", "a"), view("free"));
        DiffResult diff = SchemaDiff.compare(expected, snapshot(), IgnoreRules.defaults());
        Planner.Plan plan = Dialects.postgres().planner().plan(diff, false);
        assertEquals(List.of("views read each other in a cycle: public.a, public.b"), plan.unplanned());
        assertEquals(3, created(plan).size(), "every view is still planned, so the reader sees all of them");
        assertEquals("free", created(plan).get(0));
    }

    @Test
    void dropsGoReadersFirst() {
        SchemaSnapshot actual = snapshot(view("base"), view("mid", "base"), view("top", "mid"));
        DiffResult diff = SchemaDiff.compare(snapshot(), actual, IgnoreRules.defaults());
        Planner.Plan plan = Dialects.postgres().planner().plan(diff, false);
        assertEquals(List.of("DROP VIEW \"public\".\"top\"", "DROP VIEW \"public\".\"mid\"", "DROP VIEW \"public\".\"base\""),
                plan.statements().stream().map(PlannedStatement::sql).toList());
    }
}
