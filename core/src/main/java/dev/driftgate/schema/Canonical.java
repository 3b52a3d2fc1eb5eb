package dev.driftgate.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Helpers the model records use in their compact constructors, so that every record is canonical
 * by construction: lists never null, named lists sorted, attribute maps sorted and immutable.
 */
final class Canonical {
    private Canonical() {}

    /** An immutable copy in the given order (used where order carries meaning, such as columns). */
    static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : List.copyOf(items);
    }

    /** An immutable copy sorted by a name (code-point order, so that it never depends on locale). */
    static <T> List<T> sortedBy(List<T> items, Function<T, String> name) {
        if (items == null || items.isEmpty()) {
            return List.of();
        }
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(name, Comparator.nullsFirst(Comparator.naturalOrder())));
        return List.copyOf(copy);
    }

    static List<String> sortedStrings(List<String> items) {
        return sortedBy(items, Function.identity());
    }

    static SortedMap<String, String> attributes(Map<String, String> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return Collections.emptySortedMap();
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
}
