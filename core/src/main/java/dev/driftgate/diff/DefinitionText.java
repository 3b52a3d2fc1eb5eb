package dev.driftgate.diff;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.driftgate.diff.Change.AlterColumn;
import dev.driftgate.diff.Change.ReplaceConstraint;
import dev.driftgate.diff.Change.ReplacePolicy;
import dev.driftgate.diff.Change.ReplaceRoutine;
import dev.driftgate.diff.Change.ReplaceTrigger;
import dev.driftgate.diff.Change.ReplaceView;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Policy;
import dev.driftgate.schema.Routine;
import dev.driftgate.schema.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of a definition on both sides of a change (a view's query, a routine's body, a
 * trigger, a policy, a check, a default), for what "differs in definition" alone does not say:
 * a compact unified diff of the two, and whether they differ only in a date or time literal that
 * was frozen in when the object was created.
 *
 * @param expected the definition on the expected side (the change's {@code after})
 * @param actual the definition on the actual side (the change's {@code before})
 */
public record DefinitionText(String expected, String actual) {

    /** Lines of a diff shown before the rest is counted: a message stays readable. */
    private static final int MAX_LINES = 12;

    /**
     * A date or time literal as PostgreSQL prints a value cast when the definition was parsed:
     * {@code '2026-12-03 17:40:01.25'::timestamp without time zone}, {@code '2026-12-03'::date}.
     */
    private static final Pattern TIME_LITERAL = Pattern.compile(
            "'\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?(?:[+-]\\d{2}(?::?\\d{2})?)?'"
                    + "(?:::[a-z]+(?: [a-z]+)*)?");

    /** The definitions a change compares, where it is one of the kinds with a definition and that is what differs. */
    public static Optional<DefinitionText> of(Change change, Set<Aspect> aspects) {
        String expected = null;
        String actual = null;
        if (change instanceof ReplaceView c && aspects.contains(Aspect.DEFINITION)) {
            expected = c.after().definition();
            actual = c.before().definition();
        } else if (change instanceof ReplaceRoutine c && aspects.contains(Aspect.DEFINITION)) {
            expected = routine(c.after());
            actual = routine(c.before());
        } else if (change instanceof ReplaceTrigger c && aspects.contains(Aspect.DEFINITION)) {
            expected = trigger(c.after());
            actual = trigger(c.before());
        } else if (change instanceof ReplacePolicy c) {
            expected = policy(c.after());
            actual = policy(c.before());
        } else if (change instanceof ReplaceConstraint c && aspects.contains(Aspect.DEFINITION)) {
            expected = c.after().definition();
            actual = c.before().definition();
        } else if (change instanceof AlterColumn c && aspects.contains(Aspect.DEFAULT)) {
            expected = c.after().defaultValue();
            actual = c.before().defaultValue();
        } else if (change instanceof AlterColumn c && aspects.contains(Aspect.GENERATED)) {
            expected = generated(c.after());
            actual = generated(c.before());
        }
        if (expected == null || actual == null || expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(new DefinitionText(expected, actual));
    }

    private static String routine(Routine r) {
        return r.body();
    }

    private static String trigger(Trigger t) {
        return t.timing() + " " + String.join(" OR ", t.events()) + " FOR EACH " + t.level()
                + (t.when() == null ? "" : "\nWHEN (" + t.when() + ")") + "\n" + t.action();
    }

    private static String policy(Policy p) {
        return (p.permissive() ? "PERMISSIVE" : "RESTRICTIVE") + " FOR " + p.command() + " TO " + String.join(", ", p.roles())
                + (p.using() == null ? "" : "\nUSING (" + p.using() + ")")
                + (p.withCheck() == null ? "" : "\nWITH CHECK (" + p.withCheck() + ")");
    }

    private static String generated(Column c) {
        return c.generated() == null ? null : c.generated().expression();
    }

    /**
     * A unified diff from the expected definition to the actual one, one line of context, without
     * file headers: {@code -} lines are expected, {@code +} lines actual. Long diffs end with a count.
     */
    public List<String> unifiedDiff() {
        List<String> from = lines(expected);
        List<String> to = lines(actual);
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff("expected", "actual", from, DiffUtils.diff(from, to), 1);
        List<String> body = new ArrayList<>(diff.subList(Math.min(2, diff.size()), diff.size()));
        if (body.size() > MAX_LINES) {
            int more = body.size() - MAX_LINES;
            body = new ArrayList<>(body.subList(0, MAX_LINES));
            body.add("… " + more + " more line" + (more == 1 ? "" : "s"));
        }
        return body;
    }

    /** One line per line of the text, trailing blanks dropped (a view's text ends with a newline on one side only). */
    private static List<String> lines(String text) {
        return text.strip().lines().map(String::stripTrailing).toList();
    }

    /**
     * The date and time literals of the actual side when the two definitions differ in those alone:
     * a value ({@code 'now'}, {@code now()}, {@code CURRENT_DATE}) cast once, when the object was
     * created, so that every re-creation holds another one. Empty when anything else differs.
     */
    public List<String> frozenLiterals() {
        if (!TIME_LITERAL.matcher(actual).replaceAll("'<time>'").equals(TIME_LITERAL.matcher(expected).replaceAll("'<time>'"))) {
            return List.of();
        }
        Set<String> inExpected = new LinkedHashSet<>(all(expected));
        Set<String> out = new LinkedHashSet<>();
        for (String literal : all(actual)) {
            if (!inExpected.contains(literal)) {
                out.add(literal);
            }
        }
        return List.copyOf(out);
    }

    private static List<String> all(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TIME_LITERAL.matcher(Objects.requireNonNullElse(text, ""));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
