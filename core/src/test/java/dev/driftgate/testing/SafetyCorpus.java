package dev.driftgate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The online-safety corpus, {@code safety/<dialect>.sql}: cases separated by {@code -- case:} lines,
 * each with {@code -- expect:} (codes, a code followed by {@code suppressed}, or {@code none}) and
 * optionally {@code -- lock-timeout: checked}.
 */
public final class SafetyCorpus {

    /**
     * @param name the case's title
     * @param line where the case starts in the corpus file
     * @param sql the migration
     * @param expected sorted: {@code DG301}, {@code DG102 suppressed}
     * @param lockTimeoutChecked whether DG308 is compared
     */
    public record Case(String name, int line, String sql, List<String> expected, boolean lockTimeoutChecked) {
        @Override
        public String toString() {
            return name + " (line " + line + ")";
        }
    }

    private SafetyCorpus() {}

    public static Path file(String dialect) {
        return Path.of("src/test/resources/safety", dialect + ".sql");
    }

    public static List<Case> read(String dialect) throws IOException {
        List<String> lines = Files.readAllLines(file(dialect));
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("-- case:")) {
                continue;
            }
            String name = lines.get(i).substring("-- case:".length()).strip();
            List<String> expected = new ArrayList<>();
            boolean lockTimeout = false;
            // Blank lines stand in for everything outside the case, so statement lines are corpus lines.
            StringBuilder sql = new StringBuilder("\n".repeat(i + 1));
            int j = i + 1;
            for (; j < lines.size() && !lines.get(j).startsWith("-- case:"); j++) {
                String l = lines.get(j);
                if (l.startsWith("-- expect:")) {
                    expected.addAll(expectations(l.substring("-- expect:".length())));
                    sql.append('\n');
                } else if (l.startsWith("-- lock-timeout: checked")) {
                    lockTimeout = true;
                    sql.append('\n');
                } else {
                    sql.append(l).append('\n');
                }
            }
            cases.add(new Case(name, i + 1, sql.toString().stripTrailing() + "\n", expected.stream().sorted().toList(),
                    lockTimeout));
            i = j - 1;
        }
        return cases;
    }

    private static List<String> expectations(String text) {
        List<String> out = new ArrayList<>();
        String[] tokens = text.replace(",", " ").strip().split("\\s+");
        for (int k = 0; k < tokens.length; k++) {
            if (tokens[k].equals("none") || tokens[k].isEmpty()) {
                continue;
            }
            if (k + 1 < tokens.length && tokens[k + 1].equals("suppressed")) {
                out.add(tokens[k] + " suppressed");
                k++;
            } else {
                out.add(tokens[k]);
            }
        }
        return out;
    }
}
