package dev.driftgate.safety;

import dev.driftgate.sql.SqlStatement;
import dev.driftgate.text.SafeText;
import java.util.ArrayList;
import java.util.List;

/**
 * What running one statement of a migration on a seeded copy showed.
 *
 * @param statement the statement
 * @param millis how long it ran
 * @param locks relations that existed before the migration and the lock modes the statement took
 *     on them ({@code public.orders ShareLock}); empty where locks cannot be seen (outside a transaction)
 * @param rewritten tables and indexes that existed before and got a new data file (rewritten)
 * @param indexesBuilt indexes the statement created
 * @param algorithm MySQL/MariaDB: the cheapest algorithm the server accepted for an ALTER
 *     ({@code INSTANT}, {@code INPLACE, LOCK=NONE}, {@code COPY}), or null
 */
public record StatementObservation(SqlStatement statement, long millis, List<String> locks, List<String> rewritten,
        List<String> indexesBuilt, String algorithm) {

    /** One line for reports: {@code V3__x.sql:4 12 ms: locks public.orders ShareLock; rewrote public.orders}. */
    public String oneLine() {
        List<String> parts = new ArrayList<>();
        if (algorithm != null) {
            parts.add("ran " + algorithm);
        }
        if (!locks.isEmpty()) {
            parts.add("locks " + String.join(", ", locks));
        }
        if (!rewritten.isEmpty()) {
            parts.add("rewrote " + String.join(", ", rewritten));
        }
        if (!indexesBuilt.isEmpty()) {
            parts.add("built " + String.join(", ", indexesBuilt));
        }
        return SafeText.line(statement.location() + " " + millis + " ms"
                + (parts.isEmpty() ? "" : ": " + String.join("; ", parts)) + " — " + statement.summary());
    }
}
