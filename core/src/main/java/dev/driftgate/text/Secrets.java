package dev.driftgate.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one rule for keeping secrets out of what driftgate prints and writes: URLs' user-info
 * passwords ({@code jdbc:postgresql://u:SECRET@h}, {@code https://oauth2:TOKEN@gitlab}) and every
 * {@code key=value} whose key names a secret ({@code password}, {@code sslpassword}, {@code token},
 * {@code secret}, {@code api_key}, ...) become {@code ****}. A value runs to the next {@code &},
 * white space or quote, so {@code password=x;y} is masked whole. Applied to error lines, the console,
 * JUnit XML and every report; never to snapshots, whose text is the schema's own.
 */
public final class Secrets {

    public static final String MASK = "****";

    private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://[^/@?#\\s:'\"<>]*):([^/@?#\\s'\"<>]*)@");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?<![a-z0-9_.-])[a-z0-9_.-]*(?:password|passwd|pwd|secret|token|api[_-]?key|private[_-]?key)=)"
                    + "([^&\\s'\"<>]+)");

    private Secrets() {}

    /** The text with every secret the rule recognises replaced by {@value #MASK}. */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = USER_INFO.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + ":" + MASK + "@"));
        return SECRET_PARAMETER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    }
}
