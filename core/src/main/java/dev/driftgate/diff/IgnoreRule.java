package dev.driftgate.diff;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Suppresses differences: by object path glob ({@code app.audit_*}), by change kind
 * ({@code DropIndex}), by aspect ({@code comment}), or any combination. A suppressed difference is
 * still reported, in its own section, with the rule that suppressed it.
 *
 * @param objectGlob a glob over the object path ({@code *} any run of characters, {@code ?} one), or null
 * @param changeKind a change kind such as {@code AlterColumn}, or null
 * @param aspect an aspect such as {@link Aspect#COMMENT}, or null
 * @param origin where the rule came from: {@code default}, a config file, {@code --ignore}
 */
public record IgnoreRule(String objectGlob, String changeKind, Aspect aspect, String origin) {

    /**
     * Parses {@code object=GLOB,kind=KIND,aspect=ASPECT} (any subset, at least one); a bare word
     * is an object glob.
     */
    public static IgnoreRule parse(String text, String origin) {
        String glob = null;
        String kind = null;
        Aspect aspect = null;
        for (String part : text.split(",")) {
            String item = part.strip();
            int eq = item.indexOf('=');
            String key = eq < 0 ? "object" : item.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? item : item.substring(eq + 1).strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("ignore rule '" + text + "': empty value for " + key);
            }
            switch (key) {
                case "object" -> glob = value;
                case "kind" -> kind = value;
                case "aspect" -> aspect = aspect(value, text);
                default -> throw new IllegalArgumentException("ignore rule '" + text + "': unknown key '" + key
                        + "'; expected object=, kind= or aspect=");
            }
        }
        return new IgnoreRule(glob, kind, aspect, origin);
    }

    private static Aspect aspect(String value, String rule) {
        String wanted = value.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
        for (Aspect a : Aspect.values()) {
            if (a.label().equals(wanted) || a.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(wanted)) {
                return a;
            }
        }
        throw new IllegalArgumentException("ignore rule '" + rule + "': unknown aspect '" + value + "'");
    }

    /** True when the rule covers the change as a whole (it names no aspect) or the given aspect. */
    boolean matches(Change change, Aspect candidate) {
        if (objectGlob != null && !globMatches(objectGlob, change.object().path())) {
            return false;
        }
        if (changeKind != null && !changeKind.equalsIgnoreCase(change.kind())) {
            return false;
        }
        return aspect == null || aspect == candidate;
    }

    static boolean globMatches(String glob, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches(regex.toString()) || text.replace("\"", "").matches(regex.toString());
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (objectGlob != null) {
            out.append("object=").append(objectGlob);
        }
        if (changeKind != null) {
            out.append(out.isEmpty() ? "" : ",").append("kind=").append(changeKind);
        }
        if (aspect != null) {
            out.append(out.isEmpty() ? "" : ",").append("aspect=").append(aspect.label().replace(' ', '-'));
        }
        return out + " [" + origin + "]";
    }
}
