package dev.driftgate.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.driftgate.database.LiveDatabase;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.gate.PlanVerifier;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.testing.Databases;
import dev.driftgate.testing.Golden;
import dev.driftgate.testing.Target;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plan from an empty database to the golden schema (every object kind, awkward identifiers)
 * applies in the planner's own order and converges: what {@code diff --sql} proposes for a
 * database that lacks everything is proven to build it.
 */
class PlanFromNothingTest {

    static List<Target> targets() {
        return Target.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void buildsTheGoldenSchemaFromNothing(Target target) throws Exception {
        SchemaSnapshot expected;
        try (ThrowawayDatabase db = Databases.loaded(target, Golden.sourcePath("golden/" + target.dialect() + "/everything.sql"))) {
            expected = LiveDatabase.snapshot(db.jdbcUrl(), target.server().adminSettings(), List.of());
        }
        SchemaSnapshot empty;
        try (ThrowawayDatabase db = target.server().createThrowaway()) {
            empty = LiveDatabase.snapshot(db.jdbcUrl(), target.server().adminSettings(), List.of());
        }
        DiffResult diff = SchemaDiff.compare(expected, empty, IgnoreRules.defaults());
        for (boolean online : new boolean[] {true, false}) {
            Planner.Plan plan = target.server().dialect().planner().plan(diff, online);
            PlanVerifier.Verification v = PlanVerifier.verify(target.server(), empty, expected, plan, IgnoreRules.defaults());
            assertTrue(v.verified(), v.reason() + (v.remaining() == null ? "" : "\n" + v.remaining().differences())
                    + "\n" + plan.script());
        }
    }
}
