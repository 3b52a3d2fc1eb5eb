package dev.driftgate.safety;

import dev.driftgate.DriftgateException;
import dev.driftgate.diff.Aspect;
import dev.driftgate.diff.Change;
import dev.driftgate.diff.DiffResult;
import dev.driftgate.diff.Severity;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Online safety of one migration: the static hazards, then, where the change was run on a seeded
 * copy, what running it showed: a static hazard the observation confirms keeps its level, one it
 * contradicts drops to info and says why, and what no rule predicted is added.
 *
 * @param failOn hazards at or above this level fail the check
 * @param levels configured levels by rule
 * @param observe whether to run the change on a seeded copy
 * @param sampleRows generated rows per table the change touches, added to the copy before it runs (0: none)
 */
public record OnlineSafety(HazardLevel failOn, Map<Rule, HazardLevel> levels, boolean observe, int sampleRows) {

    public static final String FAIL_ON = "driftgate.safety.fail-on";
    public static final String LEVEL_PREFIX = "driftgate.safety.level.";
    public static final String OBSERVE = "driftgate.safety.observe";
    public static final String ROWS = "driftgate.safety.rows";

    /**
     * From configuration: {@code driftgate.safety.fail-on}, {@code driftgate.safety.level.<CODE>},
     * {@code driftgate.safety.observe}, {@code driftgate.safety.rows}.
     */
    public static OnlineSafety configured(Function<String, Optional<String>> settings) {
        Map<Rule, HazardLevel> levels = new HashMap<>();
        for (Rule rule : Rule.values()) {
            settings.apply(LEVEL_PREFIX + rule.code()).ifPresent(l -> levels.put(rule, level(LEVEL_PREFIX + rule.code(), l)));
        }
        int rows;
        try {
            rows = settings.apply(ROWS).map(String::strip).map(Integer::parseInt).orElse(100);
        } catch (NumberFormatException e) {
            throw new DriftgateException(ROWS + ": '" + settings.apply(ROWS).orElse("") + "' is not a number of rows");
        }
        return new OnlineSafety(settings.apply(FAIL_ON).map(l -> level(FAIL_ON, l)).orElse(HazardLevel.ERROR), levels,
                settings.apply(OBSERVE).map(Boolean::parseBoolean).orElse(true), Math.max(0, rows));
    }

    private static HazardLevel level(String key, String value) {
        try {
            return HazardLevel.parse(value);
        } catch (DriftgateException e) {
            throw new DriftgateException(key + ": " + e.getMessage(), e);
        }
    }

    /**
     * The static hazards of a migration's statements; the file is read again for its suppression comments.
     *
     * @param newTables tables created since production's state (by earlier migrations of the same
     *     change): empty there, so an index on them locks nothing that matters
     */
    public List<Hazard> staticHazards(SafetyRules rules, Path file, List<SqlStatement> statements, Set<String> newTables) {
        return StaticAnalysis.analyse(rules, file.toString(), ScriptRunner.read(file), statements, levels, newTables);
    }

    /** As above, with what is known of the state before the migration (column types, the session's time zone). */
    public List<Hazard> staticHazards(SafetyRules rules, Path file, List<SqlStatement> statements, MigrationContext context) {
        return StaticAnalysis.analyse(rules, file.toString(), ScriptRunner.read(file), statements, levels, context);
    }

    /** The static hazards with what the observation of the same statements showed. */
    public List<Hazard> reconcile(List<Hazard> hazards, List<StatementObservation> observations) {
        List<Hazard> out = new ArrayList<>(hazards);
        for (StatementObservation o : observations) {
            String file = o.statement().source();
            int line = o.statement().line();
            if (o.algorithm() != null) {
                reconcileAlgorithm(out, o, file, line);
            } else {
                reconcileRewrite(out, o, file, line);
            }
        }
        return out;
    }

    private void reconcileRewrite(List<Hazard> out, StatementObservation o, String file, int line) {
        boolean predicted = false;
        for (int i = 0; i < out.size(); i++) {
            Hazard h = out.get(i);
            if (!h.file().equals(file) || h.line() != line) {
                continue;
            }
            if (h.rule() == Rule.TYPE_CHANGE_REWRITE || h.rule() == Rule.VOLATILE_DEFAULT) {
                predicted = true;
                out.set(i, o.rewritten().isEmpty()
                        ? h.withObserved("contradicted: nothing was rewritten (a binary-coercible change)", HazardLevel.INFO)
                        : h.withObserved("confirmed: rewrote " + String.join(", ", o.rewritten()), h.level()));
            } else if (!o.locks().isEmpty() && h.rule().group() == Rule.Group.LOCKING) {
                out.set(i, h.withObserved("locks " + String.join(", ", o.locks()), h.level()));
            }
        }
        if (!predicted && !o.rewritten().isEmpty()) {
            add(out, Rule.OBSERVED_REWRITE, o, "rewrote " + String.join(", ", o.rewritten()));
        }
    }

