package dev.driftgate.dialect.postgres;

import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.Change.*;
import dev.driftgate.diff.ObjectKind;
import dev.driftgate.diff.ObjectRef;
import dev.driftgate.diff.SchemaDiff;
import dev.driftgate.plan.PhasedPlanner;
import dev.driftgate.plan.PlannedStatement;
import dev.driftgate.schema.Attributed;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Constraint.ConstraintType;
import dev.driftgate.schema.Dependency;
import dev.driftgate.schema.Index;
import dev.driftgate.schema.Policy;
import dev.driftgate.schema.RelationName;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Sequence;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.TextObject;
import dev.driftgate.schema.Trigger;
import dev.driftgate.schema.UserType;
import dev.driftgate.schema.View;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * PostgreSQL remediation DDL. Statements are grouped in phases that respect dependencies without
 * a dependency graph: what depends on others is dropped first and created last (triggers, policies
 * and views around tables; foreign keys after every table; drops of types, sequences and schemas at
 * the very end). Every plan is proven by {@code PlanVerifier}, which is where an ordering this
 * cannot see shows up.
 */
final class PostgresPlanner extends PhasedPlanner<PostgresPlanner.Phase> {

    enum Phase {
        PREAMBLE, DROP_DEPENDENTS, DROP_CONSTRAINTS, DROP_INDEXES, DROP_ROUTINES, DROP_TABLES, DROP_COLUMNS,
        CREATE_SCHEMAS, CREATE_COLLATIONS, CREATE_TEXT_SEARCH_DICTIONARIES, CREATE_TEXT_SEARCH_CONFIGURATIONS, CREATE_TYPES, CREATE_SEQUENCES, CREATE_TABLES, ALTER_COLUMNS, CREATE_ROUTINES,
        ADD_CONSTRAINTS, ADD_FOREIGN_KEYS, VALIDATE, CREATE_VIEWS, CREATE_INDEXES, CREATE_DEPENDENTS, COMMENTS,
        DROP_LAST, DROP_TEXT_SEARCH_CONFIGURATIONS, DROP_TEXT_SEARCH_DICTIONARIES, DROP_COLLATIONS
    }

    /** Tables whose column types the plan changes: views reading them are rebuilt around it. */
    private final Set<RelationName> rebuiltTables = new LinkedHashSet<>();

    /** The dependency graph of the diff being planned, and the snapshots it was built from. */
    private PlanDependencies dependencies;
    private SchemaSnapshot dependenciesOf;

    PostgresPlanner() {
        super(Phase.class);
    }

    private PlanDependencies dependencies() {
        if (dependenciesOf != expected() || dependencies == null) {
            dependencies = new PlanDependencies(expected(), actual());
            dependenciesOf = expected();
        }
        return dependencies;
    }

    /** Declares that a statement creates {@code id}, after what the expected side's catalog says it needs. */
    private void creates(PlannedStatement statement, String id, Set<String> guessed, String... alsoMakes) {
        List<String> makes = new ArrayList<>(List.of(alsoMakes));
        makes.add(id);
        declare(statement, makes, dependencies().needs(id), guessed);
    }

    /** Declares that a statement drops {@code id}, after the drops of what depends on it on the actual side. */
    private void drops(PlannedStatement statement, String id) {
        declare(statement, List.of(PlanDependencies.drop(id)), dependencies().dropsBefore(id), Set.of());
    }

    @Override
    protected List<PlannedStatement> preamble() {
        return online() ? List.of(new PlannedStatement("SET lock_timeout = '5s'",
                "fail fast instead of queueing behind long transactions", true)) : List.of();
    }

    @Override
    protected List<PlannedStatement> order(Phase phase, List<PlannedStatement> statements) {
        return switch (phase) {
            case CREATE_VIEWS -> inDependencyOrder(statements, false);
            case DROP_DEPENDENTS -> inDependencyOrder(statements, true);
            default -> statements;
        };
    }

