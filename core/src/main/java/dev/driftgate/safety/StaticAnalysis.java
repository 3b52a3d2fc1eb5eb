package dev.driftgate.safety;

import dev.driftgate.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UnsupportedStatement;

/**
 * The static rules over one migration file: every statement parsed with JSqlParser and checked by
 * its dialect's rules, in order, knowing what the file did before it. A statement the parser cannot
 * read is reported as {@link Rule#NOT_ANALYSED} with its file and line, never an error.
 */
public final class StaticAnalysis {

    private static final Pattern SUPPRESSION =
            Pattern.compile("--\\s*driftgate:ignore\\s+([A-Za-z]+\\d+)[ \\t]*([^\\r\\n]*)");

    private StaticAnalysis() {}

    /**
     * @param rules the dialect's rules ({@code Dialect.safetyRules()})
     * @param file the migration's path, as reports show it
     * @param text the whole file
     * @param statements the file split by its dialect (with their real lines)
     * @param levels configured levels by rule; rules not named keep their default
     * @param newTables tables that are new although the migration did not create them (earlier
     *     migrations of the same change created them): treated as created by it
     */
    public static List<Hazard> analyse(SafetyRules rules, String file, String text, List<SqlStatement> statements,
            Map<Rule, HazardLevel> levels, Set<String> newTables) {
        return analyse(rules, file, text, statements, levels, MigrationContext.newTables(newTables));
    }

    /** As above, with what is known of the state before the migration (column types, the session's time zone). */
    public static List<Hazard> analyse(SafetyRules rules, String file, String text, List<SqlStatement> statements,
            Map<Rule, HazardLevel> levels, MigrationContext context) {
        MigrationState state = new MigrationState(context);
        statements.forEach(s -> state.countStatement());
        List<Hazard> hazards = new ArrayList<>();
        for (SqlStatement statement : statements) {
            SafetyRules.HazardSink sink = (rule, detail) -> {
                HazardLevel level = rule.levelIn(levels);
                if (level != HazardLevel.OFF) {
                    hazards.add(new Hazard(rule, level, file, statement.line(), statement.summary(), detail, null, null));
                }
            };
            if (rules.checkUnparsed(statement, state, sink)) {
                continue;
            }
            if (!checkParsed(rules, statement, statement.sql(), state, sink)
                    && !rules.checkFallback(statement, state, sink, part -> checkParsed(rules, statement, part, state, sink))) {
                sink.add(Rule.NOT_ANALYSED, "neither JSqlParser nor the dialect's fallback reads it");
            }
        }
        return suppress(text, file, statements, hazards, levels, true);
    }

    /** Prepares, parses and checks {@code sql} (the statement or part of it); false when the parser cannot read it. */
    private static boolean checkParsed(SafetyRules rules, SqlStatement statement, String sql, MigrationState state,
            SafetyRules.HazardSink sink) {
        SafetyRules.Prepared prepared = rules.prepare(sql);
        Statement tree = parse(prepared.sql());
        if (tree == null) {
            return false;
        }
        SqlStatement part = sql.equals(statement.sql()) ? statement
                : new SqlStatement(sql, statement.source(), statement.line(), statement.ordinal());
        rules.check(new ParsedStatement(part, tree, prepared.flags()), state, sink);
        return true;
    }

    /**
     * Applies the file's suppression comments to hazards found after the static pass (observed,
     * or seen in the states before and after); malformed comments were reported by that pass.
     */
    public static List<Hazard> suppressLater(String text, String file, List<SqlStatement> statements, List<Hazard> hazards) {
        return suppress(text, file, statements, hazards, Map.of(), false);
    }

    /**
     * JSqlParser runs each parse on an executor to bound its time; without one of ours it starts a
     * new thread per statement, which made linting a 0.7 MB migration take 30 s (mostly system time).
     */
    private static final ExecutorService PARSER_THREADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "driftgate-sql-parser");
        t.setDaemon(true);
        return t;
    });

    private static Statement parse(String sql) {
        try {
            Statement tree = CCJSqlParserUtil.parse(sql, PARSER_THREADS, parser -> { });
            return tree instanceof UnsupportedStatement ? null : tree;
        } catch (JSQLParserException | RuntimeException e) {
            return null;
        }
    }

    /**
     * {@code -- driftgate:ignore <CODE> <reason>} suppresses that rule on the statement the comment
     * is in or, when it stands between statements, on the next one. The reason is required: without
     * one the comment suppresses nothing and is itself a hazard.
     */
    private static List<Hazard> suppress(String text, String file, List<SqlStatement> statements, List<Hazard> hazards,
            Map<Rule, HazardLevel> levels, boolean reportBadComments) {
        List<Hazard> out = new ArrayList<>(hazards);
        String[] lines = text.split("\n", -1);
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher m = SUPPRESSION.matcher(lines[i]);
            if (!m.find()) {
                continue;
            }
            int line = i + 1;
            SqlStatement target = statementAt(statements, line);
            String code = m.group(1).toUpperCase(Locale.ROOT);
            String reason = m.group(2).strip();
            var rule = Rule.byCode(code);
            if ((rule.isEmpty() || reason.isEmpty()) && !reportBadComments) {
                continue;
            }
            if (rule.isEmpty() || reason.isEmpty()) {
                HazardLevel level = Rule.SUPPRESSION_WITHOUT_REASON.levelIn(levels);
                if (level != HazardLevel.OFF) {
                    out.add(new Hazard(Rule.SUPPRESSION_WITHOUT_REASON, level, file, line, lines[i].strip(),
                            rule.isEmpty() ? "unknown code " + code : "no reason given for " + code, null, null));
                }
                continue;
            }
            if (target == null) {
                continue;
            }
            for (int h = 0; h < out.size(); h++) {
                Hazard hazard = out.get(h);
                if (hazard.rule() == rule.get() && hazard.line() == target.line() && !hazard.isSuppressed()
                        && !used.contains(h)) {
                    out.set(h, hazard.withSuppressed(reason));
                    used.add(h);
                }
            }
        }
        return out;
    }

    /** The statement a comment on this line belongs to: the one it sits in, else the next one. */
    private static SqlStatement statementAt(List<SqlStatement> statements, int line) {
        for (SqlStatement s : statements) {
            int last = s.line() + (int) s.sql().chars().filter(c -> c == '\n').count();
            if (s.line() <= line && line <= last) {
                return s;
            }
            if (s.line() > line) {
                return s;
            }
        }
        return null;
    }
}
