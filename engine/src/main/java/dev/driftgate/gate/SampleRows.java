package dev.driftgate.gate;

import dev.driftgate.dialect.Dialect;
import dev.driftgate.schema.Column;
import dev.driftgate.schema.Constraint;
import dev.driftgate.schema.Schema;
import dev.driftgate.schema.SchemaSnapshot;
import dev.driftgate.schema.Table;
import dev.driftgate.schema.UserType;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Representative rows for the tables a migration touches, so that what it does to a table with
 * data (a scan, a rewrite, a unique index over duplicates, NOT NULL over NULLs) shows on the copy
 * it is observed on. Generated from the schema: parents before children, foreign keys pointing at
 * rows that exist, key and unique columns distinct, other columns repeating a few values (as real
 * data does) and NULL in a share of nullable columns. Checks are not solved: a batch a check
 * refuses is inserted row by row and the refused rows are left out.
 *
 * <p>Values are written as string literals and cast by the server to the column's type, which
 * both PostgreSQL and MySQL do in an INSERT; only booleans and enums need the dialect's spelling.
 */
final class SampleRows {

    private static final Pattern LENGTH = Pattern.compile("\\((\\d+)(?:,\\s*(\\d+))?\\)");
    private static final Pattern MYSQL_ENUM = Pattern.compile("(?i)^(enum|set)\\('((?:[^']|'')*)'");
    private static final LocalDate DAY_ZERO = LocalDate.of(2024, 1, 1);
    private static final Pattern QUOTED = Pattern.compile("'((?:[^']|'')*)'");
    /** Distinct values start here, above what a hand-written seed uses. */
    private static final int DISTINCT_OFFSET = 10_000;

    /** What was inserted, per table, for the report. */
    record Inserted(String table, int rows, String note) {}

    private final Dialect dialect;
    private final SchemaSnapshot schema;
    private final int rowsPerTable;
    private final Set<String> newTables;
    private final Map<String, Integer> alreadyFilled;

    /**
     * @param newTables tables earlier migrations of the same change created ({@link TargetRun#tableKey}):
     *     empty in production, so left empty here
     * @param alreadyFilled rows generated earlier on the same copy, by table ({@link TargetRun#tableKey}):
     *     left as they are (their keys would collide); tables filled now are added
     */
    SampleRows(Dialect dialect, SchemaSnapshot schema, int rowsPerTable, Set<String> newTables,
            Map<String, Integer> alreadyFilled) {
        this.dialect = dialect;
        this.schema = schema;
        this.rowsPerTable = rowsPerTable;
        this.newTables = newTables;
        this.alreadyFilled = alreadyFilled;
    }

