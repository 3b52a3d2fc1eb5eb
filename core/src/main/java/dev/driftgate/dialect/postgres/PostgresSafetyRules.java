package dev.driftgate.dialect.postgres;

import dev.driftgate.safety.Backfills;
import dev.driftgate.safety.CreatedRelations;
import dev.driftgate.safety.MigrationState;
import dev.driftgate.safety.ParsedStatement;
import dev.driftgate.safety.Rule;
import dev.driftgate.safety.SafetyRules;
import dev.driftgate.safety.SessionSyntax;
import dev.driftgate.sql.SqlStatement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.alter.AlterExpression;
import net.sf.jsqlparser.statement.alter.AlterOperation;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/** PostgreSQL's online-safety rules: which statements lock, rewrite, destroy or depend on data. */
public final class PostgresSafetyRules implements SafetyRules {

    private static final Pattern CONCURRENTLY = Pattern.compile("(?is)^(\\s*(?:CREATE\\s+(?:UNIQUE\\s+)?INDEX|DROP\\s+INDEX))\\s+CONCURRENTLY\\b");
    private static final Pattern NOT_VALID = Pattern.compile("(?is)\\s+NOT\\s+VALID\\b");
    private static final Pattern USING_INDEX = Pattern.compile("(?is)\\b(PRIMARY\\s+KEY|UNIQUE)\\s+USING\\s+INDEX\\s+(\"[^\"]+\"|\\w+)");
    private static final Pattern SET_DATA_TYPE = Pattern.compile("(?is)\\bSET\\s+DATA\\s+TYPE\\b");
    private static final Pattern PARTIAL_INDEX = Pattern.compile("(?is)^(\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\b.*\\))\\s+WHERE\\s+.*$");
    private static final Pattern SET_LOCK_TIMEOUT = Pattern.compile("(?is)^\\s*(SET\\s+(SESSION\\s+|LOCAL\\s+)?lock_timeout\\b"
            + "|SELECT\\s+(pg_catalog\\.)?set_config\\s*\\(\\s*'lock_timeout').*");
    private static final Pattern BEGIN = Pattern.compile("(?is)^\\s*(BEGIN|START\\s+TRANSACTION)(\\s+(TRANSACTION|WORK|ISOLATION\\b.*))?\\s*$");
    private static final Pattern END = Pattern.compile("(?is)^\\s*(COMMIT|END|ROLLBACK|ABORT)(\\s+(TRANSACTION|WORK))?\\s*$");
    private static final Pattern SET_OTHER = Pattern.compile("(?is)^\\s*(SET|RESET)\\b.*");
    private static final SessionSyntax SESSION = new SessionSyntax(SET_LOCK_TIMEOUT, BEGIN, END, SET_OTHER);
    private static final Pattern VACUUM_FULL = Pattern.compile("(?is)^\\s*(VACUUM\\s+(\\(.*FULL.*\\)|FULL)|CLUSTER)\\b.*");
    private static final Pattern REINDEX = Pattern.compile("(?is)^\\s*REINDEX\\b(.*)");
    private static final Pattern VOLATILE_DEFAULT = Pattern.compile("(?is)\\bDEFAULT\\s+.*\\b(random|clock_timestamp|timeofday|"
            + "gen_random_uuid|uuid_generate_v[14]|nextval|txid_current)\\s*\\(");
    private static final Pattern SERIAL = Pattern.compile("(?i)^(small|big)?serial\\d?$");
    private static final Pattern NOT_NULL_CHECK = Pattern.compile(
            "(?is)^ADD\\s+CONSTRAINT\\s+(\"[^\"]+\"|\\w+)\\s+CHECK\\s*\\(\\s*\\(?\\s*(\"[^\"]+\"|\\w+)\\s+IS\\s+NOT\\s+NULL\\s*\\)?\\s*\\)\\s*$");
    private static final Pattern NAMED_CHECK = Pattern.compile("(?is)^ADD\\s+CONSTRAINT\\s+(\"[^\"]+\"|\\w+)\\s+CHECK\\b");
    private static final Pattern VALIDATE = Pattern.compile("(?is)^VALIDATE\\s+CONSTRAINT\\s+(\"[^\"]+\"|\\w+)\\s*$");
    private static final Pattern EXCLUDE = Pattern.compile(
            "(?is)^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(\\S+)\\s+ADD\\s+(?:CONSTRAINT\\s+\\S+\\s+)?EXCLUDE\\b.*");
    private static final Pattern NEW_OBJECT = Pattern.compile("(?is)^\\s*(CREATE\\s+(OR\\s+REPLACE\\s+)?(TEMP\\s+|TEMPORARY\\s+)?"
            + "(SEQUENCE|TRIGGER|FUNCTION|PROCEDURE|TYPE|DOMAIN|EXTENSION|SCHEMA|ROLE|POLICY|AGGREGATE|OPERATOR|COLLATION)"
            + "|COMMENT\\s+ON|GRANT|REVOKE|ALTER\\s+(SEQUENCE|FUNCTION|PROCEDURE|ROLE|DEFAULT\\s+PRIVILEGES))\\b.*");
    private static final Pattern ALTER_COLUMN = Pattern.compile("(?is)^ALTER\\s+(?:COLUMN\\s+)?(\"[^\"]+\"|\\w+)\\s+(.*)$");
    private static final Pattern NEW_TYPE = Pattern.compile("(?is)^TYPE\\s+(.*?)(\\s+COLLATE\\s+.*?)?(\\s+USING\\s+.*)?$");
    // SET TIME ZONE 'UTC', SET timezone = 'UTC', SET LOCAL timezone TO utc, set_config('timezone', 'UTC', …)
    private static final Pattern SET_TIME_ZONE = Pattern.compile("(?is)^\\s*(?:SET\\s+(?:SESSION\\s+|LOCAL\\s+)?"
            + "(?:TIME\\s+ZONE\\s+|\"?timezone\"?\\s*(?:=|\\s+TO\\s+)\\s*)|SELECT\\s+(?:pg_catalog\\.)?set_config\\s*\\(\\s*'timezone'\\s*,\\s*)"
            + "'?([^';,)]+)'?.*");
    /** Zones with an offset of zero at every date: PostgreSQL 12+ changes timestamp to timestamptz without a rewrite in them. */
    private static final Pattern ZERO_OFFSET_ZONE = Pattern.compile("(?i)^(Etc/)?(UTC|UCT|GMT|GMT[+-]?0|Universal|Zulu|Z|Greenwich)$"
            + "|^[+-]?0+(:00)?$");

