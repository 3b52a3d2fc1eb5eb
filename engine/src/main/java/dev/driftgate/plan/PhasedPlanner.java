package dev.driftgate.plan;

import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.DiffResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the dialect planners share: each difference becomes statements filed under a phase, and the
 * plan is the phases in order. Phases stand in for a dependency graph: what depends on others is
 * dropped in an early phase and created in a late one.
 *
 * @param <P> the dialect's phases, in execution order
 */
public abstract class PhasedPlanner<P extends Enum<P>> implements Planner {

    private final Class<P> phaseType;
    private Map<P, List<PlannedStatement>> phases;
    private List<String> unplanned;
    private boolean online;

    protected PhasedPlanner(Class<P> phaseType) {
        this.phaseType = phaseType;
    }

    @Override
    public final synchronized Plan plan(DiffResult diff, boolean onlineForms) {
        phases = new EnumMap<>(phaseType);
        unplanned = new ArrayList<>();
        online = onlineForms;
        for (DiffResult.Difference d : diff.differences()) {
            add(d.change(), d.aspects());
        }
        List<PlannedStatement> all = new ArrayList<>();
        if (!phases.isEmpty()) {
            all.addAll(preamble());
        }
        for (Map.Entry<P, List<PlannedStatement>> phase : phases.entrySet()) {
            all.addAll(order(phase.getKey(), phase.getValue()));
        }
        return new Plan(all, unplanned);
    }

    /** Files the statements that repair one difference. */
    protected abstract void add(Change change, Set<Aspect> aspects);

    /** Statements that open a non-empty plan (a lock timeout, say). */
    protected List<PlannedStatement> preamble() {
        return List.of();
    }

    /** The statements of one phase in the order they run; as filed unless a dialect knows better. */
    protected List<PlannedStatement> order(P phase, List<PlannedStatement> statements) {
        return statements;
    }

    protected final boolean online() {
        return online;
    }

    protected final void emit(P phase, Change change, String sql, boolean transactional) {
        phases.computeIfAbsent(phase, p -> new ArrayList<>())
                .add(new PlannedStatement(sql, change.kind() + " " + change.object(), transactional));
    }

    protected final void emit(P phase, Change change, String sql) {
        emit(phase, change, sql, true);
    }

    /** Records a difference that no statement repairs, so the plan is never claimed complete. */
    protected final void unplanned(String what) {
        unplanned.add(what);
    }
}
