package dev.driftgate.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * {@code driftgate:test}: the gate on every scenario (a directory with a driftgate.yaml) under the
 * given directories, as {@code driftgate test} runs it; JUnit XML and results are written under
 * target/driftgate. No scenario found is an error, never a silent pass.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class TestMojo extends DriftgateMojo {

    /** Directories searched for scenarios. */
    @Parameter(defaultValue = "${project.basedir}", required = true)
    List<File> scenarios;

    /** branch, all, none, a version or a range such as 4..7, over each scenario's setting. */
    @Parameter(property = "driftgate.candidates")
    String candidates;

    /** For candidates branch: the git ref the branch is compared with (e.g. origin/develop). */
    @Parameter(property = "driftgate.base")
    String base;

    /** Comma-separated targets over each scenario's: embedded, server[:jdbc url], testcontainers:image. */
    @Parameter(property = "driftgate.targets")
    String targets;

    /** The i-th of n shares of the scenarios, {@code i/n}. */
    @Parameter(property = "driftgate.shard")
    String shard;

    /** Where JUnit XML reports go. */
    @Parameter(property = "driftgate.junitXml", defaultValue = "${project.build.directory}/driftgate/junit")
    File junitXml;

    /** Where results.json and manifest.json go (for driftgate report, comment, verify-manifest). */
    @Parameter(property = "driftgate.results", defaultValue = "${project.build.directory}/driftgate")
    File results;

    /** A line per check instead of a line per scenario. */
    @Parameter(property = "driftgate.verbose", defaultValue = "false")
    boolean verbose;

    /** Engine configuration keys (docs/configuration.md), e.g. driftgate.server.postgresql. */
    @Parameter
    Map<String, String> configuration;

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("test"));
        args.addAll(paths(scenarios));
        add(args, "--candidates", candidates);
        add(args, "--base", base);
        add(args, "--targets", targets);
        add(args, "--shard", shard);
        add(args, "--junit-xml", junitXml);
        add(args, "--results", results);
        if (verbose) {
            args.add("--verbose");
        }
        addAll(args, "-D", configuration);
        return args;
    }

    @Override
    String failure() {
        return "checks failed (see above; JUnit XML in " + junitXml + ")";
    }
}
