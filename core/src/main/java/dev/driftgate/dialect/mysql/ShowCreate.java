package dev.driftgate.dialect.mysql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Definitions as MariaDB's SHOW CREATE prints them, which is what mariadb-dump writes:
 * information_schema converts trigger and event bodies to utf8mb3 (a 4-byte character becomes
 * {@code ?}) and prints view queries without the character set introducers they were written with
 * ({@code _utf8mb3' '}). Results are read as bytes, as the dump reads them, and decoded as UTF-8.
 */
final class ShowCreate {

    private static final Pattern VIEW_HEAD =
            Pattern.compile("^CREATE .*? VIEW (?:`(?:[^`]|``)*`\\.)?`(?:[^`]|``)*` AS ", Pattern.DOTALL);
    private static final Pattern CHECK_OPTION = Pattern.compile(" WITH (?:CASCADED|LOCAL) CHECK OPTION$");

    private final Connection connection;

    ShowCreate(Connection connection) {
        this.connection = connection;
    }

    /** The query of a view as SHOW CREATE VIEW prints it, without its check option (an attribute), or null. */
    String viewQuery(String schema, String view) throws SQLException {
        String create = show("SHOW CREATE VIEW " + qualified(schema, view), 2);
        if (create == null) {
            return null;
        }
        Matcher head = VIEW_HEAD.matcher(create);
        return head.find() ? CHECK_OPTION.matcher(create.substring(head.end())).replaceFirst("") : null;
    }

    /** The statement a trigger was created with, as SHOW CREATE TRIGGER prints it, or null. */
    String triggerStatement(String schema, String trigger) throws SQLException {
        return show("SHOW CREATE TRIGGER " + qualified(schema, trigger), 3);
    }

    /** The statement an event was created with, as SHOW CREATE EVENT prints it, or null. */
    String eventStatement(String schema, String event) throws SQLException {
        return show("SHOW CREATE EVENT " + qualified(schema, event), 4);
    }

    /**
     * The body the server keeps when information_schema printed a lossy copy of it: the end of the
     * original statement that is as long as the copy and matches it where the copy has no
     * {@code ?}; the copy itself when none does.
     */
    static String exactTail(String original, String lossy) {
        if (original == null || lossy == null) {
            return lossy;
        }
        int[] copy = lossy.strip().codePoints().toArray();
        int[] all = original.strip().codePoints().toArray();
        if (copy.length > all.length) {
            return lossy;
        }
        int offset = all.length - copy.length;
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] != '?' && copy[i] != all[offset + i]) {
                return lossy;
            }
        }
        return new String(all, offset, copy.length);
    }

    private String show(String sql, int column) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET @driftgate_results = @@character_set_results, character_set_results = binary");
            try (ResultSet r = s.executeQuery(sql)) {
                byte[] text = r.next() ? r.getBytes(column) : null;
                return text == null ? null : new String(text, StandardCharsets.UTF_8);
            } finally {
                s.execute("SET character_set_results = @driftgate_results");
            }
        }
    }

    private static String qualified(String schema, String name) {
        return "`" + schema.replace("`", "``") + "`.`" + name.replace("`", "``") + "`";
    }
}
