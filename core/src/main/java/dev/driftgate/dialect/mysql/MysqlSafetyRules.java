package dev.driftgate.dialect.mysql;

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
import net.sf.jsqlparser.statement.alter.RenameTableStatement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;

/**
 * MySQL's and MariaDB's online-safety rules: which ALTERs cannot run INSTANT or INPLACE, which
 * destroy or depend on data, and the hazards of DDL committing statement by statement.
 */
public final class MysqlSafetyRules implements SafetyRules {

    private static final Pattern DROP_FOREIGN_KEY = Pattern.compile("(?i)\\bDROP\\s+FOREIGN\\s+KEY\\b");
    private static final Pattern WAIT = Pattern.compile("(?i)^(\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+\\S+)\\s+(WAIT\\s+\\d+|NOWAIT)\\b");
    private static final Pattern SET_LOCK_TIMEOUT = Pattern.compile("(?is)^\\s*SET\\s+(SESSION\\s+|@@SESSION\\.|@@)?"
            + "(lock_wait_timeout|max_statement_time)\\b.*");
    private static final Pattern BEGIN = Pattern.compile("(?is)^\\s*(BEGIN|START\\s+TRANSACTION)(\\s+WORK)?\\s*$");
    private static final Pattern END = Pattern.compile("(?is)^\\s*(COMMIT|ROLLBACK)(\\s+WORK)?\\s*$");
    private static final Pattern SET_OTHER = Pattern.compile("(?is)^\\s*SET\\b.*");
    private static final SessionSyntax SESSION = new SessionSyntax(SET_LOCK_TIMEOUT, BEGIN, END, SET_OTHER);
    private static final Pattern CHANGE_COLUMN = Pattern.compile("(?i)\\b(CHANGE|MODIFY)\\s+(COLUMN\\s+)?(\\w+)(\\s+)(\\w+)?");
    private static final Pattern FULLTEXT_INDEX = Pattern.compile("(?i)^(\\s*CREATE\\s+)(FULLTEXT|SPATIAL)\\s+(INDEX\\b)");
    private static final Pattern DROP_SCHEMA = Pattern.compile("(?is)^\\s*DROP\\s+(DATABASE|SCHEMA)\\s+(IF\\s+EXISTS\\s+)?(\\S+)\\s*$");
    private static final Pattern NEW_OBJECT = Pattern.compile("(?is)^\\s*(CREATE\\s+(OR\\s+REPLACE\\s+)?(DEFINER\\s*=\\s*\\S+\\s+)?"
            + "(TRIGGER|PROCEDURE|FUNCTION|EVENT|VIEW|SEQUENCE|USER|ROLE)|GRANT|REVOKE|DROP\\s+(TRIGGER|PROCEDURE|FUNCTION|EVENT|VIEW|USER|ROLE))\\b.*");
    private static final Pattern OPTIMIZE = Pattern.compile("(?is)^\\s*OPTIMIZE\\s+TABLE\\b.*");
    private static final Pattern COLUMN_NAME = Pattern.compile("(?is)^(?:MODIFY|CHANGE)\\s+(?:COLUMN\\s+)?(`[^`]+`|\\w+)(?:\\s+(`[^`]+`|\\w+))?.*");

