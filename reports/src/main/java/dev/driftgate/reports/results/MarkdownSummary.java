package dev.driftgate.reports.results;

import dev.driftgate.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The merge-request summary: the verdict first, then one table per scenario and target with a
 * row per candidate migration, then what needs an extra approval, then the details, collapsed.
 * Details are cut, with a link to the full report, where the note would pass the size limit.
 */
public final class MarkdownSummary {

    /** Finds the note again on the next pipeline: it is updated in place, not posted twice. */
    public static final String MARKER = "<!-- driftgate:summary -->";
    /** GitHub takes 65,536 characters in a comment, GitLab a million: the smaller, with room to spare. */
    public static final int DEFAULT_LIMIT = 60_000;

    private static final List<String> COLUMNS = List.of("apply", "rollback", "data", "reapply", "partial-failure", "online-safety");
    /**
     * Steps only some scenarios have (zero-downtime: docs/zero-downtime.md), with their headers: a
     * column appears for a target whose checks include the step, so other tables keep their shape.
     */
    private static final List<Map.Entry<String, String>> OPTIONAL_COLUMNS = List.of(
            Map.entry("compatibility", "releases compatible"), Map.entry("restore", "backup restores"));
    private static final Set<String> APPROVAL_GROUPS = Set.of("destructive", "backward-incompatible");

    private MarkdownSummary() {}

    /**
     * @param reportUrl where the full report is (an Allure or CI artifact link), or null
     * @param limit the most characters the note may have
     */
    public static String render(RunResults run, String reportUrl, int limit) {
        long failed = run.count("failed");
        long passed = run.count("passed");
        long skipped = run.count("skipped");
        StringBuilder head = new StringBuilder(MARKER).append('\n');
        head.append(failed == 0 ? "### ✅ driftgate: every check passed" : "### ❌ driftgate: " + failed + " check"
                + (failed == 1 ? "" : "s") + " failed").append('\n').append('\n');
        long hazardCount = run.hazards().stream().filter(RunResults.HazardEntry::counts).count();
        head.append(passed).append(" passed · ").append(failed).append(" failed · ").append(skipped)
                .append(" not applicable · ").append(hazardCount).append(" online-safety hazard").append(hazardCount == 1 ? "" : "s")
                .append(run.commit() == null ? "" : " · commit `" + run.commit().substring(0, Math.min(12, run.commit().length())) + "`")
                .append('\n');

        StringBuilder tables = new StringBuilder();
        for (Map.Entry<String, List<RunResults.CheckResult>> target : byTarget(run).entrySet()) {
            tables.append("\n#### ").append(escape(target.getKey())).append("\n\n");
            List<Map.Entry<String, String>> present = OPTIONAL_COLUMNS.stream()
                    .filter(step -> target.getValue().stream().anyMatch(c -> step.getKey().equals(c.step()))).toList();
            List<String> optional = present.stream().map(Map.Entry::getKey).toList();
            tables.append("| migration | applies | rollback | rows | re-apply | partial failure | safety |");
            present.forEach(step -> tables.append(' ').append(step.getValue()).append(" |"));
            tables.append("\n|---|:-:|:-:|:-:|:-:|:-:|---|");
            optional.forEach(step -> tables.append("---|"));
            tables.append('\n');
            Map<String, List<RunResults.CheckResult>> byMigration = new LinkedHashMap<>();
            List<RunResults.CheckResult> targetChecks = new ArrayList<>();
            for (RunResults.CheckResult c : target.getValue()) {
                if (c.migration() != null) {
                    byMigration.computeIfAbsent(c.migrationLabel() == null ? c.migration() : c.migrationLabel(),
                            k -> new ArrayList<>()).add(c);
                } else {
                    targetChecks.add(c);
                }
            }
            byMigration.forEach((label, checks) -> {
                tables.append("| ").append(escape(label));
                List<String> columns = new ArrayList<>(COLUMNS);
                columns.addAll(optional);
                for (String column : columns) {
                    RunResults.CheckResult c = checks.stream().filter(x -> column.equals(x.step())).findFirst().orElse(null);
                    // Steps that publish hazards show their codes beside the outcome.
                    tables.append(" | ").append(column.equals("online-safety") || column.equals("compatibility") ? safety(c) : symbol(c));
                }
                tables.append(" |\n");
            });
            for (RunResults.CheckResult c : targetChecks) {
                if (!c.passed()) {
                    tables.append("\n").append(symbol(c)).append(" ").append(escape(c.name()));
                }
            }
            if (targetChecks.stream().anyMatch(c -> !c.passed())) {
                tables.append('\n');
            }
            long ok = targetChecks.stream().filter(RunResults.CheckResult::passed).count();
            if (ok > 0) {
                tables.append("\n✅ ").append(ok).append(" target-level check").append(ok == 1 ? "" : "s")
                        .append(" (baseline, chain rollback, expected schema, drift) passed\n");
            }
        }

        StringBuilder approval = new StringBuilder();
        Map<String, List<String>> needs = new LinkedHashMap<>();
        for (RunResults.CheckResult c : run.checks()) {
            if (c.hazards() == null) {
                continue;
            }
            for (RunResults.HazardEntry h : c.hazards()) {
                if (h.counts() && APPROVAL_GROUPS.contains(h.group())) {
                    needs.computeIfAbsent(h.file(), k -> new ArrayList<>()).add(h.code() + " " + h.title());
                }
            }
        }
        if (!needs.isEmpty()) {
            approval.append("\n#### Needs an extra approval (destructive or breaking)\n\n");
            needs.forEach((file, what) -> approval.append("- ").append(SafeText.markdownCode(file)).append(": ")
                    .append(escape(String.join("; ", what.stream().distinct().toList()))).append('\n'));
        }

        StringBuilder details = new StringBuilder();
        for (RunResults.CheckResult c : run.checks()) {
            if (c.failed()) {
                String message = SafeText.lines(c.message());
                String fence = SafeText.markdownFence(message);
                details.append("\n<details><summary>❌ ").append(SafeText.html(path(c))).append("</summary>\n\n")
                        .append(fence).append('\n').append(message).append('\n').append(fence).append("\n</details>\n");
            }
        }
        List<RunResults.HazardEntry> hazards = run.hazards().stream().filter(RunResults.HazardEntry::counts).toList();
        if (!hazards.isEmpty()) {
            details.append("\n<details><summary>Online-safety hazards (").append(hazards.size()).append(")</summary>\n\n")
                    .append("| code | level | where | what |\n|---|---|---|---|\n");
            for (RunResults.HazardEntry h : hazards) {
                details.append("| `").append(h.code()).append("` | ").append(h.level()).append(" | ")
                        .append(SafeText.markdownCode(h.file() + ":" + h.line())).append(" | ").append(escape(h.title()))
                        .append(h.detail() == null ? "" : " (" + escape(h.detail()) + ")")
                        .append(h.observed() == null ? "" : " — observed: " + escape(h.observed())).append(" |\n");
            }
            details.append("</details>\n");
        }

        String body = head.toString() + tables + approval;
        String footer = reportUrl == null ? "" : "\n[Full report](" + reportUrl + ")\n";
        if (body.length() + details.length() + footer.length() <= limit) {
            return body + details + footer;
        }
        String cut = "\n_Details cut to stay within " + limit + " characters"
                + (reportUrl == null ? "; see the job's artifacts._\n" : ": [full report](" + reportUrl + ")._\n");
        int room = limit - body.length() - cut.length();
        if (room < 0) {
            return body.substring(0, Math.max(0, limit - cut.length())) + cut;
        }
        String kept = details.substring(0, Math.min(room, details.length()));
        int lastComplete = kept.lastIndexOf("</details>\n");
        return body + (lastComplete < 0 ? "" : kept.substring(0, lastComplete + "</details>\n".length())) + cut;
    }

