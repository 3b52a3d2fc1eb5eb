package dev.driftgate.dialect.mysql;

import dev.driftgate.schema.RelationName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The MySQL/MariaDB normalisation step. The two servers print the same schema differently
 * (MariaDB quotes literal defaults and writes {@code current_timestamp()}, MySQL 8 drops integer
 * display widths and wraps expressions in parentheses); snapshots record one form.
 */
final class MysqlNormalizer {

    private static final Pattern INTEGER_WIDTH =
            Pattern.compile("^(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)");
    private static final Pattern CURRENT_TIMESTAMP =
            Pattern.compile("(?i)^current_timestamp(?:\\(\\))?$");
    private static final Pattern CURRENT_TIMESTAMP_PRECISION =
            Pattern.compile("(?i)^current_timestamp\\((\\d+)\\)$");
    private static final Set<String> NUMERIC_TYPES = Set.of("tinyint", "smallint", "mediumint", "int", "integer",
            "bigint", "decimal", "numeric", "float", "double", "real", "year", "bit");

    private MysqlNormalizer() {}

    /**
     * The column type without the integer display width MySQL 8 no longer prints, except
     * {@code tinyint(1)}, which both servers keep (it is how clients recognise a boolean).
     */
    static String columnType(String columnType) {
        String type = lowerCaseOutsideQuotes(columnType);
        if (type.startsWith("tinyint(1)")) {
            return type;
        }
        return INTEGER_WIDTH.matcher(type).replaceFirst("$1");
    }

    /** The text lower-cased except inside quoted strings: enum('M','F') keeps its values' case. */
    private static String lowerCaseOutsideQuotes(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // a doubled quote inside a value toggles twice
            }
            out.append(quoted ? c : Character.toLowerCase(c));
        }
        return out.toString();
    }

    /**
     * The default as an SQL expression: literals quoted as SQL writes them, functions in one
     * spelling, and an explicit {@code DEFAULT NULL} the same as no default.
     *
     * @param mariaDb MariaDB prints literals quoted and expressions bare; MySQL prints literals
     *     bare and marks expressions with {@code DEFAULT_GENERATED} in {@code EXTRA}
     */
    static String defaultValue(String raw, String dataType, String extra, boolean mariaDb) {
        if (raw == null || (mariaDb && raw.equalsIgnoreCase("NULL"))) {
            return null;
        }
        String value = raw;
        boolean expression;
        if (mariaDb) {
            expression = !value.startsWith("'");
        } else {
            expression = extra != null && extra.toUpperCase(Locale.ROOT).contains("DEFAULT_GENERATED");
            if (!expression) {
                value = NUMERIC_TYPES.contains(dataType.toLowerCase(Locale.ROOT)) || value.startsWith("b'")
                        ? value : "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
            }
        }
        if (expression) {
            value = expression(value);
        }
        return value;
    }

    /** Canonical spelling of an expression: the timestamp functions, and no wrapping parentheses. */
    static String expression(String expression) {
        if (expression == null) {
            return null;
        }
        String value = stripOuterParentheses(expression.strip());
        if (CURRENT_TIMESTAMP.matcher(value).matches()) {
            return "CURRENT_TIMESTAMP";
        }
        var precision = CURRENT_TIMESTAMP_PRECISION.matcher(value);
        if (precision.matches()) {
            return "CURRENT_TIMESTAMP(" + precision.group(1) + ")";
        }
        return value;
    }

    /** The {@code ON UPDATE} expression hidden in {@code EXTRA}, or null. */
    static String onUpdate(String extra) {
        if (extra == null) {
            return null;
        }
        int at = extra.toLowerCase(Locale.ROOT).indexOf("on update ");
        return at < 0 ? null : expression(extra.substring(at + "on update ".length()).strip());
    }

    /** The view query without the qualification of its own database, which differs per environment. */
    static String viewDefinition(String definition, String schema) {
        if (definition == null) {
            return null;
        }
        String qualifier = "`" + schema.replace("`", "``") + "`.";
        return definition.replace(qualifier, "").strip();
    }

    private static final Pattern QUALIFIED_CHAIN =
            Pattern.compile("`((?:[^`]|``)*)`\\.`((?:[^`]|``)*)`");

    /**
     * The relations a view may read, as the server prints its query: every reference is qualified
     * {@code `db`.`table`} (columns {@code `db`.`table`.`column`}). MariaDB keeps no dependency
     * records for views, so this reads the rendering; the introspector keeps only names that are
     * relations of the snapshot, which drops column references through an alias.
     */
    static List<RelationName> viewReads(String definition) {
        List<RelationName> reads = new ArrayList<>();
        if (definition == null) {
            return reads;
        }
        Matcher m = QUALIFIED_CHAIN.matcher(definition);
        while (m.find()) {
            reads.add(new RelationName(m.group(1).replace("``", "`"), m.group(2).replace("``", "`")));
        }
        return reads;
    }

    /** True when the name is the one the server generates: {@code t_ibfk_1}, {@code CONSTRAINT_1}, {@code t_chk_1}. */
    static boolean isGeneratedConstraintName(String name, String table) {
        return name.equals(table + "_ibfk_" + digits(name, table + "_ibfk_"))
                || name.equals(table + "_chk_" + digits(name, table + "_chk_"))
                || name.matches("CONSTRAINT_\\d+");
    }

    /** True when an index is named after its first column, as the server names unnamed indexes. */
    static boolean isGeneratedIndexName(String name, String firstColumn) {
        return firstColumn != null && (name.equals(firstColumn) || name.matches(Pattern.quote(firstColumn) + "_\\d+"));
    }

    private static String digits(String name, String prefix) {
        if (!name.startsWith(prefix)) {
            return "\u0000";
        }
        String rest = name.substring(prefix.length());
        return rest.matches("\\d+") ? rest : "\u0000";
    }

    static String stripOuterParentheses(String text) {
        String value = text;
        while (value.length() >= 2 && value.charAt(0) == '(' && value.charAt(value.length() - 1) == ')'
                && closes(value)) {
            value = value.substring(1, value.length() - 1).strip();
        }
        return value;
    }

    /** True when the first parenthesis closes at the last character (quotes respected). */
    private static boolean closes(String value) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0 && i < value.length() - 1) {
                    return false;
                }
            }
        }
        return depth == 0;
    }

    /**
     * The partitioning clause of a SHOW CREATE TABLE text after {@code PARTITION BY}, on one line,
     * up to the list of partitions: {@code RANGE (`a`) SUBPARTITION BY HASH (`b`) SUBPARTITIONS 2},
     * {@code KEY ALGORITHM = 1 (`a`) PARTITIONS 3}. MySQL wraps it in a versioned comment.
     */
    static String partitionClause(String createTable) {
        int start = createTable.indexOf("PARTITION BY ");
        if (start < 0) {
            return null;
        }
        String clause = createTable.substring(start + "PARTITION BY ".length());
        int list = clause.indexOf("\n(PARTITION ");
        if (list >= 0) {
            clause = clause.substring(0, list);
        }
        clause = clause.strip();
        if (clause.endsWith("*/")) {
            clause = clause.substring(0, clause.length() - 2);
        }
        return clause.replaceAll("\\s+", " ").strip();
    }
}
