package dev.driftgate.plan;

import dev.driftgate.diff.DiffResult;
import dev.driftgate.text.SafeText;
import java.util.List;

/** Renders the DDL that repairs a diff, in one dialect. Implementations live in the dialect packages. */
public interface Planner {

    /**
     * The statements that turn the actual schema into the expected one, in an order that respects
     * dependencies. Differences the planner cannot repair are listed in {@link Plan#unplanned()}.
     *
     * @param online prefer forms that do not block writers (concurrent index builds, constraints
     *     added NOT VALID then validated, a lock timeout)
     */
    Plan plan(DiffResult diff, boolean online);

    /**
     * A plan and what it could not cover.
     *
     * @param unplanned one line per difference no statement repairs
     */
    record Plan(List<PlannedStatement> statements, List<String> unplanned) {

        public Plan {
            statements = List.copyOf(statements);
            unplanned = List.copyOf(unplanned);
        }

        /** The plan as a script: statements terminated by semicolons, each after a comment saying why. */
        public String script() {
            StringBuilder out = new StringBuilder();
            for (String line : unplanned) {
                out.append(SafeText.sqlComment("driftgate: cannot plan " + line)).append('\n');
            }
            for (PlannedStatement s : statements) {
                // The reason names objects: as a comment it must stay one line whatever the names hold.
                out.append(SafeText.sqlComment(s.reason())).append('\n').append(s.script()).append('\n');
            }
            return out.toString();
        }
    }
}
