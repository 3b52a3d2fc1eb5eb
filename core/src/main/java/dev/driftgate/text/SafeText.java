package dev.driftgate.text;

/**
 * Text that came from a database or a file (object names, comments, defaults, server messages),
 * made safe for the place it is written to. A name is data: whatever characters it holds, it must
 * not end a SQL comment and start a statement, move a terminal's cursor, open a Markdown link or
 * close an HTML tag. Each method is for one kind of place; callers pick the one for where the text
 * lands, and everything printed from untrusted text goes through one of them.
 */
public final class SafeText {

    private static final String MARKDOWN_SPECIAL = "\\`*_[]<>|~&";

    private SafeText() {}

    /**
     * One printable line: control characters (line breaks, ESC, NUL, C1, DEL), Unicode line and
     * paragraph separators and bidirectional overrides are shown as escapes ({@code \n},
     * {@code \x1b}, {@code \u202e}), so the text can neither break a line nor steer a terminal.
     */
    public static String line(String text) {
        if (text == null) {
            return "";
        }
        if (isClean(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (isUnsafe(cp)) {
                out.append(escape(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** A SQL line comment holding the text: {@code -- text}, which no character of the text can end. */
    public static String sqlComment(String text) {
        return "-- " + line(text);
    }

    /**
     * Several lines of text, each kept as a line but made printable: what {@link #line} does, except
     * that line feeds stay line feeds (a server message or a definition may span lines).
     */
    public static String lines(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        String[] parts = text.split("\r\n|\n", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            out.append(line(parts[i]));
        }
        return out.toString();
    }

    /**
     * Inline Markdown text (a sentence, a table cell): one line, with every character that Markdown
     * or a table would read as syntax escaped with a backslash (GitLab and GitHub both honour them).
     */
    public static String markdown(String text) {
        String one = line(text);
        StringBuilder out = new StringBuilder(one.length() + 8);
        for (int i = 0; i < one.length(); i++) {
            char c = one.charAt(i);
            // An underscore inside a word (snake_case) opens no emphasis: left as written, for reading.
            boolean inWord = c == '_' && i > 0 && i < one.length() - 1
                    && Character.isLetterOrDigit(one.charAt(i - 1)) && Character.isLetterOrDigit(one.charAt(i + 1));
            if (MARKDOWN_SPECIAL.indexOf(c) >= 0 && !inWord) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * An inline Markdown code span holding the text literally: fenced by more backticks than the
     * longest run inside it, with pipes escaped (a table cell would split on them even in a span).
     */
    public static String markdownCode(String text) {
        String one = line(text).replace("|", "\\|");
        String fence = "`".repeat(longestBacktickRun(one) + 1);
        boolean pad = one.startsWith("`") || one.endsWith("`") || one.isEmpty();
        return fence + (pad ? " " : "") + one + (pad ? " " : "") + fence;
    }

    /**
     * The fence for a Markdown code block holding the text: a run of backticks longer than any the
     * text holds (at least three), so no line of the text can close the block.
     */
    public static String markdownFence(String text) {
        return "`".repeat(Math.max(3, longestBacktickRun(text) + 1));
    }

    /** The most backticks in a row in the text: a fence must be longer to hold it. */
    private static int longestBacktickRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }

    /** Text inside an HTML element or a quoted attribute: one line, with markup characters as entities. */
    public static String html(String text) {
        return htmlEscape(line(text));
    }

    /** Several lines inside an HTML element such as {@code <pre>}: {@link #lines}, then entities. */
    public static String htmlLines(String text) {
        return htmlEscape(lines(text));
    }

    private static String htmlEscape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isClean(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2000 && isUnsafe(c)) || c == 0x061c) {
                return false;
            }
        }
        return true;
    }

    /**
     * Characters that change how the text around them is read rather than being read themselves:
     * C0 and C1 controls and DEL (line breaks, ESC), the line and paragraph separators, and the
     * bidirectional marks and overrides (which can make a terminal or a review page show text in an
     * order other than the bytes').
     */
    static boolean isUnsafe(int cp) {
        return Character.getType(cp) == Character.CONTROL
                || cp == 0x2028 || cp == 0x2029
                || cp == 0x061c || cp == 0x200e || cp == 0x200f
                || (cp >= 0x202a && cp <= 0x202e)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static String escape(int cp) {
        return switch (cp) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> cp < 0x100 ? String.format("\\x%02x", cp) : String.format("\\u%04x", cp);
        };
    }
}
