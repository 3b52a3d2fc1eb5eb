package dev.driftgate.sql;

import dev.driftgate.DriftgateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains why a declared schema stopped settling. Each waiting statement failed on a missing
 * object, which the server's message names; a statement that creates that object, if one of the
 * waiting statements does, is what it waits on. Following these waits from the first statement
 * ends either at a statement waiting on an object no statement creates (never going to succeed:
 * reported with its file, line and the server's message) or back at a statement already seen (a
 * cycle: every statement in it is named).
 */
final class WaitingStatements {

    /** The quoted name in a server message: "x", `x` or 'x' (PostgreSQL, MariaDB). */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"|`([^`]+)`|'([^']+)'");

    private WaitingStatements() {}

    static DriftgateException explain(Map<SqlStatement, SQLException> waiting) {
        List<SqlStatement> path = new ArrayList<>();
        SqlStatement at = waiting.keySet().iterator().next();
        while (at != null && !path.contains(at)) {
            path.add(at);
            at = creatorOfMissing(at, waiting.get(at), waiting.keySet());
        }
        if (at == null) {
            SqlStatement last = path.get(path.size() - 1);
            SQLException e = waiting.get(last);
            return new DriftgateException(last.location() + ": statement cannot be applied: " + SqlErrors.describe(e)
                    + " -- " + last.summary() + " (none of the waiting statements creates what it needs; " + waiting.size() + " statement"
                    + (waiting.size() == 1 ? "" : "s") + " left waiting)", e);
        }
        List<SqlStatement> cycle = path.subList(path.indexOf(at), path.size());
        StringBuilder out = new StringBuilder(cycle.get(0).location() + ": statements wait on each other in a cycle:");
        for (SqlStatement s : cycle) {
            out.append(' ').append(s.location()).append(" (").append(s.summary()).append(") waits on: ")
                    .append(SqlErrors.describe(waiting.get(s))).append(';');
        }
        out.setLength(out.length() - 1);
        return new DriftgateException(out.toString(), waiting.get(cycle.get(0)));
    }

    /** The waiting statement whose head creates the object the error says is missing, or null. */
    private static SqlStatement creatorOfMissing(SqlStatement waiter, SQLException e, Iterable<SqlStatement> candidates) {
        String missing = missingName(e);
        if (missing == null) {
            return null;
        }
        Pattern creates = Pattern.compile("(?is)^\\s*(CREATE|ALTER)\\b[^(;]*?[\\s.`\"]" + Pattern.quote(missing)
                + "[`\"]?(\\s|\\(|$)");
        for (SqlStatement s : candidates) {
            if (s != waiter && creates.matcher(s.sql()).find()) {
                return s;
            }
        }
        return null;
    }

    private static String missingName(SQLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        Matcher m = QUOTED.matcher(message);
        // MariaDB's errno 150 names the table being created, not the one it lacks.
        if (message.toLowerCase(Locale.ROOT).contains("can't create table") || !m.find()) {
            return null;
        }
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        // "schema.table", `db`.`table`, "f(integer)": the bare object name is what a CREATE names.
        name = name.replaceAll("\\(.*", "");
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
