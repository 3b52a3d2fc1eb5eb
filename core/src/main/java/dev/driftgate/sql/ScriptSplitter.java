package dev.driftgate.sql;

import dev.driftgate.DriftgateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL scripts into statements with the line each starts on. Written here rather than taken
 * from a parser library because it must accept every statement the server accepts (a parser
 * rejects what its grammar lacks) and must know client-side syntax that no server sees: psql
 * meta-commands such as {@code \restrict}, and the mysql client's {@code DELIMITER}.
 *
 * <p>The lexical rules come from the dialect through {@link Syntax}.
 */
public final class ScriptSplitter {

    /**
     * The lexical rules of one dialect.
     *
     * @param dollarQuotes PostgreSQL {@code $tag$ ... $tag$} strings
     * @param nestedComments block comments nest (PostgreSQL)
     * @param backslashEscapes backslash escapes in ordinary strings (MySQL)
     * @param backtickIdentifiers {@code `quoted`} identifiers (MySQL)
     * @param hashComments {@code #} line comments (MySQL)
     * @param delimiterCommand the mysql client's {@code DELIMITER} command
     * @param metaCommands psql backslash meta-commands on their own line, which are skipped
     * @param atomicBodies {@code BEGIN ATOMIC ... END} function bodies whose semicolons do not
     *     end the statement (PostgreSQL 14+, as psql reads them)
     */
    public record Syntax(
            boolean dollarQuotes,
            boolean nestedComments,
            boolean backslashEscapes,
            boolean backtickIdentifiers,
            boolean hashComments,
            boolean delimiterCommand,
            boolean metaCommands,
            boolean atomicBodies) {}

    /** A script that cannot be split: an unterminated string, comment or quoted identifier. */
    public static final class ScriptSyntaxException extends DriftgateException {
        private static final long serialVersionUID = 1L;

        public ScriptSyntaxException(String message) {
            super(message);
        }
    }

    private final Syntax syntax;

    public ScriptSplitter(Syntax syntax) {
        this.syntax = syntax;
    }

