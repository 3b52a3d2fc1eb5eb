package dev.driftgate.dialect.mysql;

import dev.driftgate.DriftgateException;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.dialect.DumpProcess;
import dev.driftgate.dialect.SchemaDumper;
import dev.driftgate.sql.ServerVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mariadb-dump --no-data} with routines, triggers and events ({@code mysqldump} for MySQL).
 * The client reads servers of other versions through SHOW CREATE, so one client serves them all.
 */
public final class MariadbDump implements SchemaDumper {

    /** The dump's own comment lines (headers with host, versions and dates; captions), not those inside bodies. */
    private static final Pattern COMMENT = Pattern.compile("--|-- (MariaDB dump|MySQL dump|Host: |Server version|Dump completed|Current Database"
            + "|Table structure|Temporary table structure|Final view structure|Temporary view structure|Dumping routines"
            + "|Dumping events)\\b.*");

    /** Session settings saved and restored around the whole dump (the per-object ones stay). */
    private static final Pattern HEADER = Pattern.compile("/\\*!40\\d{3} SET .*\\*/;|/\\*M!999999\\\\- enable the sandbox mode \\*/.*");

    /** Each object starts a block after its caption; blocks are compared as a sorted list. */
    private static final Pattern OBJECT_CAPTION = Pattern.compile(
            "^-- (Table structure|Temporary table structure|Final view structure|Temporary view structure|Dumping routines|Dumping events) ");

    /** The next value of an AUTO_INCREMENT counter: data, not schema. */
    private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");

    /** An event's STARTS, which defaults to the moment it was created: not recorded, not compared. */
    private static final Pattern EVENT_STARTS = Pattern.compile("( EVENT .* ON SCHEDULE EVERY .*?) STARTS '[^']*'");

    private final Map<String, Boolean> present = new ConcurrentHashMap<>();

    @Override
    public Optional<String> unavailable(ServerVersion server) {
        String tool = tool(server);
        return present.computeIfAbsent(tool, t -> !DumpProcess.version(t).isEmpty()) ? Optional.empty()
                : Optional.of("no " + tool + " on this machine (install the " + (server.isMariaDb() ? "mariadb-client"
                        : "mysql-client") + " package)");
    }

    @Override
    public String dump(String host, int port, String database, ConnectionSettings settings, ServerVersion server) {
        unavailable(server).ifPresent(why -> {
            throw new DriftgateException(why);
        });
        List<String> command = new ArrayList<>(List.of(tool(server), "--no-data", "--routines", "--triggers", "--events",
                "--skip-dump-date", "--protocol=tcp", "-h", host, "-P", String.valueOf(port)));
        if (settings.user() != null) {
            command.add("--user=" + settings.user());
        }
        command.add(database);
        Map<String, String> environment = new HashMap<>();
        if (settings.password() != null) {
            environment.put("MYSQL_PWD", settings.password());
        }
        // Two copies of one schema live in databases of different names.
        return normalise(DumpProcess.run(command, environment).replace("`" + database + "`", "`{database}`"));
    }

    /** A trigger's header up to its body, which the dump prints as it was written. */
    private static final Pattern TRIGGER_HEADER = Pattern.compile("( TRIGGER [^\\n]*? FOR EACH ROW)\\s+");

    /** A quoted name that needs no quotes. */
    private static final Pattern NEEDLESS_QUOTES = Pattern.compile("`(\\w+)`");

    /** A foreign key name the server generated: {@code <table>_ibfk_<n>}, numbered per table as created. */
    private static final Pattern GENERATED_FOREIGN_KEY = Pattern.compile("`(\\w+)_ibfk_\\d+`");

    /** A secondary key: its name, then its first column. */
    private static final Pattern KEY_NAME = Pattern.compile("^(  (?:UNIQUE |FULLTEXT |SPATIAL )?KEY )`([^`]+)` \\(`([^`]+)`");

    /** A secondary key of a table. */
    private static final Pattern KEY_LINE = Pattern.compile("^  (?:FULLTEXT |SPATIAL )?KEY `");

    /**
     * What is the same written differently: the database name, AUTO_INCREMENT counters, an event's
     * STARTS, generated constraint and key names, the quoting and white space of a trigger's header (printed as it was written: a
     * quoted name is the same name unquoted), the order of a table's secondary keys (creation
     * order, which no query sees; snapshots keep them by name).
     */
    @Override
    public String normalise(String dump) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        Matcher header = TRIGGER_HEADER.matcher(dump);
        StringBuilder unquoted = new StringBuilder();
        while (header.find()) {
            header.appendReplacement(unquoted,
                    Matcher.quoteReplacement(NEEDLESS_QUOTES.matcher(header.group(1)).replaceAll("$1") + " "));
        }
        header.appendTail(unquoted);
        String[] lines = unquoted.toString().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            lines[i] = generatedNamesMarked(lines[i]);
        }
        for (String line : keysSorted(lines)) {
            if (OBJECT_CAPTION.matcher(line).find()) {
                blocks.add(block.toString().strip());
                block.setLength(0);
            }
            if (!COMMENT.matcher(line).matches() && !HEADER.matcher(line).matches()) {
                block.append(EVENT_STARTS.matcher(AUTO_INCREMENT.matcher(line).replaceAll("")).replaceAll("$1"))
                        .append('\n');
            }
        }
        blocks.add(block.toString().strip());
        blocks.removeIf(String::isEmpty);
        blocks.sort(null);
        return String.join("\n\n", blocks) + "\n";
    }

    /**
     * Names the server makes up are the same name whatever their number (as in snapshots,
     * {@code generatedName}): {@code t_ibfk_7} and {@code t_ibfk_1}, and the key a foreign key brings
     * with it, named after the constraint or after its first column, depending on how it was made.
     */
    private static String generatedNamesMarked(String line) {
        String out = GENERATED_FOREIGN_KEY.matcher(line).replaceAll("`$1_ibfk_{n}`");
        Matcher key = KEY_NAME.matcher(out);
        if (key.find() && !key.group(1).contains("UNIQUE")
                && (key.group(2).equals(key.group(3)) || key.group(2).matches("\\w+_ibfk_\\{n\\}"))) {
            out = key.group(1) + "`{generated}` (`" + key.group(3) + "`" + out.substring(key.end());
        }
        return out;
    }

    private static List<String> keysSorted(String[] lines) {
        List<String> out = new ArrayList<>(List.of(lines));
        int i = 0;
        while (i < out.size()) {
            int end = i;
            while (end < out.size() && KEY_LINE.matcher(out.get(end)).find()) {
                end++;
            }
            if (end - i > 1) {
                boolean lastHasComma = out.get(end - 1).endsWith(",");
                List<String> run = out.subList(i, end).stream()
                        .map(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l).sorted().toList();
                for (int j = 0; j < run.size(); j++) {
                    out.set(i + j, run.get(j) + (j < run.size() - 1 || lastHasComma ? "," : ""));
                }
            }
            i = Math.max(end, i + 1);
        }
        return out;
    }

    private static String tool(ServerVersion server) {
        return server.isMariaDb() ? "mariadb-dump" : "mysqldump";
    }
}
