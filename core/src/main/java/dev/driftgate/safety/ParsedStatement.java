package dev.driftgate.safety;

import dev.driftgate.sql.SqlStatement;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;

/**
 * A statement as the rules see it.
 *
 * @param statement where it is and its text
 * @param tree JSqlParser's tree of the prepared text
 * @param flags clauses the dialect removed before parsing ({@code CONCURRENTLY}, {@code NOT VALID})
 */
public record ParsedStatement(SqlStatement statement, Statement tree, Set<String> flags) {

    public boolean has(String flag) {
        return flags.contains(flag);
    }
}
