package dev.driftgate.diff;

import dev.driftgate.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The ignore rules of one comparison. By default owners, grants, column order and generated
 * constraint and index names are ignored: they differ between environments without changing
 * what clients see. {@link #comparing} turns such a default off.
 */
public final class IgnoreRules {

    /** Aspects ignored unless asked for. */
    public static final Set<Aspect> DEFAULT_IGNORED = Set.of(Aspect.OWNER, Aspect.GRANTS, Aspect.COLUMN_ORDER, Aspect.NAME);

    private final List<IgnoreRule> rules;

    private IgnoreRules(List<IgnoreRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static IgnoreRules defaults() {
        return comparing(Set.of());
    }

    /** The defaults minus those aspects the user wants compared. */
    public static IgnoreRules comparing(Set<Aspect> compared) {
        List<IgnoreRule> rules = new ArrayList<>();
        EnumSet<Aspect> ignored = EnumSet.noneOf(Aspect.class);
        ignored.addAll(DEFAULT_IGNORED);
        ignored.removeAll(compared);
        for (Aspect aspect : ignored) {
            rules.add(new IgnoreRule(null, null, aspect, "default"));
        }
        return new IgnoreRules(rules);
    }

    public IgnoreRules with(List<IgnoreRule> more) {
        List<IgnoreRule> all = new ArrayList<>(rules);
        all.addAll(more);
        return new IgnoreRules(all);
    }

    public List<IgnoreRule> rules() {
        return rules;
    }

    /** Splits changes into reported differences and suppressed ones. */
    DiffResult apply(List<Change> changes, List<Change.NotCompared> notCompared, SchemaSnapshot expected,
            SchemaSnapshot actual) {
        List<DiffResult.Difference> differences = new ArrayList<>();
        List<DiffResult.Suppressed> suppressed = new ArrayList<>();
        for (Change change : changes) {
            IgnoreRule whole = rules.stream().filter(r -> r.aspect() == null && r.matches(change, null)).findFirst()
                    .orElse(null);
            if (whole != null) {
                suppressed.add(new DiffResult.Suppressed(change, change.aspects(), whole));
                continue;
            }
            EnumSet<Aspect> kept = change.aspects().isEmpty() ? EnumSet.noneOf(Aspect.class)
                    : EnumSet.copyOf(change.aspects());
            for (Aspect aspect : change.aspects()) {
                rules.stream().filter(r -> r.aspect() != null && r.matches(change, aspect)).findFirst().ifPresent(r -> {
                    kept.remove(aspect);
                    suppressed.add(new DiffResult.Suppressed(change, Set.of(aspect), r));
                });
            }
            if (change.aspects().isEmpty() || !kept.isEmpty()) {
                differences.add(new DiffResult.Difference(change, Set.copyOf(kept)));
            }
        }
        return new DiffResult(differences, suppressed, notCompared, expected, actual);
    }
}
