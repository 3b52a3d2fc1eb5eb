package dev.driftgate.diff;

import java.util.Locale;

/**
 * How bad a difference is for the people running the database, worst first.
 *
 * <ul>
 *   <li>{@link #DESTRUCTIVE}: applying the change loses data (a dropped table or column)</li>
 *   <li>{@link #BREAKING}: clients break (a dropped view or function, a narrowed type, a new NOT NULL)</li>
 *   <li>{@link #WARNING}: behaviour or performance changes (a dropped index, a changed default)</li>
 *   <li>{@link #INFO}: additions and cosmetic differences (a new column, a comment)</li>
 * </ul>
 */
public enum Severity {
    DESTRUCTIVE,
    BREAKING,
    WARNING,
    INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
