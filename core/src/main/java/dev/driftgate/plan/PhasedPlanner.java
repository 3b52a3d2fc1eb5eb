package dev.driftgate.plan;

import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.schema.RelationName;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.View;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the dialect planners share: each difference becomes statements filed under a phase, and the
 * plan is the phases in order. Phases order object kinds (tables before their foreign keys, views
 * after tables, drops of dependents before what they depend on); within a phase, views are ordered
 * by the relations each reads, as the snapshots recorded them from the catalog. Where a dialect
 * declares what statements make and need ({@link #declare}), the dependency graph has the last word:
 * a function a column default calls is created before its table, whatever the phases say.
 *
 * @param <P> the dialect's phases, in execution order
 */
public abstract class PhasedPlanner<P extends Enum<P>> implements Planner {

    private final Class<P> phaseType;
    private Map<P, List<PlannedStatement>> phases;
    private Map<PlannedStatement, RelationName> subjects;
    private Map<PlannedStatement, DependencyOrder.Node> nodes;
    private List<String> unplanned;
    private boolean online;
    private DiffResult diff;

    protected PhasedPlanner(Class<P> phaseType) {
        this.phaseType = phaseType;
    }

    @Override
    public final synchronized Plan plan(DiffResult diff, boolean onlineForms) {
        phases = new EnumMap<>(phaseType);
        subjects = new IdentityHashMap<>();
        nodes = new IdentityHashMap<>();
        unplanned = new ArrayList<>();
        online = onlineForms;
        this.diff = diff;
        beforeChanges();
        for (DiffResult.Difference d : diff.differences()) {
            add(d.change(), d.aspects());
        }
        afterChanges();
        List<PlannedStatement> all = new ArrayList<>();
        if (!phases.isEmpty()) {
            all.addAll(preamble());
        }
        for (Map.Entry<P, List<PlannedStatement>> phase : phases.entrySet()) {
            all.addAll(order(phase.getKey(), phase.getValue()));
        }
        return new Plan(DependencyOrder.sort(all, nodes, unplanned::add), unplanned);
    }

    /** Files the statements that repair one difference. */
    protected abstract void add(Change change, Set<Aspect> aspects);

    /** Runs before the first difference is filed: where a dialect resets what it gathers per plan. */
    protected void beforeChanges() {}

    /** Runs once every difference is filed: where a dialect adds what the differences imply together. */
    protected void afterChanges() {}

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

    protected final SchemaSnapshot expected() {
        return diff.expected();
    }

    protected final SchemaSnapshot actual() {
        return diff.actual();
    }

    protected final void emit(P phase, Change change, String sql, boolean transactional) {
        emit(phase, change.kind() + " " + change.object(), sql, transactional, null);
    }

    protected final void emit(P phase, Change change, String sql) {
        emit(phase, change, sql, true);
    }

    /**
     * Files a statement; {@code subject} names the view it drops or creates, so that the phase can
     * be put in dependency order.
     */
    protected final PlannedStatement emit(P phase, String reason, String sql, boolean transactional,
            RelationName subject) {
        PlannedStatement statement = new PlannedStatement(sql, reason, transactional);
        phases.computeIfAbsent(phase, p -> new ArrayList<>()).add(statement);
        if (subject != null) {
            subjects.put(statement, subject);
        }
        return statement;
    }

    /** Files a statement of a change; see {@link #emit(Enum, String, String, boolean, RelationName)}. */
    protected final PlannedStatement emitted(P phase, Change change, String sql) {
        return emit(phase, change.kind() + " " + change.object(), sql, true, null);
    }

    /**
     * Says what a statement makes and what it needs (ids as {@link dev.driftgate.schema.Dependency}
     * writes them; a drop makes {@code drop:<id>}): the plan runs it after the statements making what
     * it needs, whatever their phases. {@code soft} needs are guesses (names found in a routine body
     * the server keeps no record of) and are dropped where they would close a cycle.
     */
    protected final void declare(PlannedStatement statement, Collection<String> makes, Collection<String> needs,
            Collection<String> soft) {
        nodes.put(statement, new DependencyOrder.Node(Set.copyOf(makes), Set.copyOf(needs), Set.copyOf(soft)));
    }

    /** The views that statements of a phase drop or create. */
    protected final Set<RelationName> subjects(P phase) {
        return phases.getOrDefault(phase, List.of()).stream().filter(subjects::containsKey).map(subjects::get)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Records a difference that no statement repairs, so the plan is never claimed complete. */
    protected final void unplanned(String what) {
        unplanned.add(what);
    }

    /** Every view of a snapshot by name. */
    protected static Map<RelationName, View> views(SchemaSnapshot snapshot) {
        Map<RelationName, View> views = new TreeMap<>();
        for (Schema s : snapshot.schemas()) {
            s.views().forEach(v -> views.put(new RelationName(s.name(), v.name()), v));
        }
        return views;
    }

    /** The views that read any of {@code relations}, directly or through other views. */
    protected static Set<RelationName> readersOf(Set<RelationName> relations, SchemaSnapshot snapshot) {
        Map<RelationName, View> views = views(snapshot);
        Set<RelationName> readers = new LinkedHashSet<>();
        Set<RelationName> frontier = new LinkedHashSet<>(relations);
        while (!frontier.isEmpty()) {
            Set<RelationName> next = new LinkedHashSet<>();
            for (Map.Entry<RelationName, View> view : views.entrySet()) {
                if (!readers.contains(view.getKey()) && view.getValue().reads().stream().anyMatch(frontier::contains)) {
                    readers.add(view.getKey());
                    next.add(view.getKey());
                }
            }
            frontier = next;
        }
        return readers;
    }

    /**
     * The statements with views put in dependency order: each view after the views it reads when
     * creating ({@code dropping} false, reads from the expected snapshot), before them when dropping
     * (reads from the actual one). Other statements keep their place ahead of the views. A cycle
     * cannot be ordered: it is reported as unplanned and its views keep the order they were filed in.
     */
    protected final List<PlannedStatement> inDependencyOrder(List<PlannedStatement> statements, boolean dropping) {
        Map<RelationName, View> views = views(dropping ? actual() : expected());
        List<PlannedStatement> out = new ArrayList<>();
        Map<RelationName, List<PlannedStatement>> bySubject = new HashMap<>();
        List<RelationName> pending = new ArrayList<>();
        for (PlannedStatement s : statements) {
            RelationName subject = subjects.get(s);
            if (subject == null) {
                out.add(s);
            } else {
                if (!bySubject.containsKey(subject)) {
                    pending.add(subject);
                }
                bySubject.computeIfAbsent(subject, k -> new ArrayList<>()).add(s);
            }
        }
        List<RelationName> ordered = new ArrayList<>();
        while (!pending.isEmpty()) {
            RelationName ready = pending.stream()
                    .filter(v -> pending.stream().noneMatch(o -> o != v && (dropping
                            ? reads(views.get(o), v) : reads(views.get(v), o))))
                    .findFirst().orElse(null);
            if (ready == null) {
                unplanned("views read each other in a cycle: " + pending.stream().map(RelationName::toString)
                        .collect(Collectors.joining(", ")));
                ordered.addAll(pending);
                break;
            }
            pending.remove(ready);
            ordered.add(ready);
        }
        ordered.forEach(v -> out.addAll(bySubject.get(v)));
        return out;
    }

    private static boolean reads(View view, RelationName relation) {
        return view != null && view.reads().contains(relation);
    }
}
