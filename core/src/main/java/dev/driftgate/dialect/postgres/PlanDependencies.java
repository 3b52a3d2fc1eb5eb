package dev.driftgate.dialect.postgres;

import dev.driftgate.schema.Dependency;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the PostgreSQL planner needs to know of the dependency graph of the two sides of a diff:
 * what an object to be created needs (the expected side's pg_depend records), what depends on an
 * object to be dropped (the actual side's), and, for routine bodies the server keeps no record of
 * (plpgsql, and SQL bodies written as strings), the routines and relations whose names the body
 * mentions: a guess, used only where it closes no cycle.
 */
final class PlanDependencies {

    private static final Pattern WORD = Pattern.compile("\"((?:[^\"]|\"\")+)\"|([A-Za-z_][A-Za-z0-9_$]*)");

    private final Map<String, List<String>> needs = new HashMap<>();
    private final Map<String, List<String>> dependents = new HashMap<>();
    private final Map<String, List<String>> byName = new HashMap<>();

    PlanDependencies(SchemaSnapshot expected, SchemaSnapshot actual) {
        for (Dependency d : expected.dependencies()) {
            needs.computeIfAbsent(d.dependent(), k -> new ArrayList<>()).add(d.referenced());
        }
        for (Dependency d : actual.dependencies()) {
            dependents.computeIfAbsent(d.referenced(), k -> new ArrayList<>()).add(d.dependent());
        }
        for (Schema s : expected.schemas()) {
            for (Routine r : s.routines()) {
                byName.computeIfAbsent(r.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(Dependency.routine(s.name(), r));
            }
            for (Table t : s.tables()) {
                byName.computeIfAbsent(t.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(Dependency.relation(s.name(), t.name()));
            }
            for (View v : s.views()) {
                byName.computeIfAbsent(v.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(Dependency.relation(s.name(), v.name()));
            }
        }
    }

    /** What the object needs, as the expected side's catalog records it. */
    List<String> needs(String id) {
        return needs.getOrDefault(id, List.of());
    }

    /** The drops that must come before the drop of {@code id}: of what depends on it on the actual side. */
    List<String> dropsBefore(String id) {
        return dependents.getOrDefault(id, List.of()).stream().map(PlanDependencies::drop).toList();
    }

    static String drop(String id) {
        return "drop:" + id;
    }

    /** Routines and relations whose names a body mentions, but {@code self}. */
    Set<String> mentionedIn(String body, String self) {
        Set<String> found = new LinkedHashSet<>();
        if (body == null) {
            return found;
        }
        Matcher m = WORD.matcher(body);
        while (m.find()) {
            String word = (m.group(1) != null ? m.group(1).replace("\"\"", "\"") : m.group(2)).toLowerCase(Locale.ROOT);
            found.addAll(byName.getOrDefault(word, List.of()));
        }
        found.remove(self);
        return found;
    }
}
