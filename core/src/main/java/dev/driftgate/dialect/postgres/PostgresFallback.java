package dev.driftgate.dialect.postgres;

import dev.driftgate.safety.MigrationState;
import dev.driftgate.safety.Rule;
import dev.driftgate.safety.SafetyRules.HazardSink;
import dev.driftgate.safety.SafetyRules.Parts;
import dev.driftgate.safety.SqlText;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL statements JSqlParser 5.3 cannot read, read by their text: what the rules need of them
 * is a table name and a kind of action, never the expressions the parser trips on. An index over
 * expressions, INCLUDE or NULLS NOT DISTINCT becomes a plain index on the same table; an ALTER TABLE
 * is split into its actions, each parsed alone where it can be and recognised otherwise; drops and
 * alters of types, triggers, views and the like touch no table's rows. What stays unread (a DO
 * block: procedural code) is still reported as not analysed.
 */
final class PostgresFallback {

    private static final String NAME = "(?:(?:\"[^\"]+\"|[\\w$]+)\\.)*(?:\"[^\"]+\"|[\\w$]+)";
    private static final Pattern INDEX = Pattern.compile("(?is)^\\s*CREATE\\s+(UNIQUE\\s+)?INDEX\\s+(CONCURRENTLY\\s+)?"
            + "(?:IF\\s+NOT\\s+EXISTS\\s+)?(?:" + NAME + "\\s+)?ON\\s+(?:ONLY\\s+)?(" + NAME + ")[\\s(].*");
    private static final Pattern DROP_TABLES = Pattern.compile("(?is)^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(.*?)"
            + "(?:\\s+(?:CASCADE|RESTRICT))?\\s*$");
    private static final Pattern TRUNCATE = Pattern.compile("(?is)^\\s*TRUNCATE\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(.*?)"
            + "(?:\\s+(?:RESTART|CONTINUE)\\s+IDENTITY)?(?:\\s+(?:CASCADE|RESTRICT))?\\s*$");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?"
            + "(" + NAME + ")\\s+(.*)$");
    private static final Pattern DROP_TRIGGER = Pattern.compile("(?is)^\\s*DROP\\s+(?:TRIGGER|POLICY|RULE)\\s+(?:IF\\s+EXISTS\\s+)?"
            + NAME + "\\s+ON\\s+(" + NAME + ").*");
    private static final Pattern NO_TABLE_TOUCHED = Pattern.compile("(?is)^\\s*(?:"
            + "DROP\\s+(?:TYPE|DOMAIN|FUNCTION|PROCEDURE|ROUTINE|AGGREGATE|OPERATOR|VIEW|MATERIALIZED\\s+VIEW|SEQUENCE|EXTENSION"
            + "|COLLATION|CAST|PUBLICATION|SUBSCRIPTION|EVENT\\s+TRIGGER|OWNED|TEXT\\s+SEARCH|SERVER|FOREIGN\\s+DATA)"
            + "|ALTER\\s+(?:TYPE|DOMAIN|INDEX|VIEW|MATERIALIZED\\s+VIEW|SCHEMA|EXTENSION|TRIGGER|POLICY|COLLATION|PUBLICATION"
            + "|EVENT\\s+TRIGGER|AGGREGATE|OPERATOR|TEXT\\s+SEARCH|DATABASE)"
            + "|CREATE\\s+(?:OR\\s+REPLACE\\s+)?(?:(?:TEMP|TEMPORARY|RECURSIVE)\\s+)?(?:MATERIALIZED\\s+)?VIEW"
            + "|CREATE\\s+(?:(?:GLOBAL|LOCAL)\\s+)?(?:(?:TEMP|TEMPORARY|UNLOGGED)\\s+)?TABLE"
            + "|ANALYZE|NOTIFY|DISCARD|CHECKPOINT|SECURITY\\s+LABEL)\\b.*");
    private static final Pattern REFRESH = Pattern.compile("(?is)^\\s*REFRESH\\s+MATERIALIZED\\s+VIEW\\s+(CONCURRENTLY\\s+)?.*");
    private static final Pattern LOCK = Pattern.compile("(?is)^\\s*LOCK\\s+(?:TABLE\\s+)?(?:ONLY\\s+)?(" + NAME + ").*");
    private static final Pattern DATA_CHANGING_WITH = Pattern.compile("(?is)^\\s*WITH\\b.*\\b(INSERT|UPDATE|DELETE)\\b.*");
    private static final Pattern TYPE_USING = Pattern.compile("(?is)^ALTER\\s+(?:COLUMN\\s+)?(\"[^\"]+\"|\\w+)\\s+"
            + "(?:SET\\s+DATA\\s+)?TYPE\\s+(.*?)\\s+USING\\s+.*$");
    private static final Pattern REWRITES = Pattern.compile("(?is)^SET\\s+(LOGGED|UNLOGGED|TABLESPACE|ACCESS\\s+METHOD)\\b.*");
    /** Actions that change metadata under the ALTER TABLE's lock and read no row. */
    private static final Pattern LOCK_ONLY = Pattern.compile("(?is)^(?:(?:ENABLE|DISABLE)\\s+(?:ALWAYS\\s+|REPLICA\\s+)?"
            + "(?:TRIGGER|RULE)|(?:ENABLE|DISABLE|FORCE|NO\\s+FORCE)\\s+ROW\\s+LEVEL\\s+SECURITY|OWNER\\s+TO|SET\\s*\\(|RESET\\s*\\("
            + "|REPLICA\\s+IDENTITY|CLUSTER\\s+ON|SET\\s+WITHOUT\\s+(?:CLUSTER|OIDS)|RENAME\\s+CONSTRAINT|ALTER\\s+CONSTRAINT"
            + "|NO\\s+INHERIT|INHERIT|SET\\s+SCHEMA|DETACH\\s+PARTITION|ATTACH\\s+PARTITION|OF\\s|NOT\\s+OF"
            + "|ALTER\\s+(?:COLUMN\\s+)?(?:\"[^\"]+\"|\\w+)\\s+(?:SET\\s+(?:STATISTICS|STORAGE|COMPRESSION|GENERATED|\\()|RESET\\s*\\("
            + "|DROP\\s+EXPRESSION|DROP\\s+IDENTITY|ADD\\s+GENERATED|RESTART|SET\\s+(?:INCREMENT|START|MINVALUE|MAXVALUE|CACHE|CYCLE))"
            + ")\\b?.*");

    private PostgresFallback() {}

    static boolean check(String sql, MigrationState migration, HazardSink out, Parts parts) {
        Matcher m = INDEX.matcher(sql);
        if (m.matches()) {
            return parts.check("CREATE " + (m.group(1) == null ? "" : "UNIQUE ") + "INDEX "
                    + (m.group(2) == null ? "" : "CONCURRENTLY ") + "driftgate_fallback ON " + m.group(3) + " (driftgate_fallback)");
        }
        if ((m = DROP_TABLES.matcher(sql)).matches() || (m = TRUNCATE.matcher(sql)).matches()) {
            String verb = sql.strip().substring(0, sql.strip().indexOf(' ')).toUpperCase(Locale.ROOT);
            boolean all = true;
            for (String table : SqlText.topLevelParts(m.group(1))) {
                all &= parts.check(verb.equals("DROP") ? "DROP TABLE " + table : "TRUNCATE " + table);
            }
            return all;
        }
        if ((m = ALTER_TABLE.matcher(sql)).matches()) {
            return alterTable(m.group(1), m.group(2), migration, out, parts);
        }
        if ((m = DROP_TRIGGER.matcher(sql)).matches()) {
            // DROP TRIGGER / POLICY / RULE take an ACCESS EXCLUSIVE lock on the table, briefly
            if (migration.existing(m.group(1))) {
                strongLock(migration, out, sql.strip().split("\\s+")[0] + " " + sql.strip().split("\\s+")[1] + " on " + m.group(1));
            }
            return true;
        }
        if ((m = REFRESH.matcher(sql)).matches()) {
            if (m.group(1) == null) {
                strongLock(migration, out, "REFRESH MATERIALIZED VIEW (ACCESS EXCLUSIVE: readers wait)");
            }
            return true;
        }
        if ((m = LOCK.matcher(sql)).matches()) {
            strongLock(migration, out, "LOCK TABLE " + m.group(1));
            return true;
        }
        if (DATA_CHANGING_WITH.matcher(sql).matches()) {
            migration.recordChangeKindAndReportMix(false);
            return true;
        }
        return NO_TABLE_TOUCHED.matcher(sql).matches();
    }

    /** Each action alone: parsed as an ALTER TABLE of its own where the parser can, recognised by its text where not. */
    private static boolean alterTable(String table, String actions, MigrationState migration, HazardSink out, Parts parts) {
        boolean existing = migration.existing(table);
        for (String action : SqlText.topLevelParts(actions)) {
            if (parts.check("ALTER TABLE " + table + " " + action)) {
                continue;
            }
            Matcher using = TYPE_USING.matcher(action);
            if (using.matches()) {
                // With USING the new values are computed: always a rewrite, whatever the types.
                if (existing) {
                    out.add(Rule.TYPE_CHANGE_REWRITE, table + "." + using.group(1) + " TYPE " + using.group(2) + " USING …");
                    strongLock(migration, out, "ALTER TABLE " + table);
                }
                migration.columnType(table, using.group(1), using.group(2));
            } else if (REWRITES.matcher(action).matches()) {
                if (existing) {
                    out.add(Rule.TYPE_CHANGE_REWRITE, table + " " + action + " rewrites the whole table");
                    strongLock(migration, out, "ALTER TABLE " + table);
                }
            } else if (LOCK_ONLY.matcher(action).matches()) {
                if (existing) {
                    strongLock(migration, out, "ALTER TABLE " + table);
                }
            } else {
                return false;
            }
        }
        return true;
    }

    private static void strongLock(MigrationState migration, HazardSink out, String what) {
        if (migration.needsLockTimeoutReport()) {
            out.add(Rule.MISSING_LOCK_TIMEOUT, what + " with no SET lock_timeout before it");
        }
    }
}
