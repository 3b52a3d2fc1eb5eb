package dev.driftgate.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code driftgate:drift}: scans environments for drift from the expected schema, as {@code driftgate drift} does. */
@Mojo(name = "drift", threadSafe = true, requiresProject = false)
public class DriftMojo extends DriftgateMojo {

    /** The schema as git says it is: snapshot .json, .sql dump, directory of .sql files or URL. */
    @Parameter(property = "driftgate.expected", required = true)
    String expected;

    /** Environments to scan, name to source (JDBC URL, snapshot or dump). */
    @Parameter(required = true)
    Map<String, String> environments;

    /** Database user. */
    @Parameter(property = "driftgate.user")
    String user;

    /** The environment variable holding the password (the password itself never appears in a pom). */
    @Parameter(property = "driftgate.passwordEnv")
    String passwordEnv;

    /** Also write the scan as one HTML page. */
    @Parameter(property = "driftgate.html")
    File html;

    @Override
    List<String> arguments() throws MojoExecutionException {
        if (environments == null || environments.isEmpty()) {
            throw new MojoExecutionException("driftgate:drift needs <environments> (name to JDBC URL, snapshot or dump)");
        }
        List<String> args = new ArrayList<>(List.of("drift"));
        add(args, "--expected", expected);
        addAll(args, "--env", environments);
        add(args, "--user", user);
        add(args, "--password-env", passwordEnv);
        add(args, "--html", html);
        return args;
    }

    @Override
    String failure() {
        return "an environment has drifted";
    }
}