    @Override
    public Prepared prepare(String sql) {
        Set<String> flags = new HashSet<>();
        String s = sql;
        Matcher m = CONCURRENTLY.matcher(s);
        if (m.find()) {
            flags.add("CONCURRENTLY");
            s = m.replaceFirst("$1");
        }
        if (NOT_VALID.matcher(s).find()) {
            flags.add("NOT VALID");
            s = NOT_VALID.matcher(s).replaceAll("");
        }
        m = USING_INDEX.matcher(s);
        if (m.find()) {
            flags.add("USING INDEX");
            s = m.replaceAll("$1 ($2)");
        }
        s = SET_DATA_TYPE.matcher(s).replaceAll("TYPE");
        m = PARTIAL_INDEX.matcher(s);
        if (m.matches()) {
            flags.add("PARTIAL");
            s = m.group(1);
        }
        // ALTER TABLE ONLY and IF EXISTS parse; a trailing CASCADE on DROP COLUMN does too.
        return new Prepared(s, flags);
    }

    @Override
    public boolean checkUnparsed(SqlStatement statement, MigrationState migration, HazardSink out) {
        String sql = statement.sql();
        CreatedRelations.record(sql, migration);
        Matcher zone = SET_TIME_ZONE.matcher(sql);
        if (zone.matches()) {
            String value = zone.group(1).strip();
            // LOCAL and DEFAULT go back to the server's or connection's zone, which the statement does not tell
            migration.timeZone(value.equalsIgnoreCase("LOCAL") || value.equalsIgnoreCase("DEFAULT") ? null : value);
            return true;
        }
        if (SESSION.consume(sql, migration)) {
            return true;
        }
        if (VACUUM_FULL.matcher(sql).matches()) {
            strongLock(migration, out, "VACUUM FULL / CLUSTER rewrite the table under ACCESS EXCLUSIVE");
            out.add(Rule.TYPE_CHANGE_REWRITE, "VACUUM FULL / CLUSTER rewrite the whole table");
            return true;
        }
        Matcher exclude = EXCLUDE.matcher(sql);
        if (exclude.matches()) {
            if (migration.existing(exclude.group(1))) {
                out.add(Rule.CONSTRAINT_INDEX_UNDER_LOCK, "exclusion constraint on " + exclude.group(1));
                strongLock(migration, out, "ALTER TABLE " + exclude.group(1));
            }
            return true;
        }
        if (NEW_OBJECT.matcher(sql).matches()) {
            // new routines, types, sequences, comments, privileges: nothing existing is locked or rewritten
            return true;
        }
        Matcher reindex = REINDEX.matcher(sql);
        if (reindex.matches()) {
            if (!reindex.group(1).toUpperCase(Locale.ROOT).contains("CONCURRENTLY")) {
                out.add(Rule.INDEX_WITHOUT_CONCURRENTLY, "REINDEX without CONCURRENTLY blocks writes");
                strongLock(migration, out, "REINDEX");
            } else if (migration.inExplicitTransaction() || migration.statementCount() > 1) {
                out.add(Rule.CONCURRENTLY_IN_TRANSACTION, "REINDEX CONCURRENTLY");
            }
            return true;
        }
        return false;
    }

