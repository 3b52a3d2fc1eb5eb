package dev.driftgate.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Puts a plan in dependency order with the least movement: statements keep their order, except
 * that before each one, the statements making what it needs are pulled forward (depth first, each
 * with what it needs in turn). Pulling forward rather than holding back keeps every statement
 * after the ones its phase put before it. Needs that no statement of the plan makes are facts of
 * the database the plan runs on, and are ignored.
 */
final class DependencyOrder {

    /**
     * What one statement makes and needs.
     *
     * @param soft needs that are guesses: a cycle they would close is ignored
     */
    record Node(Set<String> makes, Set<String> needs, Set<String> soft) {}

    private final Map<PlannedStatement, Node> nodes;
    private final Map<String, List<PlannedStatement>> makers = new HashMap<>();
    private final Map<PlannedStatement, Boolean> state = new IdentityHashMap<>(); // false: in progress, true: placed
    private final List<PlannedStatement> out = new ArrayList<>();
    private final Consumer<String> unplanned;

    private DependencyOrder(List<PlannedStatement> statements, Map<PlannedStatement, Node> nodes, Consumer<String> unplanned) {
        this.nodes = nodes;
        this.unplanned = unplanned;
        for (PlannedStatement s : statements) {
            Node node = nodes.get(s);
            if (node != null) {
                node.makes().forEach(id -> makers.computeIfAbsent(id, k -> new ArrayList<>()).add(s));
            }
        }
    }

    /**
     * The statements in dependency order. A true cycle (statements needing each other through
     * records the server keeps) is reported through {@code unplanned}, naming the statements in it,
     * and its statements keep their order.
     */
    static List<PlannedStatement> sort(List<PlannedStatement> statements, Map<PlannedStatement, Node> nodes,
            Consumer<String> unplanned) {
        if (nodes.isEmpty()) {
            return statements;
        }
        DependencyOrder order = new DependencyOrder(statements, nodes, unplanned);
        for (PlannedStatement s : statements) {
            order.place(s, false, new ArrayList<>(), new ArrayList<>());
        }
        return order.out;
    }

    /**
     * Places a statement after what it needs.
     *
     * @param soft whether it is reached through a guessed need
     * @param path the statements being placed, outermost first; {@code softSteps} says which were reached
     *     through a guessed need
     */
    private void place(PlannedStatement s, boolean soft, List<PlannedStatement> path, List<Boolean> softSteps) {
        Boolean done = state.get(s);
        if (done != null) {
            int from = path.indexOf(s);
            boolean guessed = soft || (from >= 0 && softSteps.subList(from + 1, path.size()).contains(true));
            if (!done && !guessed) {
                List<PlannedStatement> cycle = path.subList(from, path.size());
                unplanned.accept("statements depend on each other in a cycle: " + cycle.stream()
                        .map(c -> c.sql().lines().findFirst().orElse("")).collect(Collectors.joining(" -> ")));
            }
            return;
        }
        state.put(s, false);
        path.add(s);
        softSteps.add(soft);
        Node node = nodes.get(s);
        if (node != null) {
            for (String need : node.needs()) {
                for (PlannedStatement maker : makers.getOrDefault(need, List.of())) {
                    if (maker != s) {
                        place(maker, false, path, softSteps);
                    }
                }
            }
            for (String need : node.soft()) {
                for (PlannedStatement maker : makers.getOrDefault(need, List.of())) {
                    if (maker != s) {
                        place(maker, true, path, softSteps);
                    }
                }
            }
        }
        path.remove(path.size() - 1);
        softSteps.remove(softSteps.size() - 1);
        state.put(s, true);
        out.add(s);
    }
}
