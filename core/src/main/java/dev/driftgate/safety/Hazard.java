package dev.driftgate.safety;

import dev.driftgate.text.SafeText;

/**
 * One hazard found in a migration.
 *
 * @param rule what it is
 * @param level its level after configuration and observation
 * @param file the migration file
 * @param line the line the statement starts on
 * @param statement the statement's first line, shortened
 * @param detail what exactly, for this statement ({@code on table public.orders})
 * @param suppressed the reason a {@code -- driftgate:ignore} comment gives, or null
 * @param observed what running the change showed about it (confirmed, contradicted), or null
 */
public record Hazard(Rule rule, HazardLevel level, String file, int line, String statement, String detail,
        String suppressed, String observed) {

    public boolean isSuppressed() {
        return suppressed != null;
    }

    /** Counts toward failing the gate at this threshold. */
    public boolean failsAt(HazardLevel threshold) {
        return !isSuppressed() && level != HazardLevel.OFF && threshold != HazardLevel.OFF
                && level.compareTo(threshold) >= 0;
    }

    public Hazard withLevel(HazardLevel newLevel) {
        return new Hazard(rule, newLevel, file, line, statement, detail, suppressed, observed);
    }

    public Hazard withSuppressed(String reason) {
        return new Hazard(rule, level, file, line, statement, detail, reason, observed);
    }

    public Hazard withObserved(String what, HazardLevel newLevel) {
        return new Hazard(rule, newLevel, file, line, statement, detail, suppressed, what);
    }

    /** One line: {@code file:line: DG301 error: builds an index … (on public.orders): CREATE INDEX …}. */
    public String oneLine() {
        return SafeText.line(file + ":" + line + ": " + rule.code() + " " + level.label() + ": " + rule.title()
                + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")") + ": " + statement
                + (suppressed == null ? "" : " [suppressed: " + suppressed + "]")
                + (observed == null ? "" : " [observed: " + observed + "]"));
    }
}
