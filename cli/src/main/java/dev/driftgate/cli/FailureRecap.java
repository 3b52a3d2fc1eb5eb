package dev.driftgate.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.UniqueId;

/**
 * The end of every {@code driftgate test} run: its failures grouped by check, each group counted
 * and capped, each failure on one line led by its first line (the failing statement, where there is
 * one). A history of hundreds of migrations fails in patterns; the recap shows the pattern without
 * scrolling back through megabytes of output.
 */
final class FailureRecap {

    /** Failures listed per check before the rest is counted. */
    private static final int PER_CHECK = 10;
    /** A failure's line is cut here: the full message was printed where it happened. */
    private static final int LINE = 240;

    private final Map<String, List<String>> byCheck = new LinkedHashMap<>();

    /**
     * @param id the failed node
     * @param displayName its display name
     * @param path the path down to it, for the line
     * @param firstLine the first line of its failure
     */
    void add(UniqueId id, String displayName, String path, String firstLine) {
        String line = path + (firstLine.isEmpty() ? "" : ": " + firstLine);
        if (line.length() > LINE) {
            line = line.substring(0, LINE - 1) + "…";
        }
        byCheck.computeIfAbsent(check(id, displayName), k -> new ArrayList<>()).add(line);
    }

    /** The check a node is an instance of: its display name, without what differs per node. */
    private static String check(UniqueId id, String displayName) {
        UniqueId.Segment last = id.getLastSegment();
        return switch (last.getType()) {
            case "scenario" -> "scenario loads";
            case "environment" -> "environment matches (drift)";
            case "group" -> "group rolled back as a unit";
            case "step" -> switch (last.getValue()) {
                case "baseline" -> "baseline applies";
                case "expected" -> "matches the approved snapshot";
                default -> displayName;
            };
            default -> displayName;
        };
    }

    boolean isEmpty() {
        return byCheck.isEmpty();
    }

    void print(PrintWriter out) {
        if (byCheck.isEmpty()) {
            return;
        }
        out.println("Failed, by check:");
        byCheck.forEach((check, lines) -> {
            out.println("  " + check + ": " + lines.size());
            lines.stream().limit(PER_CHECK).forEach(l -> out.println("    ✘ " + l));
            if (lines.size() > PER_CHECK) {
                out.println("    … and " + (lines.size() - PER_CHECK) + " more");
            }
        });
    }
}
