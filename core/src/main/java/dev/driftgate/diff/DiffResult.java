package dev.driftgate.diff;

import dev.driftgate.schema.SchemaSnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The outcome of comparing two snapshots.
 *
 * @param differences what differs and is not suppressed, worst first
 * @param suppressed what differs but an ignore rule suppressed, with the rule
 * @param notCompared objects the model does not describe, on either side
 * @param expected the expected snapshot
 * @param actual the actual snapshot, aligned to the expected one's names where a dialect needs it
 *     (MySQL's single database); planners read dependencies from both
 */
public record DiffResult(List<Difference> differences, List<Suppressed> suppressed, List<Change.NotCompared> notCompared,
        SchemaSnapshot expected, SchemaSnapshot actual) {

    /** A reported difference with the aspects that were not suppressed. */
    public record Difference(Change change, Set<Aspect> aspects) {}

    /** A suppressed difference, or the suppressed aspects of one, with the rule that did it. */
    public record Suppressed(Change change, Set<Aspect> aspects, IgnoreRule rule) {}

    static final Comparator<Change> ORDER = Comparator.comparing(Change::severity)
            .thenComparing(c -> c.object().kind())
            .thenComparing(c -> c.object().path())
            .thenComparing(Change::kind);

    public DiffResult {
        differences = differences.stream().sorted(Comparator.comparing(Difference::change, ORDER)).toList();
        suppressed = suppressed.stream().sorted(Comparator.comparing(Suppressed::change, ORDER)).toList();
        notCompared = notCompared.stream().sorted(ORDER).toList();
    }

    /** Unmodelled objects present on one side only: a difference that cannot be described, never equality. */
    public List<Change.NotCompared> notComparedOnOneSide() {
        return notCompared.stream().filter(n -> !n.side().equals("both")).toList();
    }

    public boolean isEmpty() {
        return differences.isEmpty();
    }

    public long count(Severity severity) {
        return differences.stream().filter(d -> d.change().severity() == severity).count();
    }

    /** The differences as lines ({@code AddColumn column public.t.c: ...}), at most {@code max} of them. */
    public String summary(int max) {
        StringBuilder out = new StringBuilder();
        differences.stream().limit(max).forEach(d -> {
            out.append("\n  ").append(d.change().kind()).append(' ')
                    .append(d.change().object()).append(": ").append(ChangeDetails.describe(d.change(), d.aspects()));
            // What "differs in definition" does not say: the two texts, as a unified diff.
            DefinitionText.of(d.change(), d.aspects()).ifPresent(text -> text.unifiedDiff()
                    .forEach(line -> out.append("\n      ").append(line)));
        });
        if (differences.size() > max) {
            out.append("\n  ... and ").append(differences.size() - max).append(" more");
        }
        return out.toString();
    }
}