    @Override
    public boolean checkFallback(SqlStatement statement, MigrationState migration, HazardSink out, Parts parts) {
        return PostgresFallback.check(statement.sql(), migration, out, parts);
    }

    @Override
    public void check(ParsedStatement parsed, MigrationState migration, HazardSink out) {
        var tree = parsed.tree();
        if (tree instanceof CreateTable create) {
            String table = create.getTable().getFullyQualifiedName();
            migration.created(table);
            if (create.getColumnDefinitions() != null) {
                create.getColumnDefinitions().forEach(c -> migration.columnType(table, c.getColumnName(),
                        c.getColDataType().toString()));
            }
            ddl(migration);
        } else if (tree instanceof CreateIndex index) {
            createIndex(parsed, index, migration, out);
        } else if (tree instanceof Drop drop) {
            drop(parsed, drop, migration, out);
        } else if (tree instanceof Truncate truncate) {
            out.add(Rule.TRUNCATE, "on " + truncate.getTable().getFullyQualifiedName());
            strongLock(migration, out, "TRUNCATE");
        } else if (tree instanceof Alter alter) {
            alter(parsed, alter, migration, out);
        } else if (tree instanceof Update update) {
            Backfills.record(update, migration);
            migration.recordChangeKindAndReportMix(false);
        } else if (tree instanceof Insert || tree instanceof Delete) {
            migration.recordChangeKindAndReportMix(false);
        }
    }

    private static void ddl(MigrationState migration) {
        migration.recordChangeKindAndReportMix(true);
    }

    private static void strongLock(MigrationState migration, HazardSink out, String what) {
        if (migration.needsLockTimeoutReport()) {
            out.add(Rule.MISSING_LOCK_TIMEOUT, what + " with no SET lock_timeout before it");
        }
    }

