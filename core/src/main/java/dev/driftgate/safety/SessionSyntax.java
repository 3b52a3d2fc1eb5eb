package dev.driftgate.safety;

import java.util.regex.Pattern;

/**
 * How a dialect writes the session statements a migration may hold: setting a lock timeout,
 * opening and closing a transaction, other settings. They lock nothing, but later statements'
 * hazards depend on them.
 */
public record SessionSyntax(Pattern lockTimeout, Pattern begin, Pattern end, Pattern otherSetting) {

    /** Records what the statement does to the session; true when it is one of these statements. */
    public boolean consume(String sql, MigrationState migration) {
        if (lockTimeout.matcher(sql).matches()) {
            migration.lockTimeoutSet();
            return true;
        }
        if (begin.matcher(sql).matches()) {
            migration.transaction(true);
            return true;
        }
        if (end.matcher(sql).matches()) {
            migration.transaction(false);
            return true;
        }
        return otherSetting.matcher(sql).matches();
    }
}
