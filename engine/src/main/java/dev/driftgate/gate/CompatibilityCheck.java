package dev.driftgate.gate;

import dev.driftgate.compat.BrokenBy;
import dev.driftgate.compat.InsertDefaults;
import dev.driftgate.compat.PrepareCheck;
import dev.driftgate.compat.ReleaseStatement;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.safety.Hazard;
import dev.driftgate.safety.HazardLevel;
import dev.driftgate.safety.Rule;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Releases;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.sql.SqlStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.opentest4j.AssertionFailedError;

/**
 * The compatibility step of one candidate (docs/zero-downtime.md): on the state right after it,
 * the previous release's statements must still prepare (it runs until the new release replaces
 * it), and after the last candidate the new release's statements must prepare too. A statement
 * already refused on the state before the candidate is not this candidate's doing: it is listed,
 * not failed.
 */
final class CompatibilityCheck {

    private CompatibilityCheck() {}

    /** The previous release's statements the server refuses on a database, the state before a candidate. */
    static Set<ReleaseStatement> refused(TargetRun target, ThrowawayDatabase db) throws SQLException {
        Releases releases = target.scenario().releases();
        Set<ReleaseStatement> out = new LinkedHashSet<>();
        target.onConnection(db, c -> PrepareCheck.refusals(c, target.scenario().dialect(), releases.previous()))
                .forEach(r -> out.add(r.statement()));
        return out;
    }

    static String run(TargetRun target, Migration migration, ThrowawayDatabase work, SchemaSnapshot before,
            SchemaSnapshot after, Set<ReleaseStatement> refusedBefore, Consumer<List<Hazard>> publish) throws SQLException {
        Dialect dialect = target.scenario().dialect();
        Releases releases = target.scenario().releases();
        List<Migration> candidates = target.scenario().candidates();
        boolean last = candidates.get(candidates.size() - 1).equals(migration);
        long start = System.nanoTime();
        List<PrepareCheck.Refusal> previous = new ArrayList<>(target.onConnection(work,
                c -> PrepareCheck.refusals(c, dialect, releases.previous())));
        List<PrepareCheck.Refusal> next = last ? new ArrayList<>(target.onConnection(work,
                c -> PrepareCheck.refusals(c, dialect, releases.next()))) : new ArrayList<>();
        Set<ReleaseStatement> refusedNow = new LinkedHashSet<>();
        previous.forEach(r -> refusedNow.add(r.statement()));
        target.previousRefused(refusedNow);
        // PREPARE does not see an INSERT that leaves out a column now NOT NULL without a default.
        previous.addAll(InsertDefaults.refusals(releases.previous().stream().filter(s -> !refusedNow.contains(s)).toList(),
                before, after));
        if (last) {
            Set<ReleaseStatement> refusedNext = new LinkedHashSet<>();
            next.forEach(r -> refusedNext.add(r.statement()));
            next.addAll(InsertDefaults.refusals(releases.next().stream().filter(s -> !refusedNext.contains(s)).toList(),
                    target.baselineSnapshot(), after));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;

        List<PrepareCheck.Refusal> broken = previous.stream().filter(r -> !refusedBefore.contains(r.statement())).toList();
        List<PrepareCheck.Refusal> already = previous.stream().filter(r -> refusedBefore.contains(r.statement())).toList();
        DiffResult changes = target.compare(after, before);
        List<SqlStatement> statements = migration.up().statements(dialect);
        List<Hazard> hazards = new ArrayList<>();
        StringBuilder details = new StringBuilder();
        HazardLevel level = Rule.CONTRACT_WHILE_READ.levelIn(target.safety().levels());
        for (PrepareCheck.Refusal r : broken) {
            List<String> by = BrokenBy.explain(r, changes, statements, dialect.schemaIsDatabase());
            details.append(describe("previous release", r, by));
            if (!by.isEmpty() && level != HazardLevel.OFF) {
                SqlStatement at = culpritStatement(by, statements);
                hazards.add(new Hazard(Rule.CONTRACT_WHILE_READ, level, at.source(), at.line(), at.summary(),
                        "the previous release's " + r.statement().origin() + " (" + r.statement().summary() + "): "
                                + r.message() + "; split: ship " + migration.label() + " one release after the code "
                                + "that stops using it", null, null));
            }
        }
        for (PrepareCheck.Refusal r : next) {
            details.append(describe("new release", r, BrokenBy.explain(r, target.compare(after, target.baselineSnapshot()),
                    statements, dialect.schemaIsDatabase())));
        }
        publish.accept(hazards);
        boolean checksNext = last && !releases.next().isEmpty();
        if (!broken.isEmpty() || !next.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!broken.isEmpty()) {
                parts.add(count(broken.size(), releases.previous().size(), "previous"));
            }
            if (!next.isEmpty()) {
                parts.add(count(next.size(), releases.next().size(), "new"));
            }
            throw new AssertionFailedError(migration.label() + ": " + String.join(" and ", parts)
                    + " do not prepare on the state after it:" + details + notes(already, releases));
        }
        return count(releases.previous().size(), releases.previous().size(), "previous")
                + (checksNext ? ", " + count(releases.next().size(), releases.next().size(), "new") : "")
                + " prepare on the state after it (" + millis + " ms)" + (last || releases.next().isEmpty() ? ""
                : "; the new release's statements are checked after the last candidate") + notes(already, releases);
    }

    /** {@code 2 of the previous release's 3 statements}. */
    private static String count(int n, int of, String release) {
        return (n == of ? "all " : n + " of ") + "the " + release + " release's " + of + " statement" + (of == 1 ? "" : "s");
    }

    private static String describe(String release, PrepareCheck.Refusal r, List<String> by) {
        StringBuilder out = new StringBuilder("\n  ").append(release).append(' ').append(r.statement().origin()).append(": ")
                .append(r.statement().summary()).append("\n    server: ").append(r.message());
        if (by.isEmpty()) {
            out.append("\n    broken by: no change of this migration names what it uses");
        }
        by.forEach(b -> out.append("\n    broken by: ").append(b));
        return out.toString();
    }

    /** The migration statement the first explanation names ({@code …, by file:line: …}), else the first statement. */
    private static SqlStatement culpritStatement(List<String> by, List<SqlStatement> statements) {
        for (SqlStatement s : statements) {
            if (by.get(0).contains(", by " + s.location() + ":")) {
                return s;
            }
        }
        return statements.get(0);
    }

    private static String notes(List<PrepareCheck.Refusal> already, Releases releases) {
        StringBuilder out = new StringBuilder();
        if (!already.isEmpty()) {
            out.append("\n  refused already before this migration (not its doing): ").append(already.size());
            already.stream().limit(5).forEach(r -> out.append("\n    ").append(r.statement().origin()).append(": ")
                    .append(r.message()));
        }
        releases.skipped().forEach(s -> out.append("\n  skipped: ").append(s));
        return out.toString();
    }
}
