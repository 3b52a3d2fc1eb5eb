package dev.driftgate.safety;

import java.util.ArrayList;
import java.util.List;

/** Splitting statement text the way a dialect's fallback needs it, outside quotes and parentheses. */
public final class SqlText {

    private SqlText() {}

    /**
     * The parts of {@code text} between top-level commas: not inside parentheses, '…', "…", `…`
     * or a dollar-quoted string. Each part is stripped.
     */
    public static List<String> topLevelParts(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = text.indexOf(c, i + 1);
                i = end < 0 ? text.length() : end;
            } else if (c == '$' && text.indexOf('$', i + 1) > i) {
                String tag = text.substring(i, text.indexOf('$', i + 1) + 1);
                if (tag.matches("\\$\\w*\\$")) {
                    int end = text.indexOf(tag, i + tag.length());
                    i = end < 0 ? text.length() : end + tag.length() - 1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(text.substring(start).strip());
        return out;
    }
}