    private static void createIndex(ParsedStatement parsed, CreateIndex index, MigrationState migration, HazardSink out) {
        ddl(migration);
        String table = index.getTable().getFullyQualifiedName();
        boolean unique = parsed.statement().sql().strip().toUpperCase(Locale.ROOT).startsWith("CREATE UNIQUE");
        if (parsed.has("CONCURRENTLY")) {
            concurrentlyAlone(migration, out, "CREATE INDEX CONCURRENTLY");
        } else if (migration.existing(table)) {
            out.add(Rule.INDEX_WITHOUT_CONCURRENTLY, "on " + table);
            strongLock(migration, out, "CREATE INDEX on " + table);
        }
        if (unique && migration.existing(table)) {
            out.add(Rule.UNIQUE_ON_EXISTING_DATA, "unique index on " + table);
        }
    }

    private static void concurrentlyAlone(MigrationState migration, HazardSink out, String what) {
        if (migration.inExplicitTransaction() || migration.statementCount() > 1) {
            out.add(Rule.CONCURRENTLY_IN_TRANSACTION, what + (migration.inExplicitTransaction()
                    ? " after BEGIN" : " with other statements in the same migration"));
        }
    }

    private static void drop(ParsedStatement parsed, Drop drop, MigrationState migration, HazardSink out) {
        ddl(migration);
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        String name = drop.getName() == null ? "" : drop.getName().getFullyQualifiedName();
        switch (type) {
            case "TABLE" -> {
                if (migration.existing(name)) {
                    out.add(Rule.DROP_TABLE, name);
                    strongLock(migration, out, "DROP TABLE " + name);
                }
                migration.dropped(name);
            }
            case "SCHEMA", "DATABASE" -> out.add(Rule.DROP_SCHEMA, type.toLowerCase(Locale.ROOT) + " " + name);
            case "INDEX" -> {
                if (parsed.has("CONCURRENTLY")) {
                    concurrentlyAlone(migration, out, "DROP INDEX CONCURRENTLY");
                } else {
                    out.add(Rule.DROP_INDEX_WITHOUT_CONCURRENTLY, name);
                    strongLock(migration, out, "DROP INDEX " + name);
                }
            }
            default -> {
                // views, functions, types, sequences: replaced or recreated by the same migration as a rule
            }
        }
    }

    private static void alter(ParsedStatement parsed, Alter alter, MigrationState migration, HazardSink out) {
        ddl(migration);
        String table = alter.getTable().getFullyQualifiedName();
        boolean existing = migration.existing(table);
        if (alter.getAlterExpressions() == null) {
            return;
        }
        boolean locks = false;
        for (AlterExpression e : alter.getAlterExpressions()) {
            String text = e.toString().strip();
            String upper = text.toUpperCase(Locale.ROOT);
            AlterOperation op = e.getOperation();
            if (op == AlterOperation.RENAME_TABLE) {
                if (existing) {
                    out.add(Rule.RENAME_TABLE, table + " " + text);
                }
                migration.dropped(table);
                continue;
            }
            if (op == AlterOperation.RENAME) {
                if (existing && !upper.startsWith("RENAME CONSTRAINT")) {
                    out.add(Rule.RENAME_COLUMN, "on " + table + ": " + text);
                }
                continue;
            }
            if (!existing) {
                recordColumnTypes(table, e, text, migration);
                continue;
            }
            locks = true;
            Matcher validate = VALIDATE.matcher(text);
            if (validate.matches()) {
                // A validated CHECK (col IS NOT NULL) lets PostgreSQL 12+ set NOT NULL without a scan.
                String column = migration.noted("not-null check " + MigrationState.key(validate.group(1)));
                if (column != null) {
                    migration.note("validated not null " + column, "yes");
                }
                // The check added NOT VALID earlier in this migration meets the existing rows here.
                if (migration.noted("unvalidated check " + MigrationState.key(validate.group(1))) != null) {
                    out.add(Rule.CHECK_ON_EXISTING_DATA, "validates " + validate.group(1) + " on " + table);
                }
                continue;
            }
            Matcher namedCheck = NAMED_CHECK.matcher(text);
            if (parsed.has("NOT VALID") && namedCheck.find()) {
                migration.note("unvalidated check " + MigrationState.key(namedCheck.group(1)), table);
            }
            Matcher notNullCheck = NOT_NULL_CHECK.matcher(text);
            if (notNullCheck.matches() && parsed.has("NOT VALID")) {
                migration.note("not-null check " + MigrationState.key(notNullCheck.group(1)),
                        MigrationState.key(table) + "." + MigrationState.key(notNullCheck.group(2)));
            }
            if (upper.matches("(?s)^SET\\s+(LOGGED|UNLOGGED|TABLESPACE)\\b.*")) {
                out.add(Rule.TYPE_CHANGE_REWRITE, table + " " + text + " rewrites the whole table");
            } else if (op == AlterOperation.DROP && (e.getColumnName() != null || upper.startsWith("DROP COLUMN"))) {
                out.add(Rule.DROP_COLUMN, table + "." + (e.getColumnName() == null ? text : e.getColumnName()));
            } else if (op == AlterOperation.ALTER) {
                alterColumn(table, text, migration, out);
            } else if (op == AlterOperation.ADD) {
                add(parsed, table, e, upper, out);
            }
            recordColumnTypes(table, e, text, migration);
        }
        if (locks) {
            strongLock(migration, out, "ALTER TABLE " + table);
        }
    }

