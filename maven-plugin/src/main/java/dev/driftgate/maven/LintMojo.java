package dev.driftgate.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code driftgate:lint}: the online-safety rules on migration files, as {@code driftgate lint} runs them. */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends DriftgateMojo {

    /** Migration files or directories. */
    @Parameter(required = true)
    List<File> paths;

    /** postgresql or mysql (default: the dialect of the nearest driftgate.yaml). */
    @Parameter(property = "driftgate.dialect")
    String dialect;

    /** Fail on hazards at or above: info, warning, error, off. */
    @Parameter(property = "driftgate.failOn", defaultValue = "error")
    String failOn;

    /** Levels of single rules, code to level. */
    @Parameter
    Map<String, String> levels;

    /** Also run the migrations on a throwaway database and report what they did. */
    @Parameter(property = "driftgate.observe", defaultValue = "false")
    boolean observe;

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("lint"));
        args.addAll(paths(paths));
        add(args, "--dialect", dialect);
        add(args, "--fail-on", failOn);
        addAll(args, "--level", levels);
        if (observe) {
            args.add("--observe");
        }
        return args;
    }

    @Override
    String failure() {
        return "hazards at or above " + failOn;
    }
}
