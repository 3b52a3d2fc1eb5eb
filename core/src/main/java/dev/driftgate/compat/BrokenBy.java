package dev.driftgate.compat;

import dev.driftgate.diff.Change;
import dev.driftgate.diff.ChangeDetails;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.ObjectKind;
import dev.driftgate.diff.ObjectRef;
import dev.driftgate.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which change of a migration broke a statement the server no longer prepares: the changes between
 * the states before and after it whose object the statement names (a dropped or renamed column of
 * a table it names, a dropped table or view, a changed column type), each with the migration
 * statement that names the object.
 */
public final class BrokenBy {

    private static final Pattern IDENTIFIER = Pattern.compile("\"((?:[^\"]|\"\")+)\"|`((?:[^`]|``)+)`|([A-Za-z_][A-Za-z0-9_$]*)");

    private static final Pattern CHANGES = Pattern.compile("(?i)^\\s*(alter|drop|rename)\\b");

    private BrokenBy() {}

    /** One line per change that explains the refusal; empty when no change names what the statement uses. */
    /**
     * @param schemaIsDatabase MySQL/MariaDB: the schema is the (throwaway) database, whose name
     *     says nothing to the reader, so objects are named without it
     */
    public static List<String> explain(PrepareCheck.Refusal refusal, DiffResult changes, List<SqlStatement> migration,
            boolean schemaIsDatabase) {
        // A statement that prepares but cannot succeed names the column it fails on itself.
        Set<String> names = refusal.column() != null ? Set.of(lower(refusal.table()), lower(refusal.column()))
                : identifiers(refusal.statement().sql());
        List<String> out = new ArrayList<>();
        for (DiffResult.Difference d : changes.differences()) {
            Change change = d.change();
            boolean added = refusal.column() != null && change instanceof Change.AddColumn;
            if (!(added || change instanceof Change.DropColumn || change instanceof Change.AlterColumn
                    || change instanceof Change.DropTable || change instanceof Change.DropView
                    || change instanceof Change.ReplaceView)) {
                continue;
            }
            ObjectRef o = change.object();
            if (!named(names, o)) {
                continue;
            }
            // What changed about a dropped object is that it is gone; an altered one says how.
            ObjectRef shown = schemaIsDatabase ? new ObjectRef(o.kind(), null, o.table(), o.name()) : o;
            String line = change.kind() + " " + shown + (change instanceof Change.AlterColumn || change instanceof Change.ReplaceView
                    ? ": " + ChangeDetails.describe(change, d.aspects()) : "");
            SqlStatement by = statementNaming(migration, o);
            out.add(by == null ? line : line + ", by " + by.location() + ": " + by.summary());
        }
        return out;
    }

    /** The identifiers a statement names, unquoted and in lower case (keywords included: harmless here). */
    public static Set<String> identifiers(String sql) {
        Set<String> out = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(sql.replaceAll("'(?:[^']|'')*'", "''"));
        while (m.find()) {
            String id = m.group(1) != null ? m.group(1).replace("\"\"", "\"")
                    : m.group(2) != null ? m.group(2).replace("``", "`") : m.group(3);
            out.add(id.toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whether a statement names an object: its table and its own name for a column, else its name. */
    public static boolean names(String sql, ObjectRef o) {
        return named(identifiers(sql), o);
    }

    private static boolean named(Set<String> names, ObjectRef o) {
        return o.kind() == ObjectKind.COLUMN
                ? names.contains(lower(o.table())) && names.contains(lower(o.name()))
                : names.contains(lower(o.name()));
    }

    private static SqlStatement statementNaming(List<SqlStatement> migration, ObjectRef o) {
        // The statement that changes the object, before one that only reads it (a backup copy).
        for (SqlStatement s : migration) {
            if (names(s.sql(), o) && CHANGES.matcher(s.sql()).find()) {
                return s;
            }
        }
        for (SqlStatement s : migration) {
            if (names(s.sql(), o)) {
                return s;
            }
        }
        // A DROP TABLE names the table only; a column dropped with its table is still explained.
        if (o.kind() == ObjectKind.COLUMN) {
            for (SqlStatement s : migration) {
                if (identifiers(s.sql()).contains(lower(o.table()))) {
                    return s;
                }
            }
        }
        return null;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
