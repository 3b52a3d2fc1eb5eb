package dev.driftgate.gate;

import dev.driftgate.schema.Column;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A checksum of every table's rows, order-independent, over the columns a snapshot lists: equal
 * checksums before a migration and after its rollback mean the rows came back as they were.
 */
final class Checksums {

    private Checksums() {}

    /** Tables per query: one round trip for a hundred tables, not a hundred. */
    private static final int BATCH = 100;

    /** Table path to {@code rows:hash}; a table that cannot be read maps to the reason. */
    static Map<String, String> of(Connection connection, SchemaSnapshot snapshot) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        boolean postgres = snapshot.dialect().equals("postgresql");
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        for (Schema schema : snapshot.schemas()) {
            for (Table t : schema.tables()) {
                if ((postgres && t.partitionKey() != null) || t.columns().isEmpty()) {
                    continue; // a PostgreSQL partitioned parent holds no rows of its own
                }
                queries.put(schema.name() + "." + t.name(), postgres ? postgres(schema.name(), t) : mysql(t));
            }
        }
        List<String> names = new ArrayList<>(queries.keySet());
        try (Statement s = connection.createStatement()) {
            for (int from = 0; from < names.size(); from += BATCH) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
                try {
                    String union = batch.stream().map(n -> "SELECT " + literal(n, postgres) + ", q.* FROM (" + queries.get(n) + ") q")
                            .collect(Collectors.joining(" UNION ALL "));
                    try (ResultSet rs = s.executeQuery(union)) {
                        while (rs.next()) {
                            out.put(rs.getString(1), rs.getLong(2) + " rows:" + rs.getString(3));
                        }
                    }
                } catch (SQLException e) {
                    // A table that cannot be read fails its whole batch: read those tables one by one.
                    rollbackIfInTransaction(connection, postgres);
                    for (String n : batch) {
                        try (ResultSet rs = s.executeQuery(queries.get(n))) {
                            rs.next();
                            out.put(n, rs.getLong(1) + " rows:" + rs.getString(2));
                        } catch (SQLException one) {
                            out.put(n, "unreadable: " + one.getMessage().lines().findFirst().orElse(""));
                            rollbackIfInTransaction(connection, postgres);
                        }
                    }
                }
            }
        }
        return out;
    }

    private static void rollbackIfInTransaction(Connection connection, boolean postgres) throws SQLException {
        if (postgres && !connection.getAutoCommit()) {
            connection.rollback();
        }
    }

    /** A string literal: MySQL also treats backslashes as escapes, PostgreSQL (standard strings) does not. */
    private static String literal(String text, boolean postgres) {
        String escaped = postgres ? text : text.replace("\\", "\\\\");
        return "'" + escaped.replace("'", "''") + "'";
    }

    private static String postgres(String schema, Table t) {
        String row = t.columns().stream().map(c -> "coalesce(" + pq(c.name()) + "::text, '\\N')")
                .collect(Collectors.joining(" || chr(31) || "));
        return "SELECT count(*), coalesce(md5(string_agg(md5(" + row + "), '' ORDER BY md5(" + row + "))), '') FROM "
                + pq(schema) + "." + pq(t.name());
    }

    private static String mysql(Table t) {
        String row = t.columns().stream().map(Column::name).map(c -> "IFNULL(CAST(" + mq(c) + " AS CHAR), '\\\\N')")
                .collect(Collectors.joining(", "));
        return "SELECT COUNT(*), CAST(COALESCE(SUM(CRC32(CONCAT_WS(CHAR(31), " + row + "))), 0) AS CHAR) FROM " + mq(t.name());
    }

    private static String pq(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static String mq(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
