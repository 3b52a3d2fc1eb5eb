package dev.driftgate.cli;

import dev.driftgate.DriftgateException;
import dev.driftgate.sql.ConnectionSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How to reach a live database: credentials (the password only through the environment) and time bounds. */
final class ConnectionOptions {

    @Option(names = "--user", description = "Database user (or put it in the URL).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Name of the environment variable that holds the password; passwords are never "
                    + "taken on the command line, where other users of the machine could read them.")
    String passwordEnv;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Give up connecting after this many seconds (default: ${DEFAULT-VALUE}).")
    int connectTimeoutSeconds;

    @Option(names = "--statement-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Cancel any catalog query that runs longer (default: ${DEFAULT-VALUE}).")
    int statementTimeoutSeconds;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Give up when a catalog read waits this long for a lock that another session "
                    + "holds, e.g. a migration running in production (default: ${DEFAULT-VALUE}).")
    int lockTimeoutSeconds;

    ConnectionSettings settings() {
        String password = null;
        if (passwordEnv != null) {
            password = System.getenv(passwordEnv);
            if (password == null) {
                throw new DriftgateException("--password-env " + passwordEnv + ": the environment variable is not set");
            }
        }
        if (connectTimeoutSeconds <= 0 || statementTimeoutSeconds <= 0 || lockTimeoutSeconds <= 0) {
            throw new DriftgateException("timeouts must be positive numbers of seconds");
        }
        return new ConnectionSettings(user, password, Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(statementTimeoutSeconds), Duration.ofSeconds(lockTimeoutSeconds));
    }
}
