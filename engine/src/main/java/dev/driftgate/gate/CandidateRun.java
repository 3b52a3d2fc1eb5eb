package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.compat.ReleaseStatement;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.safety.Hazard;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Script;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The checks of one candidate migration, run in order on the state before it: it applies;
 * its rollback restores the schema exactly and keeps the rows that were there; applying it again
 * converges; and a run that dies after any statement can be brought forward. A failed check throws
 * {@link AssertionFailedError} with the reason; a check that does not apply throws
 * {@link TestAbortedException} saying why.
 */
public final class CandidateRun {

    private final TargetRun target;
    private final Migration migration;
    private ThrowawayDatabase work;
    private SchemaSnapshot before;
    private SchemaSnapshot after;
    private Map<String, Checksums.TableRows> rowsBefore;
    private Map<String, String> countersBefore;
    private Map<String, Checksums.TableRows> rowsAfterRollback;
    private boolean applied;
    private boolean rolledBack;
    private boolean converged;
    private boolean rollbackStarted;
    /** Why the rollback step failed after running (the schema differs), for the checks that fail as its consequence. */
    private String rollbackProblem;
    /** The previous release's statements refused on the state before this migration (compatibility). */
    private Set<ReleaseStatement> refusedBefore = Set.of();

    public CandidateRun(TargetRun target, Migration migration) {
        this.target = target;
        this.migration = migration;
    }

    private void requireApplied() {
        target.requireNotBlocked();
        if (!applied) {
            throw new TestAbortedException("not run: " + migration.label() + " did not apply");
        }
    }

    /** Step 1: the migration applies on the state before it. */
    public String apply() throws SQLException {
        target.requireNotBlocked();
        before = target.currentSnapshot();
        work = target.workDatabase();
        rowsBefore = target.rows(work, before);
        countersBefore = target.idCounters(work);
        if (target.scenario().releases() != null && !target.scenario().releases().previous().isEmpty()) {
            // Known from the candidate before (its state after is this one's before), else asked now.
            refusedBefore = target.previousRefused() != null ? target.previousRefused()
                    : CompatibilityCheck.refused(target, work);
        }
        int n;
        try {
            n = target.apply(work, migration.up());
        } catch (DriftgateException e) {
            target.block(migration.label() + " did not apply");
            throw new AssertionFailedError(migration.label() + " does not apply: " + e.getMessage() + versionHint(e)
                    + target.sqlModeHint(e.getMessage()), e);
        }
        after = target.snapshot(work);
        applied = true;
        return n + " statement" + (n == 1 ? "" : "s") + " applied";
    }

    /** Step 2: the state right after the migration equals its approved snapshot, where the scenario keeps them. */
    public String matchesExpected(boolean approve) {
        requireApplied();
        if (target.scenario().expectedEach() == null) {
            throw new TestAbortedException("no approved snapshot per migration (expected-each: in driftgate.yaml)");
        }
        return FinalChecks.matchesExpectedAfter(target, after, migration.version(), approve);
    }

    /**
     * A syntax error may be syntax a newer server accepts (PostgreSQL 18's named NOT NULL
     * constraints, say): say which server refused it and how to run on another.
     */
    private String versionHint(DriftgateException e) {
        String message = String.valueOf(e.getMessage());
        if (!message.contains("[SQLState 42601]") && !message.contains("[SQLState 42000]")) {
            return "";
        }
        return " (refused by " + target.server().description() + "; if the statement needs a newer version, "
                + "name one in targets:, e.g. embedded:18)";
    }

    /**
     * Zero-downtime compatibility (docs/zero-downtime.md): on the state right after the migration,
     * the previous release's statements still prepare, and after the last candidate the new
     * release's do. Publishes a DG205 hazard for each statement a contract step broke.
     */
    public String compatibility(Consumer<List<Hazard>> publish) throws SQLException {
        requireApplied();
        return CompatibilityCheck.run(target, migration, work, before, after, refusedBefore, publish);
    }

