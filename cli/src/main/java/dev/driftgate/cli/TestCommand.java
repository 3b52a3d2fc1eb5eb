package dev.driftgate.cli;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

import dev.driftgate.DriftgateException;
import dev.driftgate.config.DriftgateConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.platform.engine.discovery.DirectorySelector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code driftgate test}: the gate, for users without a Java build. Runs the same JUnit Platform
 * engine through the Launcher and prints one line per check.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run the gate: every scenario (a directory with a driftgate.yaml) under the given directories, "
                + "each candidate migration checked on throwaway databases (applies, rollback restores the schema, rows "
                + "survive, re-apply converges, a half-applied run can be brought forward).",
            "Exit code 0: every check passed; 1: a check failed; 2: error."},
        footer = {"", "Examples:", "  driftgate test scenarios/", "  driftgate test db/ --candidates all --junit-xml target/driftgate",
            "  driftgate test scenarios/ --results target/driftgate && driftgate report --results target/driftgate"})
final class TestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "Directories to search for scenarios (default: .).")
    List<Path> directories = new ArrayList<>();

    @Option(names = "--candidates", description = "branch, all, none, a version or a range such as 4..7 (over each scenario's setting).")
    String candidates;

    @Option(names = "--base", paramLabel = "REF", description = "For candidates branch: the git ref the branch is compared "
            + "with, e.g. origin/develop (over each scenario's branch-base; default: the CI's base, else origin/HEAD, origin/main, "
            + "origin/master).")
    String base;

    @Option(names = {"-v", "--verbose"}, description = "A line per check, with each target's server and timings "
            + "(default: a line per scenario, failures in full, a recap of the failures at the end).")
    boolean verbose;

    @Option(names = "--targets", description = "Comma-separated targets over each scenario's: embedded, server[:<jdbc url>], testcontainers:<image>.")
    String targets;

    @Option(names = "--approve", description = "Write each scenario's expected snapshot instead of comparing with it.")
    boolean approve;

    @Option(names = "--shard", paramLabel = "i/n", description = "Run the i-th of n shares of the scenarios.")
    String shard;

    @Option(names = "--junit-xml", paramLabel = "DIR", description = "Also write JUnit XML reports to this directory.")
    Path junitXml;

    @Option(names = "--results", paramLabel = "DIR", description = "Also write results.json and manifest.json here "
            + "(for driftgate report, comment and verify-manifest).")
    Path results;

    @Option(names = "--allure", paramLabel = "DIR", description = "Also write Allure results here (driftgate report "
            + "--allure-results DIR --allure-html OUT makes the HTML report).")
    Path allure;

    @Option(names = "-D", paramLabel = "KEY=VALUE", description = "Any engine configuration key (see docs/configuration.md).")
    Map<String, String> configuration = new HashMap<>();

    @Override
    public Integer call() {
        List<DirectorySelector> selectors = new ArrayList<>();
        for (Path dir : directories.isEmpty() ? List.of(Path.of(".")) : directories) {
            if (!Files.isDirectory(dir)) {
                throw new DriftgateException(dir + ": not a directory");
            }
            selectors.add(selectDirectory(dir.toFile()));
        }
        Map<String, String> config = new HashMap<>(configuration);
        if (candidates != null) {
            config.put(DriftgateConfig.CANDIDATES, candidates);
        }
        if (base != null) {
            config.put(DriftgateConfig.BASE, base);
        }
        if (targets != null) {
            config.put(DriftgateConfig.TARGETS, targets);
        }
        if (approve) {
            config.put(DriftgateConfig.APPROVE, "true");
        }
        if (shard != null) {
            config.put(DriftgateConfig.SHARD, shard);
        }
        if (results != null) {
            config.put(DriftgateConfig.RESULTS, results.toString());
        }
        GateRunner.Outcome outcome = GateRunner.run(selectors, config, junitXml, allure, spec.commandLine().getOut(),
                verbose ? GateRunner.Console.VERBOSE : GateRunner.Console.SHORT);
        if (!outcome.errors().isEmpty()) {
            // One line naming the server: the run could not finish, so its checks say nothing.
            throw new DriftgateException(String.join("; ", outcome.errors()));
        }
        if (outcome.checks() == 0) {
            return Main.ERROR;
        }
        return outcome.failed() > 0 ? Main.DIFFERENCES : Main.OK;
    }
}
