package dev.driftgate.sql;

/**
 * One statement of a script.
 *
 * @param sql the statement text without its terminator
 * @param source the file (or other origin) it came from
 * @param line the 1-based line it starts on
 * @param ordinal the 1-based position among the script's statements
 */
public record SqlStatement(String sql, String source, int line, int ordinal) {

    /** Where it is, as {@code file:line}. */
    public String location() {
        return source + ":" + line;
    }

    /** The first line of the statement, shortened, for one-line messages. */
    public String summary() {
        String first = sql.strip().lines().findFirst().orElse("");
        return first.length() > 100 ? first.substring(0, 97) + "..." : first;
    }
}