    /** Step 3: the rollback brings back exactly the schema before the migration, read on a fresh connection. */
    public String rollback() throws SQLException {
        requireApplied();
        if (!migration.hasRollback()) {
            String what = migration.label() + " has no rollback";
            if (target.scenario().rollbackRequired()) {
                throw new AssertionFailedError(what + " (rollback: required in " + target.scenario().configFile()
                        + "); add one, or set rollback: optional");
            }
            throw new TestAbortedException(what + " (rollback: optional)");
        }
        rollbackStarted = true;
        try {
            target.apply(work, migration.down());
        } catch (DriftgateException e) {
            throw new AssertionFailedError("the rollback of " + migration.label() + " fails: " + e.getMessage(), e);
        }
        rolledBack = true;
        SchemaSnapshot restored = target.snapshotOnFreshConnection(work);
        DiffResult diff = target.compare(before, restored);
        if (!diff.isEmpty()) {
            FrozenValues.failIfOnlyFrozen(diff, "the rollback of " + migration.label());
            rollbackProblem = "the rollback of " + migration.label() + " does not restore the schema before it";
            throw new AssertionFailedError("the rollback of " + migration.label()
                    + (migration.emptyRollback(target.scenario().dialect()) ? " is empty (nothing to undo) but" : "")
                    + " does not restore the schema before it (" + diff.differences().size() + " difference" + (diff.differences().size() == 1 ? "" : "s")
                    + ", expected = before the migration, actual = after the rollback):" + diff.summary(20)
                    + FrozenValues.note(diff));
        }
        requireSameUnmodelled(diff, "the rollback of " + migration.label() + " does not restore the schema before it");
        return migration.emptyRollback(target.scenario().dialect())
                ? "nothing to undo (an empty rollback): schema unchanged" : "schema restored exactly";
    }

    /** Step 4: rows present before the migration are present and equal after it and its rollback. */
    public String data() throws SQLException {
        requireApplied();
        if (!rolledBack) {
            throw new TestAbortedException("not run: nothing was rolled back");
        }
        long rows = rowsBefore.values().stream().mapToLong(Checksums.TableRows::count).sum();
        if (rows == 0) {
            throw new TestAbortedException("no rows to check: the baseline holds no data (add seed: to driftgate.yaml)");
        }
        Map<String, Checksums.TableRows> rowsAfter = target.rows(work, before);
        rowsAfterRollback = rowsAfter;
        Map<String, String> changed = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        rowsBefore.forEach((table, sum) -> {
            Checksums.TableRows now = rowsAfter.get(table);
            if (sum.equals(now)) {
                return;
            }
            // A table the rollback left in another shape cannot be read as it was: a consequence of
            // the rollback's failure, not rows lost.
            if (rollbackProblem != null && (now == null || now.problem() != null)) {
                unreadable.add(table);
            } else {
                changed.put(table, sum + " -> " + now);
            }
        });
        String notChecked = unreadable.isEmpty() ? "" : "not checked because " + rollbackProblem + " (the rollback step): "
                + Lists.capped(unreadable, 10) + " cannot be read as before";
        if (!changed.isEmpty()) {
            StringBuilder message = new StringBuilder("apply + rollback of " + migration.label()
                    + " lost or changed rows in " + changed.size() + " table" + (changed.size() == 1 ? "" : "s") + ":");
            changed.entrySet().stream().limit(20).forEach(e -> message.append("\n  ").append(e.getKey()).append(": ")
                    .append(e.getValue()));
            if (changed.size() > 20) {
                message.append("\n  … and ").append(changed.size() - 20).append(" more");
            }
            if (!notChecked.isEmpty()) {
                message.append("\n  ").append(notChecked);
            }
            throw new AssertionFailedError(message.toString());
        }
        if (!notChecked.isEmpty()) {
            throw new TestAbortedException(notChecked);
        }
        return rows + " rows in " + rowsBefore.size() + " tables unchanged";
    }

    /**
     * Backup-table safety net: where a copy protects what the migration destroys, its restore path
     * (the rollback, or the scenario's restore: script) brings the seeded rows back exactly.
     */
    public String restore() throws SQLException {
        requireApplied();
        return SafetyNets.proveRestore(target, migration, before, rowsBefore, rolledBack ? rowsAfterRollback : null);
    }

    /**
     * Objects the model does not describe (rules, casts, operators, ...) are never taken as equal:
     * one present on a single side is a difference the gate cannot explain, so it fails.
     */
    private static void requireSameUnmodelled(DiffResult diff, String what) {
        List<String> oneSided = diff.notComparedOnOneSide().stream()
                .map(n -> n.object().table() + " " + n.object().name() + " (only " + (n.side().equals("expected")
                        ? "before" : "after") + ")").toList();
        if (!oneSided.isEmpty()) {
            throw new AssertionFailedError(what + ": objects driftgate does not model differ: " + String.join(", ", oneSided));
        }
    }