    /** Column types the statement declares (ADD COLUMN, ALTER … TYPE), for a later TYPE change to compare with. */
    private static void recordColumnTypes(String table, AlterExpression e, String text, MigrationState migration) {
        if (e.getOperation() == AlterOperation.ADD && e.getColDataTypeList() != null) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                if (column.getColDataType() != null) {
                    migration.columnType(table, column.getColumnName(), column.getColDataType().toString());
                }
            }
        } else if (e.getOperation() == AlterOperation.ALTER) {
            Matcher m = ALTER_COLUMN.matcher(text);
            Matcher type = m.matches() ? NEW_TYPE.matcher(m.group(2).strip()) : null;
            if (type != null && type.matches()) {
                migration.columnType(table, m.group(1), type.group(1));
            }
        }
    }

    private static void alterColumn(String table, String text, MigrationState migration, HazardSink out) {
        Matcher m = ALTER_COLUMN.matcher(text);
        String column = m.matches() ? m.group(1) : "?";
        String action = (m.matches() ? m.group(2) : text).toUpperCase(Locale.ROOT);
        String where = table + "." + column;
        if (action.startsWith("TYPE ")) {
            String typeChange = (m.matches() ? m.group(2) : text).strip();
            if (!timestampZoneOnlyInUtc(migration.columnType(table, column), typeChange, migration.timeZone())) {
                out.add(Rule.TYPE_CHANGE_REWRITE, where + " " + text.substring(text.toUpperCase(Locale.ROOT).indexOf("TYPE ")));
            }
        } else if (action.startsWith("SET NOT NULL")) {
            if (migration.noted("validated not null " + MigrationState.key(table) + "." + MigrationState.key(column)) != null) {
                return;
            }
            out.add(Rule.SET_NOT_NULL, where);
            if (!migration.isBackfilled(table, column)) {
                out.add(Rule.NOT_NULL_ON_EXISTING_DATA, where);
            }
        } else if (action.startsWith("DROP DEFAULT")) {
            out.add(Rule.DROP_DEFAULT, where);
        }
    }

    /**
     * timestamp to timestamptz (or back) without USING, in a session whose time zone is UTC: PostgreSQL
     * 12+ keeps the stored values, which mean the same instants there, and rewrites nothing.
     */
    static boolean timestampZoneOnlyInUtc(String oldType, String action, String timeZone) {
        Matcher type = NEW_TYPE.matcher(action);
        if (oldType == null || timeZone == null || !type.matches() || type.group(3) != null
                || !ZERO_OFFSET_ZONE.matcher(timeZone.strip()).matches()) {
            return false;
        }
        String before = timestampKind(oldType);
        String after = timestampKind(type.group(1));
        return before != null && after != null && !before.equals(after);
    }

    /** "tz" or "plain" for the timestamp types (any precision), null for anything else. */
    private static String timestampKind(String type) {
        String t = type.strip().replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
                .replaceAll("\\s*\\(\\s*\\d+\\s*\\)", "");
        if (t.startsWith("pg_catalog.")) {
            t = t.substring("pg_catalog.".length());
        }
        return switch (t) {
            case "timestamptz", "timestamp with time zone" -> "tz";
            case "timestamp", "timestamp without time zone" -> "plain";
            default -> null;
        };
    }

    private static void add(ParsedStatement parsed, String table, AlterExpression e, String upper, HazardSink out) {
        if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                String definition = column.toString();
                String where = table + "." + column.getColumnName();
                String type = column.getColDataType() == null ? "" : column.getColDataType().getDataType();
                String defUpper = definition.toUpperCase(Locale.ROOT);
                boolean hasDefault = defUpper.contains(" DEFAULT ");
                if (SERIAL.matcher(type).matches() || VOLATILE_DEFAULT.matcher(definition).find()
                        || defUpper.contains(" GENERATED ALWAYS AS (") && defUpper.contains("STORED")) {
                    out.add(Rule.VOLATILE_DEFAULT, where + ": " + definition);
                }
                if (defUpper.contains("NOT NULL") && !hasDefault && !SERIAL.matcher(type).matches()
                        && !defUpper.contains("GENERATED")) {
                    out.add(Rule.NOT_NULL_ON_EXISTING_DATA, where + " NOT NULL without a default");
                }
                if (defUpper.contains("PRIMARY KEY") || defUpper.matches(".*\\bUNIQUE\\b.*")) {
                    out.add(Rule.CONSTRAINT_INDEX_UNDER_LOCK, where);
                }
                if (defUpper.contains("REFERENCES")) {
                    out.add(Rule.CONSTRAINT_WITHOUT_NOT_VALID, where + " REFERENCES");
                }
                if (defUpper.matches(".*\\bCHECK\\s*\\(.*") && hasDefault) {
                    out.add(Rule.CHECK_ON_EXISTING_DATA, where);
                }
            }
            return;
        }
        if (upper.contains("FOREIGN KEY")) {
            if (!parsed.has("NOT VALID")) {
                out.add(Rule.CONSTRAINT_WITHOUT_NOT_VALID, "foreign key on " + table);
            }
        } else if (upper.matches("(?s).*\\bCHECK\\s*\\(.*")) {
            // NOT VALID: existing rows are not checked, so they cannot make it fail (VALIDATE does, later)
            if (!parsed.has("NOT VALID")) {
                out.add(Rule.CONSTRAINT_WITHOUT_NOT_VALID, "check on " + table);
                out.add(Rule.CHECK_ON_EXISTING_DATA, "on " + table);
            }
        } else if (upper.contains("PRIMARY KEY") || upper.matches("(?s).*\\bUNIQUE\\b.*")) {
            if (!parsed.has("USING INDEX")) {
                out.add(Rule.CONSTRAINT_INDEX_UNDER_LOCK, "on " + table);
                out.add(Rule.UNIQUE_ON_EXISTING_DATA, "on " + table);
            }
        } else if (upper.startsWith("ADD EXCLUDE") || upper.startsWith("ADD CONSTRAINT") && upper.contains("EXCLUDE")) {
            out.add(Rule.CONSTRAINT_INDEX_UNDER_LOCK, "exclusion constraint on " + table);
        }
    }
}
