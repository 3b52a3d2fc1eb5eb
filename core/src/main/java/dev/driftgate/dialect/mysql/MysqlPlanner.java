package dev.driftgate.dialect.mysql;

import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change.*;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.ObjectRef;
import dev.driftgate.plan.PhasedPlanner;
import dev.driftgate.plan.PlannedStatement;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint.ConstraintType;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Event;
import dev.driftgate.schema.Index;
import dev.driftgate.schema.RelationName;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.Trigger;
import dev.driftgate.schema.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * MySQL/MariaDB remediation DDL. Names are left unqualified: a MySQL schema is the database the
 * plan is run in, and it is called differently in every environment. Phases as in the PostgreSQL
 * planner; foreign keys after every table, triggers and views last.
 */
final class MysqlPlanner extends PhasedPlanner<MysqlPlanner.Phase> {

    enum Phase {
        DROP_DEPENDENTS, DROP_FOREIGN_KEYS, DROP_INDEXES, DROP_ROUTINES, DROP_TABLES, CREATE_TABLES, ALTER_TABLES,
        CREATE_ROUTINES, ADD_FOREIGN_KEYS, CREATE_VIEWS, CREATE_DEPENDENTS
    }

    MysqlPlanner() {
        super(Phase.class);
    }

    private static String q(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    /**
     * Stands for a backslash in a literal until the statement's sql_mode is known: a backslash is
     * an escape unless NO_BACKSLASH_ESCAPES is set, and no literal reads the same under both
     * modes, so {@link #order} writes it for the mode the statement will be parsed under.
     */
    private static final char BACKSLASH = '\uE000';

    /** The session variable a plan keeps the caller's sql_mode in while a statement needs another. */
    private static final String SAVED_SQL_MODE = "@driftgate_sql_mode";

    /** The sql_mode each statement must be parsed and run under, by its text; none for the session's. */
    private final Map<String, String> sqlModes = new HashMap<>();

    /**
     * Stands for a carriage return in a literal: the mariadb client turns one before a line feed
     * into nothing, even inside a quoted string, so it is written as an escape, which needs a
     * statement parsed with backslash escapes on (see {@link #order}).
     */
    private static final char CARRIAGE_RETURN = '\uE001';

    /** A string literal with its quotes doubled: never a backslash escape unless needed (see {@link #BACKSLASH}). */
    private static String literal(String text) {
        return "'" + text.replace('\\', BACKSLASH).replace('\r', CARRIAGE_RETURN).replace("'", "''") + "'";
    }

    @Override
    protected void beforeChanges() {
        sqlModes.clear();
    }

    /**
     * Files a routine, trigger or event: created under the sql_mode it records, which it keeps and
     * runs under (the dump shows it), and parsed under it too.
     */
    private void emitUnderMode(Phase phase, Change change, String sql, Map<String, String> attributes) {
        String mode = attributes.get(MysqlAttributes.SQL_MODE);
        if (mode != null) {
            sqlModes.put(sql, literal(mode));
        }
        emit(phase, change, sql);
    }

    private static String table(ObjectRef ref) {
        return q(ref.table() != null ? ref.table() : ref.name());
    }

    @Override
    protected void add(Change change, Set<Aspect> aspects) {
        change.accept(new Add(change, aspects));
    }

    /**
     * Plans one change. One method per kind of change: a new kind does not compile until every
     * planner says what to do with it (Java 17 has no pattern switch; see docs/architecture.md).
     */
    private final class Add implements Change.Visitor {
        private final Change change;
        private final ObjectRef ref;
        private final Set<Aspect> aspects;

        Add(Change change, Set<Aspect> aspects) {
            this.change = change;
            this.ref = change.object();
            this.aspects = aspects;
        }

        @Override
        public void on(AlterSchema c) {
            alterDatabase(change, c.before(), c.after(), aspects);
        }

        @Override
        public void on(AddTable c) {
            createTable(change, c.after());
        }

        @Override
        public void on(DropTable c) {
            emit(Phase.DROP_TABLES, change, "DROP TABLE " + table(ref));
        }

        @Override
        public void on(AlterTable c) {
            alterTable(change, ref, c.before(), c.after(), aspects);
        }

        @Override
        public void on(AddColumn c) {
            emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " ADD COLUMN " + column(c.after(), null)
                    + (online() && instantAddColumn(ref, c.after()) ? ", ALGORITHM=INSTANT" : ""));
        }

        @Override
        public void on(DropColumn c) {
            emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " DROP COLUMN " + q(c.before().name()));
        }

