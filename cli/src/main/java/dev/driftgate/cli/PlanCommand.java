package dev.driftgate.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code driftgate plan}: the declarative (state-based) mode. The target is a directory of CREATE
 * statements in any order; the output is the proven DDL from the database's current state to it.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Print the DDL that takes a database to a declared schema, proven on a scratch database.",
            "The declared schema is a directory of .sql files with CREATE statements in any order (statements "
                    + "whose dependencies are missing are retried until the set settles; a real error or a cycle is "
                    + "reported with file and line).",
            "Exit code 0: the database already matches; 1: a plan was printed; 2: error."},
        footer = {"", "Example:",
            "  driftgate plan --target schema/ --url jdbc:postgresql://db:5432/shop --user reader --password-env PGPASSWORD"})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "DIR",
            description = "The declared schema: a directory of .sql files (or a snapshot or dump).")
    String target;

    @Option(names = "--url", required = true, paramLabel = "URL",
            description = "The database to plan for (read-only), or a snapshot or dump of it.")
    String url;

    @Option(names = "--plain", description = "Plain DDL instead of online-safe forms.")
    boolean plain;

    @Option(names = "--no-verify", description = "Do not prove the plan on a scratch database.")
    boolean noVerify;

    @Mixin
    RuleOptions ruleOptions = new RuleOptions();

    @Option(names = "--scratch-url", paramLabel = "URL",
            description = "Load SQL and prove the plan on this existing server instead of an embedded one.")
    String scratchUrl;

    @Mixin
    ConnectionOptions connection;

    @Override
    public Integer call() {
        DiffCommand diff = new DiffCommand();
        diff.spec = spec;
        diff.expected = target;
        diff.actual = url;
        diff.format = "text";
        diff.ruleOptions = ruleOptions;
        diff.sql = true;
        diff.plain = plain;
        diff.noVerify = noVerify;
        diff.scratchUrl = scratchUrl;
        diff.connection = connection;
        return diff.call();
    }
}
