package dev.driftgate.gate;

import dev.driftgate.diff.DefinitionText;
import dev.driftgate.diff.DiffResult;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Definitions that hold a volatile value frozen at creation: a view or default with {@code 'now'}
 * or {@code now()} cast to a constant when it was parsed. Every re-creation holds another value,
 * so no rollback or re-apply can bring back the same text; that is a finding of its own (the
 * object keeps the time it was created at), not a rollback that fails to restore.
 */
final class FrozenValues {

    private FrozenValues() {}

    /** The finding's stable code: reports and documentation refer to it. */
    static final String CODE = "DG901";

    private record Frozen(DiffResult.Difference difference, List<String> literals) {}

    private static List<Frozen> in(DiffResult diff) {
        List<Frozen> out = new ArrayList<>();
        for (DiffResult.Difference d : diff.differences()) {
            DefinitionText.of(d.change(), d.aspects()).ifPresent(text -> {
                List<String> literals = text.frozenLiterals();
                if (!literals.isEmpty()) {
                    out.add(new Frozen(d, literals));
                }
            });
        }
        return out;
    }

    /**
     * When every difference is a frozen value: fails with that finding instead of the generic
     * "does not restore"/"does not converge", saying which step could not match.
     *
     * @param step what compared, e.g. "the rollback of 2 recent"
     */
    static void failIfOnlyFrozen(DiffResult diff, String step) {
        List<Frozen> frozen = in(diff);
        if (!frozen.isEmpty() && frozen.size() == diff.differences().size() && diff.notComparedOnOneSide().isEmpty()) {
            throw new AssertionFailedError(CODE + " volatile value frozen into a definition: " + describe(frozen)
                    + ". Each was computed once, when the object was created ('now', now() or CURRENT_DATE cast to a "
                    + "constant), so every re-creation holds another value and " + step + " cannot match it exactly; "
                    + "this is not a rollback defect, but the object keeps the time it was created at (to follow the "
                    + "clock, call now() in it instead of casting a value)");
        }
    }

    /** A line naming the frozen values among other differences, or "". */
    static String note(DiffResult diff) {
        List<Frozen> frozen = in(diff);
        return frozen.isEmpty() ? "" : "\n  " + CODE + " of these, only a volatile value frozen at creation differs in: "
                + describe(frozen);
    }

    private static String describe(List<Frozen> frozen) {
        List<String> parts = new ArrayList<>();
        for (Frozen f : frozen) {
            parts.add(f.difference().change().object() + " holds " + String.join(", ", f.literals()));
        }
        return String.join("; ", parts);
    }
}