    private static Map<String, List<RunResults.CheckResult>> byTarget(RunResults run) {
        Map<String, List<RunResults.CheckResult>> out = new LinkedHashMap<>();
        for (RunResults.CheckResult c : run.checks()) {
            String key = (c.scenario() == null ? "?" : c.scenario()) + (c.target() == null ? "" : " · " + c.target());
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        return out;
    }

    private static String symbol(RunResults.CheckResult c) {
        if (c == null) {
            return "·";
        }
        return switch (c.status()) {
            case "passed" -> "✅";
            case "failed" -> "❌";
            default -> "➖";
        };
    }

    private static String safety(RunResults.CheckResult c) {
        if (c == null) {
            return "·";
        }
        List<RunResults.HazardEntry> hs = c.hazards() == null ? List.of()
                : c.hazards().stream().filter(RunResults.HazardEntry::counts).toList();
        if (hs.isEmpty()) {
            return symbol(c);
        }
        // Passed, but with hazards below the failing level: a reviewer should still look.
        String mark = c.passed() && hs.stream().anyMatch(h -> !"info".equals(h.level())) ? "⚠️" : symbol(c);
        return mark + " " + String.join(" ", hs.stream().map(RunResults.HazardEntry::code).distinct().toList());
    }

    private static String path(RunResults.CheckResult c) {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {c.scenario(), c.target(), c.migrationLabel(), c.name()}) {
            if (p != null) {
                parts.add(p);
            }
        }
        return String.join(" › ", parts);
    }

    private static String escape(String text) {
        return SafeText.markdown(text);
    }
}
