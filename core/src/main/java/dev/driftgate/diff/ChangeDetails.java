package dev.driftgate.diff;

import dev.driftgate.diff.Change.*;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Index;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** One line that says what differs in a change, in words a reviewer reads in a second. */
public final class ChangeDetails {

    private ChangeDetails() {}

    /** What the change does, e.g. {@code column app.order.total: type integer, expected bigint}. */
    public static String describe(Change change, Set<Aspect> aspects) {
        if (change instanceof AddColumn c) {
            return "missing; expected " + column(c.after());
        } else if (change instanceof DropColumn c) {
            return "unexpected " + column(c.before());
        } else if (change instanceof AlterColumn c) {
            return aspects(aspects, c.before(), c.after());
        } else if (change instanceof AddConstraint c) {
            return "missing; expected " + constraint(c.after());
        } else if (change instanceof DropConstraint c) {
            return "unexpected " + constraint(c.before());
        } else if (change instanceof ReplaceConstraint c) {
            return isExpected(constraint(c.before()), constraint(c.after()), aspects, c.before().attributes(),
                    c.after().attributes());
        } else if (change instanceof RenameConstraint c) {
            return "named " + c.before().name() + "; expected " + c.after().name() + " (both generated)";
        } else if (change instanceof AddIndex c) {
            return "missing; expected " + index(c.after());
        } else if (change instanceof DropIndex c) {
            return "unexpected " + index(c.before());
        } else if (change instanceof ReplaceIndex c) {
            return isExpected(index(c.before()), index(c.after()), aspects, c.before().attributes(),
                    c.after().attributes());
        } else if (change instanceof RenameIndex c) {
            return "named " + c.before().name() + "; expected " + c.after().name() + " (both generated)";
        } else if (change instanceof AddTable c) {
            return "missing (" + c.after().columns().size() + " columns)";
        } else if (change instanceof DropTable c) {
            return "unexpected (" + c.before().columns().size() + " columns)";
        } else if (change instanceof NotCompared c) {
            return c.object().table() + " present on " + ("both".equals(c.side()) ? "both sides"
                    : "the " + c.side() + " side only") + ": not modelled, so not compared";
        } else if (change.kind().startsWith("Add")) {
            return "missing";
        } else if (change.kind().startsWith("Drop")) {
            return "unexpected";
        }
        return "differs in " + aspects.stream().map(Aspect::label).sorted().collect(Collectors.joining(", "));
    }

    private static String aspects(Set<Aspect> aspects, Column actual, Column expected) {
        List<String> parts = new ArrayList<>();
        for (Aspect aspect : aspects.stream().sorted().toList()) {
            Object a = switch (aspect) {
                case TYPE -> actual.type();
                case NULLABILITY -> actual.nullable() ? "NULL" : "NOT NULL";
                case DEFAULT -> actual.defaultValue();
                case IDENTITY -> actual.identity();
                case GENERATED -> actual.generated() == null ? null : actual.generated().expression();
                case COLLATION -> actual.collation();
                case COMMENT -> actual.comment();
                default -> actual.attributes();
            };
            Object e = switch (aspect) {
                case TYPE -> expected.type();
                case NULLABILITY -> expected.nullable() ? "NULL" : "NOT NULL";
                case DEFAULT -> expected.defaultValue();
                case IDENTITY -> expected.identity();
                case GENERATED -> expected.generated() == null ? null : expected.generated().expression();
                case COLLATION -> expected.collation();
                case COMMENT -> expected.comment();
                default -> expected.attributes();
            };
            parts.add(aspect.label() + " " + show(a) + ", expected " + show(e));
        }
        return String.join("; ", parts);
    }

    /**
     * "is A; expected B", unless both sides print the same, which would report a change nobody can
     * see: then what differs beyond the printed form (options, comment).
     */
    private static String isExpected(String actual, String expected, Set<Aspect> aspects,
            Map<String, String> actualAttributes, Map<String, String> expectedAttributes) {
        if (!actual.equals(expected)) {
            return "is " + actual + "; expected " + expected;
        }
        String differs = "differs in " + aspects.stream().map(Aspect::label).sorted().collect(Collectors.joining(", "));
        return actualAttributes.equals(expectedAttributes) ? differs
                : differs + ": " + actualAttributes + ", expected " + expectedAttributes;
    }

    private static String show(Object value) {
        return value == null ? "none" : Objects.toString(value);
    }

    private static String column(Column c) {
        return c.type() + (c.nullable() ? "" : " NOT NULL") + (c.defaultValue() == null ? "" : " DEFAULT " + c.defaultValue());
    }

    private static String constraint(Constraint c) {
        return c.definition() != null ? c.definition()
                : c.type() + " (" + String.join(", ", c.columns()) + ")"
                        + (c.references() == null ? "" : " REFERENCES " + c.references().table()
                                + " (" + String.join(", ", c.references().columns()) + ")"
                                + (c.references().onDelete() == null ? "" : " ON DELETE " + c.references().onDelete())
                                + (c.references().onUpdate() == null ? "" : " ON UPDATE " + c.references().onUpdate()));
    }

    private static String index(Index i) {
        return (i.unique() ? "UNIQUE " : "") + (i.method() == null ? "" : i.method() + " ") + "("
                + i.keys().stream().map(k -> (k.column() != null ? k.column() : k.expression())
                        + (k.descending() ? " DESC" : "")).collect(Collectors.joining(", ")) + ")"
                + (i.predicate() == null ? "" : " WHERE " + i.predicate());
    }
}
