package dev.driftgate.gate;

import dev.driftgate.DriftgateException;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.scenario.Migration;
import dev.driftgate.schema.SchemaSnapshot;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The rollback modes beyond one candidate at a time, each a check on a target after its
 * candidates: the chain (every candidate's rollback in reverse), the whole history from an empty
 * database ({@code baseline: empty}) and groups rolled back as one unit.
 */
final class RollbackModes {

    private RollbackModes() {}

    /**
     * Chain rollback: on the final state itself (this is the target's last check), every
     * candidate's rollback runs in reverse order, as an incident that undoes a release would run
     * them; the result must equal the baseline, read on a fresh connection.
     */
    static String chain(TargetRun t) throws SQLException {
        t.requireNotBlocked();
        if (t.applied().isEmpty()) {
            throw new TestAbortedException("no candidate was applied");
        }
        List<String> missing = withoutRollback(t, t.applied());
        if (!missing.isEmpty()) {
            String what = "no rollback for " + Lists.capped(missing, 10);
            if (t.scenario().rollbackRequired()) {
                throw new AssertionFailedError("chain rollback: " + what);
            }
            throw new TestAbortedException(what + " (rollback: optional)");
        }
        ThrowawayDatabase db = t.workDatabase();
        List<String> done = new ArrayList<>();
        for (int i = t.applied().size() - 1; i >= 0; i--) {
            Migration m = t.applied().get(i);
            try {
                t.apply(db, m.down());
            } catch (DriftgateException e) {
                // The failing statement and the database's error first: the rollbacks already run
                // can be hundreds in a real history, so they come last, counted and capped.
                throw new AssertionFailedError("chain rollback: the rollback of " + m.label() + " fails: " + e.getMessage()
                        + (done.isEmpty() ? "" : "\n  after rolling back " + done.size() + ": " + Lists.capped(done, 10)), e);
            }
            done.add(m.label());
        }
        DiffResult diff = t.compare(t.baselineSnapshot(), t.snapshotOnFreshConnection(db));
        if (!restoresExactly(diff)) {
            FrozenValues.failIfOnlyFrozen(diff, "chain rollback: rolling back " + Lists.capped(done, 10));
            throw new AssertionFailedError("chain rollback: rolling back " + Lists.capped(done, 10) + " in turn does not "
                    + "restore the baseline (expected = the baseline, actual = after the chain)" + differences(diff));
        }
        return t.applied().size() + " candidate" + (t.applied().size() == 1 ? "" : "s") + " rolled back in reverse: baseline restored";
    }

    /**
     * Full-history chain ({@code baseline: empty}): on a new, empty database every versioned
     * migration of the history runs up, then every rollback in reverse; the database must be empty
     * again, read on a fresh connection. Repeatable migrations have no rollback and are left out; so
     * is the seed, whose tables the history's first rollbacks would drop anyway.
     */
    static String history(TargetRun t) throws SQLException {
        t.requireNotBlocked();
        List<Migration> history = new ArrayList<>(t.scenario().baseline().stream().filter(m -> !m.repeatable()).toList());
        history.addAll(t.applied());
        List<String> missing = withoutRollback(t, history);
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("chain rollback from an empty database: no rollback for "
                    + Lists.capped(missing, 10));
        }
        ThrowawayDatabase db = t.newDatabase();
        try {
            SchemaSnapshot empty = t.snapshot(db);
            for (Migration m : history) {
                try {
                    t.apply(db, m.up());
                } catch (DriftgateException e) {
                    throw new AssertionFailedError("chain rollback from an empty database: " + m.label()
                            + " does not apply: " + e.getMessage(), e);
                }
            }
            List<String> done = new ArrayList<>();
            for (int i = history.size() - 1; i >= 0; i--) {
                Migration m = history.get(i);
                try {
                    t.apply(db, m.down());
                } catch (DriftgateException e) {
                    throw new AssertionFailedError("chain rollback from an empty database: the rollback of " + m.label()
                            + " fails: " + e.getMessage() + "\n  after rolling back " + (done.isEmpty() ? "nothing"
                                    : done.size() + ": " + done.get(0) + " … " + done.get(done.size() - 1)), e);
                }
                done.add(m.label());
            }
            DiffResult diff = t.compare(empty, t.snapshotOnFreshConnection(db));
            if (!restoresExactly(diff)) {
                throw new AssertionFailedError("chain rollback from an empty database: the whole history up and down "
                        + "again leaves objects behind (expected = empty, actual = after the rollbacks)" + differences(diff));
            }
            return history.size() + " migrations applied from an empty database and rolled back in reverse: empty again";
        } finally {
            t.discard(db);
        }
    }

    private static List<String> withoutRollback(TargetRun t, List<Migration> migrations) {
        return migrations.stream().filter(m -> !m.hasRollback()).map(Migration::label).toList();
    }

    /** No difference, and no object driftgate does not model present on one side only. */
    private static boolean restoresExactly(DiffResult diff) {
        return diff.isEmpty() && diff.notComparedOnOneSide().isEmpty();
    }

    /** A failed rollback's differences, with the unmodelled objects on one side named after them. */
    private static String differences(DiffResult diff) {
        List<String> oneSided = diff.notComparedOnOneSide().stream()
                .map(n -> n.object().table() + " " + n.object().name()).toList();
        return diff.summary(20) + FrozenValues.note(diff) + (oneSided.isEmpty() ? "" : "\n  objects driftgate does not model differ: "
                + Lists.capped(oneSided, 20));
    }

    /**
     * Group rollback: the state before the group is rebuilt (baseline, seed and the candidates
     * before it, replayed), the group's migrations applied in order and their rollbacks run in
     * reverse, as one unit; the schema must come back exactly (fresh connection), and applying the
     * group again must converge.
     */
    static String group(TargetRun t, List<Migration> group) throws SQLException {
        t.requireNotBlocked();
        if (!t.applied().containsAll(group)) {
            throw new TestAbortedException("not run: a migration of the group did not pass its own checks");
        }
        String name = group.get(0).label() + " … " + group.get(group.size() - 1).label();
        List<String> missing = withoutRollback(t, group);
        if (!missing.isEmpty()) {
            throw new AssertionFailedError("group " + name + ": no rollback for " + Lists.capped(missing, 10));
        }
        ThrowawayDatabase db = t.stateAfter(t.applied().indexOf(group.get(0)));
        try {
            SchemaSnapshot before = t.snapshot(db);
            for (Migration m : group) {
                t.apply(db, m.up());
            }
            SchemaSnapshot after = t.snapshot(db);
            for (int i = group.size() - 1; i >= 0; i--) {
                try {
                    t.apply(db, group.get(i).down());
                } catch (DriftgateException e) {
                    throw new AssertionFailedError("group " + name + ": the rollback of " + group.get(i).label()
                            + " fails: " + e.getMessage(), e);
                }
            }
            DiffResult restored = t.compare(before, t.snapshotOnFreshConnection(db));
            if (!restoresExactly(restored)) {
                FrozenValues.failIfOnlyFrozen(restored, "group " + name + ": its rollbacks");
                throw new AssertionFailedError("group " + name + ": its rollbacks, run in reverse, do not restore the "
                        + "schema before it (expected = before the group, actual = after its rollbacks):" + differences(restored));
            }
            for (Migration m : group) {
                t.apply(db, m.up());
            }
            DiffResult again = t.compare(after, t.snapshot(db));
            if (!again.isEmpty()) {
                throw new AssertionFailedError("group " + name + ": applied again after its rollbacks, it does not converge:"
                        + again.summary(20));
            }
            return group.size() + " migrations applied, rolled back in reverse and applied again as one unit";
        } finally {
            t.discard(db);
        }
    }
}
