package dev.driftgate.reports;

import dev.driftgate.diff.DiffResult;
import dev.driftgate.text.SafeText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Renders a drift scan: a parity matrix (object × environment), then each environment's details. */
public final class DriftReport {

    /**
     * One environment's outcome: a diff against the expected schema, or why there is none.
     *
     * @param source where it was read from, credentials masked
     * @param result the diff, or null when the environment could not be read
     * @param error one line saying why it could not be read, or null
     */
    public record Environment(String name, String source, DiffResult result, String error, long millis,
            String remediation) {

        public Environment(String name, String source, DiffResult result, String error, long millis) {
            this(name, source, result, error, millis, null);
        }

        public String status() {
            if (error != null) {
                return "ERROR";
            }
            return result.isEmpty() ? "in sync" : "DRIFT";
        }
    }

    private DriftReport() {}

    public static String text(List<Environment> environments) {
        StringBuilder out = new StringBuilder("drift scan: ");
        long drifted = environments.stream().filter(e -> e.result() != null && !e.result().isEmpty()).count();
        long failed = environments.stream().filter(e -> e.error() != null).count();
        out.append(environments.size()).append(" environments, ").append(drifted).append(" drifted, ")
                .append(failed).append(" unreadable\n\n");
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
        for (Environment e : environments) {
            if (e.result() != null && !e.result().isEmpty()) {
                out.append("\n== ").append(SafeText.line(e.name())).append(" (").append(SafeText.line(e.source())).append(")\n")
                        .append(DiffReport.text(e.result(), false));
                if (e.remediation() != null) {
                    out.append("\nremediation for ").append(SafeText.line(e.name())).append(":\n").append(e.remediation());
                }
            }
        }
        return out.toString();
    }

    public static String markdown(List<Environment> environments) {
        StringBuilder out = new StringBuilder("### Drift scan\n\n| environment | status | detail |\n|---|---|---|\n");
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
        for (Environment e : environments) {
            if (e.result() != null && !e.result().isEmpty()) {
                out.append("\n<details><summary>").append(SafeText.html(e.name())).append("</summary>\n\n")
                        .append(DiffReport.markdown(e.result()));
                if (e.remediation() != null) {
                    String fence = SafeText.markdownFence(e.remediation());
                    out.append('\n').append(fence).append("sql\n").append(e.remediation()).append(fence).append('\n');
                }
                out.append("\n</details>\n");
            }
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

    /** The environments that drifted or could not be read, for a one-line summary. */
    public static List<String> problems(List<Environment> environments) {
        List<String> out = new ArrayList<>();
        environments.stream().filter(e -> !"in sync".equals(e.status())).forEach(e -> out.add(e.name() + ": " + e.status()));
        return out;
    }
}