    /** Step 5: applied again after its rollback, the migration reaches the same schema as the first time. */
    public String reapply() throws SQLException {
        requireApplied();
        if (!rolledBack) {
            throw new TestAbortedException("not run: nothing was rolled back");
        }
        // Where the rollback gave back every row, the migration is applied again with the id
        // counters where its first apply found them, so that it hands out the same ids and the
        // next candidate starts from the rows production has. Where rows were left behind, the
        // counters stay where they are, as they would in production: rewound, the re-apply would
        // collide with the rows the rollback kept.
        Map<String, Checksums.TableRows> rowsNow = rowsAfterRollback != null ? rowsAfterRollback : target.rows(work, before);
        if (rowsNow.equals(rowsBefore) && rowsBefore.values().stream().allMatch(r -> r.problem() == null)) {
            target.rewindIdCounters(work, countersBefore);
        }
        try {
            target.apply(work, migration.up());
        } catch (DriftgateException e) {
            throw new AssertionFailedError(migration.label() + " does not apply again after its rollback: " + e.getMessage()
                    + target.sqlModeHint(e.getMessage())
                    + (rollbackProblem == null ? "" : " (likely a consequence: " + rollbackProblem + ")"), e);
        }
        SchemaSnapshot again = target.snapshot(work);
        DiffResult diff = target.compare(after, again);
        if (!diff.isEmpty()) {
            FrozenValues.failIfOnlyFrozen(diff, migration.label() + " applied again");
            throw new AssertionFailedError(migration.label() + " applied after its rollback does not converge "
                    + "(expected = first apply, actual = re-apply):" + diff.summary(20) + FrozenValues.note(diff));
        }
        requireSameUnmodelled(diff, migration.label() + " applied after its rollback does not converge");
        converged = true;
        return "converges to the first apply";
    }

    /**
     * Step 6: for each statement boundary k, a database holding the first k statements (what a run
     * that died there leaves, where DDL commits as it goes) is brought forward by the forward fix
     * (the migration run again, or the scenario's fix script) and must reach the post-apply schema.
     */
    public String partialFailure() throws SQLException {
        requireApplied();
        List<SqlStatement> statements = migration.up().statements(target.scenario().dialect());
        if (target.runsInTransaction(migration.up())) {
            throw new TestAbortedException("runs in one transaction on PostgreSQL: a failure leaves nothing behind");
        }
        if (statements.size() < 2) {
            throw new TestAbortedException("one statement: it applies whole or not at all");
        }
        Script fix = target.scenario().forwardFix() != null ? target.scenario().forwardFix() : migration.up();
        String fixName = target.scenario().forwardFix() != null ? "the forward fix " + fix.file() : "running it again";
        for (int k = 1; k < statements.size(); k++) {
            SqlStatement last = statements.get(k - 1);
            ThrowawayDatabase partial = target.rebuiltCurrent();
            try {
                target.apply(partial, statements.subList(0, k));
                try {
                    target.apply(partial, fix);
                } catch (DriftgateException e) {
                    throw new AssertionFailedError(migration.label() + " cannot be brought forward after a failure "
                            + "after statement " + k + " of " + statements.size() + " (" + last.location() + ": "
                            + last.summary() + "): " + fixName + " fails: " + e.getMessage(), e);
                }
                DiffResult diff = target.compare(after, target.snapshot(partial));
                if (!diff.isEmpty()) {
                    throw new AssertionFailedError(migration.label() + " after a failure after statement " + k + " ("
                            + last.location() + ") and " + fixName + " does not converge:" + diff.summary(20));
                }
            } finally {
                target.discard(partial);
            }
        }
        return (statements.size() - 1) + " failure points, each brought forward by " + fixName;
    }

    /**
     * Step 7, online safety: the static rules over the migration's statements, then the migration
     * run statement by statement on a copy of the state before it (baseline, seed, earlier
     * candidates), recording locks and rewrites (PostgreSQL) or the ALTER algorithm the server
     * accepts (MySQL/MariaDB). Fails on hazards at or above {@code driftgate.safety.fail-on}.
     */
    public String onlineSafety(Consumer<List<Hazard>> publish) throws SQLException {
        requireApplied();
        return SafetyCheck.run(target, migration, before, after, publish);
    }

    /**
     * After the steps: the state after this migration becomes the state for the next one, even when
     * the rollback or re-apply failed (a fresh copy with the migration applied once).
     */
    public void finish() throws SQLException {
        if (converged || (applied && !rollbackStarted)) {
            // Re-applied and converged, or never rolled back: the database holds the post-apply state.
            target.advance(work, migration, after);
            return;
        }
        if (!applied || target.blocked() != null) {
            target.discard(work);
            return;
        }
        // The checks failed part way: the state after this migration is made again, applied once.
        // It is read again rather than taken to equal the first apply: whatever a re-creation does
        // not reproduce (a timestamp frozen into a view) would otherwise fail every later check.
        ThrowawayDatabase next = target.rebuiltCurrent();
        target.apply(next, migration.up());
        target.advance(next, migration, target.snapshot(next));
    }
}