    /**
     * Fills the tables whose names the migration's text mentions, and the tables they reference,
     * parents first.
     */
    List<Inserted> fill(Connection c, String migrationText) throws SQLException {
        Map<String, Qualified> tables = new LinkedHashMap<>();
        for (Schema s : schema.schemas()) {
            for (Table t : s.tables()) {
                if (t.partitionOf() == null && !newTables.contains(TargetRun.tableKey(dialect, s.name(), t.name()))) {
                    tables.put(key(s, t), new Qualified(s, t));
                }
            }
        }
        Set<String> wanted = new HashSet<>();
        String text = migrationText.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, Qualified> e : tables.entrySet()) {
            if (Pattern.compile("\\b" + Pattern.quote(e.getValue().table().name().toLowerCase(Locale.ROOT)) + "\\b")
                    .matcher(text).find()) {
                addWithParents(e.getKey(), tables, wanted);
            }
        }
        List<Inserted> out = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (String table : wanted) {
            fillInOrder(c, table, tables, wanted, done, out, new HashSet<>());
        }
        return out;
    }

    private record Qualified(Schema schema, Table table) {}

    private static String key(Schema s, Table t) {
        return s.name() + "." + t.name();
    }

    private static String key(String schema, String table) {
        return schema + "." + table;
    }

    private void addWithParents(String table, Map<String, Qualified> tables, Set<String> into) {
        if (!into.add(table) || !tables.containsKey(table)) {
            return;
        }
        Qualified q = tables.get(table);
        for (Constraint fk : q.table().constraints()) {
            if (fk.type() == Constraint.ConstraintType.FOREIGN_KEY && fk.references() != null) {
                String parent = key(fk.references().schema() == null ? q.schema().name() : fk.references().schema(),
                        fk.references().table());
                addWithParents(parent, tables, into);
            }
        }
    }

    private void fillInOrder(Connection c, String table, Map<String, Qualified> tables, Set<String> wanted,
            Set<String> done, List<Inserted> out, Set<String> visiting) throws SQLException {
        if (done.contains(table) || !tables.containsKey(table) || !visiting.add(table)) {
            return;
        }
        Qualified q = tables.get(table);
        for (Constraint fk : q.table().constraints()) {
            if (fk.type() == Constraint.ConstraintType.FOREIGN_KEY && fk.references() != null) {
                String parent = key(fk.references().schema() == null ? q.schema().name() : fk.references().schema(),
                        fk.references().table());
                if (!parent.equals(table) && wanted.contains(parent)) {
                    fillInOrder(c, parent, tables, wanted, done, out, visiting);
                }
            }
        }
        done.add(table);
        Integer earlier = alreadyFilled.get(label(q));
        if (earlier != null) {
            out.add(new Inserted(label(q), earlier, "added for an earlier candidate"));
            return;
        }
        Inserted inserted = insert(c, q);
        alreadyFilled.put(label(q), inserted.rows());
        out.add(inserted);
    }

    private Inserted insert(Connection c, Qualified q) throws SQLException {
        Table t = q.table();
        String name = qualified(q.schema().name(), t.name());
        Set<String> distinct = distinctColumns(t);
        Map<String, List<List<String>>> parents = parentKeys(c, q);
        List<Column> columns = t.columns().stream()
                .filter(col -> col.identity() == null && col.generated() == null && !isSequenceDefault(col)).toList();
        if (columns.isEmpty()) {
            return new Inserted(label(q), 0, "no column to fill");
        }
        Map<String, Integer> keyPosition = new HashMap<>();
        Map<String, List<List<String>>> keysByColumn = new HashMap<>();
        for (Constraint fk : t.constraints()) {
            if (fk.type() == Constraint.ConstraintType.FOREIGN_KEY && fk.references() != null) {
                List<List<String>> rows = parents.get(fk.name());
                for (int k = 0; k < fk.columns().size(); k++) {
                    keyPosition.put(fk.columns().get(k), k);
                    keysByColumn.put(fk.columns().get(k), rows);
                }
            }
        }
        Map<String, List<String>> allowed = allowedValues(t);
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= rowsPerTable; i++) {
            List<String> values = new ArrayList<>();
            for (Column col : columns) {
                List<String> choices = allowed.get(col.name());
                values.add(choices != null && keysByColumn.get(col.name()) == null
                        ? dialect.quoteLiteral(choices.get(i % choices.size()))
                        : value(q, col, i, distinct.contains(col.name()), keysByColumn.get(col.name()),
                                keyPosition.getOrDefault(col.name(), 0)));
            }
            rows.add("(" + String.join(", ", values) + ")");
        }
        String head = "INSERT INTO " + name + " (" + String.join(", ",
                columns.stream().map(col -> dialect.quoteIdentifier(col.name())).toList()) + ") VALUES ";
        try (Statement s = c.createStatement()) {
            s.executeUpdate(head + String.join(", ", rows));
            return new Inserted(label(q), rows.size(), null);
        } catch (SQLException batchRefused) {
            int inserted = 0;
            String firstError = null;
            for (String row : rows) {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate(head + row);
                    inserted++;
                } catch (SQLException e) {
                    if (firstError == null) {
                        firstError = e.getMessage().lines().findFirst().orElse("");
                    }
                }
            }
            return new Inserted(label(q), inserted,
                    inserted < rows.size() ? (rows.size() - inserted) + " rows refused: " + firstError : null);
        }
    }

    /**
     * A check on one column that lists string literals ({@code status IN ('new', 'paid')}, or
     * PostgreSQL's {@code status = ANY (ARRAY['new'::text, …])}): its values are taken from the list.
     */
    private static Map<String, List<String>> allowedValues(Table t) {
        Map<String, List<String>> out = new HashMap<>();
        for (Constraint k : t.constraints()) {
            if (k.type() != Constraint.ConstraintType.CHECK || k.definition() == null) {
                continue;
            }
            String column = k.columns().size() == 1 ? k.columns().get(0) : null;
            if (column == null) {
                for (Column c : t.columns()) {
                    if (Pattern.compile("\\b" + Pattern.quote(c.name()) + "\\b").matcher(k.definition()).find()) {
                        if (column != null) {
                            column = null;
                            break;
                        }
                        column = c.name();
                    }
                }
            }
            List<String> values = new ArrayList<>();
            Matcher m = QUOTED.matcher(k.definition());
            while (m.find()) {
                values.add(m.group(1).replace("''", "'"));
            }
            if (column != null && !values.isEmpty()) {
                out.put(column, values);
            }
        }
        return out;
    }

    /** Columns of the primary key and of single-column unique constraints and indexes: their values must differ. */
    private static Set<String> distinctColumns(Table t) {
        Set<String> out = new HashSet<>();
        for (Constraint k : t.constraints()) {
            if (k.type() == Constraint.ConstraintType.PRIMARY_KEY || k.type() == Constraint.ConstraintType.UNIQUE) {
                out.addAll(k.columns());
            }
        }
        t.indexes().stream().filter(ix -> ix.unique()).forEach(ix -> ix.keys().stream()
                .filter(k -> k.column() != null).forEach(k -> out.add(k.column())));
        return out;
    }

    /**
     * A table's name for SQL on the copy. A MySQL snapshot's schema is the database it was read
     * from, not the copy: tables there are named alone, in the connection's database.
     */
    private String qualified(String schemaName, String table) {
        return dialect.schemaIsDatabase() ? dialect.quoteIdentifier(table)
                : dialect.quoteIdentifier(schemaName) + "." + dialect.quoteIdentifier(table);
    }

    private String label(Qualified q) {
        return TargetRun.tableKey(dialect, q.schema().name(), q.table().name());
    }

    private static boolean isSequenceDefault(Column col) {
        return col.defaultValue() != null && col.defaultValue().toLowerCase(Locale.ROOT).contains("nextval(");
    }

    /** Up to as many rows of each referenced key as this table gets, read back from the parent. */
    private Map<String, List<List<String>>> parentKeys(Connection c, Qualified q) throws SQLException {
        Map<String, List<List<String>>> out = new HashMap<>();
        for (Constraint fk : q.table().constraints()) {
            if (fk.type() != Constraint.ConstraintType.FOREIGN_KEY || fk.references() == null) {
                continue;
            }
            String parentSchema = fk.references().schema() == null ? q.schema().name() : fk.references().schema();
            String sql = "SELECT " + String.join(", ", fk.references().columns().stream().map(dialect::quoteIdentifier).toList())
                    + " FROM " + qualified(parentSchema, fk.references().table())
                    + " WHERE " + String.join(" AND ", fk.references().columns().stream()
                            .map(col -> dialect.quoteIdentifier(col) + " IS NOT NULL").toList())
                    + " LIMIT " + rowsPerTable;
            List<List<String>> keys = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    List<String> key = new ArrayList<>();
                    for (int k = 1; k <= fk.references().columns().size(); k++) {
                        key.add(rs.getString(k));
                    }
                    keys.add(key);
                }
            }
            out.put(fk.name(), keys);
        }
        return out;
    }

    private String value(Qualified q, Column col, int i, boolean distinct, List<List<String>> parentKeys, int keyPosition) {
        if (parentKeys != null) {
            if (parentKeys.isEmpty()) {
                return "NULL";
            }
            String v = parentKeys.get((i - 1) % parentKeys.size()).get(keyPosition);
            return v == null ? "NULL" : dialect.quoteLiteral(v);
        }
        // A share of NULLs in nullable columns, as real data has: what SET NOT NULL trips over.
        if (col.nullable() && !distinct && i % 5 == 0) {
            return "NULL";
        }
        // Non-key columns repeat a handful of values: what a unique index over them trips over.
        int n = distinct ? DISTINCT_OFFSET + i : 1 + i % 7;
        String type = col.type().toLowerCase(Locale.ROOT);
        String literal = literal(q, type, n);
        return literal == null ? (col.nullable() ? "NULL" : "DEFAULT") : literal;
    }

    private String literal(Qualified q, String type, int n) {
        if (type.endsWith("[]")) {
            return dialect.quoteLiteral("{}");
        }
        Matcher mysqlEnum = MYSQL_ENUM.matcher(type);
        if (mysqlEnum.find()) {
            return dialect.quoteLiteral(mysqlEnum.group(2).replace("''", "'"));
        }
        for (UserType ut : q.schema().types()) {
            if (ut.kind() == UserType.Kind.ENUM && (type.equals(ut.name().toLowerCase(Locale.ROOT))
                    || type.endsWith("." + ut.name().toLowerCase(Locale.ROOT))) && !ut.labels().isEmpty()) {
                return dialect.quoteLiteral(ut.labels().get(n % ut.labels().size()));
            }
        }
        String base = type.replaceAll("\\(.*", "").replace(" unsigned", "").strip();
        Matcher size = LENGTH.matcher(type);
        Integer length = size.find() ? Integer.valueOf(size.group(1)) : null;
        Integer scale = length != null && size.group(2) != null ? Integer.valueOf(size.group(2)) : null;
        return switch (base) {
            case "smallint", "integer", "int", "bigint", "mediumint", "int2", "int4", "int8" -> quoted(Integer.toString(n));
            case "tinyint" -> quoted(Integer.toString(length != null && length == 1 ? n % 2 : n % 100));
            case "numeric", "decimal" -> quoted(Integer.toString(length == null ? n
                    : (int) (n % Math.max(1, Math.min(1_000_000_000L, (long) Math.pow(10, length - (scale == null ? 0 : scale)) - 1)))));
            case "real", "double precision", "double", "float" -> quoted(n + ".5");
            case "boolean", "bool" -> quoted(dialect.booleanText(n % 2 == 0));
            case "bit" -> quoted(dialect.zeroBitsText(length));
            case "text", "character varying", "varchar", "character", "char", "citext", "tinytext", "mediumtext", "longtext",
                    "name" -> quoted(fit(Integer.toString(n, 36), length));
            case "date" -> quoted(DAY_ZERO.plusDays(n).toString());
            case "timestamp", "timestamp without time zone", "timestamp with time zone", "datetime", "timestamptz" ->
                    quoted(LocalDateTime.of(DAY_ZERO, LocalTime.NOON).plusMinutes(n).toString().replace('T', ' '));
            case "time", "time without time zone", "time with time zone" -> quoted("12:00:00");
            case "year" -> quoted(Integer.toString(2000 + n % 50));
            case "interval" -> quoted(n + " minutes");
            case "uuid" -> quoted(UUID.nameUUIDFromBytes(("row" + n).getBytes(StandardCharsets.UTF_8)).toString());
            case "json", "jsonb" -> quoted("{}");
            case "inet", "cidr" -> quoted("10.0." + (n / 250) % 250 + "." + n % 250);
            default -> null;
        };
    }

    private String quoted(String text) {
        return dialect.quoteLiteral(text);
    }

    private static String fit(String text, Integer length) {
        String v = "v" + text;
        return length == null || v.length() <= length ? v : text.length() <= length ? text : text.substring(text.length() - length);
    }
}
