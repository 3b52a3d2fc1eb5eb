package dev.driftgate.scenario;

import dev.driftgate.sql.ScriptRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the changesets of one Liquibase changelog start, in file order. Liquibase's parsers keep no
 * line numbers, so each changeset is matched to the next opening in the file whose text names its
 * id: a changeset left in a comment, or skipped for another database, does not shift the others.
 */
final class ChangeSetPositions {

    /** An opening per format: XML element, YAML list item or JSON key, formatted SQL comment. */
    private static final Pattern XML = Pattern.compile("<(?:\\w+:)?changeSet\\b");
    private static final Pattern YAML = Pattern.compile("(?m)^\\s*-\\s*changeSet\\s*:");
    private static final Pattern JSON = Pattern.compile("\"changeSet\"\\s*:");
    private static final Pattern SQL = Pattern.compile("(?mi)^\\s*--\\s*changeset\\s");

    private final String text;
    private final List<Integer> openings = new ArrayList<>();
    private int next;

    private ChangeSetPositions(String text, Pattern opening) {
        // Comments keep their length and lines, so offsets still tell lines: a changeset left in one is not seen.
        this.text = opening == XML ? blankComments(text) : text;
        Matcher m = opening.matcher(text);
        while (m.find()) {
            openings.add(m.start());
        }
    }

    static ChangeSetPositions of(Path file) {
        if (!Files.isRegularFile(file)) {
            // Outside the directory Liquibase was given (a classpath resource): no line to tell.
            return new ChangeSetPositions("", XML);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        Pattern opening = name.endsWith(".xml") ? XML
                : name.endsWith(".json") ? JSON
                : name.endsWith(".sql") ? SQL
                : YAML;
        return new ChangeSetPositions(ScriptRunner.read(file), opening);
    }

    /** The 1-based line of the next changeset with this id, or 1 when none is found. */
    int next(String id) {
        Pattern named = Pattern.compile("(?m)(\\bid\\s*[=:]\\s*|\"id\"\\s*:\\s*|changeset\\s+[^:\\s]+:)[\"']?"
                + Pattern.quote(id) + "([\"'\\s,}]|$)");
        for (int i = next; i < openings.size(); i++) {
            if (named.matcher(block(i)).find()) {
                next = i + 1;
                return lineAt(openings.get(i));
            }
        }
        return 1;
    }

    /**
     * The opening of the changeset a line falls in, for an error the parser places by line alone:
     * {@code changeset <author>:<id> (line <its first line>)}, or empty before the first.
     */
    String enclosing(int line) {
        String found = "";
        for (int i = 0; i < openings.size() && lineAt(openings.get(i)) <= line; i++) {
            Matcher id = ATTRIBUTE_ID.matcher(block(i));
            Matcher author = ATTRIBUTE_AUTHOR.matcher(block(i));
            found = "changeset " + (author.find() ? author.group(1) : "?") + ":" + (id.find() ? id.group(1) : "?")
                    + " (line " + lineAt(openings.get(i)) + ")";
        }
        return found;
    }

    private static final Pattern ATTRIBUTE_ID = Pattern.compile("\\bid\\s*=\\s*[\"']([^\"']*)");
    private static final Pattern ATTRIBUTE_AUTHOR = Pattern.compile("\\bauthor\\s*=\\s*[\"']([^\"']*)");

    private String block(int i) {
        int end = i + 1 < openings.size() ? openings.get(i + 1) : text.length();
        return text.substring(openings.get(i), end);
    }

    private static String blankComments(String text) {
        Matcher m = Pattern.compile("(?s)<!--.*?-->").matcher(text);
        StringBuilder out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    private int lineAt(int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line + leadingNewlines(offset);
    }

    /** A YAML or SQL opening matched from the end of the previous line starts on the next one. */
    private int leadingNewlines(int offset) {
        int n = 0;
        for (int i = offset; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
