package dev.driftgate.diff;

import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Event;
import dev.driftgate.schema.Extension;
import dev.driftgate.schema.Index;
import dev.driftgate.schema.Policy;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.Sequence;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.TextObject;
import dev.driftgate.schema.Trigger;
import dev.driftgate.schema.UserType;
import dev.driftgate.schema.View;
import java.util.Set;

/**
 * One difference between an expected and an actual schema, phrased as what would turn the actual
 * into the expected: {@code AddColumn} means the expected schema has a column the actual lacks.
 * {@code before} is the actual object, {@code after} the expected one.
 */
public sealed interface Change {

    ObjectRef object();

    /** How bad the difference is (see {@link Severity}). */
    Severity severity();

    /** What differs: empty for additions and drops. */
    default Set<Aspect> aspects() {
        return Set.of();
    }

    /** The actual object (absent for additions). Records narrow the type. */
    default Object before() {
        return null;
    }

    /** The expected object (absent for drops). Records narrow the type. */
    default Object after() {
        return null;
    }

    /** The name of the change kind, such as {@code AddColumn}: what ignore rules match on. */
    default String kind() {
        return getClass().getSimpleName();
    }

    /**
     * Dispatches on the kind of change: calls the visitor's method for this record. A visitor has
     * one method per record, so a new kind of change does not compile until every visitor handles
     * it (Java 17 has no pattern {@code switch}; see docs/architecture.md).
     */
    void accept(Visitor visitor);

    /** One method per kind of change. */
    interface Visitor {
        void on(AddSchema change);
        void on(DropSchema change);
        void on(AlterSchema change);
        void on(AddExtension change);
        void on(DropExtension change);
        void on(AlterExtension change);
        void on(AddTable change);
        void on(DropTable change);
        void on(AlterTable change);
        void on(AddColumn change);
        void on(DropColumn change);
        void on(AlterColumn change);
        void on(AddConstraint change);
        void on(DropConstraint change);
        void on(ReplaceConstraint change);
        void on(RenameConstraint change);
        void on(AddIndex change);
        void on(DropIndex change);
        void on(ReplaceIndex change);
        void on(RenameIndex change);
        void on(AddTrigger change);
        void on(DropTrigger change);
        void on(ReplaceTrigger change);
        void on(AddPolicy change);
        void on(DropPolicy change);
        void on(ReplacePolicy change);
        void on(AddView change);
        void on(DropView change);
        void on(ReplaceView change);
        void on(AddSequence change);
        void on(DropSequence change);
        void on(AlterSequence change);
        void on(AddType change);
        void on(DropType change);
        void on(AlterType change);
        void on(AddTextObject change);
        void on(DropTextObject change);
        void on(AlterTextObject change);
        void on(AddRoutine change);
        void on(DropRoutine change);
        void on(ReplaceRoutine change);
        void on(AddEvent change);
        void on(DropEvent change);
        void on(ReplaceEvent change);
        void on(NotCompared change);
    }

    // Schemas and extensions

    record AddSchema(ObjectRef object, Schema after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropSchema(ObjectRef object, Schema before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return before.tables().isEmpty() ? Severity.BREAKING : Severity.DESTRUCTIVE; }
    }

    record AlterSchema(ObjectRef object, Schema before, Schema after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record AddExtension(ObjectRef object, Extension after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropExtension(ObjectRef object, Extension before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.BREAKING; }
    }

    record AlterExtension(ObjectRef object, Extension before, Extension after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    // Tables and their members

    record AddTable(ObjectRef object, Table after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropTable(ObjectRef object, Table before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.DESTRUCTIVE; }
    }

    record AlterTable(ObjectRef object, Table before, Table after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            return aspects.contains(Aspect.PARTITIONING) ? Severity.BREAKING
                    : aspects.contains(Aspect.ATTRIBUTES) ? Severity.WARNING : Severity.INFO;
        }
    }

    record AddColumn(ObjectRef object, Column after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            // A NOT NULL column without a default breaks every INSERT that does not name it.
            return !after.nullable() && after.defaultValue() == null && after.identity() == null
                    && after.generated() == null ? Severity.BREAKING : Severity.INFO;
        }
    }

