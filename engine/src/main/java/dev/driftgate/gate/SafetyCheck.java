package dev.driftgate.gate;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.safety.Hazard;
import dev.driftgate.safety.MigrationContext;
import dev.driftgate.safety.MigrationState;
import dev.driftgate.safety.OnlineSafety;
import dev.driftgate.safety.SafetyObserver;
import dev.driftgate.safety.StatementObservation;
import dev.driftgate.scenario.Migration;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * The online-safety step of one candidate: static hazards, hazards the states before and after
 * show, then the candidate run statement by statement on a copy of the state before it, with
 * representative rows in the tables it touches (added now, or kept from an earlier candidate's
 * observation on the same copy).
 */
final class SafetyCheck {

    private SafetyCheck() {}

    /** @param publish receives every hazard found, before the check passes or fails */
    static String run(TargetRun target, Migration migration, SchemaSnapshot before, SchemaSnapshot after,
            Consumer<List<Hazard>> publish) throws SQLException {
        Dialect dialect = target.scenario().dialect();
        OnlineSafety safety = target.safety();
        List<SqlStatement> statements = migration.up().statements(dialect);
        Set<String> newTables = target.tablesNewSinceBaseline();
        MigrationContext context = new MigrationContext(newTables, columnTypes(before), target.sessionTimeZone());
        List<Hazard> hazards = new ArrayList<>(safety.staticHazards(dialect.safetyRules(), migration.up().file(), statements, context));
        // compare(expected, actual) describes the change that takes actual to expected: here, the migration.
        hazards.addAll(safety.schemaHazards(target.compare(after, before), statements));
        hazards.addAll(SafetyNets.missing(target, migration, statements));
        hazards.addAll(ExpandContract.hazards(target, migration, before, after, statements));
        List<StatementObservation> observed = List.of();
        List<SampleRows.Inserted> seeded = List.of();
        if (safety.observe()) {
            ObservationCopy copy = target.observationCopy();
            boolean completed = false;
            try {
                Connection c = copy.connection();
                if (safety.sampleRows() > 0) {
                    seeded = new SampleRows(dialect, before, safety.sampleRows(), newTables, copy.sampleRows())
                            .fill(c, migration.up().sql());
                }
                try {
                    observed = dialect.safetyObserver().observe(c, statements, target.runsInTransaction(migration.up()));
                    completed = true;
                } catch (SafetyObserver.Failed failed) {
                    observed = failed.before();
                    hazards = safety.observedFailure(hazards, failed);
                }
            } finally {
                target.observed(copy, completed);
            }
            hazards = safety.reconcile(hazards, observed);
        }
        // The file's suppression comments, once, for what the static pass could not see.
        hazards = safety.suppressLater(migration.up().file(), statements, hazards);
        publish.accept(hazards);
        String details = details(hazards, observed, seeded);
        List<Hazard> failing = safety.failing(hazards);
        if (!failing.isEmpty()) {
            throw new AssertionFailedError(migration.label() + ": " + failing.size() + " hazard" + (failing.size() == 1 ? "" : "s")
                    + " at or above " + safety.failOn().label() + " (" + OnlineSafety.counts(hazards) + "):" + details);
        }
        return OnlineSafety.counts(hazards) + (safety.observe() ? "; observed " + observed.size()
                + " statement" + (observed.size() == 1 ? "" : "s") : "") + details;
    }

    /** Each column's type before the candidate, for the rules a statement's text alone cannot decide. */
    private static Map<String, String> columnTypes(SchemaSnapshot before) {
        Map<String, String> out = new HashMap<>();
        before.schemas().forEach(s -> s.tables().forEach(t -> t.columns().forEach(c ->
                out.putIfAbsent(MigrationState.key(t.name()) + "." + MigrationState.key(c.name()), c.type()))));
        return out;
    }

    private static String details(List<Hazard> hazards, List<StatementObservation> observed, List<SampleRows.Inserted> seeded) {
        StringBuilder out = new StringBuilder();
        hazards.forEach(h -> out.append("\n  ").append(h.oneLine()));
        if (!seeded.isEmpty()) {
            out.append("\n  representative rows added: ").append(String.join(", ", seeded.stream()
                    .map(r -> r.table() + " " + r.rows() + (r.note() == null ? "" : " (" + r.note() + ")")).toList()));
        }
        if (!observed.isEmpty()) {
            out.append("\n  observed on a seeded copy:");
            observed.forEach(o -> out.append("\n    ").append(o.oneLine()));
        }
        return out.toString();
    }
}
