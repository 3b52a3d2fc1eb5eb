package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

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
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (tests call this directly). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("driftgate: " + oneLine(e));
            if (Boolean.getBoolean("driftgate.debug")) {
                e.printStackTrace(commandLine.getErr());
            }
            return ERROR;
        });
        cli.setParameterExceptionHandler((e, args1) -> {
            CommandLine command = e.getCommandLine();
            command.getErr().println("driftgate: " + e.getMessage());
            command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help'.");
            return ERROR;
        });
        return cli.execute(args);
    }

    /** The message of a user error as it is; anything else with its type, so it can be reported. */
    static String oneLine(Throwable e) {
        if (e instanceof DriftgateException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof IllegalArgumentException) {
            return message;
        }
        return e.getClass().getSimpleName() + ": " + message + " (run with -Ddriftgate.debug=true for details)";
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"driftgate " + (version == null ? "development" : version)};
        }
    }
}
