package dev.driftgate.safety;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a migration did before the statement being checked: rules need it to stay quiet about a
 * table the migration itself created, to know whether a lock timeout was set, whether a
 * transaction is open, and whether schema and data changes are mixed.
 */
public final class MigrationState {
    private final Set<String> createdTables = new HashSet<>();
    private boolean lockTimeoutSet;
    private boolean lockTimeoutReported;
    private boolean explicitTransaction;
    private boolean ddlSeen;
    private boolean dmlSeen;
    private boolean mixReported;
    private int statements;
    private final Map<String, String> notes = new HashMap<>();
    private final Map<String, String> columnTypes = new HashMap<>();
    private final Set<String> backfilled = new HashSet<>();
    private String timeZone;

    public MigrationState() {}

    /** Starts from what is known before the migration: new tables, column types, the session's time zone. */
    public MigrationState(MigrationContext context) {
        context.newTables().forEach(this::created);
        context.columnTypes().forEach((column, type) -> columnTypes.put(column.toLowerCase(Locale.ROOT), type));
        timeZone = context.timeZone();
    }

    /** A table name as rules compare them: unquoted, lower case, without its schema. */
    public static String key(String name) {
        String n = name.strip();
        int dot = n.lastIndexOf('.');
        if (dot >= 0) {
            n = n.substring(dot + 1);
        }
        return n.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
    }

    public void created(String table) {
        createdTables.add(key(table));
    }

    public void dropped(String table) {
        createdTables.remove(key(table));
    }

    /** A column's type as the statements so far (or the state before the migration) declared it. */
    public void columnType(String table, String column, String type) {
        columnTypes.put(key(table) + "." + key(column), type);
    }

    /** The column's type before this statement, or null when nothing said. */
    public String columnType(String table, String column) {
        return columnTypes.get(key(table) + "." + key(column));
    }

    /** Every row of the column was given a value by an earlier statement ({@code UPDATE t SET c = …}). */
    public void backfilled(String table, String column) {
        backfilled.add(key(table) + "." + key(column));
    }

    public boolean isBackfilled(String table, String column) {
        return backfilled.contains(key(table) + "." + key(column));
    }

    /** The session's time zone as set so far ({@code SET TIME ZONE}), or the one it starts with; null when unknown. */
    public String timeZone() {
        return timeZone;
    }

    public void timeZone(String zone) {
        timeZone = zone;
    }

    /** True unless the migration created the table itself: only then can a live database hold rows in it. */
    public boolean existing(String table) {
        return table != null && !createdTables.contains(key(table));
    }

    public void lockTimeoutSet() {
        lockTimeoutSet = true;
    }

    /** True once, for the first strong lock without a timeout: one hazard per migration, not one per statement. */
    public boolean needsLockTimeoutReport() {
        if (lockTimeoutSet || lockTimeoutReported) {
            return false;
        }
        lockTimeoutReported = true;
        return true;
    }

    public void transaction(boolean open) {
        explicitTransaction = open;
    }

    public boolean inExplicitTransaction() {
        return explicitTransaction;
    }

    /** Records a schema (true) or data (false) change; true once, when the migration first mixes them. */
    public boolean recordChangeKindAndReportMix(boolean ddl) {
        if (ddl) {
            ddlSeen = true;
        } else {
            dmlSeen = true;
        }
        if (ddlSeen && dmlSeen && !mixReported) {
            mixReported = true;
            return true;
        }
        return false;
    }

    /** Remembers a dialect-specific fact for later statements ({@code check customer_email_nn -> customer.email}). */
    public void note(String key, String value) {
        notes.put(key.toLowerCase(Locale.ROOT), value);
    }

    public String noted(String key) {
        return notes.get(key.toLowerCase(Locale.ROOT));
    }

    void countStatement() {
        statements++;
    }

    /** How many statements the migration holds in all (known before any is checked). */
    public int statementCount() {
        return statements;
    }
}
