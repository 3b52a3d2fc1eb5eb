package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.provision.RunCleanup;
import dev.driftgate.text.SafeText;
import dev.driftgate.text.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code driftgate} command. Exit codes: 0 ok, 1 differences or failed checks, 2 usage or
 * runtime error (printed as one line on standard error).
 */
@Command(name = "driftgate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Schema gate and drift detection for PostgreSQL and MySQL/MariaDB.",
        subcommands = {DumpCommand.class, DiffCommand.class, DriftCommand.class, PlanCommand.class, LintCommand.class, TestCommand.class, ReportCommand.class, CommentCommand.class,
            VerifyManifestCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok", "1:differences found or checks failed", "2:usage or runtime error"})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int DIFFERENCES = 1;
    public static final int ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // A run that ends before finished() (Ctrl-C, SIGTERM) says at exit what it cleaned up.
        RunCleanup.started();
        int code = run(args);
        RunCleanup.finished();
        System.exit(code);
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("driftgate: " + Secrets.mask(oneLine(e)));
            if (Boolean.getBoolean("driftgate.debug")) {
                e.printStackTrace(commandLine.getErr());
            }
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("driftgate: " + Secrets.mask(SafeText.line(e.getMessage())));
            // picocli's suggestions for a misspelt option or subcommand, said the same way for both
            if (e instanceof CommandLine.UnmatchedArgumentException u && u.isUnknownOption() && !u.getSuggestions().isEmpty()) {
                command.getErr().println("Did you mean: " + String.join(" or ", u.getSuggestions()) + "?");
            } else {
                CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            }
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ERROR;
        });
        return cli.execute(args);
    }

    /** The message of a user error as it is; anything else with its type, so it can be reported. */
    static String oneLine(Throwable e) {
        // Messages quote names and server text: kept to one printable line whatever those hold.
        if (e instanceof DriftgateException) {
            return SafeText.line(e.getMessage());
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof IllegalArgumentException) {
            return SafeText.line(message);
        }
        return e.getClass().getSimpleName() + ": " + SafeText.line(message)
                + " (run with -Ddriftgate.debug=true for details)";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The version and the git commit it was built from, written into build.properties by the build
     * (cli/pom.xml); "development" when run from classes the build did not make.
     */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("build.properties")) {
                if (in == null) {
                    return new String[] {"driftgate development"};
                }
                build.load(in);
            } catch (IOException e) {
                return new String[] {"driftgate development"};
            }
            String commit = build.getProperty("commit", "").strip();
            return new String[] {"driftgate " + build.getProperty("version", "development")
                    + " (commit " + (commit.isEmpty() || commit.startsWith("${") ? "unknown" : commit) + ")"};
        }
    }
}
