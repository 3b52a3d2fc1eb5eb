package dev.driftgate.dialect;

import java.util.stream.Collectors;

/** Normalisation of free text that every dialect shares: bodies and definitions. */
public final class TextNormalizer {

    private TextNormalizer() {}

    /**
     * A routine or trigger body with line endings made LF, trailing white space removed from each
     * line and leading and trailing blank lines dropped: editors and dump tools change these, the
     * server does not care.
     */
    public static String body(String body) {
        if (body == null) {
            return null;
        }
        String text = body.replace("\r\n", "\n").replace('\r', '\n').lines()
                .map(TextNormalizer::stripTrailing)
                .collect(Collectors.joining("\n"));
        text = text.replaceAll("^\\n+", "").replaceAll("\\n+$", "");
        return text.isEmpty() ? null : text;
    }

    /** A definition printed by the server ({@code pg_get_viewdef}), trimmed and without its final semicolon. */
    public static String definition(String definition) {
        String text = body(definition);
        if (text == null) {
            return null;
        }
        text = text.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1).stripTrailing() : text;
    }

    private static String stripTrailing(String line) {
        return line.stripTrailing();
    }
}
