package dev.driftgate.safety;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relations a statement creates, read from its text: the parser does not read every form
 * ({@code PARTITION BY}, {@code LIKE … INCLUDING}, {@code CREATE MATERIALIZED VIEW … WITH NO DATA}),
 * and an index on any of them locks nothing that running code uses yet.
 */
public final class CreatedRelations {

    private static final Pattern CREATE = Pattern.compile("(?is)^\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?"
            + "(?:(?:GLOBAL|LOCAL)\\s+)?(?:TEMP\\s+|TEMPORARY\\s+|UNLOGGED\\s+)?"
            + "(?:TABLE|MATERIALIZED\\s+VIEW)\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?"
            + "((?:(?:\"[^\"]+\"|`[^`]+`|[\\w$]+)\\.)*(?:\"[^\"]+\"|`[^`]+`|[\\w$]+))");

    private CreatedRelations() {}

    /** Records the table or materialized view the statement creates, if it creates one. */
    public static void record(String sql, MigrationState migration) {
        Matcher m = CREATE.matcher(sql);
        if (m.find()) {
            migration.created(m.group(1));
        }
    }
}
