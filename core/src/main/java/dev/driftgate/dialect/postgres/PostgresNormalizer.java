package dev.driftgate.dialect.postgres;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL normalisation step: turns what the catalog prints into the canonical form the
 * snapshot records, so that equal schemas compare equal.
 */
final class PostgresNormalizer {

    private static final Pattern CAST_LITERAL = Pattern.compile("^('(?:[^']|'')*')::([A-Za-z_\"][A-Za-z0-9_ .\"]*(?:\\[\\])*)$");
    private static final Pattern TYPMOD = Pattern.compile("\\([^)]*\\)");

    private PostgresNormalizer() {}

    /**
     * A default expression without the cast PostgreSQL adds to a literal of the column's own type:
     * {@code 'a'::text} on a text column is {@code 'a'}, {@code 'x'::character varying} on a
     * {@code character varying(20)} column is {@code 'x'}. Casts to another type are kept, since
     * they change the value.
     */
    static String defaultExpression(String expression, String columnType) {
        if (expression == null) {
            return null;
        }
        Matcher m = CAST_LITERAL.matcher(expression.strip());
        if (m.matches() && columnType != null) {
            String castType = m.group(2);
            String bareColumnType = TYPMOD.matcher(columnType).replaceAll("");
            if (castType.equals(columnType) || castType.equals(bareColumnType)) {
                return m.group(1);
            }
        }
        return expression.strip();
    }

    private static final Pattern FROM_ITEM = Pattern.compile(
            "(?s)\\bFROM\\s+((?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\")(?:\\.(?:[a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"))?)"
            + "(?:\\s+(?!WHERE\\b|GROUP\\b|HAVING\\b|WINDOW\\b|ORDER\\b|LIMIT\\b|OFFSET\\b|FETCH\\b|FOR\\b"
            + "|UNION\\b|INTERSECT\\b|EXCEPT\\b)([a-z_][a-z0-9_$]*|\"(?:[^\"]|\"\")+\"))?\\s*(?:$|\\s(?:WHERE|GROUP|HAVING"
            + "|WINDOW|ORDER|LIMIT|OFFSET|FETCH|FOR)\\b)");

    /**
     * A view query in one form for every PostgreSQL version. Up to 15, {@code pg_get_viewdef}
     * qualifies every column of a single-relation query ({@code "order".total}); from 16 on it does
     * not. For a query over exactly one relation, with no join, subquery or set operation, the
     * qualifier is redundant and is removed.
     */
    static String viewDefinition(String definition) {
        if (definition == null) {
            return null;
        }
        String masked = maskLiterals(definition);
        String upper = masked.toUpperCase(Locale.ROOT);
        if (count(upper, "\\bFROM\\b") != 1 || count(upper, "\\b(JOIN|UNION|INTERSECT|EXCEPT|SELECT)\\b") != 1
                || masked.indexOf(',', upper.indexOf("FROM")) >= 0 && commaInFrom(masked, upper)) {
            return definition;
        }
        Matcher from = FROM_ITEM.matcher(masked);
        if (!from.find()) {
            return definition;
        }
        String relation = from.group(1);
        String alias = from.group(2);
        String refname = alias != null ? alias : relation.substring(relation.lastIndexOf('.') + 1);
        String qualifier = refname + ".";
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < definition.length()) {
            if (definition.startsWith(qualifier, i) && masked.startsWith(qualifier, i)
                    && (i == 0 || !isIdentifierChar(definition.charAt(i - 1)))
                    // t.* is the whole row (f(t.*)), not a qualified column: every version keeps it.
                    && !definition.startsWith("*", i + qualifier.length())
                    && !(i >= from.start(1) && i < from.end(0))) {
                i += qualifier.length();
                continue;
            }
            out.append(definition.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static boolean commaInFrom(String masked, String upper) {
        int from = upper.indexOf("FROM");
        Matcher end = Pattern.compile("\\b(WHERE|GROUP|HAVING|WINDOW|ORDER|LIMIT|OFFSET|FETCH)\\b").matcher(upper);
        int stop = end.find(from) ? end.start() : masked.length();
        return masked.substring(from, stop).indexOf(',') >= 0;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '"' || c == '.';
    }

    /** The text with the contents of string literals replaced by spaces, so keywords in them are not seen. */
    private static String maskLiterals(String text) {
        StringBuilder out = new StringBuilder(text);
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                inString = !inString;
            } else if (inString) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    /**
     * True when a constraint or index name is the one PostgreSQL would have chosen itself
     * ({@code orders_pkey}, {@code orders_customer_id_fkey}, {@code orders_email_key1},
     * {@code orders_lower_idx}): starts with the table name (PostgreSQL truncates long names, so a
     * prefix of it suffices) and ends with the kind's suffix and an optional counter.
     */
    static boolean isGeneratedName(String name, String table, String suffix) {
        if (!name.matches(".*_" + suffix + "\\d*")) {
            return false;
        }
        String prefix = table.length() > 10 ? table.substring(0, 10) : table;
        return name.startsWith(prefix);
    }
}
