package dev.driftgate.safety;

import dev.driftgate.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Backup-table safety nets (docs/zero-downtime.md): a statement that destroys rows or values (DROP
 * TABLE, DROP COLUMN, TRUNCATE, DELETE without WHERE) should come after a copy of
 * what it destroys ({@code CREATE TABLE … AS SELECT … FROM t}, {@code INSERT INTO archive … SELECT
 * … FROM t}), in the same migration or an earlier one. Read from the statements' text, in both
 * dialects' syntax: what matters is which table is copied, and which columns.
 */
public final class BackupNets {

    /**
     * @param table the table whose rows or values go (unquoted, lower case, without schema)
     * @param column the dropped column, or null when whole rows go
     * @param what {@code drops table customer}
     */
    public record Destructive(SqlStatement at, String table, String column, String what) {}

    /** @param backup the table the copy goes to; @param columns the copied columns, {@code *} for all */
    public record Net(SqlStatement at, String backup, String source, List<String> columns) {

        /** Whether this copy keeps what the destructive statement destroys. */
        public boolean covers(Destructive d) {
            return source.equals(d.table()) && (d.column() == null ? columns.contains("*")
                    : columns.contains("*") || columns.contains(d.column()));
        }
    }

    private static final String NAME = "([\\w.\"`$]+)";
    private static final Pattern DROP_TABLE = Pattern.compile("(?is)^\\s*drop\\s+table\\s+(?:if\\s+exists\\s+)?" + NAME);
    private static final Pattern DROP_COLUMN = Pattern.compile("(?is)^\\s*alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?"
            + NAME + "\\s+(.*)$");
    private static final Pattern DROP_COLUMN_CLAUSE = Pattern.compile("(?is)\\bdrop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?"
            + NAME);
    private static final Pattern TRUNCATE = Pattern.compile("(?is)^\\s*truncate\\s+(?:table\\s+)?(?:only\\s+)?" + NAME);
    private static final Pattern DELETE = Pattern.compile("(?is)^\\s*delete\\s+from\\s+(?:only\\s+)?" + NAME + "\\s*(.*)$");
    private static final Pattern COPY = Pattern.compile("(?is)^\\s*(?:create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?"
            + NAME + "\\s+(?:as\\s+)?\\(?\\s*select|insert\\s+into\\s+" + NAME + "\\s*(?:\\([^)]*\\)\\s*)?\\(?\\s*select)"
            + "\\s+(.*?)\\s+from\\s+" + NAME);
    private static final List<String> NOT_COLUMNS = List.of("constraint", "index", "key", "primary", "foreign", "unique",
            "check", "default", "not", "expression", "identity", "partitioning");

    private BackupNets() {}

    /** The statements that destroy rows or values, with the table (and column) each destroys. */
    public static List<Destructive> destructive(List<SqlStatement> statements) {
        List<Destructive> out = new ArrayList<>();
        for (SqlStatement s : statements) {
            String sql = s.sql();
            Matcher m;
            if ((m = DROP_TABLE.matcher(sql)).find()) {
                for (String t : sql.substring(m.start(1)).split(",")) {
                    String table = key(t.strip().split("\\s+")[0]);
                    out.add(new Destructive(s, table, null, "drops table " + table));
                }
            } else if ((m = TRUNCATE.matcher(sql)).find()) {
                out.add(new Destructive(s, key(m.group(1)), null, "truncates " + key(m.group(1))));
            } else if ((m = DELETE.matcher(sql)).find() && !m.group(2).toLowerCase(Locale.ROOT).matches("(?s).*\\bwhere\\b.*")) {
                out.add(new Destructive(s, key(m.group(1)), null, "deletes every row of " + key(m.group(1))));
            } else if ((m = DROP_COLUMN.matcher(sql)).find()) {
                String table = key(m.group(1));
                Matcher c = DROP_COLUMN_CLAUSE.matcher(m.group(2));
                while (c.find()) {
                    String column = key(c.group(1));
                    if (!NOT_COLUMNS.contains(column)) {
                        out.add(new Destructive(s, table, column, "drops column " + table + "." + column));
                    }
                }
            }
        }
        return out;
    }

    /** The copies the statements make ({@code CREATE TABLE … AS SELECT}, {@code INSERT INTO … SELECT}). */
    public static List<Net> nets(List<SqlStatement> statements) {
        List<Net> out = new ArrayList<>();
        for (SqlStatement s : statements) {
            Matcher m = COPY.matcher(s.sql());
            if (m.find()) {
                String backup = key(m.group(1) != null ? m.group(1) : m.group(2));
                List<String> columns = new ArrayList<>();
                for (String c : m.group(3).split(",")) {
                    String[] words = c.strip().split("\\s+");
                    String first = words[0];
                    columns.add(first.endsWith("*") ? "*" : key(first));
                }
                out.add(new Net(s, backup, key(m.group(4)), List.copyOf(columns)));
            }
        }
        return out;
    }

    /**
     * The destructive statements of a migration that no copy covers: neither an earlier statement of
     * the migration nor a statement of an earlier migration ({@code earlier}) copies what they destroy.
     */
    public static List<Destructive> unprotected(List<Destructive> destructive, List<SqlStatement> migration,
            List<SqlStatement> earlier) {
        List<Net> before = nets(earlier);
        List<Net> own = nets(migration);
        List<Destructive> out = new ArrayList<>();
        for (Destructive d : destructive) {
            boolean covered = before.stream().anyMatch(n -> n.covers(d))
                    || own.stream().anyMatch(n -> n.at().ordinal() < d.at().ordinal() && n.covers(d));
            // Dropping the backup table itself, a later release's clean-up, needs no backup of its own.
            boolean isBackup = before.stream().anyMatch(n -> n.backup().equals(d.table()))
                    || own.stream().anyMatch(n -> n.backup().equals(d.table()));
            if (!covered && !isBackup) {
                out.add(d);
            }
        }
        return out;
    }

    /** The statement to add before a destructive one. */
    public static String suggestion(Destructive d) {
        String backup = d.table() + (d.column() == null ? "" : "_" + d.column()) + "_backup";
        return "CREATE TABLE " + backup + " AS SELECT * FROM " + d.table() + ";";
    }

    /** Unquoted, lower case, without its schema. */
    static String key(String name) {
        return MigrationState.key(name.replaceAll("[;(),]+$", ""));
    }
}
