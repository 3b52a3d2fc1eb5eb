package dev.driftgate.gate;

import dev.driftgate.compat.BrokenBy;
import dev.driftgate.compat.ReleaseStatement;
import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.ObjectRef;
import dev.driftgate.diff.Severity;
import dev.driftgate.safety.Hazard;
import dev.driftgate.safety.HazardLevel;
import dev.driftgate.safety.Rule;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Releases;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Expand/contract discipline across the candidates of one change set (DG206): a contract step
 * (a column, table or view dropped or renamed, a type narrowed) on a table the same change set
 * expanded (a column or table added, here or in an earlier candidate) means no release ever runs
 * with both, so the release still running during the migration loses what it reads. Where the
 * previous release's statements are known they decide: a contract step none of them uses is only
 * {@code info}; otherwise the rule's level stands (the static fallback).
 */
final class ExpandContract {

    private ExpandContract() {}

    static List<Hazard> hazards(TargetRun target, Migration migration, SchemaSnapshot before, SchemaSnapshot after,
            List<SqlStatement> statements) {
        HazardLevel level = Rule.CONTRACT_WITH_EXPAND.levelIn(target.safety().levels());
        if (level == HazardLevel.OFF || statements.isEmpty()) {
            return List.of();
        }
        DiffResult own = target.compare(after, before);
        // compare(expected, actual) is the change from actual to expected: the earlier candidates' here.
        DiffResult earlier = target.compare(before, target.baselineSnapshot());
        List<ObjectRef> expanded = new ArrayList<>();
        for (DiffResult diff : List.of(earlier, own)) {
            diff.differences().forEach(d -> {
                if (d.change() instanceof Change.AddColumn || d.change() instanceof Change.AddTable
                        || d.change() instanceof Change.AddView) {
                    expanded.add(d.change().object());
                }
            });
        }
        Releases releases = target.scenario().releases();
        List<ReleaseStatement> previous = releases == null ? List.of() : releases.previous();
        List<Hazard> out = new ArrayList<>();
        for (DiffResult.Difference d : own.differences()) {
            if (!contract(d)) {
                continue;
            }
            ObjectRef gone = d.change().object();
            if (!inBaseline(target.baselineSnapshot(), gone)) {
                continue; // made by this change set: no release before it can use it
            }
            ObjectRef pair = expanded.stream().filter(e -> pairs(e, gone)).findFirst().orElse(null);
            if (pair == null) {
                continue;
            }
            SqlStatement at = statements.stream().filter(s -> BrokenBy.names(s.sql(), gone)).findFirst().orElse(statements.get(0));
            String detail = d.change().kind() + " " + gone + " with " + pair.kind().name().toLowerCase(Locale.ROOT) + " "
                    + pair + " added in the same change set; split: ship the expand step with the release that "
                    + "switches to " + pair.name() + ", and " + migration.label() + " in the next release";
            HazardLevel now = level;
            if (!previous.isEmpty()) {
                long users = previous.stream().filter(p -> BrokenBy.names(p.sql(), gone)).count();
                if (users == 0) {
                    now = HazardLevel.INFO;
                    detail += " (none of the previous release's " + previous.size() + " statements uses it)";
                } else {
                    detail += " (" + users + " of the previous release's statements use it)";
                }
            }
            out.add(new Hazard(Rule.CONTRACT_WITH_EXPAND, now, at.source(), at.line(), at.summary(), detail, null, null));
        }
        return out;
    }

    private static boolean contract(DiffResult.Difference d) {
        Change c = d.change();
        return c instanceof Change.DropColumn || c instanceof Change.DropTable || c instanceof Change.DropView
                || (c instanceof Change.AlterColumn && d.aspects().contains(Aspect.TYPE) && c.severity() == Severity.BREAKING);
    }

    private static boolean inBaseline(SchemaSnapshot baseline, ObjectRef o) {
        return baseline.schema(o.schema()).map(s -> o.table() == null
                ? s.table(o.name()).isPresent() || s.view(o.name()).isPresent()
                : s.table(o.table()).map(t -> t.columns().stream().anyMatch(c -> c.name().equals(o.name()))).orElse(false))
                .orElse(false);
    }

    /** An added column of the same table, or an added table or view (a rename or a replacement). */
    private static boolean pairs(ObjectRef added, ObjectRef gone) {
        if (gone.table() != null) {
            return added.table() != null && added.table().equalsIgnoreCase(gone.table()) && !added.name().equalsIgnoreCase(gone.name());
        }
        return added.table() == null && !added.name().equalsIgnoreCase(gone.name());
    }
}
