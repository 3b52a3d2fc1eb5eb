package dev.driftgate.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.DriftgateConfig;
import dev.driftgate.provision.DatabaseServer;
import dev.driftgate.provision.EmbeddedMariaDbServer;
import dev.driftgate.provision.EmbeddedPostgresServer;
import dev.driftgate.provision.SchemaLoader;
import dev.driftgate.reports.SnapshotSummary;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.SnapshotJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.platform.engine.discovery.DirectorySelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftgate demo}: starts an embedded PostgreSQL and an embedded MariaDB, loads the bundled
 * example schema into each, snapshots it and compares it with the approved snapshot.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start an embedded PostgreSQL and an embedded MariaDB, load the example schema "
                + "(scenarios/example-shop) into each, snapshot it and compare it with the approved snapshot; then run "
                + "the gate on the example scenarios (they must pass) and on the deliberately broken ones (each must fail).",
            "Needs nothing installed: the database binaries come from Maven Central."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "DIR",
            description = "The example scenario (default: scenarios/example-shop of this driftgate).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the snapshots (default: target/demo of this driftgate, or a temporary directory "
                    + "where that cannot be written).")
    Path out;

    @Option(names = {"-v", "--verbose"}, description = "A line per check of the gate (default: a line per scenario).")
    boolean verbose;

    private record Run(String dialect, Supplier<DatabaseServer> server) {}

    /** The example scenarios the gate must pass, beside example-shop. */
    private static final List<String> EXAMPLES = List.of("postgres-flyway", "mariadb-golang-migrate", "declarative", "generated-groups",
            "zero-downtime");

    @Override
    public Integer call() throws Exception {
        Path home = Path.of(System.getProperty("driftgate.home", "."));
        Path dir = scenario != null ? scenario : home.resolve("scenarios/example-shop");
        // An installed release may sit where its user cannot write: then the snapshots go to a temporary directory.
        Path outDir = out != null ? out : Files.isWritable(home) ? home.resolve("target/demo")
                : Path.of(System.getProperty("java.io.tmpdir"), "driftgate-demo");
        if (!Files.isDirectory(dir)) {
            throw new DriftgateException(dir + ": scenario directory not found");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("driftgate demo: " + dir.normalize() + " on embedded PostgreSQL and embedded MariaDB");
        o.flush();
        // Start both servers at once: start-up is most of the demo's time.
        var postgres = CompletableFuture.supplyAsync(EmbeddedPostgresServer::shared);
        var mariadb = CompletableFuture.supplyAsync(EmbeddedMariaDbServer::shared);
        List<Run> runs = List.of(new Run("postgresql", postgres::join), new Run("mysql", mariadb::join));
        boolean allMatch = true;
        for (Run run : runs) {
            DatabaseServer server = run.server().get();
            Path script = dir.resolve(run.dialect()).resolve("schema.sql");
            SchemaLoader.Loaded loaded = SchemaLoader.load(server, List.of(script), dir.getFileName().toString());
            SchemaSnapshot snapshot = loaded.snapshot();
            Path written = outDir.resolve(dir.getFileName() + "." + run.dialect() + ".json");
            SnapshotJson.write(snapshot, written);
            o.printf("%n  %s: %s%n", loaded.server(), server.description());
            o.printf("    loaded %s (%d statements) in %d ms, snapshot read in %d ms%n",
                    script.normalize(),
                    loaded.statements(), loaded.loadMillis(), loaded.snapshotMillis());
            o.printf("    %s%n", SnapshotSummary.render(snapshot).replace("\n", "\n    "));
            o.printf("    snapshot: %s%n", written);
            Path expected = dir.resolve("expected").resolve(run.dialect() + ".json");
            if (Files.exists(expected)) {
                // The expected file holds the schema; the server a snapshot was read from is not part of it.
                boolean same = SnapshotJson.toJson(SnapshotJson.read(expected))
                        .equals(SnapshotJson.toJson(snapshot.withServer(null)));
                allMatch &= same;
                o.printf("    %s %s%n", same ? "matches" : "DIFFERS FROM", expected);
            }
            o.flush();
        }
        o.println();
        o.println(allMatch ? "snapshots match the approved ones" : "a snapshot differs from the approved one");

        Path scenarios = dir.getParent();
        o.printf("%nThe gate on the example scenarios (each candidate migration: applies, rollback restores the schema, "
                + "rows survive, re-apply converges, a half-applied run can be brought forward):%n");
        o.flush();
        List<DirectorySelector> examples = EXAMPLES.stream()
                .map(e -> selectDirectory(scenarios.resolve(e).toFile())).toList();
        // The zero-downtime examples share a seed and captured queries with their siblings. In a
        // clone the repository holds them all; in the release archive (no .git) a scenario's own
        // directory is its boundary, so this driftgate's own examples may read beside themselves.
        // A scenario given with --scenario is someone's own: its siblings keep the boundary.
        Map<String, String> parameters = scenario == null ? Map.of(DriftgateConfig.PATHS_ALLOW_OUTSIDE, "true") : Map.of();
        GateRunner.Outcome good = GateRunner.run(examples, parameters, null, null, o,
                verbose ? GateRunner.Console.VERBOSE : GateRunner.Console.SHORT);

        o.printf("%nThe deliberately broken examples: each must fail where it is broken.%n");
        o.flush();
        List<DirectorySelector> broken = List.of(selectDirectory(scenarios.resolve("broken").toFile()));
        GateRunner.Outcome bad = GateRunner.run(broken, parameters, null, null, o,
                verbose ? GateRunner.Console.VERBOSE : GateRunner.Console.SCENARIOS);
        List<String> brokenNames;
        try (var dirs = Files.list(scenarios.resolve("broken"))) {
            brokenNames = dirs.filter(d -> Files.exists(d.resolve("driftgate.yaml"))).map(d -> "broken/" + d.getFileName())
                    .sorted().toList();
        }
        List<String> caught = brokenNames.stream()
                .filter(n -> bad.failedScenarios().stream().anyMatch(f -> f.endsWith(n))).toList();
        boolean gateOk = good.failed() == 0 && good.checks() > 0 && caught.size() == brokenNames.size();
        o.println();
        o.printf("examples: %d checks passed, %d failed; broken examples caught: %d of %d%n", good.passed(), good.failed(),
                caught.size(), brokenNames.size());
        boolean passed = allMatch && gateOk;
        o.println(passed ? "demo passed" : "demo failed");
        return passed ? Main.OK : Main.DIFFERENCES;
    }
}
