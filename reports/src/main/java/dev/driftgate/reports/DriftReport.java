package dev.driftgate.reports;

import dev.driftgate.diff.DiffResult;
import dev.driftgate.schema.SnapshotDigest;
import dev.driftgate.text.SafeText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a drift scan as text or Markdown: a headline that groups the fleet ("997 in sync; 3
 * drifted in 2 distinct ways"), for a small fleet a row per environment and the parity matrix
 * (object × environment), then each distinct drifted schema once with its members. A large fleet
 * gets no matrix: a thousand columns is not a report.
 */
public final class DriftReport {

    /** Names listed per group in text and Markdown; results.json lists them all. */
    static final int NAMES = 12;

    /**
     * One environment's outcome: a diff against the expected schema, or why there is none.
     *
     * @param source where it was read from, credentials masked
     * @param result the diff, or null when the environment could not be read
     * @param error one line saying why it could not be read, or null
     */
    public record Environment(String name, String source, DiffResult result, String error, long millis,
            String remediation, int index) {

        public Environment(String name, String source, DiffResult result, String error, long millis) {
            this(name, source, result, error, millis, null, 0);
        }

        public String status() {
            if (error != null) {
                return "ERROR";
            }
            return result.isEmpty() ? "in sync" : "DRIFT";
        }
    }

    private DriftReport() {}

    public static String text(DriftFleet fleet) {
        StringBuilder out = new StringBuilder("drift scan: ").append(fleet.headline())
                .append(fleet.shard() != null ? " (shard " + fleet.shard() + ")" : "").append("\n\n");
        List<Environment> environments = fleet.environments();
        if (environments.size() <= DriftFleet.SMALL) {
            for (Environment e : environments) {
                out.append(String.format("  %-12s %-8s %6d ms  %s%n", SafeText.line(e.name()), e.status(), e.millis(),
                        e.error() != null ? SafeText.line(e.error()) : DiffReport.verdict(e.result())));
            }
            Map<String, Map<String, String>> matrix = matrix(environments);
            if (!matrix.isEmpty()) {
                out.append("\nparity matrix (change that would bring the environment to the expected schema):\n\n");
                int width = matrix.keySet().stream().mapToInt(String::length).max().orElse(10);
                out.append(String.format("  %-" + width + "s", "object"));
                for (Environment e : environments) {
                    out.append(String.format("  %-18s", SafeText.line(e.name())));
                }
                out.append('\n');
                matrix.forEach((object, cells) -> {
                    out.append(String.format("  %-" + width + "s", object));
                    for (Environment e : environments) {
                        out.append(String.format("  %-18s", cells.getOrDefault(e.name(), e.error() != null ? "?" : "=")));
                    }
                    out.append('\n');
                });
            }
        } else {
            fleet.groups().stream().filter(DriftFleet.Group::inSync).forEach(g -> out.append("in sync (")
                    .append(g.members().size()).append(", schema ").append(SnapshotDigest.shortForm(g.digest()))
                    .append("): ").append(SafeText.line(DriftFleet.names(g.members(), NAMES))).append('\n'));
            if (!fleet.unreadable().isEmpty()) {
                out.append("unreadable (").append(fleet.unreadable().size()).append("):\n");
                fleet.unreadable().stream().limit(NAMES).forEach(u -> out.append("  ").append(SafeText.line(u.member().name()))
                        .append(": ").append(SafeText.line(u.error())).append('\n'));
                if (fleet.unreadable().size() > NAMES) {
                    out.append("  ... and ").append(fleet.unreadable().size() - NAMES).append(" more\n");
                }
            }
        }
        List<DriftFleet.Group> drifted = fleet.drifted();
        for (int i = 0; i < drifted.size(); i++) {
            DriftFleet.Group g = drifted.get(i);
            out.append("\n== drift ").append(i + 1).append(" of ").append(drifted.size()).append(": ")
                    .append(g.members().size()).append(g.members().size() == 1 ? " environment" : " environments")
                    .append(" (schema ").append(SnapshotDigest.shortForm(g.digest())).append("): ")
                    .append(SafeText.line(DriftFleet.names(g.members(), NAMES))).append('\n');
            if (g.members().size() == 1) {
                out.append("   ").append(SafeText.line(g.members().get(0).source())).append('\n');
            }
            out.append(DiffReport.text(g.result(), false));
            if (g.remediation() != null) {
                out.append("\nremediation for ").append(SafeText.line(DriftFleet.label(g))).append(":\n")
                        .append(g.remediation());
            }
        }
        return out.toString();
    }

    public static String markdown(DriftFleet fleet) {
        StringBuilder out = new StringBuilder("### Drift scan\n\n**").append(SafeText.markdown(fleet.headline()))
                .append("**").append(fleet.shard() != null ? " (shard " + fleet.shard() + ")" : "").append("\n\n");
        List<Environment> environments = fleet.environments();
        if (environments.size() <= DriftFleet.SMALL) {
            out.append("| environment | status | detail |\n|---|---|---|\n");
            for (Environment e : environments) {
                out.append("| ").append(SafeText.markdown(e.name())).append(" | ").append(e.status()).append(" | ")
                        .append(SafeText.markdown(e.error() != null ? e.error() : DiffReport.verdict(e.result())))
                        .append(" |\n");
            }
            Map<String, Map<String, String>> matrix = matrix(environments);
            if (!matrix.isEmpty()) {
                out.append("\n| object |");
                environments.forEach(e -> out.append(' ').append(SafeText.markdown(e.name())).append(" |"));
                out.append("\n|---|");
                environments.forEach(e -> out.append("---|"));
                out.append('\n');
                matrix.forEach((object, cells) -> {
                    out.append("| ").append(SafeText.markdownCode(object)).append(" |");
                    environments.forEach(e -> out.append(' ')
                            .append(cells.getOrDefault(e.name(), e.error() != null ? "?" : "=")).append(" |"));
                    out.append('\n');
                });
            }
        } else {
            out.append("| group | environments | members |\n|---|---|---|\n");
            fleet.groups().stream().filter(DriftFleet.Group::inSync).forEach(g -> out.append("| in sync (")
                    .append(SafeText.markdownCode(SnapshotDigest.shortForm(g.digest()))).append(") | ")
                    .append(g.members().size()).append(" | ")
                    .append(SafeText.markdown(DriftFleet.names(g.members(), NAMES))).append(" |\n"));
            List<DriftFleet.Group> drifted = fleet.drifted();
            for (int i = 0; i < drifted.size(); i++) {
                DriftFleet.Group g = drifted.get(i);
                out.append("| drift ").append(i + 1).append(" (").append(SafeText.markdownCode(SnapshotDigest.shortForm(g.digest())))
                        .append(") | ").append(g.members().size()).append(" | ")
                        .append(SafeText.markdown(DriftFleet.names(g.members(), NAMES))).append(" |\n");
            }
            if (!fleet.unreadable().isEmpty()) {
                out.append("| unreadable | ").append(fleet.unreadable().size()).append(" | ")
                        .append(SafeText.markdown(DriftFleet.names(fleet.unreadable().stream().map(DriftFleet.Unreadable::member)
                                .toList(), NAMES))).append(" |\n");
            }
        }
        List<DriftFleet.Group> drifted = fleet.drifted();
        for (int i = 0; i < drifted.size(); i++) {
            DriftFleet.Group g = drifted.get(i);
            out.append("\n<details><summary>drift ").append(i + 1).append(": ")
                    .append(SafeText.html(DriftFleet.names(g.members(), NAMES))).append("</summary>\n\n")
                    .append(DiffReport.markdown(g.result()));
            if (g.remediation() != null) {
                String fence = SafeText.markdownFence(g.remediation());
                out.append('\n').append(fence).append("sql\n").append(g.remediation()).append(fence).append('\n');
            }
            out.append("\n</details>\n");
        }
        if (environments.size() > DriftFleet.SMALL && !fleet.unreadable().isEmpty()) {
            out.append("\n<details><summary>unreadable</summary>\n\n");
            fleet.unreadable().stream().limit(NAMES).forEach(u -> out.append("- ").append(SafeText.markdown(u.member().name()))
                    .append(": ").append(SafeText.markdown(u.error())).append('\n'));
            out.append("\n</details>\n");
        }
        return out.toString();
    }

    /** object → environment → change kind, over every reported difference. */
    static Map<String, Map<String, String>> matrix(List<Environment> environments) {
        Map<String, Map<String, String>> matrix = new TreeMap<>();
        for (Environment e : environments) {
            if (e.result() == null) {
                continue;
            }
            for (DiffResult.Difference d : e.result().differences()) {
                matrix.computeIfAbsent(d.change().object().toString(), k -> new LinkedHashMap<>())
                        .merge(e.name(), d.change().kind(), (a, b) -> a + "+" + b);
            }
        }
        return matrix;
    }
}
