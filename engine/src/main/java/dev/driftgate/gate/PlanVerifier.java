package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.database.LiveDatabase;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.IgnoreRules;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.plan.PlannedStatement;
import dev.driftgate.plan.Planner;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Proves a plan: on a throwaway database, rebuilds the actual schema from its snapshot, applies the
 * plan statement by statement, reads the result back and diffs it against the expected schema.
 * Only an empty diff makes a plan verified.
 */
public final class PlanVerifier {

    /**
     * The verdict.
     *
     * @param verified true when applying the plan leaves no difference
     * @param reason why not, in one line, or null
     * @param remaining what still differs after the plan ran, or null when it did not run
     */
    public record Verification(boolean verified, String reason, DiffResult remaining) {}

    private PlanVerifier() {}

    public static Verification verify(DatabaseServer scratch, SchemaSnapshot actual, SchemaSnapshot expected,
            Planner.Plan plan, IgnoreRules rules) {
        if (!plan.unplanned().isEmpty()) {
            return new Verification(false, plan.unplanned().size() + " difference(s) have no planned statement: "
                    + plan.unplanned().get(0), null);
        }
        Planner planner = scratch.dialect().planner();
        try (ThrowawayDatabase db = scratch.createThrowaway()) {
            SchemaSnapshot empty = read(db, scratch);
            String scratchSchema = db.name();
            SchemaSnapshot target = actual.withDatabaseNamed(scratchSchema);
            Planner.Plan rebuild = planner.plan(SchemaDiff.compare(target, empty, IgnoreRules.defaults()), false);
            if (!rebuild.unplanned().isEmpty()) {
                return new Verification(false, "cannot rebuild the actual schema on a scratch database: "
                        + rebuild.unplanned().get(0), null);
            }
            try (Connection c = db.connect()) {
                ScriptRunner.runUnordered(c, statements(rebuild, "rebuild of the actual schema"));
            } catch (DriftgateException e) {
                return new Verification(false, "cannot rebuild the actual schema on a scratch database: "
                        + e.getMessage(), null);
            }
            DiffResult rebuilt = SchemaDiff.compare(target, read(db, scratch), IgnoreRules.defaults());
            if (!rebuilt.isEmpty()) {
                return new Verification(false, "the scratch copy of the actual schema differs from it: "
                        + rebuilt.differences().get(0).change().object(), rebuilt);
            }
            try (Connection c = db.connect()) {
                ScriptRunner.run(c, statements(plan, "plan"));
            } catch (DriftgateException e) {
                return new Verification(false, e.getMessage(), null);
            }
            DiffResult remaining = SchemaDiff.compare(expected, read(db, scratch), rules);
            return remaining.isEmpty() ? new Verification(true, null, remaining)
                    : new Verification(false, remaining.differences().size() + " difference(s) remain after the plan",
                            remaining);
        } catch (SQLException e) {
            throw new DriftgateException(scratch.description() + ": cannot create a scratch database: "
                    + e.getMessage(), e);
        }
    }

    private static SchemaSnapshot read(ThrowawayDatabase db, DatabaseServer scratch) {
        return LiveDatabase.snapshot(db.jdbcUrl(), scratch.adminSettings(), List.of());
    }

    private static List<SqlStatement> statements(Planner.Plan plan, String source) {
        List<SqlStatement> out = new ArrayList<>();
        int n = 0;
        for (PlannedStatement s : plan.statements()) {
            n++;
            out.add(new SqlStatement(s.sql(), source, n, n));
        }
        return out;
    }
}