    @Override
    public Prepared prepare(String sql) {
        Set<String> flags = new HashSet<>();
        String s = DROP_FOREIGN_KEY.matcher(sql).replaceAll("DROP CONSTRAINT");
        Matcher m = WAIT.matcher(s);
        if (m.find()) {
            flags.add("WAIT");
            s = m.replaceFirst("$1");
        }
        m = FULLTEXT_INDEX.matcher(s);
        if (m.find()) {
            flags.add(m.group(2).toUpperCase(Locale.ROOT));
            s = m.replaceFirst("$1$3");
        }
        // JSqlParser reads CHANGE name full_name … only with quoted names (name is one of its keywords).
        s = CHANGE_COLUMN.matcher(s).replaceAll(r -> r.group(1) + " " + (r.group(2) == null ? "" : r.group(2)) + "`"
                + r.group(3) + "`" + r.group(4) + (r.group(5) == null || r.group(1).equalsIgnoreCase("MODIFY") ? nullToEmpty(r.group(5))
                : "`" + r.group(5) + "`"));
        return new Prepared(s, flags);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Override
    public boolean checkUnparsed(SqlStatement statement, MigrationState migration, HazardSink out) {
        String sql = statement.sql();
        CreatedRelations.record(sql, migration);
        if (SESSION.consume(sql, migration)) {
            return true;
        }
        Matcher schema = DROP_SCHEMA.matcher(sql);
        if (schema.matches()) {
            out.add(Rule.DROP_SCHEMA, schema.group(1).toLowerCase(Locale.ROOT) + " " + schema.group(3));
            return true;
        }
        if (NEW_OBJECT.matcher(sql).matches()) {
            // routines, triggers, views, privileges: no table is locked or copied
            return true;
        }
        if (OPTIMIZE.matcher(sql).matches()) {
            out.add(Rule.TABLE_COPY, "OPTIMIZE TABLE rebuilds the table");
            return true;
        }
        return false;
    }

    @Override
    public boolean checkFallback(SqlStatement statement, MigrationState migration, HazardSink out, Parts parts) {
        return MysqlFallback.check(statement.sql(), migration, out, parts);
    }

    @Override
    public void check(ParsedStatement parsed, MigrationState migration, HazardSink out) {
        var tree = parsed.tree();
        if (tree instanceof CreateTable create) {
            migration.created(create.getTable().getFullyQualifiedName());
            schemaChange(migration, out);
        } else if (tree instanceof CreateIndex index) {
            createIndex(parsed, index, migration, out);
        } else if (tree instanceof Drop drop) {
            drop(drop, migration, out);
        } else if (tree instanceof Truncate truncate) {
            schemaChange(migration, out);
            out.add(Rule.TRUNCATE, "on " + truncate.getTable().getFullyQualifiedName());
            strongLock(parsed, migration, out, "TRUNCATE");
        } else if (tree instanceof RenameTableStatement rename) {
            schemaChange(migration, out);
            rename.getTableNames().forEach(pair -> {
                if (migration.existing(pair.getKey().getFullyQualifiedName())) {
                    out.add(Rule.RENAME_TABLE, pair.getKey().getFullyQualifiedName() + " to "
                            + pair.getValue().getFullyQualifiedName());
                }
                migration.dropped(pair.getKey().getFullyQualifiedName());
            });
        } else if (tree instanceof Alter alter) {
            alter(parsed, alter, migration, out);
        } else if (tree instanceof Insert || tree instanceof Update || tree instanceof Delete) {
            if (tree instanceof Update update) {
                Backfills.record(update, migration);
            }
            if (migration.recordChangeKindAndReportMix(false)) {
                out.add(Rule.MIXED_DDL_AND_DML, "data change in a migration that also changes the schema");
            }
        }
    }

    private static void schemaChange(MigrationState migration, HazardSink out) {
        if (migration.recordChangeKindAndReportMix(true)) {
            out.add(Rule.MIXED_DDL_AND_DML, "schema change in a migration that also changes data");
        }
    }

    private static void strongLock(ParsedStatement parsed, MigrationState migration, HazardSink out, String what) {
        if (!parsed.has("WAIT") && migration.needsLockTimeoutReport()) {
            out.add(Rule.MISSING_LOCK_TIMEOUT, what + " with no SET lock_wait_timeout (or WAIT n) before it");
        }
    }

    private static void createIndex(ParsedStatement parsed, CreateIndex index, MigrationState migration, HazardSink out) {
        schemaChange(migration, out);
        String table = index.getTable().getFullyQualifiedName();
        if (!migration.existing(table)) {
            return;
        }
        String upper = parsed.statement().sql().strip().toUpperCase(Locale.ROOT);
        if (upper.startsWith("CREATE UNIQUE")) {
            out.add(Rule.UNIQUE_ON_EXISTING_DATA, "unique index on " + table);
        }
        if (parsed.has("FULLTEXT") || parsed.has("SPATIAL")) {
            out.add(Rule.TABLE_COPY, "a FULLTEXT or SPATIAL index on " + table + " rebuilds it under a shared lock");
        }
        strongLock(parsed, migration, out, "CREATE INDEX on " + table);
    }

    private static void drop(Drop drop, MigrationState migration, HazardSink out) {
        schemaChange(migration, out);
        String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
        String name = drop.getName() == null ? "" : drop.getName().getFullyQualifiedName();
        switch (type) {
            case "TABLE" -> {
                if (migration.existing(name)) {
                    out.add(Rule.DROP_TABLE, name);
                }
                migration.dropped(name);
            }
            case "SCHEMA", "DATABASE" -> out.add(Rule.DROP_SCHEMA, type.toLowerCase(Locale.ROOT) + " " + name);
            default -> {
                // indexes, views, routines: metadata only on InnoDB
            }
        }
    }

    private static void alter(ParsedStatement parsed, Alter alter, MigrationState migration, HazardSink out) {
        schemaChange(migration, out);
        String table = alter.getTable().getFullyQualifiedName();
        if (alter.getAlterExpressions() == null || !migration.existing(table)) {
            if (alter.getAlterExpressions() != null && alter.getAlterExpressions().stream()
                    .anyMatch(e -> e.getOperation() == AlterOperation.RENAME_TABLE)) {
                migration.dropped(table);
            }
            return;
        }
        // With ALGORITHM=INSTANT/INPLACE or LOCK=NONE the server refuses what it could only do by copying.
        boolean noCopy = alter.getAlterExpressions().stream().map(e -> e.toString().toUpperCase(Locale.ROOT).replace(" ", ""))
                .anyMatch(t -> t.equals("ALGORITHM=INSTANT") || t.equals("ALGORITHM=INPLACE") || t.equals("LOCK=NONE"));
        String copyReason = null;
        for (AlterExpression e : alter.getAlterExpressions()) {
            String text = e.toString().strip();
            String upper = text.toUpperCase(Locale.ROOT);
            AlterOperation op = e.getOperation();
            if (upper.startsWith("DROP PRIMARY KEY")) {
                copyReason = "dropping the primary key";
                continue;
            }
            switch (op) {
                case RENAME_TABLE -> {
                    out.add(Rule.RENAME_TABLE, table + " " + text);
                    migration.dropped(table);
                }
                case RENAME -> {
                    if (!upper.startsWith("RENAME INDEX") && !upper.startsWith("RENAME KEY")) {
                        out.add(Rule.RENAME_COLUMN, "on " + table + ": " + text);
                    }
                }
                case DROP -> {
                    if (e.getColumnName() != null || upper.startsWith("DROP COLUMN")) {
                        out.add(Rule.DROP_COLUMN, table + "." + (e.getColumnName() == null ? text : e.getColumnName()));
                    }
                }
                case MODIFY, CHANGE -> {
                    copyReason = modify(table, text, upper, op, migration, out, copyReason);
                }
                case ALTER -> {
                    if (upper.contains("DROP DEFAULT")) {
                        out.add(Rule.DROP_DEFAULT, table + ": " + text);
                    }
                }
                case ADD -> copyReason = add(table, e, upper, out, copyReason);
                case CONVERT -> {
                    out.add(Rule.CHARSET_CHANGE, table + ": " + text);
                    copyReason = "converting the character set";
                }
                case ENGINE, FORCE -> copyReason = "rebuilding the table (" + text + ")";
                default -> {
                    // ALGORITHM, LOCK, COMMENT, indexes dropped or renamed: metadata only
                }
            }
        }
        if (copyReason != null && !noCopy) {
            out.add(Rule.TABLE_COPY, table + ": " + copyReason);
        }
        strongLock(parsed, migration, out, "ALTER TABLE " + table);
    }

    private static String modify(String table, String text, String upper, AlterOperation op, MigrationState migration,
            HazardSink out, String copyReason) {
        Matcher m = COLUMN_NAME.matcher(text);
        String column = m.matches() ? m.group(1).replace("`", "") : "?";
        if (op == AlterOperation.CHANGE && m.matches() && m.group(2) != null
                && !m.group(1).replace("`", "").equalsIgnoreCase(m.group(2).replace("`", ""))) {
            out.add(Rule.RENAME_COLUMN, table + "." + column + " to " + m.group(2).replace("`", ""));
        }
        String where = table + "." + column;
        if (upper.matches("(?s).*\\b(ENUM|SET)\\s*\\(.*")) {
            out.add(Rule.ENUM_REDEFINITION, where);
            return copyReason;
        }
        if (upper.contains("CHARACTER SET") || upper.contains("CHARSET") || upper.contains("COLLATE")) {
            out.add(Rule.CHARSET_CHANGE, where);
        }
        if (upper.contains("NOT NULL") && !migration.isBackfilled(table, column)) {
            out.add(Rule.NOT_NULL_ON_EXISTING_DATA, where);
        }
        return "changing the definition of " + where;
    }

    private static String add(String table, AlterExpression e, String upper, HazardSink out, String copyReason) {
        if (e.getColDataTypeList() != null && !e.getColDataTypeList().isEmpty()) {
            for (AlterExpression.ColumnDataType column : e.getColDataTypeList()) {
                String def = column.toString().toUpperCase(Locale.ROOT);
                String where = table + "." + column.getColumnName();
                if (def.contains("PRIMARY KEY")) {
                    copyReason = "adding a primary key column";
                } else if (def.matches(".*\\bUNIQUE\\b.*") && def.contains(" DEFAULT ")) {
                    out.add(Rule.UNIQUE_ON_EXISTING_DATA, where);
                }
                if (def.contains("AUTO_INCREMENT")) {
                    copyReason = "adding an AUTO_INCREMENT column";
                }
                if (def.contains(" STORED") || def.contains(" PERSISTENT")) {
                    copyReason = "adding a stored generated column";
                }
                if (def.matches(".*\\bCHECK\\s*\\(.*") && def.contains(" DEFAULT ")) {
                    out.add(Rule.CHECK_ON_EXISTING_DATA, where);
                }
            }
            return copyReason;
        }
        if (upper.contains("PRIMARY KEY")) {
            out.add(Rule.UNIQUE_ON_EXISTING_DATA, "primary key on " + table);
            return "adding a primary key";
        }
        if (upper.contains("FOREIGN KEY")) {
            return "adding a foreign key (with foreign_key_checks on, only COPY can)";
        }
        if (upper.matches("(?s).*\\bUNIQUE\\b.*")) {
            out.add(Rule.UNIQUE_ON_EXISTING_DATA, "on " + table);
        } else if (upper.matches("(?s).*\\bCHECK\\s*\\(.*")) {
            out.add(Rule.CHECK_ON_EXISTING_DATA, "on " + table);
            return "adding a check constraint (existing rows are checked by copying)";
        } else if (upper.contains("FULLTEXT") || upper.contains("SPATIAL")) {
            return "adding a FULLTEXT or SPATIAL index";
        }
        return copyReason;
    }
}