    record DropColumn(ObjectRef object, Column before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.DESTRUCTIVE; }
    }

    record AlterColumn(ObjectRef object, Column before, Column after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            if (aspects.contains(Aspect.TYPE)) {
                return TypeWidening.isWidening(before.type(), after.type()) ? Severity.WARNING : Severity.BREAKING;
            }
            if (aspects.contains(Aspect.NULLABILITY) && !after.nullable()) {
                return Severity.BREAKING;
            }
            if (aspects.contains(Aspect.GENERATED) || aspects.contains(Aspect.IDENTITY)
                    || aspects.contains(Aspect.DEFAULT) || aspects.contains(Aspect.COLLATION)
                    || aspects.contains(Aspect.NULLABILITY)) {
                return Severity.WARNING;
            }
            return Severity.INFO;
        }
    }

    record AddConstraint(ObjectRef object, Constraint after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            // New rules may reject data and writes that pass today.
            return after.type() == Constraint.ConstraintType.FOREIGN_KEY
                    || after.type() == Constraint.ConstraintType.CHECK
                    || after.type() == Constraint.ConstraintType.UNIQUE
                    || after.type() == Constraint.ConstraintType.PRIMARY_KEY ? Severity.WARNING : Severity.INFO;
        }
    }

    record DropConstraint(ObjectRef object, Constraint before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    record ReplaceConstraint(ObjectRef object, Constraint before, Constraint after, Set<Aspect> aspects)
            implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return aspects.equals(Set.of(Aspect.COMMENT)) ? Severity.INFO : Severity.WARNING; }
    }

    /** The same constraint under another name the database generated. */
    record RenameConstraint(ObjectRef object, Constraint before, Constraint after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }

        public Set<Aspect> aspects() { return Set.of(Aspect.NAME); }
    }

    record AddIndex(ObjectRef object, Index after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return after.unique() ? Severity.WARNING : Severity.INFO; }
    }

    record DropIndex(ObjectRef object, Index before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return before.unique() ? Severity.BREAKING : Severity.WARNING; }
    }

    record ReplaceIndex(ObjectRef object, Index before, Index after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return aspects.equals(Set.of(Aspect.COMMENT)) ? Severity.INFO : Severity.WARNING; }
    }

    /** The same index under another name the database generated. */
    record RenameIndex(ObjectRef object, Index before, Index after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }

        public Set<Aspect> aspects() { return Set.of(Aspect.NAME); }
    }

    record AddTrigger(ObjectRef object, Trigger after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    record DropTrigger(ObjectRef object, Trigger before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.BREAKING; }
    }

    record ReplaceTrigger(ObjectRef object, Trigger before, Trigger after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return aspects.equals(Set.of(Aspect.COMMENT)) ? Severity.INFO : Severity.WARNING; }
    }

    record AddPolicy(ObjectRef object, Policy after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    record DropPolicy(ObjectRef object, Policy before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.BREAKING; }
    }

    record ReplacePolicy(ObjectRef object, Policy before, Policy after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    // Schema-level objects

    record AddView(ObjectRef object, View after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropView(ObjectRef object, View before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return before.materialized() ? Severity.DESTRUCTIVE : Severity.BREAKING; }
    }

    record ReplaceView(ObjectRef object, View before, View after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            return aspects.contains(Aspect.DEFINITION) ? Severity.BREAKING
                    : aspects.contains(Aspect.ATTRIBUTES) ? Severity.WARNING : Severity.INFO;
        }
    }

    record AddSequence(ObjectRef object, Sequence after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropSequence(ObjectRef object, Sequence before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.DESTRUCTIVE; }
    }

    record AlterSequence(ObjectRef object, Sequence before, Sequence after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return aspects.contains(Aspect.DEFINITION) ? Severity.WARNING : Severity.INFO; }
    }

    // Collations and text search dictionaries and configurations (PostgreSQL)

    record AddTextObject(ObjectRef object, TextObject after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropTextObject(ObjectRef object, TextObject before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.BREAKING; }
    }

    /** A collation sorts, or a configuration finds, other rows than before: indexes on them may need a rebuild. */
    record AlterTextObject(ObjectRef object, TextObject before, TextObject after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return aspects.contains(Aspect.DEFINITION) ? Severity.WARNING : Severity.INFO; }
    }

    record AddType(ObjectRef object, UserType after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropType(ObjectRef object, UserType before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.BREAKING; }
    }

    record AlterType(ObjectRef object, UserType before, UserType after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            if (!aspects.contains(Aspect.DEFINITION)) {
                return Severity.INFO;
            }
            // Appending enum labels is safe; removing or reordering them breaks stored values and clients.
            boolean appended = before.kind() == UserType.Kind.ENUM && after.kind() == UserType.Kind.ENUM
                    && after.labels().size() > before.labels().size()
                    && after.labels().subList(0, before.labels().size()).equals(before.labels());
            return appended ? Severity.INFO : Severity.BREAKING;
        }
    }

    record AddRoutine(ObjectRef object, Routine after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropRoutine(ObjectRef object, Routine before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.BREAKING; }
    }

    record ReplaceRoutine(ObjectRef object, Routine before, Routine after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() {
            return aspects.contains(Aspect.TYPE) ? Severity.BREAKING
                    : aspects.contains(Aspect.DEFINITION) || aspects.contains(Aspect.ATTRIBUTES) ? Severity.WARNING
                    : Severity.INFO;
        }
    }

    record AddEvent(ObjectRef object, Event after) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.INFO; }
    }

    record DropEvent(ObjectRef object, Event before) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    record ReplaceEvent(ObjectRef object, Event before, Event after, Set<Aspect> aspects) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }

    /**
     * An object the model does not describe, present on one side: driftgate cannot say whether it
     * matches, and says so instead of calling it equal.
     *
     * @param side {@code expected}, {@code actual} or {@code both}
     */
    record NotCompared(ObjectRef object, String side) implements Change {
        public void accept(Visitor visitor) { visitor.on(this); }
        public Severity severity() { return Severity.WARNING; }
    }
}
