package dev.driftgate.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** {@code driftgate:dump}: a live database's schema as a snapshot file, as {@code driftgate dump} writes it. */
@Mojo(name = "dump", threadSafe = true, requiresProject = false)
public class DumpMojo extends DriftgateMojo {

    /** JDBC URL of the database. */
    @Parameter(property = "driftgate.url", required = true)
    String url;

    /** Database user. */
    @Parameter(property = "driftgate.user")
    String user;

    /** The environment variable holding the password. */
    @Parameter(property = "driftgate.passwordEnv")
    String passwordEnv;

    /** Schemas to read (default: every user schema, or the URL's database). */
    @Parameter
    List<String> schemas;

    /** Where the snapshot goes. */
    @Parameter(property = "driftgate.out", defaultValue = "${project.build.directory}/driftgate/snapshot.json")
    File out;

    @Override
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("dump"));
        add(args, "--url", url);
        add(args, "--user", user);
        add(args, "--password-env", passwordEnv);
        if (schemas != null) {
            schemas.forEach(s -> add(args, "--schema", s));
        }
        add(args, "--out", out);
        return args;
    }

    @Override
    String failure() {
        return "dump failed";
    }
}
