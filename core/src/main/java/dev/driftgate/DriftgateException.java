package dev.driftgate;

/**
 * An error a user can act on. Its message is one line that names the file, line and statement or
 * the database concerned, and says what went wrong; the CLI prints it as it is, without a stack trace.
 */
public class DriftgateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DriftgateException(String message) {
        super(message);
    }

    public DriftgateException(String message, Throwable cause) {
        super(message, cause);
    }
}