    public List<SqlStatement> split(String script, String source) {
        List<SqlStatement> statements = new ArrayList<>();
        String text = script.replace("\r\n", "\n");
        String delimiter = ";";
        int n = text.length();
        int i = 0;
        int line = 1;
        int start = -1;
        int startLine = 0;
        int blockDepth = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (start < 0) {
                // Between statements: skip white space, comments and client commands.
                if (c == '\n') {
                    line++;
                    i++;
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                if (isLineComment(text, i)) {
                    i = endOfLine(text, i);
                    continue;
                }
                if (c == '/' && at(text, i + 1) == '*' && !(syntax.backtickIdentifiers() && at(text, i + 2) == '!')) {
                    int end = skipBlockComment(text, i, source, line);
                    line += count(text, i, end, '\n');
                    i = end;
                    continue;
                }
                if (syntax.metaCommands() && c == '\\') {
                    i = endOfLine(text, i);
                    continue;
                }
                if (syntax.delimiterCommand() && startsWithWord(text, i, "delimiter")) {
                    int eol = endOfLine(text, i);
                    String newDelimiter = text.substring(i + "delimiter".length(), eol).strip();
                    if (newDelimiter.isEmpty()) {
                        throw new ScriptSyntaxException(source + ":" + line + ": DELIMITER without a delimiter");
                    }
                    delimiter = newDelimiter;
                    i = eol;
                    continue;
                }
                start = i;
                startLine = line;
                blockDepth = 0;
            }
            // Inside a statement.
            if (blockDepth == 0 && text.startsWith(delimiter, i)) {
                add(statements, text.substring(start, i), source, startLine);
                start = -1;
                i += delimiter.length();
                continue;
            }
            switch (c) {
                case '\n' -> {
                    line++;
                    i++;
                }
                case '\'' -> {
                    int end = skipQuoted(text, i, '\'', syntax.backslashEscapes() || isEscapeString(text, i),
                            source, line, "string");
                    line += count(text, i, end, '\n');
                    i = end;
                }
                case '"' -> {
                    int end = skipQuoted(text, i, '"', syntax.backslashEscapes(), source, line, "quoted identifier");
                    line += count(text, i, end, '\n');
                    i = end;
                }
                case '`' -> {
                    if (syntax.backtickIdentifiers()) {
                        int end = skipQuoted(text, i, '`', false, source, line, "quoted identifier");
                        line += count(text, i, end, '\n');
                        i = end;
                    } else {
                        i++;
                    }
                }
                case '$' -> {
                    int end = syntax.dollarQuotes() ? skipDollarQuoted(text, i, source, line) : i + 1;
                    line += count(text, i, end, '\n');
                    i = end;
                }
                case '/' -> {
                    if (at(text, i + 1) == '*') {
                        int end = skipBlockComment(text, i, source, line);
                        line += count(text, i, end, '\n');
                        i = end;
                    } else {
                        i++;
                    }
                }
                default -> {
                    if (isLineComment(text, i)) {
                        i = endOfLine(text, i);
                    } else if (syntax.atomicBodies() && isWordStart(text, i)) {
                        int end = i;
                        while (end < n && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_'
                                || text.charAt(end) == '$')) {
                            end++;
                        }
                        blockDepth = trackAtomicBody(text, start, i, end, blockDepth);
                        i = end;
                    } else {
                        i++;
                    }
                }
            }
        }
        if (start >= 0) {
            add(statements, text.substring(start), source, startLine);
        }
        return List.copyOf(statements);
    }

    private static boolean isWordStart(String text, int i) {
        char c = text.charAt(i);
        return Character.isLetter(c) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1))
                && text.charAt(i - 1) != '_' && text.charAt(i - 1) != '$');
    }

    /**
     * The nesting depth of {@code BEGIN ATOMIC} bodies after the word at {@code [from, to)}: as
     * psql does, inside CREATE FUNCTION or PROCEDURE, BEGIN and CASE open a block and END closes one.
     */
    private static int trackAtomicBody(String text, int statementStart, int from, int to, int depth) {
        String word = text.substring(from, to).toUpperCase(Locale.ROOT);
        boolean opens = word.equals("BEGIN") || (depth > 0 && word.equals("CASE"));
        boolean closes = depth > 0 && word.equals("END");
        if (!opens && !closes) {
            return depth;
        }
        String head = text.substring(statementStart, from).toUpperCase(Locale.ROOT);
        if (!head.matches("(?s)\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE)\\b.*")) {
            return depth;
        }
        return opens ? depth + 1 : depth - 1;
    }

    private static void add(List<SqlStatement> statements, String sql, String source, int line) {
        String trimmed = sql.strip();
        if (!trimmed.isEmpty()) {
            statements.add(new SqlStatement(trimmed, source, line, statements.size() + 1));
        }
    }

    private boolean isLineComment(String text, int i) {
        char c = text.charAt(i);
        if (c == '-' && at(text, i + 1) == '-') {
            // MySQL needs white space (or the end) after "--"; PostgreSQL does not.
            return !syntax.hashComments() || i + 2 >= text.length() || Character.isWhitespace(text.charAt(i + 2));
        }
        return c == '#' && syntax.hashComments();
    }

    private static boolean isEscapeString(String text, int quote) {
        if (quote == 0) {
            return false;
        }
        char before = text.charAt(quote - 1);
        return (before == 'E' || before == 'e')
                && (quote < 2 || !Character.isLetterOrDigit(text.charAt(quote - 2)) && text.charAt(quote - 2) != '_');
    }

    private static int skipQuoted(String text, int i, char quote, boolean backslash, String source, int line,
            String what) {
        int j = i + 1;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (backslash && c == '\\') {
                j += 2;
                continue;
            }
            if (c == quote) {
                if (at(text, j + 1) == quote) {
                    j += 2;
                    continue;
                }
                return j + 1;
            }
            j++;
        }
        throw new ScriptSyntaxException(source + ":" + line + ": unterminated " + what + " starting here");
    }

    private static int skipDollarQuoted(String text, int i, String source, int line) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j >= text.length() || text.charAt(j) != '$' || (j > i + 1 && Character.isDigit(text.charAt(i + 1)))) {
            return i + 1; // a positional parameter such as $1, or a $ inside an identifier
        }
        if (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
            return i + 1; // part of an identifier such as a$b
        }
        String tag = text.substring(i, j + 1);
        int end = text.indexOf(tag, j + 1);
        if (end < 0) {
            throw new ScriptSyntaxException(source + ":" + line + ": unterminated dollar-quoted string " + tag);
        }
        return end + tag.length();
    }

    private int skipBlockComment(String text, int i, String source, int line) {
        int depth = 1;
        int j = i + 2;
        while (j < text.length()) {
            if (text.startsWith("*/", j)) {
                depth--;
                j += 2;
                if (depth == 0 || !syntax.nestedComments()) {
                    return j;
                }
            } else if (syntax.nestedComments() && text.startsWith("/*", j)) {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        throw new ScriptSyntaxException(source + ":" + line + ": unterminated /* comment starting here");
    }

    private static boolean startsWithWord(String text, int i, String word) {
        int end = i + word.length();
        return text.regionMatches(true, i, word, 0, word.length())
                && (end >= text.length() || Character.isWhitespace(text.charAt(end)))
                && text.substring(i, Math.min(end, text.length())).toLowerCase(Locale.ROOT).equals(word);
    }

    private static int endOfLine(String text, int i) {
        int eol = text.indexOf('\n', i);
        return eol < 0 ? text.length() : eol;
    }

    private static char at(String text, int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static int count(String text, int from, int to, char c) {
        int k = 0;
        for (int j = from; j < to && j < text.length(); j++) {
            if (text.charAt(j) == c) {
                k++;
            }
        }
        return k;
    }
}
