package dev.driftgate.sql;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Database errors as one line: what went wrong, from the SQL state and the causes the drivers wrap. */
public final class SqlErrors {

    private SqlErrors() {}

    /** One line that says what went wrong, from the SQL state and the causes the drivers wrap. */
    public static String describe(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "cannot connect: unknown host " + t.getMessage();
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return "cannot connect: server unreachable (" + firstLine(t.getMessage()) + ")";
            }
        }
        if (state.equals("28P01") || state.equals("28000") || code == 1045) {
            return "authentication failed: check the user and the password (" + firstLine(e.getMessage()) + ")";
        }
        if (state.equals("3D000") || code == 1049) {
            return "database does not exist (" + firstLine(e.getMessage()) + ")";
        }
        if (state.startsWith("08")) {
            return "cannot connect: " + firstLine(e.getMessage());
        }
        if (state.equals("57014") || code == 1969 || code == 3024) {
            return "statement timed out: " + firstLine(e.getMessage());
        }
        if (state.equals("55P03") || code == 1205) {
            return "lock wait timed out: " + firstLine(e.getMessage());
        }
        return firstLine(e.getMessage()) + (state.isEmpty() ? "" : " [SQLState " + state + "]");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
