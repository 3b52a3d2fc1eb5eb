package dev.driftgate.testing;

import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.ThrowawayDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The dialect's own dump of a database's schema, as an independent judge of what driftgate built:
 * {@code pg_dump -s} or {@code mariadb-dump --no-data --routines --triggers --events}, run with the
 * client tools on PATH (their major version must match the server's: PostgreSQL 15 here). The text
 * is normalised only for what differs between two databases holding the same schema: comments and
 * dump headers, session settings, the database's own name and AUTO_INCREMENT counters, and blank
 * lines and trailing spaces around routine bodies.
 */
public final class DumpOracle {

    private static final Pattern NOISE = Pattern.compile(
            "^(--.*|\\\\(restrict|unrestrict)\\s.*|SET\\s.*|SELECT pg_catalog\\.set_config.*|/\\*!40\\d{3} SET .*\\*/;|)$");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \t]+$", Pattern.MULTILINE);
    private static final Pattern BODY_START = Pattern.compile("AS \\$(\\w*)\\$\\n*");
    private static final Pattern BODY_END = Pattern.compile("\\n*\\$(\\w*)\\$(?=;|\\s*$)", Pattern.MULTILINE);
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");

    private DumpOracle() {}

    /** The normalised dump of the database's schema. */
    public static String dump(ThrowawayDatabase db) throws IOException, InterruptedException {
        DatabaseServer server = db.server();
        List<String> command = new ArrayList<>();
        String user = server.adminSettings().user();
        if (server.dialect().name().equals("postgresql")) {
            command.addAll(List.of("pg_dump", "-s", "-h", server.host(), "-p", String.valueOf(server.port()), "-U", user,
                    db.name()));
        } else {
            command.addAll(List.of("mariadb-dump", "--no-data", "--routines", "--triggers", "--events",
                    "--skip-dump-date", "-h", server.host(), "-P", String.valueOf(server.port()), "-u", user, db.name()));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
        }
        // Routine bodies: leading and trailing blank lines and trailing spaces are not kept by the
        // snapshot (TextNormalizer.body documents them as equivalent), so not by this judge either.
        out = BODY_START.matcher(out).replaceAll("AS \\$$1\\$\n");
        out = TRAILING_SPACE.matcher(BODY_END.matcher(out).replaceAll("\n\\$$1\\$")).replaceAll("");
        return out.lines().filter(line -> !NOISE.matcher(line).matches())
                .map(line -> AUTO_INCREMENT.matcher(line.replace(db.name(), "<db>")).replaceAll(""))
                .collect(Collectors.joining("\n"));
    }

    /**
     * The lines only one of two dumps holds, each marked {@code -} (only in the first) or {@code +}
     * (only in the second), or "" when they are equal.
     */
    public static String difference(String first, String second) {
        if (first.equals(second)) {
            return "";
        }
        List<String> a = first.lines().toList();
        List<String> b = second.lines().toList();
        StringBuilder out = new StringBuilder();
        a.stream().filter(line -> !b.contains(line)).forEach(line -> out.append("- ").append(line).append('\n'));
        b.stream().filter(line -> !a.contains(line)).forEach(line -> out.append("+ ").append(line).append('\n'));
        return out.length() == 0 ? "same lines in another order:\n" + second : out.toString();
    }
}