    /**
     * PostgreSQL binds a view to what it reads: a column's type cannot change, nor can a view be
     * dropped, while another view reads it. Every view that reads a retyped table or a dropped view,
     * directly or through other views (as the actual snapshot's dependency records say), is dropped
     * first and recreated from the expected snapshot afterwards.
     */
    @Override
    protected void afterChanges() {
        Set<RelationName> disturbed = new LinkedHashSet<>(rebuiltTables);
        rebuiltTables.clear();
        disturbed.addAll(subjects(Phase.DROP_DEPENDENTS));
        Set<RelationName> dropped = subjects(Phase.DROP_DEPENDENTS);
        Set<RelationName> created = subjects(Phase.CREATE_VIEWS);
        Map<RelationName, View> actualViews = views(actual());
        Map<RelationName, View> expectedViews = views(expected());
        for (RelationName reader : readersOf(disturbed, actual())) {
            if (dropped.contains(reader)) {
                continue;
            }
            View before = actualViews.get(reader);
            emit(Phase.DROP_DEPENDENTS, "rebuild view " + reader + ": it reads a relation the plan changes",
                    "DROP " + (before.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + q(reader.schema()) + "."
                            + q(reader.name()), true, reader);
            View after = expectedViews.get(reader);
            if (after != null && !created.contains(reader)) {
                createView("rebuild view " + reader, new ObjectRef(ObjectKind.VIEW, reader.schema(), null, reader.name()),
                        after);
            }
        }
    }

    private static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String table(ObjectRef ref) {
        return q(ref.schema()) + "." + q(ref.table() != null ? ref.table() : ref.name());
    }

    private static String named(ObjectRef ref) {
        return q(ref.schema()) + "." + q(ref.name());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    @Override
    protected void add(Change change, Set<Aspect> aspects) {
        if (followsItsParent(change)) {
            return;
        }
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
        public void on(AddSchema c) {
            emit(Phase.CREATE_SCHEMAS, change, "CREATE SCHEMA " + q(ref.schema()));
            comment(change, "SCHEMA " + q(ref.schema()), c.after().comment());
            for (Change inner : SchemaDiff.additions(c.after())) {
                add(inner, Set.of());
            }
        }

        @Override
        public void on(DropSchema c) {
            // The expected schema has none of it: everything inside goes with it.
            emit(Phase.DROP_LAST, change, "DROP SCHEMA " + q(ref.schema()) + " CASCADE");
        }

        @Override
        public void on(AlterSchema c) {
            if (aspects.contains(Aspect.COMMENT)) {
                comment(change, "SCHEMA " + q(ref.schema()), c.after().comment());
            }
            if (aspects.contains(Aspect.ATTRIBUTES) || aspects.contains(Aspect.OWNER) || aspects.contains(Aspect.GRANTS)) {
                unplanned(change.kind() + " " + change.object() + ": owner and grants are not planned");
            }
        }

        @Override
        public void on(AddExtension c) {
            emit(Phase.CREATE_SCHEMAS, change, "CREATE EXTENSION IF NOT EXISTS " + q(c.after().name())
                    + (c.after().schema() == null ? "" : " WITH SCHEMA " + q(c.after().schema()))
                    + (c.after().version() == null ? "" : " VERSION " + literal(c.after().version())));
        }

        @Override
        public void on(DropExtension c) {
            emit(Phase.DROP_LAST, change, "DROP EXTENSION " + q(c.before().name()));
        }

        @Override
        public void on(AlterExtension c) {
            emit(Phase.CREATE_SCHEMAS, change, "ALTER EXTENSION " + q(c.after().name()) + " UPDATE TO "
                    + literal(c.after().version()));
        }

        @Override
        public void on(AddTable c) {
            createTable(change, ref, c.after());
        }

        @Override
        public void on(DropTable c) {
            drops(emitted(Phase.DROP_TABLES, change, "DROP TABLE " + named(ref)), Dependency.relation(ref.schema(), ref.name()));
        }

        @Override
        public void on(AlterTable c) {
            alterTable(change, ref, c.before(), c.after(), aspects);
        }

        @Override
        public void on(AddColumn c) {
            emit(Phase.CREATE_TABLES, change, "ALTER TABLE " + table(ref) + " ADD COLUMN " + column(c.after()));
            comment(change, "COLUMN " + table(ref) + "." + q(c.after().name()), c.after().comment());
        }

        @Override
        public void on(DropColumn c) {
            emit(Phase.DROP_COLUMNS, change, "ALTER TABLE " + table(ref) + " DROP COLUMN " + q(c.before().name()));
        }

        @Override
        public void on(AlterColumn c) {
            alterColumn(change, ref, c.before(), c.after(), aspects);
        }

        @Override
        public void on(AddConstraint c) {
            addConstraint(change, ref, c.after());
        }

        @Override
        public void on(DropConstraint c) {
            emit(Phase.DROP_CONSTRAINTS, change, "ALTER TABLE " + table(ref) + " DROP CONSTRAINT " + q(c.before().name()));
        }

        @Override
        public void on(ReplaceConstraint c) {
            if (!aspects.contains(Aspect.DEFINITION) && onlyIndexFacts(c.before(), c.after())) {
                constraintIndexFacts(change, ref, c.before(), c.after());
            } else {
                emit(Phase.DROP_CONSTRAINTS, change, "ALTER TABLE " + table(ref) + " DROP CONSTRAINT " + q(c.before().name()));
                addConstraint(change, ref, c.after());
            }
        }

        @Override
        public void on(RenameConstraint c) {
            emit(Phase.DROP_CONSTRAINTS, change, "ALTER TABLE " + table(ref) + " RENAME CONSTRAINT "
                    + q(c.before().name()) + " TO " + q(c.after().name()));
        }

        @Override
        public void on(AddIndex c) {
            createIndex(change, ref, c.after());
        }

        @Override
        public void on(DropIndex c) {
            emit(Phase.DROP_INDEXES, change, "DROP INDEX " + q(ref.schema()) + "." + q(c.before().name()));
        }

        @Override
        public void on(ReplaceIndex c) {
            if (!aspects.contains(Aspect.DEFINITION) && onlyClustering(c.before().attributes(), c.after().attributes())) {
                if (aspects.contains(Aspect.COMMENT)) {
                    comment(change, "INDEX " + q(ref.schema()) + "." + q(c.after().name()), c.after().comment());
                }
                if (aspects.contains(Aspect.ATTRIBUTES)) {
                    cluster(change.kind() + " " + ref, ref, c.after().name(), c.after().attributes(), true);
                }
            } else {
                emit(Phase.DROP_INDEXES, change, "DROP INDEX " + q(ref.schema()) + "." + q(c.before().name()));
                createIndex(change, ref, c.after());
            }
        }

        @Override
        public void on(RenameIndex c) {
            emit(Phase.DROP_INDEXES, change, "ALTER INDEX " + q(ref.schema()) + "." + q(c.before().name())
                    + " RENAME TO " + q(c.after().name()));
        }

        @Override
        public void on(AddView c) {
            createView(change, ref, c.after());
        }

        @Override
        public void on(DropView c) {
            dropView(change, ref, c.before());
        }

        @Override
        public void on(ReplaceView c) {
            if (!aspects.contains(Aspect.DEFINITION) && withoutColumnComments(c.before()).equals(withoutColumnComments(c.after()))) {
                if (aspects.contains(Aspect.COMMENT)) {
                    comment(change, (c.after().materialized() ? "MATERIALIZED VIEW " : "VIEW ") + named(ref),
                            c.after().comment());
                }
                viewColumnComments(change.kind() + " " + ref, ref, c.before().attributes(), c.after().attributes());
            } else {
                dropView(change, ref, c.before());
                createView(change, ref, c.after());
            }
        }

        @Override
        public void on(AddSequence c) {
            createSequence(change, ref, c.after());
        }

        @Override
        public void on(DropSequence c) {
            emit(Phase.DROP_LAST, change, "DROP SEQUENCE " + named(ref));
        }

        @Override
        public void on(AlterSequence c) {
            alterSequence(change, ref, c.before(), c.after(), aspects);
            if (!Objects.equals(c.before().ownedBy(), c.after().ownedBy())) {
                // After the columns are made: the owning column may be new in this plan.
                emit(Phase.ADD_CONSTRAINTS, change, "ALTER SEQUENCE " + named(ref) + " OWNED BY "
                        + (c.after().ownedBy() == null ? "NONE" : c.after().ownedBy()));
            }
        }

        @Override
        public void on(AddType c) {
            createType(change, ref, c.after());
        }

        @Override
        public void on(DropType c) {
            drops(emitted(Phase.DROP_LAST, change, "DROP TYPE " + named(ref)), Dependency.type(ref.schema(), ref.name()));
        }

        @Override
        public void on(AlterType c) {
            alterType(change, ref, c.before(), c.after(), aspects);
        }

        @Override
        public void on(AddTextObject c) {
            createTextObject(change, ref, c.after());
        }

        @Override
        public void on(DropTextObject c) {
            emit(drop(c.before().kind()), change, "DROP " + c.before().kind().keyword() + " " + named(ref));
        }

        @Override
        public void on(AlterTextObject c) {
            alterTextObject(change, ref, c.before(), c.after(), aspects);
        }

        @Override
        public void on(AddRoutine c) {
            createRoutine(change, ref, c.after());
            comment(change, routineTarget(ref, c.after()), c.after().comment());
        }

        @Override
        public void on(DropRoutine c) {
            drops(emitted(Phase.DROP_ROUTINES, change, "DROP " + routineKeyword(c.before())
                    + q(ref.schema()) + "." + q(c.before().name()) + "(" + nullToEmpty(c.before().signature()) + ")"),
                    Dependency.routine(ref.schema(), c.before()));
        }

        @Override
        public void on(ReplaceRoutine c) {
            if (aspects.contains(Aspect.TYPE)) {
                emit(Phase.DROP_ROUTINES, change, "DROP " + routineKeyword(c.before()) + q(ref.schema()) + "." + q(c.before().name()) + "("
                        + nullToEmpty(c.before().signature()) + ")");
            }
            createRoutine(change, ref, c.after());
            if (aspects.contains(Aspect.COMMENT) || aspects.contains(Aspect.TYPE)) {
                emitComment(change, routineTarget(ref, c.after()), c.after().comment());
            }
        }

        @Override
        public void on(AddTrigger c) {
            createTrigger(change, ref, c.after());
            comment(change, "TRIGGER " + q(c.after().name()) + " ON " + table(ref), c.after().comment());
        }

        @Override
        public void on(DropTrigger c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP TRIGGER " + q(c.before().name()) + " ON " + table(ref));
        }

        @Override
        public void on(ReplaceTrigger c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP TRIGGER " + q(c.before().name()) + " ON " + table(ref));
            createTrigger(change, ref, c.after());
            comment(change, "TRIGGER " + q(c.after().name()) + " ON " + table(ref), c.after().comment());
        }

        @Override
        public void on(AddPolicy c) {
            emit(Phase.CREATE_DEPENDENTS, change, policy(ref, c.after()));
        }

        @Override
        public void on(DropPolicy c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP POLICY " + q(c.before().name()) + " ON " + table(ref));
        }

        @Override
        public void on(ReplacePolicy c) {
            emit(Phase.DROP_DEPENDENTS, change, "DROP POLICY " + q(c.before().name()) + " ON " + table(ref));
            emit(Phase.CREATE_DEPENDENTS, change, policy(ref, c.after()));
        }

        @Override
        public void on(AddEvent c) {
            notPlanned();
        }

        @Override
        public void on(DropEvent c) {
            notPlanned();
        }

        @Override
        public void on(ReplaceEvent c) {
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

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private void createTable(Change change, ObjectRef ref, Table t) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if ("true".equals(t.attributes().get(PostgresAttributes.UNLOGGED))) {
            sql.append("UNLOGGED ");
        }
        sql.append("TABLE ").append(named(ref));
        if (t.partitionOf() != null) {
            sql.append(" PARTITION OF ").append(t.partitionOf()).append(' ').append(t.partitionBound());
        } else {
            // Columns that come from an inheritance parent are not declared again.
            sql.append(" (").append(t.columns().stream()
                    .filter(c -> t.inherits().isEmpty() || !"true".equals(c.attributes().get(PostgresAttributes.INHERITED)))
                    .map(PostgresPlanner::column).collect(Collectors.joining(", "))).append(')');
            if (!t.inherits().isEmpty()) {
                sql.append(" INHERITS (").append(String.join(", ", t.inherits())).append(')');
            }
        }
        if (t.partitionKey() != null) {
            sql.append(" PARTITION BY ").append(t.partitionKey());
        }
        String storage = t.attributes().get(PostgresAttributes.STORAGE_PARAMETERS);
        if (storage != null) {
            sql.append(" WITH (").append(storage).append(')');
        }
        creates(emitted(Phase.CREATE_TABLES, change, sql.toString()), Dependency.relation(ref.schema(), ref.name()), Set.of());
        if ("enabled".equals(t.attributes().get(PostgresAttributes.ROW_SECURITY))) {
            emit(Phase.CREATE_TABLES, change, "ALTER TABLE " + named(ref) + " ENABLE ROW LEVEL SECURITY");
        }
        if (!t.inherits().isEmpty()) {
            inheritedColumnOverrides(change, ref, t);
        }
        if ("true".equals(t.attributes().get(PostgresAttributes.FORCE_ROW_SECURITY))) {
            emit(Phase.CREATE_TABLES, change, "ALTER TABLE " + named(ref) + " FORCE ROW LEVEL SECURITY");
        }
        replicaIdentity(change, ref, null, t.attributes().get(PostgresAttributes.REPLICA_IDENTITY));
        comment(change, "TABLE " + named(ref), t.comment());
        for (Column c : t.columns()) {
            if (t.partitionOf() == null) {
                comment(change, "COLUMN " + named(ref) + "." + q(c.name()), c.comment());
            }
            String statistics = c.attributes().get(PostgresAttributes.STATISTICS);
            if (statistics != null) {
                emit(Phase.CREATE_TABLES, change, "ALTER TABLE " + named(ref) + " ALTER COLUMN " + q(c.name())
                        + " SET STATISTICS " + statistics);
            }
        }
        ObjectRef asMember = new ObjectRef(ref.kind(), ref.schema(), ref.name(), null);
        for (Constraint c : t.constraints()) {
            if (!"true".equals(c.attributes().get(PostgresAttributes.INHERITED))) {
                addConstraint(change, asMember, c, false);
            }
        }
        for (Index i : t.indexes()) {
            if (!"true".equals(i.attributes().get(PostgresAttributes.INHERITED))) {
                createIndex(change, asMember, i);
            }
        }
        for (Trigger g : t.triggers()) {
            if (!"true".equals(g.attributes().get(PostgresAttributes.INHERITED))) {
                createTrigger(change, asMember, g);
                comment(change, "TRIGGER " + q(g.name()) + " ON " + table(asMember), g.comment());
            }
        }
        for (Policy p : t.policies()) {
            emit(Phase.CREATE_DEPENDENTS, change, policy(asMember, p));
        }
    }

    private void alterTable(Change change, ObjectRef ref, Table before, Table after, Set<Aspect> aspects) {
        if (aspects.contains(Aspect.COMMENT)) {
            comment(change, "TABLE " + named(ref), after.comment());
        }
        if (aspects.contains(Aspect.ATTRIBUTES)) {
            boolean unlogged = "true".equals(after.attributes().get(PostgresAttributes.UNLOGGED));
            if (unlogged != "true".equals(before.attributes().get(PostgresAttributes.UNLOGGED))) {
                emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + named(ref) + (unlogged ? " SET UNLOGGED" : " SET LOGGED"));
            }
            boolean rls = "enabled".equals(after.attributes().get(PostgresAttributes.ROW_SECURITY));
            if (rls != "enabled".equals(before.attributes().get(PostgresAttributes.ROW_SECURITY))) {
                emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + named(ref)
                        + (rls ? " ENABLE" : " DISABLE") + " ROW LEVEL SECURITY");
            }
            boolean forced = "true".equals(after.attributes().get(PostgresAttributes.FORCE_ROW_SECURITY));
            if (forced != "true".equals(before.attributes().get(PostgresAttributes.FORCE_ROW_SECURITY))) {
                emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + named(ref)
                        + (forced ? " FORCE" : " NO FORCE") + " ROW LEVEL SECURITY");
            }
            replicaIdentity(change, ref, before.attributes().get(PostgresAttributes.REPLICA_IDENTITY),
                    after.attributes().get(PostgresAttributes.REPLICA_IDENTITY));
            String storage = after.attributes().get(PostgresAttributes.STORAGE_PARAMETERS);
            String old = before.attributes().get(PostgresAttributes.STORAGE_PARAMETERS);
            if (storage != null && !storage.equals(old)) {
                emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + named(ref) + " SET (" + storage + ")");
            } else if (storage == null && old != null) {
                String keys = Arrays.stream(old.split(",\\s*")).map(kv -> kv.split("=")[0])
                        .collect(Collectors.joining(", "));
                emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + named(ref) + " RESET (" + keys + ")");
            }
        }
        if (aspects.contains(Aspect.PARTITIONING)) {
            if (samePartitioning(before, after)) {
                changeParents(change, ref, before, after);
            } else {
                unplanned(change.kind() + " " + change.object() + ": partitioning (recreate the table)");
            }
        }
        if (aspects.contains(Aspect.COLUMN_ORDER)) {
            unplanned(change.kind() + " " + change.object() + ": column order (PostgreSQL cannot reorder columns)");
        }
    }

    /**
     * REPLICA IDENTITY, when it changes. {@code USING INDEX} names an index that may be created by
     * the same plan, so it comes after the indexes.
     */
    private void replicaIdentity(Change change, ObjectRef ref, String before, String after) {
        if (Objects.equals(before, after)) {
            return;
        }
        emit(after != null && after.startsWith("USING INDEX") ? Phase.CREATE_DEPENDENTS : Phase.ALTER_COLUMNS, change,
                "ALTER TABLE " + named(ref) + " REPLICA IDENTITY " + (after == null ? "DEFAULT" : after));
    }

    /**
     * A partition's index or constraint attached to its parent's, or a column a child inherits: the
     * parent's change makes it (or drops it, or alters it), and the partition's own statement would
     * fail (already exists, does not exist, cannot alter an inherited column).
     */
    private static boolean followsItsParent(Change change) {
        Object subject = change.after() != null ? change.after() : change.before();
        return FOLLOW_THEIR_PARENT.contains(change.getClass()) && subject instanceof Attributed part
                && "true".equals(part.attributes().get(PostgresAttributes.INHERITED));
    }

    /** The changes a partition's or child's part takes from its parent (altering an inherited column is the child's own). */
    private static final Set<Class<? extends Change>> FOLLOW_THEIR_PARENT = Set.of(AddIndex.class, DropIndex.class,
            ReplaceIndex.class, AddConstraint.class, DropConstraint.class, ReplaceConstraint.class, AddColumn.class,
            DropColumn.class);

    /** Whether the expected schema has the table as a partitioned parent. */
    private boolean isPartitioned(ObjectRef ref) {
        return expected().schema(ref.schema()).flatMap(s -> s.tables().stream()
                .filter(t -> t.name().equals(ref.table())).findFirst())
                .map(t -> t.partitionKey() != null).orElse(false);
    }

    private static boolean samePartitioning(Table before, Table after) {
        return Objects.equals(before.partitionKey(), after.partitionKey())
                && Objects.equals(before.partitionOf(), after.partitionOf())
                && Objects.equals(before.partitionBound(), after.partitionBound())
                && before.partitions().equals(after.partitions());
    }

    /**
     * A table's inheritance parents changed: NO INHERIT before columns are dropped, INHERIT once the
     * columns a new parent brings exist (the child must have them all).
     */
    private void changeParents(Change change, ObjectRef ref, Table before, Table after) {
        for (String parent : before.inherits()) {
            if (!after.inherits().contains(parent)) {
                emit(Phase.DROP_COLUMNS, change, "ALTER TABLE " + named(ref) + " NO INHERIT " + parent);
            }
        }
        for (String parent : after.inherits()) {
            if (!before.inherits().contains(parent)) {
                emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + named(ref) + " INHERIT " + parent);
            }
        }
    }

    /**
     * A child's own default and NOT NULL on a column it inherits: CREATE TABLE ... INHERITS gives it
     * the parent's, so where the child differs, it is said after.
     */
    private void inheritedColumnOverrides(Change change, ObjectRef ref, Table t) {
        for (Column c : t.columns()) {
            if (!"true".equals(c.attributes().get(PostgresAttributes.INHERITED))) {
                continue;
            }
            Column parent = parentColumn(t, c.name());
            if (parent == null) {
                continue;
            }
            String prefix = "ALTER TABLE " + named(ref) + " ALTER COLUMN " + q(c.name());
            if (!Objects.equals(parent.defaultValue(), c.defaultValue()) && c.generated() == null
                    && c.identity() == null) {
                emit(Phase.CREATE_TABLES, change, c.defaultValue() == null ? prefix + " DROP DEFAULT"
                        : prefix + " SET DEFAULT " + c.defaultValue());
            }
            if (parent.nullable() && !c.nullable()) {
                emit(Phase.CREATE_TABLES, change, prefix + " SET NOT NULL");
            }
        }
    }

    /** The column of that name in the first of the table's parents (as the expected side has them) that has it. */
    private Column parentColumn(Table t, String name) {
        for (String parent : t.inherits()) {
            for (Schema s : expected().schemas()) {
                for (Table candidate : s.tables()) {
                    // The catalog names parents as quote_ident does: schema.table.
                    if (parent.equals(quoteIdentLike(s.name()) + "." + quoteIdentLike(candidate.name()))) {
                        Optional<Column> column = candidate.column(name);
                        if (column.isPresent()) {
                            return column.get();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** As quote_ident: quoted unless lower-case letters, digits and underscores. */
    private static String quoteIdentLike(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : q(name);
    }

    static String column(Column c) {
        StringBuilder sql = new StringBuilder(q(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            sql.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generated().expression()).append(") ")
                    .append(c.generated().storage());
        } else if (c.identity() != null) {
            sql.append(" GENERATED ").append(c.identity()).append(" AS IDENTITY").append(identityOptions(c));
        } else if (c.defaultValue() != null) {
            sql.append(" DEFAULT ").append(c.defaultValue());
        }
        if (!c.nullable()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** {@code  (START WITH 10 CACHE 20)} for an identity with options other than the defaults, else empty. */
    private static String identityOptions(Column c) {
        String options = c.attributes().get(PostgresAttributes.IDENTITY_OPTIONS);
        return options == null ? "" : " (" + options + ")";
    }

    /**
     * Every identity option set to what the column expects, defaults spelled out, since ALTER keeps
     * whatever it is not told: {@code  SET INCREMENT BY 1 SET NO MINVALUE ...}.
     */
    private static String identityOptionsSet(Column c) {
        String options = nullToEmpty(c.attributes().get(PostgresAttributes.IDENTITY_OPTIONS));
        Function<String, String> value = key -> {
            Matcher m = Pattern.compile(key + " (-?\\d+)").matcher(options);
            return m.find() ? m.group(1) : null;
        };
        String increment = value.apply("INCREMENT BY");
        String min = value.apply("MINVALUE");
        String max = value.apply("MAXVALUE");
        String start = value.apply("START WITH");
        boolean descending = increment != null && increment.startsWith("-");
        String startDefault = descending ? (max != null ? max : "-1") : (min != null ? min : "1");
        String cache = value.apply("CACHE");
        return " SET INCREMENT BY " + (increment == null ? "1" : increment)
                + (min == null ? " SET NO MINVALUE" : " SET MINVALUE " + min)
                + (max == null ? " SET NO MAXVALUE" : " SET MAXVALUE " + max)
                + " SET START WITH " + (start == null ? startDefault : start)
                + " SET CACHE " + (cache == null ? "1" : cache)
                + (options.contains("CYCLE") ? " SET CYCLE" : " SET NO CYCLE");
    }

    private void alterColumn(Change change, ObjectRef ref, Column before, Column after, Set<Aspect> aspects) {
        String prefix = "ALTER TABLE " + table(ref) + " ALTER COLUMN " + q(after.name());
        if (aspects.contains(Aspect.GENERATED) || aspects.contains(Aspect.TYPE) || aspects.contains(Aspect.COLLATION)) {
            rebuiltTables.add(new RelationName(ref.schema(), ref.table()));
        }
        if (aspects.contains(Aspect.GENERATED)) {
            emit(Phase.DROP_COLUMNS, change, "ALTER TABLE " + table(ref) + " DROP COLUMN " + q(before.name()));
            emit(Phase.ALTER_COLUMNS, change, "ALTER TABLE " + table(ref) + " ADD COLUMN " + column(after));
            return;
        }
        if (aspects.contains(Aspect.TYPE) || aspects.contains(Aspect.COLLATION)) {
            emit(Phase.ALTER_COLUMNS, change, prefix + " TYPE " + after.type()
                    + (after.collation() != null ? " COLLATE " + after.collation() : "")
                    + " USING " + q(after.name()) + "::" + after.type());
        }
        if (aspects.contains(Aspect.IDENTITY)) {
            if (before.identity() != null) {
                emit(Phase.ALTER_COLUMNS, change, prefix + " DROP IDENTITY");
            }
            if (after.identity() != null) {
                emit(Phase.ALTER_COLUMNS, change, prefix + " ADD GENERATED " + after.identity() + " AS IDENTITY"
                        + identityOptions(after));
            }
        } else if (after.identity() != null && aspects.contains(Aspect.ATTRIBUTES) && !Objects.equals(
                before.attributes().get(PostgresAttributes.IDENTITY_OPTIONS),
                after.attributes().get(PostgresAttributes.IDENTITY_OPTIONS))) {
            emit(Phase.ALTER_COLUMNS, change, prefix + identityOptionsSet(after));
        }
        if (aspects.contains(Aspect.DEFAULT)) {
            emit(Phase.ALTER_COLUMNS, change, after.defaultValue() == null ? prefix + " DROP DEFAULT"
                    : prefix + " SET DEFAULT " + after.defaultValue());
        }
        if (aspects.contains(Aspect.NULLABILITY)) {
            emit(Phase.ALTER_COLUMNS, change, prefix + (after.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
        }
        String statistics = after.attributes().get(PostgresAttributes.STATISTICS);
        if (aspects.contains(Aspect.ATTRIBUTES)
                && !Objects.equals(statistics, before.attributes().get(PostgresAttributes.STATISTICS))) {
            // -1 is the default on every supported version (17 also spells it DEFAULT).
            emit(Phase.ALTER_COLUMNS, change, prefix + " SET STATISTICS " + (statistics == null ? "-1" : statistics));
        }
        if (aspects.contains(Aspect.COMMENT)) {
            comment(change, "COLUMN " + table(ref) + "." + q(after.name()), after.comment());
        }
    }

    private void addConstraint(Change change, ObjectRef ref, Constraint c) {
        addConstraint(change, ref, c, true);
    }

    /** @param existingTable false for a table the plan creates: it is empty, so no online form is needed */
    private void addConstraint(Change change, ObjectRef ref, Constraint c, boolean existingTable) {
        String prefix = "ALTER TABLE " + table(ref) + " ADD CONSTRAINT " + q(c.name()) + " ";
        boolean notValid = "true".equals(c.attributes().get(PostgresAttributes.NOT_VALID));
        String definition = c.definition();
        boolean validatable = c.type() == ConstraintType.FOREIGN_KEY || c.type() == ConstraintType.CHECK;
        Phase phase = c.type() == ConstraintType.FOREIGN_KEY ? Phase.ADD_FOREIGN_KEYS : Phase.ADD_CONSTRAINTS;
        PlannedStatement added;
        if (online() && existingTable && validatable && !notValid) {
            // Add without scanning the table under a strong lock, then validate under a weaker one.
            added = emitted(phase, change, prefix + definition + " NOT VALID");
            emit(Phase.VALIDATE, change, "ALTER TABLE " + table(ref) + " VALIDATE CONSTRAINT " + q(c.name()));
        } else {
            added = emitted(phase, change, prefix + definition);
        }
        // A primary key, unique or exclusion constraint makes the index of its name a foreign key may need.
        creates(added, Dependency.constraint(ref.schema(), ref.table() != null ? ref.table() : ref.name(), c.name()),
                Set.of(), Dependency.index(ref.schema(), c.name()));
        String comment = c.attributes().get(PostgresAttributes.COMMENT);
        if (comment != null) {
            comment(change, "CONSTRAINT " + q(c.name()) + " ON " + table(ref), comment);
        }
        String indexComment = c.attributes().get(PostgresAttributes.INDEX_COMMENT);
        if (indexComment != null) {
            emit(Phase.COMMENTS, change, "COMMENT ON INDEX " + q(ref.schema()) + "." + q(c.name()) + " IS " + literal(indexComment));
        }
        cluster(change.kind() + " " + change.object(), ref, c.name(), c.attributes(), false);
    }

    /** Whether two attribute maps differ only in whether the table is clustered on the index. */
    private static boolean onlyClustering(Map<String, String> before, Map<String, String> after) {
        Map<String, String> b = new TreeMap<>(before);
        Map<String, String> a = new TreeMap<>(after);
        b.remove(PostgresAttributes.CLUSTERED);
        a.remove(PostgresAttributes.CLUSTERED);
        return a.equals(b);
    }

    /** Whether two versions of a constraint differ only in comments and clustering, which need no rebuild. */
    private static boolean onlyIndexFacts(Constraint before, Constraint after) {
        Map<String, String> b = new TreeMap<>(before.attributes());
        Map<String, String> a = new TreeMap<>(after.attributes());
        for (String key : List.of(PostgresAttributes.COMMENT, PostgresAttributes.INDEX_COMMENT)) {
            b.remove(key);
            a.remove(key);
        }
        return onlyClustering(b, a);
    }

    private void constraintIndexFacts(Change change, ObjectRef ref, Constraint before, Constraint after) {
        String comment = after.attributes().get(PostgresAttributes.COMMENT);
        if (!Objects.equals(comment, before.attributes().get(PostgresAttributes.COMMENT))) {
            emitComment(change, "CONSTRAINT " + q(after.name()) + " ON " + table(ref), comment);
        }
        String indexComment = after.attributes().get(PostgresAttributes.INDEX_COMMENT);
        if (!Objects.equals(indexComment, before.attributes().get(PostgresAttributes.INDEX_COMMENT))) {
            emitComment(change, "INDEX " + q(ref.schema()) + "." + q(after.name()), indexComment);
        }
        if (!Objects.equals(after.attributes().get(PostgresAttributes.CLUSTERED),
                before.attributes().get(PostgresAttributes.CLUSTERED))) {
            cluster(change.kind() + " " + ref, ref, after.name(), after.attributes(), true);
        }
    }

    /**
     * CLUSTER ON for an index the table is clustered on; where it was ({@code existing}) and no longer
     * is, SET WITHOUT CLUSTER (a table is clustered on one index at most: clustering on another moves it).
     */
    private void cluster(String reason, ObjectRef ref, String index, Map<String, String> attributes, boolean existing) {
        if ("true".equals(attributes.get(PostgresAttributes.CLUSTERED))) {
            emit(Phase.CREATE_INDEXES, reason, "ALTER TABLE " + table(ref) + " CLUSTER ON " + q(index), true, null);
        } else if (existing && !clusteredElsewhere(ref, index)) {
            emit(Phase.DROP_INDEXES, reason, "ALTER TABLE " + table(ref) + " SET WITHOUT CLUSTER", true, null);
        }
    }

    /** Whether the expected table is clustered on another index than {@code index}. */
    private boolean clusteredElsewhere(ObjectRef ref, String index) {
        String tableName = ref.table() != null ? ref.table() : ref.name();
        return expected().schema(ref.schema()).flatMap(s -> s.tables().stream().filter(t -> t.name().equals(tableName))
                .findFirst()).map(t -> Stream.concat(
                        t.indexes().stream().filter(i -> !i.name().equals(index)).map(Index::attributes),
                        t.constraints().stream().filter(c -> !c.name().equals(index)).map(Constraint::attributes))
                .anyMatch(a -> "true".equals(a.get(PostgresAttributes.CLUSTERED)))).orElse(false);
    }

    private void createIndex(Change change, ObjectRef ref, Index i) {
        createIndex(change.kind() + " " + change.object(), ref, i);
    }

    private void createIndex(String reason, ObjectRef ref, Index i) {
        StringBuilder sql = new StringBuilder("CREATE ");
        if (i.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ");
        // Only indexes on tables that exist already: a table created by the plan is empty and unseen.
        // Nor on a partitioned parent: PostgreSQL cannot build those concurrently.
        boolean concurrently = online() && ref.kind() == ObjectKind.INDEX && !isPartitioned(ref);
        if (concurrently) {
            sql.append("CONCURRENTLY ");
        }
        sql.append(q(i.name())).append(" ON ").append(table(ref));
        if (i.method() != null) {
            sql.append(" USING ").append(i.method());
        }
        sql.append(" (").append(i.keys().stream().map(k -> {
            String key = k.column() != null ? q(k.column()) : "(" + k.expression() + ")";
            if (k.collation() != null) {
                key += " COLLATE " + k.collation();
            }
            if (k.opclass() != null) {
                key += " " + k.opclass();
            }
            if (k.descending()) {
                key += " DESC";
            }
            if (k.nulls() != null) {
                key += " NULLS " + k.nulls();
            }
            return key;
        }).collect(Collectors.joining(", "))).append(')');
        if (!i.include().isEmpty()) {
            sql.append(" INCLUDE (").append(i.include().stream().map(PostgresPlanner::q)
                    .collect(Collectors.joining(", "))).append(')');
        }
        if ("true".equals(i.attributes().get(PostgresAttributes.NULLS_NOT_DISTINCT))) {
            sql.append(" NULLS NOT DISTINCT");
        }
        String storage = i.attributes().get(PostgresAttributes.STORAGE_PARAMETERS);
        if (storage != null) {
            sql.append(" WITH (").append(storage).append(')');
        }
        if (i.predicate() != null) {
            sql.append(" WHERE ").append(i.predicate());
        }
        creates(emit(Phase.CREATE_INDEXES, reason, sql.toString(), !concurrently, null), Dependency.index(ref.schema(), i.name()),
                Set.of());
        comment(reason, "INDEX " + q(ref.schema()) + "." + q(i.name()), i.comment());
        cluster(reason, ref, i.name(), i.attributes(), false);
    }

    private void dropView(Change change, ObjectRef ref, View v) {
        drops(emit(Phase.DROP_DEPENDENTS, change.kind() + " " + ref, "DROP " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                + named(ref), true, new RelationName(ref.schema(), ref.name())), Dependency.relation(ref.schema(), ref.name()));
    }

    private void createView(Change change, ObjectRef ref, View v) {
        createView(change.kind() + " " + change.object(), ref, v);
    }

    private void createView(String reason, ObjectRef ref, View v) {
        String options = v.attributes().get(PostgresAttributes.STORAGE_PARAMETERS);
        creates(emit(Phase.CREATE_VIEWS, reason, "CREATE " + (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + named(ref)
                + (options != null ? " WITH (" + options + ")" : "") + " AS " + v.definition()
                + (v.materialized() ? " WITH NO DATA" : ""), true, new RelationName(ref.schema(), ref.name())),
                Dependency.relation(ref.schema(), ref.name()), Set.of());
        comment(reason, (v.materialized() ? "MATERIALIZED VIEW " : "VIEW ") + named(ref), v.comment());
        viewColumnComments(reason, ref, Map.of(), v.attributes());
        ObjectRef asMember = new ObjectRef(ref.kind(), ref.schema(), ref.name(), null);
        for (Index i : v.indexes()) {
            createIndex(reason, asMember, i);
        }
    }

    private static Map<String, String> withoutColumnComments(View v) {
        Map<String, String> rest = new TreeMap<>(v.attributes());
        rest.keySet().removeIf(k -> k.startsWith(PostgresAttributes.COLUMN_COMMENT));
        return rest;
    }

    /** The comments on a view's columns that differ from {@code before}: set, or removed. */
    private void viewColumnComments(String reason, ObjectRef ref, Map<String, String> before, Map<String, String> after) {
        SortedSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (key.startsWith(PostgresAttributes.COLUMN_COMMENT) && !Objects.equals(before.get(key), after.get(key))) {
                String comment = after.get(key);
                emit(Phase.COMMENTS, reason, "COMMENT ON COLUMN " + named(ref) + "."
                        + q(key.substring(PostgresAttributes.COLUMN_COMMENT.length())) + " IS "
                        + (comment == null ? "NULL" : literal(comment)), true, null);
            }
        }
    }

    private static String sequenceOptions(Sequence s) {
        return " INCREMENT BY " + s.increment() + " MINVALUE " + s.minValue() + " MAXVALUE " + s.maxValue()
                + " START WITH " + s.start() + " CACHE " + s.cache() + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    /**
     * A sequence's new options. A bound moved past the sequence's position (MINVALUE above it, or
     * MAXVALUE below it for a descending one) is refused by the server unless the position moves
     * too: it is set to the new bound first, and only where it lies outside, so that a sequence
     * already beyond the bound keeps handing out the values it would have.
     */
    private void alterSequence(Change change, ObjectRef ref, Sequence before, Sequence s, Set<Aspect> aspects) {
        if (aspects.contains(Aspect.DEFINITION)) {
            if (s.increment() > 0 && s.minValue() > before.minValue()) {
                emitted(Phase.CREATE_SEQUENCES, change, "SELECT setval(" + literal(named(ref)) + ", " + s.minValue()
                        + ", false) FROM " + named(ref) + " WHERE last_value < " + s.minValue());
            } else if (s.increment() < 0 && s.maxValue() < before.maxValue()) {
                emitted(Phase.CREATE_SEQUENCES, change, "SELECT setval(" + literal(named(ref)) + ", " + s.maxValue()
                        + ", false) FROM " + named(ref) + " WHERE last_value > " + s.maxValue());
            }
            emit(Phase.CREATE_SEQUENCES, change, "ALTER SEQUENCE " + named(ref) + " AS " + s.dataType() + sequenceOptions(s));
        }
        if (aspects.contains(Aspect.COMMENT)) {
            emitComment(change, "SEQUENCE " + named(ref), s.comment());
        }
    }

    private void createSequence(Change change, ObjectRef ref, Sequence s) {
        emit(Phase.CREATE_SEQUENCES, change, "CREATE SEQUENCE " + named(ref) + " AS " + s.dataType() + sequenceOptions(s));
        if (s.ownedBy() != null) {
            emit(Phase.ADD_CONSTRAINTS, change, "ALTER SEQUENCE " + named(ref) + " OWNED BY " + s.ownedBy());
        }
        comment(change, "SEQUENCE " + named(ref), s.comment());
    }

    /**
     * Where a collation or text search object is created: a phase per kind, so that a configuration
     * comes after the dictionaries it maps to whatever schema each lives in.
     */
    private static Phase creation(TextObject.Kind kind) {
        return switch (kind) {
            case COLLATION -> Phase.CREATE_COLLATIONS;
            case TEXT_SEARCH_DICTIONARY -> Phase.CREATE_TEXT_SEARCH_DICTIONARIES;
            case TEXT_SEARCH_CONFIGURATION -> Phase.CREATE_TEXT_SEARCH_CONFIGURATIONS;
        };
    }

    /** Where one is dropped: after everything that uses it, configurations before their dictionaries. */
    private static Phase drop(TextObject.Kind kind) {
        return switch (kind) {
            case COLLATION -> Phase.DROP_COLLATIONS;
            case TEXT_SEARCH_DICTIONARY -> Phase.DROP_TEXT_SEARCH_DICTIONARIES;
            case TEXT_SEARCH_CONFIGURATION -> Phase.DROP_TEXT_SEARCH_CONFIGURATIONS;
        };
    }

    /** Mapping attributes of a text search configuration: {@code mapping:<token type>}. */
    private static final String MAPPING = "mapping:";

    /**
     * A collation or text search object as its own statement makes it; a configuration is made
     * empty by its parser, then given its mappings, as pg_dump does.
     */
    private void createTextObject(Change change, ObjectRef ref, TextObject o) {
        Map<String, String> a = o.attributes();
        String head = "CREATE " + o.kind().keyword() + " " + named(ref);
        Phase phase = creation(o.kind());
        switch (o.kind()) {
            case COLLATION -> {
                List<String> options = new ArrayList<>();
                options.add("provider = " + a.getOrDefault("provider", "libc"));
                for (String key : List.of("locale", "lc_collate", "lc_ctype", "rules")) {
                    if (a.containsKey(key)) {
                        options.add(key + " = " + literal(a.get(key)));
                    }
                }
                if ("false".equals(a.get("deterministic"))) {
                    options.add("deterministic = false");
                }
                emit(phase, change, head + " (" + String.join(", ", options) + ")");
            }
            case TEXT_SEARCH_DICTIONARY -> emit(phase, change, head + " (TEMPLATE = " + a.get("template")
                    + (a.containsKey("options") ? ", " + a.get("options") : "") + ")");
            case TEXT_SEARCH_CONFIGURATION -> {
                emit(phase, change, head + " (PARSER = " + a.get("parser") + ")");
                a.forEach((key, dictionaries) -> {
                    if (key.startsWith(MAPPING)) {
                        emit(phase, change, "ALTER TEXT SEARCH CONFIGURATION " + named(ref)
                                + " ADD MAPPING FOR " + key.substring(MAPPING.length()) + " WITH " + dictionaries);
                    }
                });
            }
        }
        comment(change, o.kind().keyword() + " " + named(ref), o.comment());
    }

    /** A dictionary option: its name, then its value as the server keeps it (quoted or not). */
    private static final Pattern DICTIONARY_OPTION = Pattern.compile("(\\w+) = ('(?:[^']|'')*'|[^,]+)");

    /**
     * A dictionary's options and a configuration's mappings change in place; what defines a
     * collation, a dictionary's template or a configuration's parser cannot, and the objects using
     * them would have to be dropped and made again: not planned.
     */
    private void alterTextObject(Change change, ObjectRef ref, TextObject before, TextObject after, Set<Aspect> aspects) {
        Map<String, String> b = before.attributes();
        Map<String, String> a = after.attributes();
        String alter = "ALTER " + after.kind().keyword() + " " + named(ref);
        Phase phase = creation(after.kind());
        if (aspects.contains(Aspect.DEFINITION)) {
            switch (after.kind()) {
                case COLLATION -> unplanned(change.kind() + " " + change.object()
                        + ": a collation cannot change in place (drop and recreate it with what uses it)");
                case TEXT_SEARCH_DICTIONARY -> {
                    if (!Objects.equals(b.get("template"), a.get("template"))) {
                        unplanned(change.kind() + " " + change.object() + ": another template (drop and recreate it)");
                        break;
                    }
                    Map<String, String> was = dictionaryOptions(b.get("options"));
                    Map<String, String> wanted = dictionaryOptions(a.get("options"));
                    List<String> options = new ArrayList<>();
                    wanted.forEach((name, value) -> {
                        if (!value.equals(was.get(name))) {
                            options.add(name + " = " + value);
                        }
                    });
                    was.keySet().stream().filter(name -> !wanted.containsKey(name)).forEach(options::add);
                    emit(phase, change, alter + " (" + String.join(", ", options) + ")");
                }
                case TEXT_SEARCH_CONFIGURATION -> {
                    if (!Objects.equals(b.get("parser"), a.get("parser"))) {
                        unplanned(change.kind() + " " + change.object() + ": another parser (drop and recreate it)");
                        break;
                    }
                    Set<String> tokens = new TreeSet<>(a.keySet());
                    tokens.addAll(b.keySet());
                    for (String key : tokens) {
                        if (!key.startsWith(MAPPING) || Objects.equals(a.get(key), b.get(key))) {
                            continue;
                        }
                        String token = key.substring(MAPPING.length());
                        emit(phase, change, alter + (a.get(key) == null ? " DROP MAPPING FOR " + token
                                : (b.get(key) == null ? " ADD" : " ALTER") + " MAPPING FOR " + token + " WITH " + a.get(key)));
                    }
                }
            }
        }
        if (aspects.contains(Aspect.COMMENT)) {
            comment(change, after.kind().keyword() + " " + named(ref), after.comment());
        }
    }

    private static Map<String, String> dictionaryOptions(String options) {
        Map<String, String> out = new TreeMap<>();
        if (options != null) {
            Matcher m = DICTIONARY_OPTION.matcher(options);
            while (m.find()) {
                out.put(m.group(1), m.group(2).strip());
            }
        }
        return out;
    }

    private void createType(Change change, ObjectRef ref, UserType t) {
        PlannedStatement created = switch (t.kind()) {
            case ENUM -> emitted(Phase.CREATE_TYPES, change, "CREATE TYPE " + named(ref) + " AS ENUM ("
                    + t.labels().stream().map(PostgresPlanner::literal).collect(Collectors.joining(", ")) + ")");
            case COMPOSITE -> emitted(Phase.CREATE_TYPES, change, "CREATE TYPE " + named(ref) + " AS ("
                    + t.fields().stream().map(f -> q(f.name()) + " " + f.type()
                            + (f.collation() != null ? " COLLATE " + f.collation() : ""))
                            .collect(Collectors.joining(", ")) + ")");
            case DOMAIN -> emitted(Phase.CREATE_TYPES, change, "CREATE DOMAIN " + named(ref) + " AS " + t.baseType()
                    + (t.collation() != null ? " COLLATE " + t.collation() : "")
                    + (t.defaultValue() != null ? " DEFAULT " + t.defaultValue() : "")
                    + (t.notNull() ? " NOT NULL" : "")
                    + t.constraints().stream().map(c -> " CONSTRAINT " + q(c.name()) + " " + c.definition())
                            .collect(Collectors.joining()));
        };
        creates(created, Dependency.type(ref.schema(), ref.name()), Set.of());
        comment(change, (t.kind() == UserType.Kind.DOMAIN ? "DOMAIN " : "TYPE ") + named(ref), t.comment());
    }

    private void alterType(Change change, ObjectRef ref, UserType before, UserType after, Set<Aspect> aspects) {
        if (aspects.contains(Aspect.DEFINITION) && before.kind() == after.kind() && after.kind() == UserType.Kind.COMPOSITE) {
            alterComposite(change, ref, before, after);
        } else if (aspects.contains(Aspect.DEFINITION) && before.kind() == after.kind()
                && after.kind() == UserType.Kind.DOMAIN && Objects.equals(before.baseType(), after.baseType())) {
            alterDomain(change, ref, before, after);
        } else if (aspects.contains(Aspect.DEFINITION)) {
            boolean grown = before.kind() == UserType.Kind.ENUM && after.kind() == UserType.Kind.ENUM
                    && isSubsequence(before.labels(), after.labels());
            if (!grown) {
                if (before.kind() == UserType.Kind.ENUM && after.kind() == UserType.Kind.ENUM) {
                    replaceEnum(change, ref, after);
                } else {
                    unplanned(change.kind() + " " + change.object() + ": a type of another kind (drop and recreate it)");
                }
                return;
            }
            // Each new label goes after its predecessor in the expected order, which exists by then.
            List<String> labels = after.labels();
            for (int i = 0; i < labels.size(); i++) {
                if (!before.labels().contains(labels.get(i))) {
                    emit(Phase.CREATE_TYPES, change, "ALTER TYPE " + named(ref) + " ADD VALUE " + literal(labels.get(i))
                            + (i == 0 ? " BEFORE " + literal(labels.get(1)) : " AFTER " + literal(labels.get(i - 1))), false);
                }
            }
        }
        if (aspects.contains(Aspect.COMMENT)) {
            comment(change, (after.kind() == UserType.Kind.DOMAIN ? "DOMAIN " : "TYPE ") + named(ref), after.comment());
        }
    }

    /**
     * Enum labels removed or reordered: PostgreSQL can only add labels, so a new type takes the
     * expected labels, every column of the old type is moved to it through text (a row holding a
     * removed label fails the plan, as it should), the old type is dropped and the new one takes its
     * name. Defaults naming the type are dropped before and set again after.
     */
    private void replaceEnum(Change change, ObjectRef ref, UserType after) {
        String newName = ref.name().length() > 50 ? ref.name().substring(0, 50) + "__new" : ref.name() + "__new";
        String newType = q(ref.schema()) + "." + q(newName);
        emit(Phase.CREATE_TYPES, change, "CREATE TYPE " + newType + " AS ENUM ("
                + after.labels().stream().map(PostgresPlanner::literal).collect(Collectors.joining(", ")) + ")");
        Set<String> spellings = Set.of(ref.name(), q(ref.name()), ref.schema() + "." + ref.name(), named(ref));
        List<String> setDefaults = new ArrayList<>();
        for (var schema : actual().schemas()) {
            for (Table t : schema.tables()) {
                if (t.partitionOf() != null) {
                    continue; // partitions follow their parent's column type
                }
                for (Column c : t.columns()) {
                    if (!spellings.contains(c.type()) || "true".equals(c.attributes().get(PostgresAttributes.INHERITED))) {
                        continue;
                    }
                    String column = "ALTER TABLE " + q(schema.name()) + "." + q(t.name()) + " ALTER COLUMN " + q(c.name());
                    if (c.defaultValue() != null) {
                        emit(Phase.ALTER_COLUMNS, change, column + " DROP DEFAULT");
                        setDefaults.add(column + " SET DEFAULT " + c.defaultValue());
                    }
                    emit(Phase.ALTER_COLUMNS, change, column + " TYPE " + newType + " USING " + q(c.name()) + "::text::"
                            + newType);
                    rebuiltTables.add(new RelationName(schema.name(), t.name()));
                }
            }
        }
        emit(Phase.ALTER_COLUMNS, change, "DROP TYPE " + named(ref));
        emit(Phase.ALTER_COLUMNS, change, "ALTER TYPE " + newType + " RENAME TO " + q(ref.name()));
        for (String sql : setDefaults) {
            emit(Phase.ALTER_COLUMNS, change, sql);
        }
    }

    private static boolean isSubsequence(List<String> part, List<String> whole) {
        int at = 0;
        for (String item : whole) {
            if (at < part.size() && part.get(at).equals(item)) {
                at++;
            }
        }
        return at == part.size();
    }

    private void alterComposite(Change change, ObjectRef ref, UserType before, UserType after) {
        List<String> actions = new ArrayList<>();
        for (Column old : before.fields()) {
            if (after.fields().stream().noneMatch(f -> f.name().equals(old.name()))) {
                actions.add("DROP ATTRIBUTE " + q(old.name()));
            }
        }
        for (Column field : after.fields()) {
            Column old = before.fields().stream().filter(f -> f.name().equals(field.name())).findFirst().orElse(null);
            if (old == null) {
                actions.add("ADD ATTRIBUTE " + q(field.name()) + " " + field.type());
            } else if (!old.type().equals(field.type())) {
                actions.add("ALTER ATTRIBUTE " + q(field.name()) + " TYPE " + field.type());
            }
        }
        List<String> beforeOrder = before.fields().stream().map(Column::name)
                .filter(n -> after.fields().stream().anyMatch(f -> f.name().equals(n))).toList();
        List<String> afterOrder = after.fields().stream().map(Column::name)
                .filter(n -> before.fields().stream().anyMatch(f -> f.name().equals(n))).toList();
        if (!beforeOrder.equals(afterOrder)) {
            unplanned(change.kind() + " " + change.object() + ": reordering composite fields");
            return;
        }
        if (!actions.isEmpty()) {
            emit(Phase.CREATE_TYPES, change, "ALTER TYPE " + named(ref) + " " + String.join(", ", actions));
        }
    }

    private void alterDomain(Change change, ObjectRef ref, UserType before, UserType after) {
        String prefix = "ALTER DOMAIN " + named(ref);
        if (!Objects.equals(before.defaultValue(), after.defaultValue())) {
            emit(Phase.CREATE_TYPES, change, after.defaultValue() == null ? prefix + " DROP DEFAULT"
                    : prefix + " SET DEFAULT " + after.defaultValue());
        }
        if (before.notNull() != after.notNull()) {
            emit(Phase.CREATE_TYPES, change, prefix + (after.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
        }
        for (Constraint c : before.constraints()) {
            if (!after.constraints().contains(c)) {
                emit(Phase.DROP_CONSTRAINTS, change, prefix + " DROP CONSTRAINT " + q(c.name()));
            }
        }
        for (Constraint c : after.constraints()) {
            if (!before.constraints().contains(c)) {
                emit(Phase.ADD_CONSTRAINTS, change, prefix + " ADD CONSTRAINT " + q(c.name()) + " " + c.definition());
            }
        }
        if (!Objects.equals(before.collation(), after.collation())) {
            unplanned(change.kind() + " " + change.object() + ": domain collation");
        }
    }

    /**
     * Creates a routine after what it needs: the catalog's records (argument and result types, and
     * what an SQL-standard body calls and reads), and, for a body kept as a string (plpgsql, SQL),
     * whose references the server does not record, the routines and relations it names.
     */
    private void createRoutine(Change change, ObjectRef ref, Routine r) {
        String id = Dependency.routine(ref.schema(), r);
        String body = nullToEmpty(r.body());
        boolean recorded = body.startsWith("BEGIN ATOMIC") || body.startsWith("RETURN ");
        creates(emitted(Phase.CREATE_ROUTINES, change, routine(ref, r)), id,
                recorded ? Set.of() : dependencies().mentionedIn(body, id));
    }

    private static String routineKeyword(Routine r) {
        return switch (r.kind()) {
            case PROCEDURE -> "PROCEDURE ";
            case AGGREGATE -> "AGGREGATE ";
            case FUNCTION, WINDOW -> "FUNCTION ";
        };
    }

    private static String routine(ObjectRef ref, Routine r) {
        if (r.kind() == Routine.Kind.AGGREGATE) {
            // The body holds the aggregate's options (SFUNC = ..., STYPE = ...), as the catalog read them.
            return "CREATE OR REPLACE AGGREGATE " + q(ref.schema()) + "." + q(r.name()) + "(" + nullToEmpty(r.arguments())
                    + ") (" + r.body() + ")";
        }
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE ")
                .append(r.kind() == Routine.Kind.PROCEDURE ? "PROCEDURE " : "FUNCTION ")
                .append(q(ref.schema())).append('.').append(q(r.name()))
                .append('(').append(nullToEmpty(r.arguments())).append(')');
        if (r.returns() != null) {
            sql.append(" RETURNS ").append(r.returns());
        }
        sql.append(" LANGUAGE ").append(r.language());
        Map<String, String> a = r.attributes();
        if (r.kind() == Routine.Kind.WINDOW) {
            sql.append(" WINDOW");
        }
        if (a.containsKey(PostgresAttributes.VOLATILITY)) {
            sql.append(' ').append(a.get(PostgresAttributes.VOLATILITY));
        }
        if ("true".equals(a.get(PostgresAttributes.STRICT))) {
            sql.append(" STRICT");
        }
        if ("true".equals(a.get(PostgresAttributes.LEAKPROOF))) {
            sql.append(" LEAKPROOF");
        }
        if ("DEFINER".equals(a.get(PostgresAttributes.SECURITY))) {
            sql.append(" SECURITY DEFINER");
        }
        if (a.containsKey(PostgresAttributes.PARALLEL)) {
            sql.append(" PARALLEL ").append(a.get(PostgresAttributes.PARALLEL));
        }
        if (a.containsKey(PostgresAttributes.COST)) {
            sql.append(" COST ").append(a.get(PostgresAttributes.COST));
        }
        String config = a.get(PostgresAttributes.CONFIG);
        if (config != null) {
            for (String setting : config.split(", (?=[A-Za-z_.]+=)")) {
                int eq = setting.indexOf('=');
                sql.append(" SET ").append(setting, 0, eq).append(" = ").append(setting.substring(eq + 1));
            }
        }
        String body = nullToEmpty(r.body());
        String library = a.get(PostgresAttributes.LIBRARY);
        if (library != null) {
            // A C function: its library and link symbol, not a body.
            sql.append(" AS ").append(literal(library)).append(", ").append(literal(body));
        } else if (body.startsWith("BEGIN ATOMIC") || body.startsWith("RETURN ")) {
            sql.append('\n').append(body);
        } else {
            String tag = "$body$";
            while (body.contains(tag)) {
                tag = "$body" + tag.length() + "$";
            }
            // The body exactly as recorded: a newline added around it would be part of the function.
            sql.append(" AS ").append(tag).append(body).append(tag);
        }
        return sql.toString();
    }

    /** A trigger, then its firing state where it is not the default (CREATE TRIGGER cannot say it). */
    private void createTrigger(Change change, ObjectRef ref, Trigger g) {
        emit(Phase.CREATE_DEPENDENTS, change, trigger(ref, g));
        String enabled = g.attributes().get(PostgresAttributes.ENABLED);
        if (enabled != null) {
            emit(Phase.CREATE_DEPENDENTS, change, "ALTER TABLE " + table(ref) + switch (enabled) {
                case "DISABLED" -> " DISABLE";
                case "REPLICA" -> " ENABLE REPLICA";
                default -> " ENABLE ALWAYS";
            } + " TRIGGER " + q(g.name()));
        }
    }

    private static String trigger(ObjectRef ref, Trigger g) {
        String constraint = g.attributes().get(PostgresAttributes.CONSTRAINT_TRIGGER);
        StringBuilder sql = new StringBuilder("CREATE ");
        if (constraint != null) {
            sql.append("CONSTRAINT ");
        }
        sql.append("TRIGGER ").append(q(g.name())).append(' ').append(g.timing()).append(' ')
                .append(String.join(" OR ", g.events())).append(" ON ").append(table(ref));
        if (constraint != null && !constraint.equals("NOT DEFERRABLE")) {
            sql.append(" DEFERRABLE ").append(constraint);
        }
        String referencing = g.attributes().get(PostgresAttributes.REFERENCING);
        if (referencing != null) {
            sql.append(" REFERENCING ").append(referencing);
        }
        sql.append(" FOR EACH ").append(g.level());
        if (g.when() != null) {
            sql.append(" WHEN (").append(g.when()).append(')');
        }
        sql.append(' ').append(g.action());
        return sql.toString();
    }

    private static String policy(ObjectRef ref, Policy p) {
        return "CREATE POLICY " + q(p.name()) + " ON " + table(ref) + (p.permissive() ? "" : " AS RESTRICTIVE")
                + " FOR " + p.command() + " TO " + p.roles().stream().map(r -> r.equals("PUBLIC") ? r : q(r))
                        .collect(Collectors.joining(", "))
                + (p.using() != null ? " USING (" + p.using() + ")" : "")
                + (p.withCheck() != null ? " WITH CHECK (" + p.withCheck() + ")" : "");
    }

    private static String routineTarget(ObjectRef ref, Routine r) {
        return routineKeyword(r) + q(ref.schema()) + "." + q(r.name())
                + "(" + nullToEmpty(r.signature()) + ")";
    }

    private void emitComment(Change change, String target, String comment) {
        emit(Phase.COMMENTS, change, "COMMENT ON " + target + " IS " + (comment == null ? "NULL" : literal(comment)));
    }

    /** A comment set, or removed where the change alters an object that exists on both sides. */
    private void comment(Change change, String target, String comment) {
        if (comment != null || change instanceof AlterColumn || change instanceof AlterTable || change instanceof ReplaceView
                || change instanceof ReplaceIndex || change instanceof AlterType || change instanceof AlterSchema
                || change instanceof AlterTextObject) {
            emit(Phase.COMMENTS, change, "COMMENT ON " + target + " IS " + (comment == null ? "NULL" : literal(comment)));
        }
    }

    /** A comment on an object the plan creates: nothing to say when it has none. */
    private void comment(String reason, String target, String comment) {
        if (comment != null) {
            emit(Phase.COMMENTS, reason, "COMMENT ON " + target + " IS " + literal(comment), true, null);
        }
    }
}
