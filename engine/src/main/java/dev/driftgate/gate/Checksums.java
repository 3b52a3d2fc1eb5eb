package dev.driftgate.gate;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.dialect.Dialects;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /**
     * A table's rows: their count and an order-independent digest, or why they could not be read.
     * Printed as {@code 3 rows:<digest>} or {@code unreadable: <reason>}.
     */
    record TableRows(long count, String digest, String problem) {

        static TableRows unreadable(String problem) {
            return new TableRows(0, null, problem);
        }

        @Override
        public String toString() {
            return problem != null ? "unreadable: " + problem : count + " rows:" + digest;
        }
    }

    /** Table path to its rows, for every table of the snapshot that holds rows of its own. */
    static Map<String, TableRows> of(Connection connection, SchemaSnapshot snapshot) throws SQLException {
        Dialect dialect = Dialects.byName(snapshot.dialect());
        Map<String, TableRows> out = new TreeMap<>();
        Map<String, String> queries = new LinkedHashMap<>();
        for (Schema schema : snapshot.schemas()) {
            for (Table t : schema.tables()) {
                dialect.rowDigestSql(schema.name(), t).ifPresent(sql -> queries.put(schema.name() + "." + t.name(), sql));
            }
        }
        List<String> names = new ArrayList<>(queries.keySet());
        try (Statement s = connection.createStatement()) {
            for (int from = 0; from < names.size(); from += BATCH) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
                try {
                    String union = batch.stream()
                            .map(n -> "SELECT " + dialect.quoteLiteral(n) + ", q.* FROM (" + queries.get(n) + ") q")
                            .collect(Collectors.joining(" UNION ALL "));
                    try (ResultSet rs = s.executeQuery(union)) {
                        while (rs.next()) {
                            out.put(rs.getString(1), new TableRows(rs.getLong(2), rs.getString(3), null));
                        }
                    }
                } catch (SQLException e) {
                    // A table that cannot be read fails its whole batch: read those tables one by one.
                    rollbackIfInTransaction(connection);
                    for (String n : batch) {
                        try (ResultSet rs = s.executeQuery(queries.get(n))) {
                            rs.next();
                            out.put(n, new TableRows(rs.getLong(1), rs.getString(2), null));
                        } catch (SQLException one) {
                            out.put(n, TableRows.unreadable(one.getMessage().lines().findFirst().orElse("")));
                            rollbackIfInTransaction(connection);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A failed statement aborts an open transaction (PostgreSQL): end it so the next one runs. */
    private static void rollbackIfInTransaction(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
        }
    }
}