    private void reconcileAlgorithm(List<Hazard> out, StatementObservation o, String file, int line) {
        boolean copy = o.algorithm().equals("COPY");
        boolean predicted = false;
        for (int i = 0; i < out.size(); i++) {
            Hazard h = out.get(i);
            if (h.file().equals(file) && h.line() == line && h.rule() == Rule.TABLE_COPY) {
                predicted = true;
                out.set(i, copy ? h.withObserved("confirmed: the server accepts neither INSTANT nor INPLACE, LOCK=NONE", h.level())
                        : h.withObserved("contradicted: ran " + o.algorithm(), HazardLevel.INFO));
            }
        }
        if (!predicted && copy) {
            add(out, Rule.OBSERVED_COPY, o, "neither INSTANT nor INPLACE, LOCK=NONE");
        }
    }

    private void add(List<Hazard> out, Rule rule, StatementObservation o, String detail) {
        HazardLevel level = rule.levelIn(levels);
        if (level != HazardLevel.OFF) {
            out.add(new Hazard(rule, level, o.statement().source(), o.statement().line(), o.statement().summary(), detail,
                    null, null));
        }
    }

    /**
     * Hazards only the states before and after a migration show: a column type narrowed (the old
     * type is not in the statement). Placed on the statement that names the column, else the first.
     */
    public List<Hazard> schemaHazards(DiffResult diff, List<SqlStatement> statements) {
        List<Hazard> out = new ArrayList<>();
        HazardLevel level = Rule.NARROWING_TYPE.levelIn(levels);
        if (level == HazardLevel.OFF || statements.isEmpty()) {
            return out;
        }
        for (var d : diff.differences()) {
            if (d.change() instanceof Change.AlterColumn c
                    && d.aspects().contains(Aspect.TYPE)
                    && c.severity() == Severity.BREAKING) {
                Pattern names = Pattern.compile("(?is).*\\b"
                        + Pattern.quote(c.object().table()) + "\\b.*\\b"
                        + Pattern.quote(c.object().name()) + "\\b.*");
                SqlStatement at = statements.stream().filter(s -> names.matcher(s.sql().replace("\"", "").replace("`", ""))
                        .matches()).findFirst().orElse(statements.get(0));
                out.add(new Hazard(Rule.NARROWING_TYPE, level, at.source(), at.line(), at.summary(),
                        c.object().table() + "." + c.object().name() + ": " + c.before().type() + " to " + c.after().type(),
                        null, null));
            }
        }
        return out;
    }

    /** Applies the migration file's suppression comments to hazards found after the static pass. */
    public List<Hazard> suppressLater(Path file, List<SqlStatement> statements, List<Hazard> later) {
        return StaticAnalysis.suppressLater(ScriptRunner.read(file), file.toString(), statements, later);
    }

    /**
     * A statement that failed on the observed copy: data-dependent hazards predicted for it are
     * confirmed, and the failure itself is a hazard.
     */
    public List<Hazard> observedFailure(List<Hazard> hazards, SafetyObserver.Failed failure) {
        List<Hazard> out = new ArrayList<>(hazards);
        SqlStatement at = failure.statement();
        String message = String.valueOf(failure.getMessage()).lines().findFirst().orElse("");
        for (int i = 0; i < out.size(); i++) {
            Hazard h = out.get(i);
            if (h.file().equals(at.source()) && h.line() == at.line() && h.rule().group() == Rule.Group.DATA_DEPENDENT) {
                out.set(i, h.withObserved("confirmed: fails on representative rows", h.level()));
            }
        }
        add(out, Rule.OBSERVED_FAILURE, new StatementObservation(at, 0, List.of(), List.of(), List.of(), null), message);
        return out;
    }

    /** The hazards that fail the check. */
    public List<Hazard> failing(List<Hazard> hazards) {
        return hazards.stream().filter(h -> h.failsAt(failOn)).toList();
    }

    /** A short count for a node's result: {@code 2 warnings, 1 info, 1 suppressed}. */
    public static String counts(List<Hazard> hazards) {
        Map<String, Integer> n = new TreeMap<>();
        for (Hazard h : hazards) {
            n.merge(h.isSuppressed() ? "suppressed" : h.level().label(), 1, Integer::sum);
        }
        if (n.isEmpty()) {
            return "no hazards";
        }
        List<String> parts = new ArrayList<>();
        for (String k : List.of("error", "warning", "info", "suppressed")) {
            if (n.containsKey(k)) {
                int c = n.get(k);
                parts.add(c + " " + (k.equals("suppressed") || c == 1 || k.equals("info") ? k : k + "s"));
            }
        }
        return String.join(", ", parts).toLowerCase(Locale.ROOT);
    }
}
