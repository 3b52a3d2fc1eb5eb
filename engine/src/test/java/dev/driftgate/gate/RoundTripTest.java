package dev.driftgate.gate;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.driftgate.config.Settings;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.DialectDump;
import dev.driftgate.provision.ThrowawayDatabase;
import dev.driftgate.scenario.TargetSpec;
import dev.driftgate.sql.ScriptRunner;
import dev.driftgate.sql.SqlStatement;
import dev.driftgate.diff.DiffCasesTest;
import dev.driftgate.scenario.Migration;
import dev.driftgate.scenario.Scenario;
import dev.driftgate.scenario.ScenarioLoader;
import dev.driftgate.testing.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The round trip (issue 14), on every PostgreSQL schema the project has, on PostgreSQL 15 and 18:
 * load it, snapshot it, build a fresh database from the snapshot alone with driftgate's plan, and
 * pg_dump of both must be equal (normalised as docs/snapshot-format.md lists). The schemas that do
 * not survive yet are listed in round-trip/postgresql-known-gaps.txt with what they lose: one that
 * starts to pass must leave the list, and one not on the list that fails fails the test.
 */
class RoundTripTest {

    private static final Path KNOWN_GAPS = Path.of("src/test/resources/round-trip/postgresql-known-gaps.txt");

    /** Statements that create or switch databases (the throwaway database takes their place). */
    private static final Pattern DATABASE_SWITCH = Pattern.compile("(?is)^(DROP\\s+DATABASE|CREATE\\s+DATABASE|\\\\c\\s).*");

    /** pagila's pgvector table: the extension is not part of PostgreSQL's own distribution. */
    private static final Pattern PGVECTOR = Pattern.compile("(?s).*(\\bvector\\b|film_embedding).*");

    private static final Set<String> FAILED = new TreeSet<>();
    private static final Set<String> RAN = new TreeSet<>();

    @TestFactory
    Stream<DynamicTest> postgresql15() throws Exception {
        return tests(Target.POSTGRES_SERVER);
    }

    @TestFactory
    Stream<DynamicTest> postgresql18() throws Exception {
        return tests(Target.POSTGRES_EMBEDDED);
    }

    /** Every known gap is still a gap: a list that only grows would hide the ones that were fixed. */
    @AfterAll
    static void knownGapsAreStillGaps() throws Exception {
        Set<String> known = knownGaps();
        known.retainAll(RAN); // a filtered run judges only what it ran
        known.removeAll(FAILED);
        assertTrue(known.isEmpty(), "these now survive the round trip: take them off " + KNOWN_GAPS + ": " + known);
    }

    /**
     * The round trips of every target, started on the first call: PostgreSQL 15 (the machine's
     * server, on disk) and 18 (embedded, in memory) wait on different things, so both run at once.
     */
    private static final Map<Target, Map<String, CompletableFuture<Optional<String>>>> STARTED = new ConcurrentHashMap<>();