        @Override
        public void on(AlterColumn c) {
            if (online() && aspects.equals(Set.of(Aspect.DEFAULT)) && literalDefault(c.after().defaultValue())) {
                // Only the default: a metadata change, INSTANT on MariaDB 10.3+ and MySQL 8.
                emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " ALTER COLUMN " + q(c.after().name())
                        + (c.after().defaultValue() == null ? " DROP DEFAULT" : " SET DEFAULT " + c.after().defaultValue())
                        + ", ALGORITHM=INSTANT");
            } else {
                emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " MODIFY COLUMN " + column(c.after(), null));
            }
        }

        @Override
        public void on(AddConstraint c) {
            addConstraint(change, ref, c.after());
        }

        @Override
        public void on(DropConstraint c) {
            dropConstraint(change, ref, c.before());
        }

        @Override
        public void on(ReplaceConstraint c) {
            dropConstraint(change, ref, c.before());
            addConstraint(change, ref, c.after());
        }

        @Override
        public void on(AddIndex c) {
            emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " ADD " + index(c.after()) + onlineClause(c.after()));
        }

        @Override
        public void on(DropIndex c) {
            emit(Phase.DROP_INDEXES, change, "ALTER TABLE " + table(ref) + " DROP INDEX " + q(c.before().name()));
        }

        @Override
        public void on(ReplaceIndex c) {
            if (servesForeignKey(ref, c.before())) {
                // A foreign key may not lose its index even for a moment: one statement swaps it.
                emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " DROP INDEX " + q(c.before().name())
                        + ", ADD " + index(c.after()) + onlineClause(c.after()));
            } else {
                emit(Phase.DROP_INDEXES, change, "ALTER TABLE " + table(ref) + " DROP INDEX " + q(c.before().name()));
                emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " ADD " + index(c.after()) + onlineClause(c.after()));
            }
        }

        @Override
        public void on(RenameIndex c) {
            emit(Phase.DROP_INDEXES, change, "ALTER TABLE " + table(ref) + " RENAME INDEX " + q(c.before().name())
                    + " TO " + q(c.after().name()));
        }

        @Override
        public void on(AddView c) {
            createView(change, ref, c.after());
        }

        @Override
        public void on(DropView c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP VIEW " + q(ref.name()));
        }

        @Override
        public void on(ReplaceView c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP VIEW " + q(ref.name()));
            createView(change, ref, c.after());
        }

        @Override
        public void on(AddTrigger c) {
            emitUnderMode(Phase.CREATE_DEPENDENTS, change, trigger(ref, c.after()), c.after().attributes());
        }

        @Override
        public void on(DropTrigger c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP TRIGGER " + q(c.before().name()));
        }

        @Override
        public void on(ReplaceTrigger c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP TRIGGER " + q(c.before().name()));
            emitUnderMode(Phase.CREATE_DEPENDENTS, change, trigger(ref, c.after()), c.after().attributes());
        }

        @Override
        public void on(AddRoutine c) {
            emitUnderMode(Phase.CREATE_ROUTINES, change, routine(c.after()), c.after().attributes());
        }

        @Override
        public void on(DropRoutine c) {
            emit(Phase.DROP_ROUTINES, change, "DROP " + c.before().kind().name() + " " + q(c.before().name()));
        }

        @Override
        public void on(ReplaceRoutine c) {
            emit(Phase.DROP_ROUTINES, change, "DROP " + c.before().kind().name() + " " + q(c.before().name()));
            emitUnderMode(Phase.CREATE_ROUTINES, change, routine(c.after()), c.after().attributes());
        }

        @Override
        public void on(AddEvent c) {
            emitUnderMode(Phase.CREATE_DEPENDENTS, change, event(c.after()), c.after().attributes());
        }

        @Override
        public void on(DropEvent c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP EVENT " + q(c.before().name()));
        }

        @Override
        public void on(ReplaceEvent c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP EVENT " + q(c.before().name()));
            emitUnderMode(Phase.CREATE_DEPENDENTS, change, event(c.after()), c.after().attributes());
        }

        @Override
        public void on(AddSchema c) {
            notPlanned();
        }

        @Override
        public void on(DropSchema c) {
            notPlanned();
        }

        @Override
        public void on(AddExtension c) {
            notPlanned();
        }

        @Override
        public void on(DropExtension c) {
            notPlanned();
        }

        @Override
        public void on(AlterExtension c) {
            notPlanned();
        }

        @Override
        public void on(RenameConstraint c) {
            notPlanned();
        }

        @Override
        public void on(AddPolicy c) {
            notPlanned();
        }

        @Override
        public void on(DropPolicy c) {
            notPlanned();
        }

        @Override
        public void on(ReplacePolicy c) {
            notPlanned();
        }

        @Override
        public void on(AddSequence c) {
            notPlanned();
        }

        @Override
        public void on(DropSequence c) {
            notPlanned();
        }

        @Override
        public void on(AlterSequence c) {
            notPlanned();
        }

        @Override
        public void on(AddType c) {
            notPlanned();
        }

        @Override
        public void on(DropType c) {
            notPlanned();
        }

        @Override
        public void on(AlterType c) {
            notPlanned();
        }

        @Override
        public void on(AddTextObject c) {
            notPlanned();
        }

        @Override
        public void on(DropTextObject c) {
            notPlanned();
        }

        @Override
        public void on(AlterTextObject c) {
            notPlanned();
        }

        @Override
        public void on(NotCompared c) {
            notPlanned();
        }

        /** A kind this dialect has no DDL for: reported, so that the plan says it is incomplete. */
        private void notPlanned() {
            unplanned(change.kind() + " " + change.object());
        }
    }

    /**
     * Whether {@code ADD COLUMN} at the end can run with {@code ALGORITHM=INSTANT}: both servers
     * refuse it for auto-increment and stored generated columns, tables with a FULLTEXT index and
     * compressed rows. Verification runs the plan on a real server, so a refusal this misses fails
     * there instead of in production.
     */
    private boolean instantAddColumn(ObjectRef ref, Column column) {
        Table table = actualTable(ref);
        return table != null
                && column.identity() == null
                && (column.generated() == null || !"STORED".equalsIgnoreCase(column.generated().storage()))
                && table.indexes().stream().noneMatch(i -> "FULLTEXT".equals(i.method()))
                && !"COMPRESSED".equalsIgnoreCase(table.attributes().get(MysqlAttributes.ROW_FORMAT));
    }

    /** Whether the actual table has a foreign key under the index's name, which InnoDB would have it serve. */
    private boolean servesForeignKey(ObjectRef ref, Index index) {
        Table table = actualTable(ref);
        return table != null && table.constraints().stream()
                .anyMatch(c -> c.type() == ConstraintType.FOREIGN_KEY && c.name().equals(index.name()));
    }

    private Table actualTable(ObjectRef ref) {
        return actual().schemas().stream().filter(s -> s.name().equals(ref.schema())).flatMap(s -> s.tables().stream())
                .filter(t -> t.name().equals(ref.table())).findFirst().orElse(null);
    }

    /** A default that {@code ALTER COLUMN ... SET DEFAULT} takes as written: none, a string or a number. */
    private static boolean literalDefault(String value) {
        return value == null || value.matches("'(?:[^']|'')*'") || value.matches("-?\\d+(?:\\.\\d+)?");
    }

    private String onlineClause(Index index) {
        boolean inplace = online() && !"FULLTEXT".equals(index.method()) && !"SPATIAL".equals(index.method());
        return inplace ? ", ALGORITHM=INPLACE, LOCK=NONE" : "";
    }

    static String column(Column c, String tableCollation) {
        StringBuilder sql = new StringBuilder(q(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            sql.append(" CHARACTER SET ").append(c.collation(), 0, c.collation().indexOf('_'))
                    .append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generated().expression()).append(") ")
                    .append(c.generated().storage());
            if (!c.nullable()) {
                sql.append(" NOT NULL");
            }
        } else {
            sql.append(c.nullable() ? " NULL" : " NOT NULL");
            if (c.defaultValue() != null) {
                sql.append(" DEFAULT ").append(c.defaultValue().equals("CURRENT_TIMESTAMP")
                        || c.defaultValue().startsWith("'") || c.defaultValue().matches("-?[0-9.]+|b'[01]+'|NULL|CURRENT_TIMESTAMP\\(\\d\\)")
                        ? c.defaultValue() : "(" + c.defaultValue() + ")");
            }
            String onUpdate = c.attributes().get(MysqlAttributes.ON_UPDATE);
            if (onUpdate != null) {
                sql.append(" ON UPDATE ").append(onUpdate);
            }
            if ("AUTO_INCREMENT".equals(c.identity())) {
                sql.append(" AUTO_INCREMENT");
            }
        }
        if ("true".equals(c.attributes().get(MysqlAttributes.INVISIBLE))) {
            sql.append(" INVISIBLE");
        }
        if (c.comment() != null) {
            sql.append(" COMMENT ").append(literal(c.comment()));
        }
        return sql.toString();
    }

    private static String index(Index i) {
        String kind = "FULLTEXT".equals(i.method()) ? "FULLTEXT INDEX " : "SPATIAL".equals(i.method()) ? "SPATIAL INDEX "
                : i.unique() ? "UNIQUE INDEX " : "INDEX ";
        String keys = i.keys().stream().map(k -> (k.column() != null ? q(k.column()) : "(" + k.expression() + ")")
                + (k.length() != null ? "(" + k.length() + ")" : "") + (k.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        String using = "HASH".equals(i.method()) ? " USING HASH" : "";
        // The optimizer leaves the index out (MariaDB's IGNORED, MySQL's INVISIBLE): still maintained.
        String unused = "true".equals(i.attributes().get(MysqlAttributes.IGNORED)) ? " IGNORED"
                : "true".equals(i.attributes().get(MysqlAttributes.INVISIBLE)) ? " INVISIBLE" : "";
        return kind + q(i.name()) + " (" + keys + ")" + using + (i.comment() != null ? " COMMENT " + literal(i.comment()) : "")
                + unused;
    }

    private void createTable(Change change, Table t) {
        List<String> parts = new ArrayList<>();
        for (Column c : t.columns()) {
            // MariaDB keeps a check written on a column as a column-level check named after it.
            String columnCheck = t.constraints().stream()
                    .filter(k -> k.type() == ConstraintType.CHECK && k.columns().equals(List.of(c.name())) && k.name().equals(c.name()))
                    .map(k -> " CHECK (" + k.definition() + ")").findFirst().orElse("");
            parts.add(column(c, t.attributes().get(MysqlAttributes.COLLATION)) + columnCheck);
        }
        for (Constraint c : t.constraints()) {
            if (c.type() == ConstraintType.PRIMARY_KEY) {
                parts.add("PRIMARY KEY (" + c.columns().stream().map(MysqlPlanner::q).collect(Collectors.joining(", ")) + ")");
            } else if (c.type() == ConstraintType.CHECK && !(c.columns().equals(List.of(c.name())))) {
                parts.add("CONSTRAINT " + q(c.name()) + " CHECK (" + c.definition() + ")");
            }
        }
        Set<String> foreignKeys = t.constraints().stream().filter(c -> c.type() == ConstraintType.FOREIGN_KEY)
                .map(Constraint::name).collect(Collectors.toSet());
        for (Index i : t.indexes()) {
            // InnoDB builds the index a foreign key needs when the key is added; one the schema made
            // itself (a UNIQUE key, say) under the key's name is created here.
            if (!(foreignKeys.contains(i.name()) && i.generatedName())) {
                parts.add(index(i));
            }
        }
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(q(t.name())).append(" (\n  ")
                .append(String.join(",\n  ", parts)).append("\n)");
        Map<String, String> a = t.attributes();
        if (a.containsKey(MysqlAttributes.ENGINE)) {
            sql.append(" ENGINE=").append(a.get(MysqlAttributes.ENGINE));
        }
        if (a.containsKey(MysqlAttributes.CHARSET)) {
            sql.append(" DEFAULT CHARSET=").append(a.get(MysqlAttributes.CHARSET));
        }
        if (a.containsKey(MysqlAttributes.COLLATION)) {
            sql.append(" COLLATE=").append(a.get(MysqlAttributes.COLLATION));
        }
        if (a.containsKey(MysqlAttributes.ROW_FORMAT)) {
            sql.append(" ROW_FORMAT=").append(a.get(MysqlAttributes.ROW_FORMAT));
        }
        if (a.containsKey(MysqlAttributes.CREATE_OPTIONS)) {
            sql.append(' ').append(tableOptions(a.get(MysqlAttributes.CREATE_OPTIONS)));
        }
        if (t.comment() != null) {
            sql.append(" COMMENT=").append(literal(t.comment()));
        }
        if (t.partitionKey() != null) {
            sql.append('\n').append(partitioning(t));
        }
        emit(Phase.CREATE_TABLES, change, sql.toString());
        ObjectRef asMember = new ObjectRef(change.object().kind(), change.object().schema(), t.name(), null);
        for (Constraint c : t.constraints()) {
            if (c.type() == ConstraintType.FOREIGN_KEY) {
                addConstraint(change, asMember, c);
            }
        }
        for (Trigger g : t.triggers()) {
            emitUnderMode(Phase.CREATE_DEPENDENTS, change, trigger(asMember, g), g.attributes());
        }
    }

    /**
     * CREATE_OPTIONS as table options in the manual's form: the server lists engine-defined
     * options quoted ({@code `PAGE_COMPRESSED`='1'}), as it would take an option no engine knows.
     */
    static String tableOptions(String createOptions) {
        return createOptions.replaceAll("`(\\w+)`='(\\w+)'", "$1=$2");
    }

    /**
     * {@code PARTITION BY} as the server printed it, and the partitions unless it counted them
     * ({@code PARTITIONS 4}): listing them would be a different definition in the dump.
     */
    private static String partitioning(Table t) {
        String clause = "PARTITION BY " + t.partitionKey();
        if (t.partitionKey().matches(".*(?<!SUB)PARTITIONS \\d+") || t.partitions().isEmpty()) {
            return clause;
        }
        return clause + " (" + t.partitions().stream().map(p -> "PARTITION " + q(p.name())
                + (p.bound() != null ? " " + p.bound().replace("(MAXVALUE)", "MAXVALUE") : "")
                + (p.comment() != null ? " COMMENT " + literal(p.comment()) : ""))
                .collect(Collectors.joining(", ")) + ")";
    }

    /**
     * A database's default character set and collation, which tables and routines created later
     * take: {@code ALTER DATABASE} without a name changes the one the plan runs in.
     */
    private void alterDatabase(Change change, Schema before, Schema after,
            Set<Aspect> aspects) {
        String collation = after.attributes().get(MysqlAttributes.COLLATION);
        if (aspects.contains(Aspect.ATTRIBUTES) && collation != null
                && !collation.equals(before.attributes().get(MysqlAttributes.COLLATION))) {
            emit(Phase.ALTER_TABLES, change, "ALTER DATABASE CHARACTER SET "
                    + after.attributes().get(MysqlAttributes.CHARSET) + " COLLATE " + collation);
        }
        if (!Set.of(Aspect.ATTRIBUTES).containsAll(aspects)) {
            unplanned(change.kind() + " " + change.object() + ": " + aspects);
        }
    }

    private void alterTable(Change change, ObjectRef ref, Table before, Table after, Set<Aspect> aspects) {
        List<String> options = new ArrayList<>();
        Map<String, String> a = after.attributes();
        if (aspects.contains(Aspect.ATTRIBUTES)) {
            if (!Objects.equals(a.get(MysqlAttributes.ENGINE), before.attributes().get(MysqlAttributes.ENGINE))) {
                options.add("ENGINE=" + a.get(MysqlAttributes.ENGINE));
            }
            if (!Objects.equals(a.get(MysqlAttributes.COLLATION), before.attributes().get(MysqlAttributes.COLLATION))) {
                // Columns without a collation of their own follow the table's: convert them with it.
                options.add("CONVERT TO CHARACTER SET " + a.get(MysqlAttributes.CHARSET) + " COLLATE "
                        + a.get(MysqlAttributes.COLLATION));
            }
            if (!Objects.equals(a.get(MysqlAttributes.ROW_FORMAT), before.attributes().get(MysqlAttributes.ROW_FORMAT))) {
                options.add("ROW_FORMAT=" + a.getOrDefault(MysqlAttributes.ROW_FORMAT, "DEFAULT"));
            }
            String createOptions = a.get(MysqlAttributes.CREATE_OPTIONS);
            String createOptionsBefore = before.attributes().get(MysqlAttributes.CREATE_OPTIONS);
            if (!Objects.equals(createOptions, createOptionsBefore)) {
                // An option the table no longer states goes back to its default; then the ones it states.
                for (String word : createOptionsBefore == null ? new String[0] : tableOptions(createOptionsBefore).split(" ")) {
                    String name = word.substring(0, word.indexOf('=') < 0 ? word.length() : word.indexOf('='));
                    if (createOptions == null || !tableOptions(createOptions).matches("(?s)(.* )?" + Pattern.quote(name) + "=.*")) {
                        options.add(name + "=DEFAULT");
                    }
                }
                if (createOptions != null) {
                    options.add(tableOptions(createOptions));
                }
            }
        }
        if (aspects.contains(Aspect.COMMENT)) {
            options.add("COMMENT=" + literal(after.comment() == null ? "" : after.comment()));
        }
        if (!options.isEmpty()) {
            emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " " + String.join(" ", options));
        }
        if (aspects.contains(Aspect.PARTITIONING)) {
            // Repartitioning copies the rows into the new layout (ALTER TABLE ... PARTITION BY).
            emit(Phase.ALTER_TABLES, change, "ALTER TABLE " + table(ref) + " "
                    + (after.partitionKey() == null ? "REMOVE PARTITIONING" : partitioning(after)));
        }
        if (aspects.contains(Aspect.COLUMN_ORDER)) {
            unplanned(change.kind() + " " + change.object() + ": column order is not planned yet");
        }
    }

    private void addConstraint(Change change, ObjectRef ref, Constraint c) {
        String prefix = "ALTER TABLE " + table(ref) + " ADD ";
        switch (c.type()) {
            case PRIMARY_KEY -> emit(Phase.ALTER_TABLES, change, prefix + "PRIMARY KEY ("
                    + c.columns().stream().map(MysqlPlanner::q).collect(Collectors.joining(", ")) + ")");
            case CHECK -> emit(Phase.ALTER_TABLES, change, prefix + "CONSTRAINT " + q(c.name()) + " CHECK (" + c.definition() + ")");
            case FOREIGN_KEY -> {
                var r = c.references();
                emit(Phase.ADD_FOREIGN_KEYS, change, prefix + "CONSTRAINT " + q(c.name()) + " FOREIGN KEY ("
                        + c.columns().stream().map(MysqlPlanner::q).collect(Collectors.joining(", ")) + ") REFERENCES "
                        + (r.schema() != null ? q(r.schema()) + "." : "") + q(r.table()) + " ("
                        + r.columns().stream().map(MysqlPlanner::q).collect(Collectors.joining(", ")) + ")"
                        + (r.onDelete() != null ? " ON DELETE " + r.onDelete() : "")
                        + (r.onUpdate() != null ? " ON UPDATE " + r.onUpdate() : ""));
            }
            default -> unplanned(change.kind() + " " + change.object() + ": " + c.type() + " constraints");
        }
    }

    private void dropConstraint(Change change, ObjectRef ref, Constraint c) {
        String prefix = "ALTER TABLE " + table(ref) + " DROP ";
        switch (c.type()) {
            case PRIMARY_KEY -> emit(Phase.DROP_FOREIGN_KEYS, change, prefix + "PRIMARY KEY");
            case FOREIGN_KEY -> emit(Phase.DROP_FOREIGN_KEYS, change, prefix + "FOREIGN KEY " + q(c.name()));
            default -> emit(Phase.DROP_FOREIGN_KEYS, change, prefix + "CONSTRAINT " + q(c.name()));
        }
    }

    @Override
    protected List<PlannedStatement> order(Phase phase, List<PlannedStatement> statements) {
        List<PlannedStatement> ordered = phase == Phase.CREATE_VIEWS ? inDependencyOrder(statements, false) : statements;
        List<PlannedStatement> out = new ArrayList<>();
        String current = null;
        for (PlannedStatement s : ordered) {
            String mode = sqlModes.get(s.sql());
            boolean escaped = s.sql().indexOf(BACKSLASH) >= 0 || s.sql().indexOf(CARRIAGE_RETURN) >= 0;
            if (mode == null && escaped) {
                // The caller's mode, but with backslash escapes whatever it says: one form for both.
                mode = "REPLACE(" + SAVED_SQL_MODE + ", 'NO_BACKSLASH_ESCAPES', '')";
            }
            if (!Objects.equals(mode, current)) {
                if (current == null) {
                    out.add(new PlannedStatement("SET " + SAVED_SQL_MODE + " = @@SESSION.sql_mode", s.reason(), true));
                }
                out.add(new PlannedStatement("SET SESSION sql_mode = " + (mode == null ? SAVED_SQL_MODE : mode),
                        s.reason(), true));
                current = mode;
            }
            String sql = s.sql();
            if (escaped) {
                boolean escapes = mode.startsWith("REPLACE(") || !mode.contains("NO_BACKSLASH_ESCAPES");
                sql = sql.replace(String.valueOf(BACKSLASH), escapes ? "\\\\" : "\\")
                        .replace(String.valueOf(CARRIAGE_RETURN), escapes ? "\\r" : "\r");
            }
            out.add(new PlannedStatement(sql, s.reason(), s.transactional(), printed(sql)));
        }
        if (current != null) {
            out.add(new PlannedStatement("SET SESSION sql_mode = " + SAVED_SQL_MODE, "the session's own sql_mode again",
                    true));
        }
        return out;
    }

    /**
     * A statement whose body holds semicolons as the {@code mariadb} client must read it: between
     * {@code DELIMITER} lines, with a delimiter the statement does not contain. JDBC needs none.
     */
    private static String printed(String sql) {
        if (!sql.contains(";")) {
            return null;
        }
        String delimiter = Stream.of("$$", "//", ";;", "$$$", "//;").filter(d -> !sql.contains(d))
                .findFirst().orElse("$driftgate$");
        return "DELIMITER " + delimiter + "\n" + sql + delimiter + "\nDELIMITER ;";
    }

    /** A view is created after the views it reads: MySQL checks that they exist. */
    private void createView(Change change, ObjectRef ref, View v) {
        emit(Phase.CREATE_VIEWS, change.kind() + " " + change.object(), view(ref, v), true,
                new RelationName(ref.schema(), ref.name()));
    }

    private static String view(ObjectRef ref, View v) {
        Map<String, String> a = v.attributes();
        String check = a.get(MysqlAttributes.CHECK_OPTION);
        return "CREATE" + (a.containsKey(MysqlAttributes.ALGORITHM) ? " ALGORITHM=" + a.get(MysqlAttributes.ALGORITHM) : "")
                + (a.containsKey(MysqlAttributes.SECURITY) ? " SQL SECURITY " + a.get(MysqlAttributes.SECURITY) : "")
                + " VIEW " + q(ref.name()) + " AS " + v.definition()
                + (check != null ? " WITH " + check + " CHECK OPTION" : "");
    }

    private static String trigger(ObjectRef ref, Trigger g) {
        return "CREATE TRIGGER " + q(g.name()) + " " + g.timing() + " " + String.join(" OR ", g.events()) + " ON "
                + table(ref) + " FOR EACH " + g.level() + " " + g.action();
    }

    private static String routine(Routine r) {
        Map<String, String> a = r.attributes();
        StringBuilder sql = new StringBuilder("CREATE ").append(r.kind().name()).append(' ').append(q(r.name()))
                .append('(').append(r.arguments() == null ? "" : r.arguments()).append(')');
        if (r.returns() != null) {
            sql.append(" RETURNS ").append(r.returns());
        }
        if ("true".equals(a.get(MysqlAttributes.DETERMINISTIC))) {
            sql.append(" DETERMINISTIC");
        }
        if (a.containsKey(MysqlAttributes.DATA_ACCESS)) {
            sql.append(' ').append(a.get(MysqlAttributes.DATA_ACCESS));
        }
        if (a.containsKey(MysqlAttributes.SECURITY)) {
            sql.append(" SQL SECURITY ").append(a.get(MysqlAttributes.SECURITY));
        }
        if (r.comment() != null) {
            sql.append(" COMMENT ").append(literal(r.comment()));
        }
        return sql.append('\n').append(r.body()).toString();
    }

    private static String event(Event e) {
        return "CREATE EVENT " + q(e.name()) + " ON SCHEDULE " + e.schedule()
                + (e.onCompletion() != null ? " ON COMPLETION " + e.onCompletion() : "")
                + ("DISABLED".equals(e.status()) ? " DISABLE" : " ENABLE")
                + (e.comment() != null ? " COMMENT " + literal(e.comment()) : "") + " DO " + e.body();
    }
}
