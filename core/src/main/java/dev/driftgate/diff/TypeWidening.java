package dev.driftgate.diff;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a column type change only widens the type (every old value still fits, clients keep
 * working) or may narrow it. Unknown pairs count as narrowing: a false alarm beats a missed break.
 */
final class TypeWidening {

    private static final List<List<String>> INTEGER_LADDERS = List.of(
            List.of("smallint", "integer", "bigint", "numeric"),
            List.of("tinyint", "smallint", "mediumint", "int", "bigint", "decimal"));
    private static final Pattern LENGTH = Pattern.compile("^(character varying|varchar|varbinary|character|char|bit varying)\\((\\d+)\\)$");
    private static final Pattern PRECISION = Pattern.compile("^(numeric|decimal)\\((\\d+),(\\d+)\\)$");

    private TypeWidening() {}

    static boolean isWidening(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        Matcher a = LENGTH.matcher(from);
        Matcher b = LENGTH.matcher(to);
        if (a.matches() && b.matches() && a.group(1).equals(b.group(1))) {
            return Integer.parseInt(b.group(2)) >= Integer.parseInt(a.group(2));
        }
        if (a.matches() && (to.equals("text") || (a.group(1).equals("character varying") && to.equals("character varying")))) {
            return true;
        }
        Matcher p = PRECISION.matcher(from);
        Matcher q = PRECISION.matcher(to);
        if (p.matches() && q.matches() && p.group(1).equals(q.group(1))) {
            int intDigitsFrom = Integer.parseInt(p.group(2)) - Integer.parseInt(p.group(3));
            int intDigitsTo = Integer.parseInt(q.group(2)) - Integer.parseInt(q.group(3));
            return intDigitsTo >= intDigitsFrom && Integer.parseInt(q.group(3)) >= Integer.parseInt(p.group(3));
        }
        for (List<String> ladder : INTEGER_LADDERS) {
            String fromBase = from.replace(" unsigned", "");
            int i = ladder.indexOf(fromBase);
            int j = ladder.indexOf(to.replace(" unsigned", "").replaceAll("\\(.*\\)", ""));
            if (i >= 0 && j >= 0 && from.endsWith("unsigned") == to.endsWith("unsigned")) {
                return j >= i;
            }
        }
        return false;
    }
}