    private Stream<DynamicTest> tests(Target target) throws Exception {
        List<Target> targets = List.of(Target.POSTGRES_SERVER, Target.POSTGRES_EMBEDDED);
        for (Target t : targets) {
            if (runnable(t).isEmpty() && !STARTED.containsKey(t)) {
                STARTED.put(t, start(t));
            }
        }
        Optional<String> skipped = runnable(target);
        Assumptions.assumeTrue(skipped.isEmpty(), () -> skipped.orElseThrow());
        Set<String> known = knownGaps();
        return STARTED.get(target).entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + " [" + target + "]", () -> {
            String key = e.getKey() + " [" + target + "]";
            Optional<String> failure = e.getValue().join();
            synchronized (FAILED) {
                RAN.add(key);
            }
            if (failure.isPresent()) {
                synchronized (FAILED) {
                    FAILED.add(key);
                }
                if (!known.contains(key)) {
                    fail(key + ": " + failure.get());
                }
            }
        }));
    }

    /** Why a target's round trips do not run here, or empty. */
    private static Optional<String> runnable(Target target) {
        // -Ddriftgate.target=TEXT runs only on the targets whose name contains TEXT.
        String onlyTarget = System.getProperty("driftgate.target", "");
        if (!target.toString().contains(onlyTarget)) {
            return Optional.of(target + ": not " + onlyTarget);
        }
        return DialectDump.unavailable(target.server()).map(why -> target + ": " + why);
    }

    private static Map<String, CompletableFuture<Optional<String>>> start(Target target) throws Exception {
        Map<String, List<SqlStatement>> schemas = schemas(target);
        assertTrue(schemas.size() > 200, "too few schemas: " + schemas.size());
        // -Ddriftgate.case=TEXT runs only the schemas whose name contains TEXT (while working on them).
        String only = System.getProperty("driftgate.case", "");
        schemas.keySet().removeIf(name -> !name.contains(only));
        // Each round trip waits on the server and on pg_dump more than it computes: a few run at once,
        // and a schema that is the same text as another (many cases share a side) runs once.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        Map<String, CompletableFuture<Optional<String>>> byText = new LinkedHashMap<>();
        Map<String, CompletableFuture<Optional<String>>> runs = new LinkedHashMap<>();
        schemas.forEach((name, statements) -> runs.put(name, byText.computeIfAbsent(
                statements.stream().map(SqlStatement::sql).collect(Collectors.joining(";\n")),
                text -> CompletableFuture.supplyAsync(() -> roundTripUnchecked(target.server(), statements), pool))));
        pool.shutdown();
        return runs;
    }

    private static Optional<String> roundTripUnchecked(DatabaseServer server, List<SqlStatement> statements) {
        try {
            return roundTrip(server, statements);
        } catch (Exception | AssertionError e) {
            return Optional.of("cannot run: " + e);
        }
    }

    private static Optional<String> roundTrip(DatabaseServer server, List<SqlStatement> statements) throws Exception {
        try (ThrowawayDatabase db = server.createThrowaway()) {
            try (Connection c = db.connect()) {
                ScriptRunner.run(c, statements);
            }
            return RoundTrip.of(server, db.name()).failure();
        }
    }

    private static Set<String> knownGaps() throws Exception {
        Set<String> known = new TreeSet<>();
        for (String line : Files.readAllLines(KNOWN_GAPS)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                // "name [target]  -- what it loses"
                known.add(line.replaceFirst("\\s+--.*$", "").strip());
            }
        }
        return known;
    }

    /** Diff cases (both sides), the example scenarios' final states, the public datasets. */
    static Map<String, List<SqlStatement>> schemas(Target target) throws Exception {
        Dialect dialect = target.server().dialect();
        Map<String, List<SqlStatement>> out = new LinkedHashMap<>();
        for (DiffCasesTest.DiffCase c : DiffCasesTest.parse(Path.of("src/test/resources/diff-cases/postgresql.sql"))) {
            out.put("diff case " + c.name() + " (actual)", dialect.splitScript(c.actual(), c.name() + " (actual)"));
            out.put("diff case " + c.name() + " (expected)", dialect.splitScript(c.expected(), c.name() + " (expected)"));
        }
        try (var dirs = Files.list(Path.of("../scenarios"))) {
            for (Path dir : dirs.sorted().toList()) {
                if (!Files.isRegularFile(dir.resolve(ScenarioLoader.FILE_NAME))) {
                    continue;
                }
                Scenario s = ScenarioLoader.load(dir, dir.getFileName().toString(), Settings.defaults());
                String major = target == Target.POSTGRES_EMBEDDED ? "18" : "15";
                // A scenario written for one PostgreSQL version (targets: ['embedded:18']) runs only there.
                boolean runsHere = s.targets().isEmpty() || s.targets().stream().anyMatch(t ->
                        !(t instanceof TargetSpec.Embedded e) || e.version() == null
                                || !e.version().matches("\\d+") || e.version().equals(major));
                if (s.dialect().name().equals("postgresql") && runsHere) {
                    List<SqlStatement> all = new ArrayList<>();
                    for (Migration m : Stream.concat(s.baseline().stream(), s.candidates().stream()).toList()) {
                        all.addAll(m.up().statements(dialect));
                    }
                    out.put("scenario " + s.name() + " (final state)", all);
                }
            }
        }
        Path shop = Path.of("../scenarios/example-shop/postgresql/schema.sql");
        out.put("example-shop", dialect.splitScript(Files.readString(shop), shop.toString()));
        Path datasets = Path.of(System.getProperty("driftgate.datasets", "../../shared/datasets"));
        for (String file : List.of("pagila/pagila-schema.sql", "chinook/Chinook_PostgreSql.sql",
                "sakila/postgres-sakila-schema.sql")) {
            Path path = datasets.resolve(file);
            if (Files.exists(path)) {
                out.put("dataset " + file, dataset(path, dialect, target));
            }
        }
        return out;
    }

    /**
     * A dataset's schema: no rows, no database switch, no pgvector; on PostgreSQL 15, uuidv7() (new
     * in 18) becomes gen_random_uuid() and pagila's VIRTUAL generated column (new in 18) STORED.
     */
    private static List<SqlStatement> dataset(Path file, Dialect dialect, Target target) throws Exception {
        List<SqlStatement> kept = new ArrayList<>();
        for (SqlStatement s : dialect.splitScript(Files.readString(file, StandardCharsets.UTF_8), file.toString())) {
            if (DATABASE_SWITCH.matcher(s.sql()).matches() || s.sql().toUpperCase(Locale.ROOT).startsWith("INSERT INTO")
                    || PGVECTOR.matcher(s.sql()).matches()) {
                continue;
            }
            // pagila uses two things new in PostgreSQL 18: uuidv7() and a VIRTUAL generated column.
            String sql = target == Target.POSTGRES_SERVER ? s.sql().replace("uuidv7()", "gen_random_uuid()")
                    .replace(") VIRTUAL", ") STORED") : s.sql();
            kept.add(new SqlStatement(sql, s.source(), s.line(), s.ordinal()));
        }
        return kept;
    }
}
