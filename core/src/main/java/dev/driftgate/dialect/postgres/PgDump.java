package dev.driftgate.dialect.postgres;

import dev.driftgate.DriftgateException;
import dev.driftgate.sql.ConnectionSettings;
import dev.driftgate.dialect.DumpProcess;
import dev.driftgate.dialect.SchemaDumper;
import dev.driftgate.sql.ServerVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code pg_dump -s} of the server's own major version. pg_dump refuses a newer server, and an
 * older server dumped by a newer pg_dump reads differently, so the tool is looked up per major:
 * {@code -Ddriftgate.pg_dump.18=PATH} (or {@code DRIFTGATE_PG_DUMP_18}), Debian's
 * {@code /usr/lib/postgresql/18/bin}, the client {@code .ci/pg-client.sh 18} unpacks into the cache,
 * then {@code pg_dump} on the PATH if it is of that major.
 */
public final class PgDump implements SchemaDumper {

    /**
     * Lines that change between two dumps of one schema: version headers, per-object comments, restrict
     * keys, and the note pg_dump writes for the {@code public} schema when its owner or grants differ
     * from initdb's (with {@code --no-owner --no-privileges} that note is all that is left of them).
     */
    private static final Pattern NOISE = Pattern.compile(
            "--|-- (Name|Dumped (from|by)|PostgreSQL database dump|TOC entry|Dependencies|Started on|Completed on)\\b.*"
                    + "|-- \\*not\\* creating schema, since initdb creates it"
                    + "|\\\\(un)?restrict .*");

    /** Each object starts a block after its header comment; blocks are compared as a sorted list. */
    private static final Pattern OBJECT_HEADER = Pattern.compile("^-- (Name|TOC entry)[: ]");

    private final Map<Integer, Optional<String>> tools = new ConcurrentHashMap<>();

    @Override
    public Optional<String> unavailable(ServerVersion server) {
        return tool(server.major()).isPresent() ? Optional.empty()
                : Optional.of("no pg_dump " + server.major() + " on this machine (set -Ddriftgate.pg_dump." + server.major()
                        + "=PATH, install postgresql-client-" + server.major() + " or run .ci/pg-client.sh "
                        + server.major() + ")");
    }

    @Override
    public String dump(String host, int port, String database, ConnectionSettings settings, ServerVersion server) {
        String tool = tool(server.major()).orElseThrow(() -> new DriftgateException(unavailable(server).orElseThrow()));
        // Owners and grants differ between environments on purpose: compared only when asked, never
        // planned (docs/snapshot-format.md), so the judge leaves them out too.
        List<String> command = new ArrayList<>(List.of(tool, "--schema-only", "--no-owner", "--no-privileges",
                "--no-password", "-h", host, "-p",
                String.valueOf(port), "-d", database));
        if (settings.user() != null) {
            command.addAll(List.of("-U", settings.user()));
        }
        Map<String, String> environment = new HashMap<>();
        environment.put("PGCONNECT_TIMEOUT", String.valueOf(Math.max(1, settings.connectTimeout().toSeconds())));
        if (settings.password() != null) {
            environment.put("PGPASSWORD", settings.password());
        }
        return normalise(DumpProcess.run(command, environment));
    }

    @Override
    public String normalise(String dump) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = new StringBuilder();
        for (String line : dump.split("\n", -1)) {
            if (OBJECT_HEADER.matcher(line).find()) {
                blocks.add(block.toString().strip());
                block.setLength(0);
            }
            if (!NOISE.matcher(line).matches()) {
                block.append(line).append('\n');
            }
        }
        blocks.add(block.toString().strip());
        blocks.removeIf(String::isEmpty);
        blocks.replaceAll(b -> generatedNames(columnsSorted(b)));
        // Objects the dependency order leaves free come in the order of their OIDs, which differ
        // between two databases built in different orders: the order is not part of the schema.
        blocks.sort(null);
        return String.join("\n\n", blocks) + "\n";
    }

    private static final Pattern CREATE_TABLE = Pattern.compile("(?s)(CREATE (?:UNLOGGED )?TABLE [^\\n]* \\(\\n)(.*?)(\\n\\)[^\\n]*;)");

    /**
     * Column order is not compared (docs/snapshot-format.md): a column a plan adds comes last, where
     * the target may have it in the middle. The lines of a table's definition are sorted.
     */
    static String columnsSorted(String block) {
        Matcher m = CREATE_TABLE.matcher(block);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            List<String> lines = new ArrayList<>(List.of(m.group(2).split("\n")));
            lines.replaceAll(l -> l.endsWith(",") ? l.substring(0, l.length() - 1) : l);
            lines.sort(null);
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + String.join(",\n", lines)
                    + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final Pattern TABLE_OF_BLOCK = Pattern.compile(
            "(?:CREATE (?:UNLOGGED )?TABLE|ALTER TABLE(?: ONLY)?|CREATE (?:UNIQUE )?INDEX \\S+ ON(?: ONLY)?) [a-z_0-9]+\\.([a-z_0-9]+)");

    /**
     * A name PostgreSQL generated ({@code t_id_check1}, {@code t_pkey}) is the same as another it
     * generates for the same definition, as the diff treats it: such names become {@code t_*_check}.
     */
    static String generatedNames(String block) {
        Matcher table = TABLE_OF_BLOCK.matcher(block);
        if (!table.find()) {
            return block;
        }
        String prefix = Pattern.quote(table.group(1).length() > 10 ? table.group(1).substring(0, 10) : table.group(1));
        return block.replaceAll("\\b" + prefix + "[a-z_0-9]*_(pkey|key|fkey|check|idx|excl)\\d*\\b", "<generated>_$1");
    }

    private Optional<String> tool(int major) {
        return tools.computeIfAbsent(major, PgDump::find);
    }

    private static Optional<String> find(int major) {
        String configured = System.getProperty("driftgate.pg_dump." + major, System.getenv("DRIFTGATE_PG_DUMP_" + major));
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        for (Path candidate : List.of(Path.of("/usr/lib/postgresql/" + major + "/bin/pg_dump"),
                scratchRoot().resolve("cache/pg-client-" + major + "/bin/pg_dump"))) {
            if (Files.isExecutable(candidate) && isMajor(candidate.toString(), major)) {
                return Optional.of(candidate.toString());
            }
        }
        return isMajor("pg_dump", major) ? Optional.of("pg_dump") : Optional.empty();
    }

    /** driftgate's scratch root, as the provisioning code finds it (ScratchDirectories.root, in engine). */
    private static Path scratchRoot() {
        String configured = System.getProperty("driftgate.scratch", System.getenv("DRIFTGATE_SCRATCH"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path shm = Path.of("/dev/shm");
        return (Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")))
                .resolve("driftgate");
    }

    private static boolean isMajor(String tool, int major) {
        return DumpProcess.version(tool).matches("pg_dump \\(PostgreSQL\\) " + major + "\\..*");
    }
}
