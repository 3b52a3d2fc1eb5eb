package dev.driftgate.scenario;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.sql.SqlStatement;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SQL text from a file: a whole file, or a section of one (dbmate's {@code -- migrate:down}, a
 * Liquibase changeset's {@code --rollback} lines).
 *
 * @param file where it is
 * @param sql the text
 * @param firstLine the line of the file the text starts on, so statements keep their real lines
 * @param noTransaction the layout marks it as a script that must not run in a transaction
 *     ({@code .autocommit.} in its name, Flyway's {@code executeInTransaction=false}, dbmate's
 *     {@code transaction:false})
 */
public record Script(Path file, String sql, int firstLine, boolean noTransaction) {

    /** driftgate's own marker, for layouts that have none: a comment line of its own. */
    private static final Pattern NO_TRANSACTION_MARKER = Pattern.compile("(?m)^\\s*--\\s*driftgate:no-transaction\\s*$");

    public Script(Path file, String sql, int firstLine) {
        this(file, sql, firstLine, false);
    }

    public static Script of(Path file, String sql) {
        return new Script(file, sql, 1);
    }

    /** The statements, each with its file and real line. */
    public List<SqlStatement> statements(Dialect dialect) {
        return dialect.splitScript(sql, file.toString()).stream()
                .map(s -> new SqlStatement(s.sql(), s.source(), s.line() + firstLine - 1, s.ordinal()))
                .toList();
    }

    /** True when there is nothing to run: only blanks and comments. */
    public boolean isBlank(Dialect dialect) {
        return statements(dialect).isEmpty();
    }

    /** True when the script must run outside a transaction: marked by its layout or by {@code -- driftgate:no-transaction}. */
    public boolean outsideTransaction() {
        return noTransaction || NO_TRANSACTION_MARKER.matcher(sql).find();
    }
}
