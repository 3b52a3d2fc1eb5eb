package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import java.util.Map;

/**
 * {@code --shard I/N} of a drift scan: environment k (0-based, inventory order) belongs to shard
 * {@code k % N + 1}, so every shard gets a share of every part of the inventory. Without the option,
 * GitLab's {@code parallel:} variables choose it.
 */
final class Shards {

    private Shards() {}

    /** {index, total}, or null for the whole fleet. */
    static int[] of(String option, Map<String, String> env) {
        String spec = option;
        String from = "--shard";
        if (spec == null && env.get("CI_NODE_INDEX") != null && env.get("CI_NODE_TOTAL") != null) {
            spec = env.get("CI_NODE_INDEX") + "/" + env.get("CI_NODE_TOTAL");
            from = "CI_NODE_INDEX/CI_NODE_TOTAL";
        }
        if (spec == null) {
            return null;
        }
        String[] parts = spec.trim().split("/", -1);
        try {
            if (parts.length == 2) {
                int index = Integer.parseInt(parts[0].trim());
                int total = Integer.parseInt(parts[1].trim());
                if (total >= 1 && index >= 1 && index <= total) {
                    return total == 1 ? null : new int[] {index, total};
                }
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new DriftgateException(from + " " + spec + ": expected I/N with 1 <= I <= N, e.g. 2/4");
    }

    static boolean mine(int index, int[] part) {
        return part == null || index % part[1] == part[0] - 1;
    }
}
