package dev.driftgate.dialect.mysql;

import dev.driftgate.safety.MigrationState;
import dev.driftgate.safety.Rule;
import dev.driftgate.safety.SafetyRules.HazardSink;
import dev.driftgate.safety.SafetyRules.Parts;
import dev.driftgate.safety.SqlText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL and MariaDB statements JSqlParser 5.3 cannot read, read by their text: quoted names it
 * takes for keywords, MariaDB's IF [NOT] EXISTS on indexes and columns, functional indexes, an
 * ALTER TABLE whose one action it does not know (split into its actions, each parsed alone), and
 * statements that touch no table's rows (DROP INDEX … ON, ALTER DATABASE, LOCK TABLES, ANALYZE).
 */
final class MysqlFallback {

    private static final String NAME = "(?:(?:`[^`]+`|[\\w$]+)\\.)?(?:`[^`]+`|[\\w$]+)";
    private static final Pattern IF_EXISTS = Pattern.compile("(?i)\\s+IF\\s+(NOT\\s+)?EXISTS\\b");
    private static final Pattern INDEX = Pattern.compile("(?is)^\\s*CREATE\\s+(?:(UNIQUE|FULLTEXT|SPATIAL)\\s+)?INDEX\\s+"
            + NAME + "\\s+(?:USING\\s+\\w+\\s+)?ON\\s+(" + NAME + ")\\s*\\(.*");
    private static final Pattern DROP_INDEX = Pattern.compile("(?is)^\\s*DROP\\s+INDEX\\s+" + NAME + "\\s+ON\\s+(" + NAME + ").*");
    private static final Pattern DROP_TABLES = Pattern.compile("(?is)^\\s*DROP\\s+(?:TEMPORARY\\s+)?TABLE\\s+(.*?)"
            + "(?:\\s+(?:CASCADE|RESTRICT))?\\s*$");
    private static final Pattern ALTER_TABLE = Pattern.compile("(?is)^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(" + NAME
            + ")\\s+(.*)$");
    /** {@code RENAME new_name}: MySQL's TO (or AS) is optional, and Liquibase's renameTable leaves it out. */
    private static final Pattern BARE_RENAME = Pattern.compile("(?is)^RENAME\\s+(?!(?:TO|AS|COLUMN|INDEX|KEY)\\b)(" + NAME + ")\\s*$");
    private static final Pattern REPARTITION = Pattern.compile("(?is)^(?:PARTITION\\s+BY|REMOVE\\s+PARTITIONING|COALESCE\\s+PARTITION"
            + "|REORGANIZE\\s+PARTITION)\\b.*");
    private static final Pattern METADATA_ONLY = Pattern.compile("(?is)^(?:DROP\\s+(?:CHECK|CONSTRAINT)\\s|ALTER\\s+(?:INDEX|KEY|CHECK"
            + "|CONSTRAINT)\\s|ADD\\s+PARTITION|DROP\\s+PARTITION|TRUNCATE\\s+PARTITION|ANALYZE\\s+PARTITION|DISCARD\\s|IMPORT\\s).*");
    private static final Pattern NO_TABLE_TOUCHED = Pattern.compile("(?is)^\\s*(?:ALTER\\s+(?:DATABASE|SCHEMA|EVENT|VIEW|USER"
            + "|PROCEDURE|FUNCTION|SEQUENCE)|CREATE\\s+(?:DATABASE|SCHEMA)|(?:UN)?LOCK\\s+TABLES?|ANALYZE\\s+(?:LOCAL\\s+)?TABLE"
            + "|CHECK\\s+TABLE|FLUSH|DO\\s|CALL\\s|DROP\\s+(?:SEQUENCE|INDEX|SERVER|TEMPORARY\\s+TABLE))\\b.*");

    private MysqlFallback() {}

    static boolean check(String sql, MigrationState migration, HazardSink out, Parts parts) {
        // Backquoted keywords (`type`, `key`) and MariaDB's IF [NOT] EXISTS: the same statement without them.
        String plain = IF_EXISTS.matcher(sql.replace("`", "")).replaceAll("");
        if (!plain.equals(sql) && parts.check(plain)) {
            return true;
        }
        Matcher m = INDEX.matcher(plain);
        if (m.matches()) {
            return parts.check("CREATE " + (m.group(1) == null ? "" : m.group(1) + " ") + "INDEX driftgate_fallback ON "
                    + m.group(2) + " (driftgate_fallback)");
        }
        if (DROP_INDEX.matcher(plain).matches()) {
            // InnoDB drops a secondary index in place, metadata only; still a schema change that commits at once
            if (migration.recordChangeKindAndReportMix(true)) {
                out.add(Rule.MIXED_DDL_AND_DML, "schema change in a migration that also changes data");
            }
            return true;
        }
        if ((m = DROP_TABLES.matcher(plain)).matches()) {
            boolean all = true;
            for (String table : SqlText.topLevelParts(m.group(1))) {
                all &= parts.check("DROP TABLE " + table);
            }
            return all;
        }
        if ((m = ALTER_TABLE.matcher(plain)).matches()) {
            return alterTable(m.group(1), m.group(2), migration, out, parts);
        }
        return NO_TABLE_TOUCHED.matcher(plain).matches();
    }

    private static boolean alterTable(String table, String actions, MigrationState migration, HazardSink out, Parts parts) {
        boolean existing = migration.existing(table);
        for (String action : SqlText.topLevelParts(actions)) {
            if (parts.check("ALTER TABLE " + table + " " + action)) {
                continue;
            }
            Matcher rename = BARE_RENAME.matcher(action);
            if (rename.matches() && parts.check("ALTER TABLE " + table + " RENAME TO " + rename.group(1))) {
                continue;
            }
            if (REPARTITION.matcher(action).matches()) {
                if (existing) {
                    out.add(Rule.TABLE_COPY, table + ": repartitioning copies every row");
                }
            } else if (!METADATA_ONLY.matcher(action).matches()) {
                return false;
            }
        }
        return true;
    }
}
