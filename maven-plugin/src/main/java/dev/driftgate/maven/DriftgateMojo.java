package dev.driftgate.maven;

import dev.driftgate.cli.Main;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: it runs the driftgate command line in the build's JVM with the
 * arguments its configuration makes, so a goal behaves, reports and writes files exactly as the
 * command does. Exit code 1 (failed checks, differences, hazards) fails the build; 2 (a usage or
 * runtime error) is a build error.
 */
abstract class DriftgateMojo extends AbstractMojo {

    /** Skips the goal ({@code -Ddriftgate.skip}). */
    @Parameter(property = "driftgate.skip", defaultValue = "false")
    boolean skip;

    /** The arguments of the command line, the command first. */
    abstract List<String> arguments() throws MojoExecutionException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("driftgate: skipped (driftgate.skip)");
            return;
        }
        List<String> args = arguments();
        getLog().info("driftgate " + String.join(" ", args));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // The JUnit Platform finds the engine through the context class loader: this plugin's, where it lives.
        thread.setContextClassLoader(getClass().getClassLoader());
        int code;
        try {
            code = Main.run(args.toArray(String[]::new));
        } finally {
            thread.setContextClassLoader(previous);
        }
        if (code == Main.DIFFERENCES) {
            throw new MojoFailureException("driftgate " + args.get(0) + ": " + failure());
        }
        if (code != Main.OK) {
            throw new MojoExecutionException("driftgate " + args.get(0) + " stopped with an error (see above)");
        }
    }

    /** What exit code 1 means for this goal. */
    abstract String failure();

    static void add(List<String> args, String option, Object value) {
        if (value != null) {
            args.add(option);
            args.add(value.toString());
        }
    }

    static void addAll(List<String> args, String option, Map<String, String> values) {
        if (values != null) {
            values.forEach((k, v) -> add(args, option, k + "=" + v));
        }
    }

    static List<String> paths(List<File> files) {
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.getPath()));
        return out;
    }
}
