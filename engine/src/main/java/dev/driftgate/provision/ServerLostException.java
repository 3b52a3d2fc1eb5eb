package dev.driftgate.provision;

import dev.driftgate.DriftgateException;
import dev.driftgate.sql.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The server went away under a run (stopped, restarted, the run's sessions terminated, the network
 * cut): an error of the run, never a finding about the migrations. A failed check whose cause is a
 * lost connection, or after which the server no longer answers, is reported as this instead.
 */
public final class ServerLostException extends DriftgateException {

    private static final long serialVersionUID = 1L;

    private ServerLostException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The loss behind a failure, if there was one: a lost connection among its causes, else a
     * server that refuses a new connection now.
     */
    public static Optional<ServerLostException> behind(Throwable failure, DatabaseServer server) {
        if (failure instanceof ServerLostException lost) {
            return Optional.of(lost);
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException e && isConnectionLoss(e)) {
                return Optional.of(lost(server, e, failure));
            }
        }
        try (Connection c = server.connect(server.dialect().maintenanceDatabase()); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of(lost(server, e, failure));
        }
    }

    private static ServerLostException lost(DatabaseServer server, SQLException e, Throwable failure) {
        ServerLostException lost = new ServerLostException("lost the connection to " + server.description() + ": "
                + SqlErrors.describe(e), failure);
        return lost;
    }

    /**
     * SQL states of class 08 (connection exception), PostgreSQL's 57P01-57P03 (terminated by an
     * administrator, crash, cannot connect now), the drivers' connection exception types, and
     * MariaDB's "server has gone away" and "lost connection" client errors.
     */
    static boolean isConnectionLoss(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || e instanceof SQLNonTransientConnectionException || e instanceof SQLTransientConnectionException
                || e instanceof SQLRecoverableException || e.getErrorCode() == 2006 || e.getErrorCode() == 2013;
    }
}
