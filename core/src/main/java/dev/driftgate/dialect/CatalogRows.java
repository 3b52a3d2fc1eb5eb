package dev.driftgate.dialect;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers shared by the introspectors: run a catalog query, read arrays and nulls. */
public final class CatalogRows {

    /** Reads one row of a result set into something. */
    @FunctionalInterface
    public interface RowReader {
        void read(ResultSet row) throws SQLException;
    }

    private CatalogRows() {}

    /** Runs a query with positional parameters and hands every row to the reader. */
    public static void query(Connection connection, String sql, RowReader reader, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(1000);
            for (int i = 0; i < parameters.length; i++) {
                Object parameter = parameters[i];
                if (parameter instanceof String[] array) {
                    statement.setArray(i + 1, connection.createArrayOf("text", array));
                } else {
                    statement.setObject(i + 1, parameter);
                }
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }

    /** A two-column query as a map from the first column to the second, in row order. */
    public static Map<String, String> pairs(Connection connection, String sql) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        query(connection, sql, row -> out.put(row.getString(1), row.getString(2)));
        return out;
    }

    /** A text array column as a list (empty for SQL NULL). */
    public static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        Object value = array.getArray();
        if (value instanceof String[] texts) {
            return Arrays.asList(texts);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (Object[]) value) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    /** A smallint array column as ints. */
    public static int[] ints(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return new int[0];
        }
        Object[] values = (Object[]) array.getArray();
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).intValue();
        }
        return out;
    }

    /** A text column, with empty text read as absent. */
    public static String text(ResultSet row, String column) throws SQLException {
        String value = row.getString(column);
        return value == null || value.isEmpty() ? null : value;
    }
}
