package dev.driftgate.reports;

import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.UnmodelledObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A few lines that say what a snapshot holds: counts per object kind and what was not modelled. */
public final class SnapshotSummary {

    private SnapshotSummary() {}

    /** Object counts by kind, in a fixed order; kinds with no objects are left out. */
    public static Map<String, Integer> counts(SchemaSnapshot snapshot) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int tables = 0;
        int columns = 0;
        int constraints = 0;
        int indexes = 0;
        int triggers = 0;
        int policies = 0;
        int views = 0;
        int sequences = 0;
        int types = 0;
        int routines = 0;
        int events = 0;
        for (Schema schema : snapshot.schemas()) {
            for (Table table : schema.tables()) {
                tables++;
                columns += table.columns().size();
                constraints += table.constraints().size();
                indexes += table.indexes().size();
                triggers += table.triggers().size();
                policies += table.policies().size();
            }
            views += schema.views().size();
            sequences += schema.sequences().size();
            types += schema.types().size();
            routines += schema.routines().size();
            events += schema.events().size();
        }
        put(counts, "schemas", snapshot.schemas().size());
        put(counts, "tables", tables);
        put(counts, "columns", columns);
        put(counts, "constraints", constraints);
        put(counts, "indexes", indexes);
        put(counts, "views", views);
        put(counts, "sequences", sequences);
        put(counts, "types", types);
        put(counts, "routines", routines);
        put(counts, "triggers", triggers);
        put(counts, "policies", policies);
        put(counts, "events", events);
        put(counts, "extensions", snapshot.extensions().size());
        return counts;
    }

    /** One line of counts, then one line listing unmodelled objects by kind, if any. */
    public static String render(SchemaSnapshot snapshot) {
        String line = counts(snapshot).entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        if (snapshot.unmodelled().isEmpty()) {
            return line;
        }
        Map<String, Integer> unmodelled = new TreeMap<>();
        for (UnmodelledObject o : snapshot.unmodelled()) {
            unmodelled.merge(o.kind(), 1, Integer::sum);
        }
        return line + "\nnot modelled (listed in the snapshot, never compared as equal): "
                + unmodelled.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                        .collect(Collectors.joining(", "));
    }

    private static void put(Map<String, Integer> counts, String kind, int count) {
        if (count > 0) {
            counts.put(kind, count);
        }
    }
}
