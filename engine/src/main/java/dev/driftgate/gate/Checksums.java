package dev.driftgate.gate;

import dev.driftgate.schema.Column;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A checksum of every table's rows, order-independent, over the columns a snapshot lists: equal
 * checksums before a migration and after its rollback mean the rows came back as they were.
 */
final class Checksums {

    private Checksums() {}

    /** Table path to {@code rows:hash}; a table that cannot be read maps to the reason. */
    static Map<String, String> of(Connection connection, SchemaSnapshot snapshot) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        boolean postgres = snapshot.dialect().equals("postgresql");
        try (Statement s = connection.createStatement()) {
            for (Schema schema : snapshot.schemas()) {
                for (Table t : schema.tables()) {
                    if ((postgres && t.partitionKey() != null) || t.columns().isEmpty()) {
                        continue; // a PostgreSQL partitioned parent holds no rows of its own
                    }
                    String sql = postgres ? postgres(schema.name(), t) : mysql(t);
                    try (ResultSet rs = s.executeQuery(sql)) {
                        rs.next();
                        out.put(schema.name() + "." + t.name(), rs.getLong(1) + " rows:" + rs.getString(2));
                    } catch (SQLException e) {
                        out.put(schema.name() + "." + t.name(), "unreadable: " + e.getMessage().lines().findFirst().orElse(""));
                        if (postgres && !connection.getAutoCommit()) {
                            connection.rollback();
                        }
                    }
                }
            }
        }
        return out;
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
