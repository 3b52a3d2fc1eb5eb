package dev.driftgate.reports;

import dev.driftgate.diff.DiffResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A drift scan, grouped: environments whose schemas have the same canonical digest form one group,
 * diffed and reported once, so a fleet of a thousand reads as "997 in sync; 3 drifted in 2 distinct
 * ways" with the members of each way.
 *
 * @param expected where the expected schema came from, credentials masked
 * @param groups the distinct schemas read, in sync ones first, then by size (largest first)
 * @param unreadable the environments that could not be read, in scan order
 * @param shard which part of the inventory this scan covered ({@code 2/4}), or null for all of it
 */
public record DriftFleet(String expected, List<Group> groups, List<Unreadable> unreadable, String shard) {

    /** At most this many environments get a row each and a parity matrix; more are only grouped. */
    public static final int SMALL = 10;

    /**
     * An environment as the inventory names it.
     *
     * @param index its position in the scan (inventory order), so reports keep that order
     * @param source where it was read from, credentials masked
     * @param group the inventory's group, or null
     */
    public record Member(int index, String name, String source, String group, Map<String, String> labels, long millis) {
        public Member {
            labels = labels == null ? Map.of() : Map.copyOf(labels);
        }
    }

    /**
     * One distinct schema and the environments that hold it.
     *
     * @param digest the canonical digest of the schema (SnapshotDigest)
     * @param result its diff against the expected schema
     * @param remediation the DDL that repairs it (with --sql), or null
     */
    public record Group(String digest, DiffResult result, String remediation, List<Member> members) {
        public Group {
            members = members.stream().sorted(Comparator.comparingInt(Member::index)).toList();
        }

        public boolean inSync() {
            return result.isEmpty();
        }
    }

    /** An environment that could not be read, with one line saying why. */
    public record Unreadable(Member member, String error) {}

    public DriftFleet {
        groups = groups.stream().sorted(Comparator.comparing((Group g) -> !g.inSync())
                .thenComparing(g -> -g.members().size()).thenComparing(g -> g.members().get(0).index())).toList();
        unreadable = unreadable.stream().sorted(Comparator.comparingInt(u -> u.member().index())).toList();
    }

    public int size() {
        return groups.stream().mapToInt(g -> g.members().size()).sum() + unreadable.size();
    }

    public List<Group> drifted() {
        return groups.stream().filter(g -> !g.inSync()).toList();
    }

    public int inSyncCount() {
        return groups.stream().filter(Group::inSync).mapToInt(g -> g.members().size()).sum();
    }

    public int driftedCount() {
        return drifted().stream().mapToInt(g -> g.members().size()).sum();
    }

    /** "1000 environments: 997 in sync; 3 drifted in 2 distinct ways; 0 unreadable". */
    public String headline() {
        int ways = drifted().size();
        return size() + " environment" + (size() == 1 ? "" : "s") + ": " + inSyncCount() + " in sync; "
                + driftedCount() + " drifted" + (ways == 0 ? "" : " in " + ways + " distinct way" + (ways == 1 ? "" : "s"))
                + "; " + unreadable.size() + " unreadable";
    }

    /** One row per environment in scan order, for a small fleet's table and parity matrix. */
    public List<DriftReport.Environment> environments() {
        List<DriftReport.Environment> out = new ArrayList<>();
        for (Group g : groups) {
            g.members().forEach(m -> out.add(new DriftReport.Environment(m.name(), m.source(), g.result(), null,
                    m.millis(), g.remediation(), m.index())));
        }
        unreadable.forEach(u -> out.add(new DriftReport.Environment(u.member().name(), u.member().source(), null,
                u.error(), u.member().millis(), null, u.member().index())));
        out.sort(Comparator.comparingInt(DriftReport.Environment::index));
        return out;
    }

    /** The names of a group's members, the first {@code max} of them, and how many more. */
    public static String names(List<Member> members, int max) {
        StringBuilder out = new StringBuilder();
        members.stream().limit(max).forEach(m -> out.append(out.length() == 0 ? "" : ", ").append(m.name()));
        if (members.size() > max) {
            out.append(" and ").append(members.size() - max).append(" more");
        }
        return out.toString();
    }

    /** How a drifted group is titled: its one member's name, or how many share it. */
    public static String label(Group g) {
        return g.members().size() == 1 ? g.members().get(0).name() : g.members().size() + " environments";
    }
}
