package dev.driftgate.compat;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.driftgate.DriftgateException;
import dev.driftgate.dialect.Dialect;
import dev.driftgate.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the statements an application release sends: a {@code .sql} file, a directory of them (in
 * name order), or a capture from production, as CSV with a header row or as a JSON array of
 * objects. A capture's statement column is {@code query} (a {@code pg_stat_statements} export,
 * {@code $1} parameters) or {@code digest_text} (MySQL/MariaDB
 * {@code performance_schema.events_statements_summary_by_digest}, {@code ?} parameters); its entry
 * is named by {@code queryid} or {@code digest} where the export has them.
 *
 * <p>Only statements the server can PREPARE and an application sends as queries are kept
 * (SELECT, INSERT, UPDATE, DELETE, REPLACE, MERGE, WITH, VALUES, TABLE); the others (SET, BEGIN,
 * SHOW, DDL) and digests the server cut short are skipped and counted.
 */
public final class ReleaseQueries {

    /** @param skipped why statements were left out, with how many: {@code 3 not queries (SET, BEGIN)} */
    public record Loaded(List<ReleaseStatement> statements, List<String> skipped) {}

    private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z]+)");
    private static final List<String> QUERIES = List.of("select", "insert", "update", "delete", "replace", "merge",
            "with", "values", "table");
    /** A MySQL digest writes a list of values as {@code (...)}; one placeholder prepares in its place. */
    private static final Pattern DIGEST_LIST = Pattern.compile("\\(\\s*\\.\\.\\.\\s*\\)");
    /** Further rows of a multi-row INSERT in a MySQL digest: {@code /* , ... *}{@code /}. */
    private static final Pattern DIGEST_MORE_ROWS = Pattern.compile("/\\*\\s*,\\s*\\.\\.\\.\\s*\\*/");
    private static final Pattern INSERT_COLUMNS = Pattern.compile(
            "(?is)^\\s*(?:insert|replace)\\s+(?:ignore\\s+)?(?:into\\s+)?\\S+\\s*\\(([^)]*)\\)\\s*values\\s*\\(\\s*\\.\\.\\.\\s*\\)");

    private ReleaseQueries() {}

    public static Loaded read(Path path, Dialect dialect) {
        List<ReleaseStatement> out = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> files = Files.list(path)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList()) {
                    sqlFile(file, dialect, out, skipped);
                }
            } catch (IOException e) {
                throw new DriftgateException(path + ": cannot list: " + e.getMessage(), e);
            }
        } else if (!Files.isRegularFile(path)) {
            throw new DriftgateException(path + ": not found (a .sql file, a directory of them, or a capture .csv/.json)");
        } else {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                capture(path, csvRows(path), out, skipped);
            } else if (name.endsWith(".json")) {
                capture(path, jsonRows(path), out, skipped);
            } else {
                sqlFile(path, dialect, out, skipped);
            }
        }
        List<String> reasons = new ArrayList<>();
        skipped.forEach((why, n) -> reasons.add(n + " " + why));
        return new Loaded(List.copyOf(out), List.copyOf(reasons));
    }

    private static void sqlFile(Path file, Dialect dialect, List<ReleaseStatement> out, Map<String, Integer> skipped) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new DriftgateException(file + ": cannot read: " + e.getMessage(), e);
        }
        for (SqlStatement s : dialect.splitScript(text, file.toString())) {
            keep(s.sql(), s.location(), out, skipped);
        }
    }

    /** A row of a capture: where it is ({@code :12} in a CSV file, {@code  entry 3} in JSON), its columns by lower-case name. */
    private record Row(String where, Map<String, String> columns) {}

    private static void capture(Path file, List<Row> rows, List<ReleaseStatement> out, Map<String, Integer> skipped) {
        for (Row row : rows) {
            String sql = row.columns().containsKey("query") ? row.columns().get("query") : row.columns().get("digest_text");
            if (sql == null) {
                throw new DriftgateException(file + row.where() + ": a capture needs a query column "
                        + "(pg_stat_statements) or a digest_text column (performance_schema); found "
                        + String.join(", ", row.columns().keySet()));
            }
            String id = row.columns().containsKey("queryid") ? "queryid " + row.columns().get("queryid")
                    : row.columns().containsKey("digest") ? "digest " + row.columns().get("digest") : null;
            String origin = file + row.where() + (id == null ? "" : " (" + id + ")");
            String stripped = sql.strip();
            if (stripped.endsWith("...") && !stripped.endsWith("(...)")) {
                // performance_schema cuts digests at max_digest_length and marks the cut with "...".
                skipped.merge("cut short by the server (max_digest_length)", 1, Integer::sum);
                continue;
            }
            keep(fromDigest(stripped), origin, out, skipped);
        }
    }

    /** A MySQL/MariaDB digest as a statement PREPARE accepts: a list {@code (...)} becomes placeholders. */
    static String fromDigest(String digest) {
        String sql = DIGEST_MORE_ROWS.matcher(digest).replaceAll("");
        Matcher insert = INSERT_COLUMNS.matcher(sql);
        if (insert.find()) {
            int columns = insert.group(1).split(",").length;
            int open = sql.lastIndexOf('(', insert.end() - 1);
            sql = sql.substring(0, open) + "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")"
                    + sql.substring(insert.end());
        }
        return DIGEST_LIST.matcher(sql).replaceAll("(?)");
    }

    private static void keep(String sql, String origin, List<ReleaseStatement> out, Map<String, Integer> skipped) {
        Matcher m = FIRST_WORD.matcher(withoutLeadingComments(sql));
        String word = m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "";
        if (QUERIES.contains(word)) {
            out.add(new ReleaseStatement(sql, origin));
        } else {
            skipped.merge("not queries the server prepares (" + (word.isEmpty() ? "empty" : word.toUpperCase(Locale.ROOT)) + ")",
                    1, Integer::sum);
        }
    }

    private static String withoutLeadingComments(String sql) {
        String s = sql.strip();
        while (true) {
            if (s.startsWith("--") || s.startsWith("#")) {
                int nl = s.indexOf('\n');
                s = nl < 0 ? "" : s.substring(nl + 1).strip();
            } else if (s.startsWith("/*")) {
                int end = s.indexOf("*/");
                s = end < 0 ? "" : s.substring(end + 2).strip();
            } else {
                return s;
            }
        }
    }

    private static List<Row> csvRows(Path file) {
        CsvMapper csv = new CsvMapper();
        csv.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = csv.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            // A row starts where the parser stands after the row before it (a quoted query may
            // span lines): at the start of a line once it has read the line end, else on the next.
            int line = 2;
            while (it.hasNextValue()) {
                Map<String, String> row = it.nextValue();
                int start = line;
                JsonLocation at = it.getParser().currentLocation();
                line = at.getColumnNr() <= 1 ? at.getLineNr() : at.getLineNr() + 1;
                Map<String, String> columns = new TreeMap<>();
                row.forEach((k, v) -> columns.put(k.strip().toLowerCase(Locale.ROOT), v));
                rows.add(new Row(":" + start, columns));
            }
        } catch (IOException | RuntimeException e) {
            throw new DriftgateException(file + ": not a CSV capture with a header row: " + firstLine(e.getMessage()), e);
        }
        return rows;
    }

    private static List<Row> jsonRows(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DriftgateException(file + ": not JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isArray()) {
            throw new DriftgateException(file + ":1: a JSON capture is an array of objects, one per statement");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            Map<String, String> columns = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : root.get(i).properties()) {
                columns.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().isNull() ? null : e.getValue().asText());
            }
            rows.add(new Row(" entry " + (i + 1), columns));
        }
        return rows;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
