package dev.driftgate.safety;

import dev.driftgate.sql.SqlStatement;
import java.util.Set;

/**
 * A dialect's static rules. Each dialect package implements it; {@link StaticAnalysis} parses the
 * statements with JSqlParser and hands each one, with what the migration did before it, to
 * {@link #check}.
 */
public interface SafetyRules {

    /**
     * JSqlParser (5.3) does not know some clauses that matter most here ({@code CONCURRENTLY},
     * {@code NOT VALID}, {@code USING INDEX}, a partial index's {@code WHERE}, …): the dialect notes
     * them as flags and removes them, so the rest of the statement still parses.
     */
    Prepared prepare(String sql);

    /** Adds the hazards of one parsed statement; {@code migration} holds what came before it in the file. */
    void check(ParsedStatement statement, MigrationState migration, HazardSink out);

    /**
     * Statements the parser does not handle but the rules understand by their text alone
     * ({@code BEGIN}, {@code SET lock_timeout}, {@code VACUUM}): true when handled.
     */
    boolean checkUnparsed(SqlStatement statement, MigrationState migration, HazardSink out);

    /**
     * A statement JSqlParser cannot read even prepared: the dialect's own reading of it, by its
     * text, where that is enough for the rules (an ALTER TABLE split into its actions, an index's
     * table and kind without its expressions, DROP TRIGGER, ALTER TYPE). True when handled; false
     * leaves it {@link Rule#NOT_ANALYSED}.
     *
     * @param parts checks a part of the statement (prepared and parsed like a statement of its
     *     own, same file and line); false when the parser cannot read that either
     */
    default boolean checkFallback(SqlStatement statement, MigrationState migration, HazardSink out, Parts parts) {
        return false;
    }

    /** Re-reads part of a statement for {@link #checkFallback}. */
    interface Parts {
        boolean check(String sql);
    }

    /** @param sql what JSqlParser gets @param flags clauses removed from it, upper case ({@code CONCURRENTLY}) */
    record Prepared(String sql, Set<String> flags) {}

    /** Where rules report. */
    interface HazardSink {
        void add(Rule rule, String detail);
    }
}
