package dev.driftgate.sql;

import java.time.Duration;

/**
 * Credentials and time bounds for a connection. The password is never part of a URL or a
 * message; {@link #toString()} masks it.
 */
public record ConnectionSettings(
        String user,
        String password,
        Duration connectTimeout,
        Duration statementTimeout,
        Duration lockTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);

    public static ConnectionSettings of(String user, String password) {
        return new ConnectionSettings(user, password, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT, DEFAULT_LOCK_TIMEOUT);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", connectTimeout=" + connectTimeout + ", statementTimeout=" + statementTimeout + "]";
    }
}
