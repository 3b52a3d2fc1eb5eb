package dev.driftgate.scenario;

import dev.driftgate.dialect.Dialect;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * One migration of a history: its version, name, forward script and, where the layout has one,
 * its rollback.
 *
 * @param version the version as the file names it ({@code 3}, {@code 20240101120000}, {@code 1.2});
 *     null for a Flyway repeatable migration
 * @param down the rollback script, or null when the history has none for this migration
 */
public record Migration(String version, String name, Script up, Script down) {

    /** Versions compared as the tools do: numerically part by part ({@code 1.10} after {@code 1.9}). */
    public static final Comparator<String> VERSION_ORDER = Migration::compareVersions;

    /**
     * True when the history has a rollback for the migration. An empty one (blank lines and
     * comments only) counts: it is the history saying there is nothing to undo, and is checked as
     * a rollback that does nothing.
     */
    public boolean hasRollback() {
        return down != null;
    }

    /** True when the rollback is there but has no statement: "nothing to undo". */
    public boolean emptyRollback(Dialect dialect) {
        return down != null && down.isBlank(dialect);
    }

    public boolean repeatable() {
        return version == null;
    }

    /** How reports name it: {@code V3__add_status} style, version and name. */
    public String label() {
        return (version == null ? "R" : version) + " " + name;
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("[._]");
        String[] y = b.split("[._]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "0";
            String q = i < y.length ? y[i] : "0";
            int c = p.matches("\\d+") && q.matches("\\d+")
                    ? new BigInteger(p).compareTo(new BigInteger(q)) : p.compareTo(q);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
