package dev.driftgate.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;

/**
 * Which columns an UPDATE backfills: gives every row, or every row where the column is NULL, a
 * value that is not NULL. A later NOT NULL on such a column cannot fail on the rows that existed
 * (rows written concurrently in between aside, which a migration's transaction or lock excludes).
 */
public final class Backfills {

    private Backfills() {}

    /** Records the columns the statement backfills in the migration's state. */
    public static void record(Update update, MigrationState migration) {
        String table = update.getTable().getFullyQualifiedName();
        columns(update).forEach(c -> migration.backfilled(table, c));
    }

    static List<String> columns(Update update) {
        List<String> out = new ArrayList<>();
        if (update.getUpdateSets() == null) {
            return out;
        }
        String where = update.getWhere() == null ? null : update.getWhere().toString();
        for (UpdateSet set : update.getUpdateSets()) {
            for (int i = 0; i < set.getColumns().size(); i++) {
                String column = set.getColumn(i).getColumnName();
                boolean nullValue = set.getValues() != null && set.getValues().size() > i
                        && set.getValue(i) instanceof NullValue;
                if (!nullValue && (where == null || onlyNullRows(where, column))) {
                    out.add(column);
                }
            }
        }
        return out;
    }

    /** {@code WHERE col IS NULL} (qualified or quoted): exactly the rows a NOT NULL would refuse. */
    private static boolean onlyNullRows(String where, String column) {
        String bare = MigrationState.key(column);
        String w = where.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT).strip();
        return Pattern.compile("^(\\w+\\.)*" + Pattern.quote(bare) + "\\s+is\\s+null$").matcher(w).matches();
    }
}
